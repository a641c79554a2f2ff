import GRDB

/// The current state of one target, read from the derived tables, in the payload format of
/// its `assert` record. A retraction keeps it as `previous` (so `undo` can restore it), a
/// correction keeps the value it replaces, and `export knowledge` writes it out.
enum ChangeSnapshot {
  /// - Parameter aliasLayer: only an entity's aliases of this layer (nil: all of them).
  static func payload(_ db: Database, _ type: ChangeTarget, _ key: String, aliasLayer: String? = nil) throws
    -> Value?
  {
    switch type {
    case .source: return try source(db, key)
    case .entity: return try entity(db, key, aliasLayer: aliasLayer)
    case .fact: return try fact(db, key)
    case .edge: return try edge(db, key)
    case .price: return try price(db, key)
    case .fx: return try fx(db, key)
    case .alias, .label:
      let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { return nil }
      return .map(["entity": .string(parts[0]), type.rawValue: .string(parts[1])])
    }
  }

  static func row(_ db: Database, _ sql: String, _ key: String) throws -> Row? {
    try Row.fetchOne(db, sql: sql, arguments: [key])
  }

  static func text(_ row: Row, _ columns: [String]) -> [(String, String?)] {
    columns.map { ($0, row[$0] as String?) }
  }

  static func source(_ db: Database, _ key: String) throws -> Value? {
    guard let r = try row(db, "SELECT * FROM source WHERE key = ?", key) else { return nil }
    return .payload(
      text(r, ["key", "kind", "title", "publisher", "url", "published", "reliability", "note"]))
  }

  static func entity(_ db: Database, _ key: String, aliasLayer: String?) throws -> Value? {
    guard let r = try row(db, "SELECT * FROM node WHERE key = ?", key) else { return nil }
    let id: Int64 = r["id"]
    let labels = try String.fetchAll(
      db, sql: "SELECT label FROM node_label WHERE node_id = ? ORDER BY label", arguments: [id])
    let aliases = try String.fetchAll(
      db, sql: "SELECT alias FROM alias WHERE node_id = ? AND layer = coalesce(?, layer) ORDER BY alias",
      arguments: [id, aliasLayer])
    var extra: [String: Value] = [
      "labels": .list(labels.map(Value.string)), "aliases": .list(aliases.map(Value.string)),
    ]
    if let props = r["props"] as String?, case .map(let m) = try JSON.decode(props), !m.isEmpty {
      extra["props"] = .map(m)
    }
    return .payload(text(r, ["key", "name", "description"]), extra: extra)
  }

  static func fact(_ db: Database, _ key: String) throws -> Value? {
    guard
      let r = try row(
        db,
        """
        SELECT f.*, f.value_type AS type, n.key AS entity, s.key AS source
        FROM fact f JOIN node n ON n.id = f.node_id LEFT JOIN source s ON s.id = f.source_id WHERE f.key = ?
        """, key)
    else { return nil }
    return .payload(
      text(
        r,
        [
          "key", "entity", "predicate", "type", "value", "unit", "currency", "qualifier", "as_of", "source",
          "quote", "status", "ref", "note", "original",
        ]))
  }

  static func edge(_ db: Database, _ key: String) throws -> Value? {
    guard
      let r = try row(
        db,
        """
        SELECT e.key, a.key AS src, t.name AS type, b.key AS dst, e.props, e.as_of, s.key AS source, e.quote,
          e.status, e.ref
        FROM edge e JOIN edge_type t ON t.id = e.type JOIN node a ON a.id = e.src JOIN node b ON b.id = e.dst
          LEFT JOIN source s ON s.id = e.source_id WHERE e.key = ?
        """, key)
    else { return nil }
    var extra: [String: Value] = [:]
    if let props = r["props"] as String?, case .map(let m) = try JSON.decode(props), !m.isEmpty {
      extra["props"] = .map(m)
    }
    return .payload(
      text(r, ["key", "src", "type", "dst", "as_of", "source", "quote", "status", "ref"]), extra: extra)
  }

  static let priceColumns = [
    "price_id", "as_of", "category", "vendor", "product", "tier", "sold_on", "billing", "input_per_1m",
    "cached_input_per_1m", "output_per_1m", "flat_price", "currency", "quota", "seller_type", "source",
    "status", "note", "imported_from", "imported_at",
  ]

  static func price(_ db: Database, _ key: String) throws -> Value? {
    guard let (id, asOf) = split(key, "@"),
      let r = try Row.fetchOne(
        db, sql: "SELECT * FROM price_row WHERE price_id = ? AND as_of = ? AND layer = 'user'",
        arguments: [id, asOf])
    else { return nil }
    return .payload(text(r, priceColumns))
  }

  static func fx(_ db: Database, _ key: String) throws -> Value? {
    guard let (pair, asOf) = split(key, "@"), let (from, to) = split(pair, "/"),
      let r = try Row.fetchOne(
        db,
        sql: """
          SELECT * FROM fx_rate WHERE from_currency = ? AND to_currency = ? AND as_of = ? AND layer = 'user'
          ORDER BY id DESC LIMIT 1
          """, arguments: [from, to, asOf])
    else { return nil }
    let isDefault: Int = r["is_default"]
    return .payload(
      [
        ("from", from), ("to", to), ("rate", r["rate"]), ("as_of", asOf), ("source", r["source"]),
        ("status", r["status"]),
      ], extra: ["default": .bool(isDefault == 1)])
  }

  /// `a@b` split at the last separator.
  static func split(_ key: String, _ separator: Character) -> (String, String)? {
    guard let i = key.lastIndex(of: separator) else { return nil }
    return (String(key[..<i]), String(key[key.index(after: i)...]))
  }
}

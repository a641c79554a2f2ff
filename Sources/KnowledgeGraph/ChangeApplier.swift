import GRDB

/// Derives the tables every command reads (source, node, alias, fact, edge, price_row,
/// fx_rate) from change records: applying the log in order, to an empty knowledge base or
/// on top of the built-in layer, gives what the commands show.
enum ChangeApplier {
  static func apply(_ r: ChangeRecord, _ w: GraphWriter) throws {
    let p = r.payload
    let layer: Layer = r.layer == .builtin ? .builtin : .user
    switch (r.targetType, r.kind) {
    case (.source, .assert), (.source, .correct):
      try w.upsertSource(source(r.target, p), layer: layer)
    case (.source, .retract):
      try w.execute("DELETE FROM source WHERE key = ?", [r.target])
    case (.entity, .correct) where p.flag("replace"):
      try replaceNode(r.target, p, w)
    case (.entity, .assert), (.entity, .correct):
      // A node made by Cypher's CREATE may have no name (""); an entity without one is named by its key.
      var name = r.target
      if case .map(let m) = p, case .string(let s)? = m["name"] { name = s }
      let id = try w.upsertNode(
        key: r.target, name: name, labels: p.fieldList("labels"),
        description: p.field("description"), props: p.fieldMap("props"), layer: layer)
      for alias in p.fieldList("aliases") { try w.addAlias(id, alias, layer: layer) }
    case (.entity, .retract):
      guard let id = try w.nodeID(key: r.target) else { return }
      try w.execute("DELETE FROM search WHERE node_id = ?", [id])
      try w.execute("DELETE FROM node WHERE id = ?", [id])
    case (.alias, _), (.label, _):
      try aliasOrLabel(r, w, layer: layer)
    case (.fact, .assert):
      try w.execute("DELETE FROM fact WHERE key = ?", [r.target])
      try addFact(r.target, p, w, layer: layer)
    case (.fact, .correct):
      try correctFact(r.target, p, w)
      if try w.hasConflict(r.target) {
        try w.execute("UPDATE fact SET status = 'conflict' WHERE key = ?", [r.target])
      }
    case (.fact, .retract):
      try w.execute("DELETE FROM fact WHERE key = ?", [r.target])
    case (.edge, .correct) where p.flag("replace"):
      let props = p.fieldMap("props")
      try w.execute(
        "UPDATE edge SET props = ? WHERE key = ?", [props.isEmpty ? nil : JSON.encode(.map(props)), r.target])
    case (.edge, .assert), (.edge, .correct):
      try w.execute("DELETE FROM edge WHERE key = ?", [r.target])
      try addEdge(r.target, p, w, layer: layer)
    case (.edge, .retract):
      try w.execute("DELETE FROM edge WHERE key = ?", [r.target])
    case (.price, .assert), (.price, .correct):
      try putPrice(p, w)
    case (.price, .retract):
      guard let (id, asOf) = ChangeSnapshot.split(r.target, "@") else { return }
      try w.execute("DELETE FROM price_row WHERE price_id = ? AND as_of = ? AND layer = 'user'", [id, asOf])
    case (.fx, .assert), (.fx, .correct):
      try putFX(p, w)
    case (.fx, .retract):
      guard let (pair, asOf) = ChangeSnapshot.split(r.target, "@"),
        let (from, to) = ChangeSnapshot.split(pair, "/")
      else { return }
      try w.execute(
        "DELETE FROM fx_rate WHERE from_currency = ? AND to_currency = ? AND as_of = ? AND layer = 'user'",
        [from, to, asOf])
    }
  }

  /// A Cypher SET/REMOVE: the node's labels become exactly these, the properties in `set`
  /// take their values and those in `unset` go; the display name follows `name` (the old
  /// name stops being a name the node answers to). An undo's payload (a whole snapshot with
  /// `props`) puts the properties back as they were.
  static func replaceNode(_ key: String, _ p: Value, _ w: GraphWriter) throws {
    guard let id = try w.nodeID(key: key) else { return }
    // Labels are written only when they change: a SET of properties leaves the node's label
    // rows alone, so the saved graph index stays valid (see `GraphIndexStamp.watching`).
    let labels = Set(p.fieldList("labels"))
    let current = try String.fetchSet(
      w.database, sql: "SELECT label FROM node_label WHERE node_id = ?", arguments: [id])
    for label in current.subtracting(labels) {
      try w.execute("DELETE FROM node_label WHERE node_id = ? AND label = ?", [id, label])
    }
    for label in labels.subtracting(current) { try w.addLabel(id, label) }
    guard case .map(let m) = p, m["set"] != nil || m["unset"] != nil || m["undoes"] != nil else { return }
    let row = try Row.fetchOne(
      w.database, sql: "SELECT name, description, props FROM node WHERE id = ?", arguments: [id])
    let old: String = row?["name"] ?? ""
    var props: [String: Value] = [:]
    // The description is the node's own column (what cards show), not one more property.
    var description: String? = row?["description"]
    if m["undoes"] != nil {
      props = p.fieldMap("props")
      description = p.field("description")
    } else {
      if let text = row?["props"] as String?, case .map(let stored) = try JSON.decode(text) { props = stored }
      for (k, v) in p.fieldMap("set") { props[k] = v }
      for k in p.fieldList("unset") { props[k] = nil }
      if let set = props.removeValue(forKey: "description") { description = set.isNull ? nil : set.plainText }
      if p.fieldList("unset").contains("description") { description = nil }
    }
    var name = old
    if m["undoes"] != nil {
      name = p.field("name") ?? ""
    } else if case .string(let s)? = p.fieldMap("set")["name"] {
      name = s
    } else if p.fieldList("unset").contains("name") {
      name = ""
    }
    if !old.isEmpty, old != name {
      try w.execute("DELETE FROM alias WHERE node_id = ? AND alias = ?", [id, old])
      try w.execute(
        "DELETE FROM search WHERE node_id = ? AND kind = 'name' AND text = ?",
        [id, "\(old) \(Names.normalize(old))"])
    }
    try w.execute(
      "UPDATE node SET props = ?, name = ?, description = ? WHERE id = ?",
      [props.isEmpty ? nil : JSON.encode(.map(props)), name, description, id])
    if !name.isEmpty { try w.addAlias(id, name, layer: .user) }
  }

  static func source(_ key: String, _ p: Value) -> Source {
    Source(
      key: key, kind: p.field("kind"), title: p.field("title"), publisher: p.field("publisher"),
      url: p.field("url"), published: p.field("published"), reliability: p.field("reliability"),
      note: p.field("note"))
  }

  static func node(_ key: String?, _ w: GraphWriter, role: String) throws -> Int64 {
    guard let key, let id = try w.nodeID(key: key) else {
      throw KgshError(
        .notFound, "the change names \(role) \(key ?? "(none)"), which is not in this knowledge base",
        hint: "add the entity first (entity add), then apply the change again")
    }
    return id
  }

  static func aliasOrLabel(_ r: ChangeRecord, _ w: GraphWriter, layer: Layer) throws {
    let p = r.payload
    let id = try node(p.field("entity"), w, role: "entity")
    let isAlias = r.targetType == .alias
    guard let text = p.field(isAlias ? "alias" : "label") else { return }
    switch (isAlias, r.kind == .retract) {
    case (true, false): try w.addAlias(id, text, layer: layer)
    case (false, false): try w.addLabel(id, text)
    case (true, true):
      try w.execute("DELETE FROM alias WHERE node_id = ? AND alias = ?", [id, text])
      try w.execute(
        "DELETE FROM search WHERE node_id = ? AND kind = 'name' AND text = ?",
        [id, "\(text) \(Names.normalize(text))"])
    case (false, true): try w.execute("DELETE FROM node_label WHERE node_id = ? AND label = ?", [id, text])
    }
  }

  static func addFact(_ key: String, _ p: Value, _ w: GraphWriter, layer: Layer) throws {
    let draft = FactDraft(
      key: key, nodeID: try node(p.field("entity"), w, role: "entity"), predicate: p.field("predicate") ?? "",
      valueType: p.field("type") ?? "text", value: p.field("value") ?? "", unit: p.field("unit"),
      currency: p.field("currency"), qualifier: p.field("qualifier"), note: p.field("note"),
      provenance: Provenance(
        source: p.field("source"), quote: p.field("quote"), asOf: p.field("as_of"), status: p.field("status"),
        ref: p.field("ref")))
    let id = try w.addFact(draft, layer: layer)
    if let original = p.field("original") {
      try w.execute("UPDATE fact SET original = ? WHERE id = ?", [original, id])
    }
  }

  /// A correction replaces the value and its provenance; what it does not name stays.
  static func correctFact(_ key: String, _ p: Value, _ w: GraphWriter) throws {
    let type = p.field("type") ?? "text"
    let value = p.field("value") ?? ""
    let sourceID: Int64? = try p.field("source").map { try w.sourceID($0) }
    try w.execute(
      """
      UPDATE fact SET value_type = ?, value = ?, num = ?, unit = ?, currency = ?, original = ?,
        qualifier = coalesce(?, qualifier), as_of = coalesce(?, as_of), source_id = ?, quote = ?, status = ?
      WHERE key = ?
      """,
      [
        type, value, FactValue.number(type: type, raw: value), p.field("unit"), p.field("currency"),
        p.field("original"), p.field("qualifier"), p.field("as_of"), sourceID, p.field("quote"),
        p.field("status"), key,
      ])
    if let quote = p.field("quote"),
      let nodeID = try Int64.fetchOne(
        w.database, sql: "SELECT node_id FROM fact WHERE key = ?", arguments: [key])
    {
      try w.execute("INSERT INTO search(text, node_id, kind) VALUES (?, ?, 'quote')", [quote, nodeID])
    }
  }

  static func addEdge(_ key: String, _ p: Value, _ w: GraphWriter, layer: Layer) throws {
    try w.addEdge(
      try node(p.field("src"), w, role: "source entity"), p.field("type") ?? "RELATED_TO",
      try node(p.field("dst"), w, role: "target entity"), props: p.fieldMap("props"), key: key,
      provenance: Provenance(
        source: p.field("source"), quote: p.field("quote"), asOf: p.field("as_of"), status: p.field("status"),
        ref: p.field("ref")), layer: layer)
  }

  static func putPrice(_ p: Value, _ w: GraphWriter) throws {
    let columns = ChangeSnapshot.priceColumns
    let defaults: [String: String] = [
      "vendor": "", "tier": "", "sold_on": "", "billing": "", "quota": "", "seller_type": "", "note": "",
    ]
    let values: [(any DatabaseValueConvertible)?] = columns.map { p.field($0) ?? defaults[$0] }
    try w.execute(
      """
      INSERT OR REPLACE INTO price_row(\(columns.joinedText(", ")), layer)
      VALUES (\(columns.map { _ in "?" }.joinedText(", ")), 'user')
      """, StatementArguments(values))
  }

  static func putFX(_ p: Value, _ w: GraphWriter) throws {
    let from = p.field("from") ?? "", to = p.field("to") ?? ""
    if p.flag("default") {
      try w.execute(
        """
        UPDATE fx_rate SET is_default = 0
        WHERE (from_currency = ? AND to_currency = ?) OR (from_currency = ? AND to_currency = ?)
        """, [from, to, to, from])
    }
    try w.execute(
      """
      INSERT INTO fx_rate(from_currency, to_currency, rate, as_of, source, status, is_default, created_at, layer)
      VALUES (?, ?, ?, ?, ?, ?, ?, datetime('now'), 'user')
      """,
      [
        from, to, p.field("rate"), p.field("as_of"), p.field("source") ?? "", p.field("status") ?? "user",
        p.flag("default") ? 1 : 0,
      ])
  }
}

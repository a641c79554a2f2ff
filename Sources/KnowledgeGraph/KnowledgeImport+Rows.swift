import Foundation
import GRDB

extension KnowledgeImport {
  /// Records every good row (layer `imported`) in one transaction and reports each row.
  /// With `strict`, nothing is recorded when any row is rejected.
  public static func apply(_ tables: [Table], to store: KnowledgeStore, strict: Bool) throws -> [Outcome] {
    if strict {
      let trial = try store.copyInMemory()
      let outcomes = try trial.write { w in try tables.flatMap { try apply($0, w) } }
      if outcomes.contains(where: { $0.result == .rejected }) { return outcomes }
    }
    return try store.write { w in try tables.flatMap { try apply($0, w) } }
  }

  static func apply(_ table: Table, _ w: GraphWriter) throws -> [Outcome] {
    table.rows.map { location, fields in
      let id = fields["id"] ?? fields["key"] ?? ""
      do {
        let (key, payload, entity) = try draft(table.kind, fields, w)
        let current = try w.snapshot(table.kind, key)
        if let current, same(table.kind, current, payload) {
          return Outcome(location: location, id: key, result: .unchanged, detail: "")
        }
        if table.kind == .fact, let current,
          current.field("entity") != payload.field("entity")
            || current.field("predicate") != payload.field("predicate")
        {
          throw KgshError(
            .invalidValue,
            "fact \(key) exists about \(current.field("entity") ?? "?") \(current.field("predicate") ?? "?")",
            hint: "give the new fact another id, or leave id empty to derive one")
        }
        try w.record(
          ChangeDraft(
            kind: current == nil ? .assert : .correct, targetType: table.kind, target: key, entity: entity,
            payload: payload, layer: .imported))
        return Outcome(
          location: location, id: key, result: current == nil ? .added : .changed,
          detail: current == nil ? "" : "recorded as a correction")
      } catch {
        return Outcome(location: location, id: id, result: .rejected, detail: KnowledgeStore.describe(error))
      }
    }
  }

  /// Whether a row says nothing new: equal fields, and for an entity no label or alias it lacks.
  static func same(_ kind: ChangeTarget, _ current: Value, _ new: Value) -> Bool {
    guard kind == .entity else { return current == new }
    return current.field("name") == new.field("name")
      && current.field("description") == new.field("description")
      && Set(new.fieldList("labels")).isSubset(of: current.fieldList("labels"))
      && Set(new.fieldList("aliases")).isSubset(of: current.fieldList("aliases"))
  }

  /// The names the commands give a column (`fact add ENTITY`, `link FROM TYPE TO`), read as
  /// the file format's (`subject`, `src`, `dst`) when the row has no column of that name.
  static let synonyms: [ChangeTarget: [(column: String, also: String)]] = [
    .fact: [("subject", "entity")], .edge: [("src", "from"), ("dst", "to")],
    .entity: [("key", "id")], .source: [("id", "key")],
  ]

  static func withSynonyms(_ row: [String: String], _ kind: ChangeTarget) -> [String: String] {
    var row = row
    for (column, also) in synonyms[kind] ?? [] where row[column] == nil {
      if let value = row[also] { row[column] = value }
    }
    return row
  }

  /// The target key, the payload of its assert record and the entity it is about.
  static func draft(_ kind: ChangeTarget, _ given: [String: String], _ w: GraphWriter) throws
    -> (String, Value, String?)
  {
    let f = withSynonyms(given, kind)
    func text(_ name: String) -> String? {
      guard let v = f[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
      return v
    }
    func required(_ name: String) throws -> String {
      guard let v = text(name) else {
        throw KgshError(.invalidValue, "\(name) is empty", hint: "every row needs its \(name)")
      }
      return v
    }
    switch kind {
    case .source:
      let key = try checked(try required("id"), "id", keyPattern)
      let payload = Value.payload(
        [("key", key)]
          + ["kind", "title", "publisher", "url", "published", "reliability", "note"].map { ($0, text($0)) })
      if let published = text("published") { _ = try checked(published, "published", datePattern) }
      return (key, payload, nil)
    case .entity:
      let key = try checked(try required("key"), "key", keyPattern)
      let labels = try required("labels").split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      let aliases = (text("aliases") ?? "").split(separator: "|").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      .filter { !$0.isEmpty }
      var extra: [String: Value] = [
        "labels": .list(labels.map(Value.string)), "aliases": .list(aliases.map(Value.string)),
      ]
      let props = Value.properties(fromPairs: text("props") ?? "")
      if !props.isEmpty { extra["props"] = .map(props) }
      return (
        key,
        .payload(
          [("key", key), ("name", try required("name")), ("description", text("description"))], extra: extra),
        key
      )
    case .fact:
      return try fact(text, required, w)
    case .edge:
      return try edge(text, required, w)
    default:
      throw KgshError(.unsupported, "import knowledge reads sources, entities, facts and edges", hint: "")
    }
  }

  /// A key starts with a letter or digit, or is one kgsh made for a node a Cypher CREATE
  /// added (`_c-` and hex digits), so such a node goes out and comes back in.
  static let keyPattern = #"^(?:[A-Za-z0-9]|_c-)[A-Za-z0-9._:-]*$"#
  static let datePattern = #"^\d{4}(-(\d{2}(-\d{2})?|H[12]|Q[1-4]))?(\.\.\d{4}(-\d{2}(-\d{2})?)?)?$"#
  static let types = ["number", "money", "percent", "date", "period", "text", "entity", "bool"]

  static func checked(_ value: String, _ field: String, _ pattern: String) throws -> String {
    guard value.range(of: pattern, options: .regularExpression) != nil else {
      let what =
        pattern == datePattern
        ? "a date like 2026-01-08, 2026-01 or 2025-H1"
        : "letters, digits and ._:- starting with a letter or digit"
      throw KgshError(.invalidValue, "\(field) '\(value)' is not \(what)", hint: "fix the cell")
    }
    // A date's months and days must be ones the calendar has (2025-02-30 is a slip).
    if pattern == datePattern,
      let slip = value.components(separatedBy: "..").first(where: {
        !$0.contains(where: \.isLetter) && Dates.valid($0) == nil
      })
    {
      throw KgshError(
        .invalidValue, "\(field) '\(value)': the calendar has no \(slip)", hint: "fix the cell")
    }
    return value
  }

  /// The key of the entity a cell names: its key, else the name of exactly one entity
  /// (`Tencent`, `腾讯`).
  static func entityKey(_ key: String, _ field: String, _ w: GraphWriter) throws -> String {
    if try w.nodeID(key: key) != nil { return key }
    let named = try w.keys(named: key)
    if named.count == 1 { return named[0] }
    guard named.isEmpty else {
      throw KgshError(
        .invalidValue, "\(field) '\(key)' names \(named.count) entities (\(named.joinedText(", ")))",
        hint: "write the key of the one meant")
    }
    throw KgshError(
      .notFound, "\(field) \(key) is not an entity here",
      hint: "add it to entities first (or earlier in the file)")
  }

  /// A source must exist and be quoted; without one, the row must say it is unverified.
  static func provenance(_ text: (String) -> String?, _ w: GraphWriter) throws -> [(String, String?)] {
    if let source = text("source") {
      guard try w.snapshot(.source, source) != nil else {
        throw KgshError(.notFound, "source \(source) is not known", hint: "add it to sources first")
      }
      guard text("quote") != nil else {
        throw KgshError(
          .invalidValue, "quote is empty for source \(source)", hint: "give the exact words of the source")
      }
    } else if text("status") != "unverified" {
      throw KgshError(
        .invalidValue, "no source, and status is not unverified",
        hint: "name a source, or set status to unverified")
    }
    if let asOf = text("as_of") { _ = try checked(asOf, "as_of", datePattern) }
    return ["as_of", "source", "quote", "status", "ref"].map { ($0, text($0)) }
  }

  static func fact(_ text: (String) -> String?, _ required: (String) throws -> String, _ w: GraphWriter)
    throws
    -> (String, Value, String?)
  {
    let subject = try entityKey(try required("subject"), "subject", w)
    let predicate = try required("predicate")
    guard predicate.range(of: #"^[a-z][a-z0-9_]*$"#, options: .regularExpression) != nil else {
      throw KgshError(
        .invalidValue, "predicate '\(predicate)' is not lower_snake_case", hint: "e.g. ipo_raise")
    }
    // Without a type the value is read as fact add reads it (`HK$4.3 bn`, `2019年6月`, `73.1%`),
    // the text as written kept as the original.
    var value = try required("value")
    var inferred: [String: String] = [:]
    if text("type") == nil {
      let pasted = try PastedValue.checked(value, command: "value")
      inferred = ["currency": pasted.currency, "unit": pasted.unit, "qualifier": pasted.qualifier]
        .compactMapValues { $0 }
      if pasted.value != value { inferred["original"] = value }
      inferred["type"] = pasted.type
      value = pasted.value
    }
    func field(_ name: String) -> String? { text(name) ?? inferred[name] }
    let type = try field("type") ?? required("type")
    guard types.contains(type) else {
      throw KgshError(
        .invalidValue, "type '\(type)' is unknown", hint: "use one of \(types.joinedText(", "))")
    }
    if type == "money", field("currency")?.count != 3 {
      throw KgshError(.invalidValue, "money without a currency code", hint: "fill currency, e.g. CNY")
    }
    if type == "date" { _ = try checked(value, "value", datePattern) }
    if type == "entity" { _ = try entityKey(value, "value", w) }
    let provenance = try provenance(field, w)
    let key =
      try field("id").map { try checked($0, "id", keyPattern) }
      ?? ChangeKeys.derive(
        "UF-",
        [
          subject, predicate, type, value, field("currency") ?? "", field("unit") ?? "", field("as_of") ?? "",
          field("source") ?? "",
        ])
    let fields: [(String, String?)] =
      [("key", key), ("entity", subject), ("predicate", predicate), ("type", type), ("value", value)]
      + ["unit", "currency", "qualifier", "note", "original"].map { ($0, field($0)) } + provenance
    return (key, .payload(fields), subject)
  }

  static func edge(_ text: (String) -> String?, _ required: (String) throws -> String, _ w: GraphWriter)
    throws
    -> (String, Value, String?)
  {
    let src = try entityKey(try required("src"), "src", w)
    let dst = try entityKey(try required("dst"), "dst", w)
    let type = try required("type")
    guard type.range(of: #"^[A-Z][A-Z0-9_]*$"#, options: .regularExpression) != nil else {
      // `invests in`: the words in capitals joined by '_', as link writes them.
      let words = type.split { !$0.isLetter && !$0.isNumber }.map { $0.uppercased() }.joined(separator: "_")
      let made = words.range(of: #"^[A-Z][A-Z0-9_]*$"#, options: .regularExpression) != nil
      throw KgshError(
        .invalidValue, "type '\(type)' is not UPPER_SNAKE_CASE",
        hint: made ? "write \(words)" : "e.g. INVESTS_IN")
    }
    let provenance = try provenance(text, w)
    let key =
      try text("id").map { try checked($0, "id", keyPattern) }
      ?? ChangeKeys.derive("UE-", [src, type, dst, text("source") ?? "", text("as_of") ?? ""])
    let props = Value.properties(fromPairs: text("props") ?? "")
    let fields: [(String, String?)] = [("key", key), ("src", src), ("type", type), ("dst", dst)] + provenance
    return (key, .payload(fields, extra: props.isEmpty ? [:] : ["props": .map(props)]), src)
  }
}

import GRDB

/// The built-in layer in the change log. Each time the layer is rebuilt from Knowledge/,
/// the difference to the last built-in state is recorded (a new row is asserted, a changed
/// one corrected, a removed one retracted, all in layer `builtin`), so `history F0001` and
/// an export answer for built-in knowledge too; then the users' corrections, retractions
/// and aliases of built-in rows are applied again, so a rebuild never loses them.
enum BuiltinChanges {
  static let author = "Knowledge/"
  static let tables: [(ChangeTarget, String)] = [
    (.source, "source"), (.entity, "node"), (.fact, "fact"), (.edge, "edge"),
  ]

  static func recordAndReapply(_ w: GraphWriter) throws {
    let db = w.database
    let last = try lastBuiltinPayloads(db)
    var seen = Set<String>()
    for (type, table) in tables {
      let keys = try String.fetchAll(
        db, sql: "SELECT key FROM \(table) WHERE layer = 'builtin' AND key IS NOT NULL ORDER BY id")
      for key in keys {
        seen.insert(type.rawValue + "|" + key)
        guard let payload = try ChangeSnapshot.payload(db, type, key, aliasLayer: "builtin") else { continue }
        let previous = last[type.rawValue + "|" + key]
        if let previous, previous == payload { continue }
        try w.appendChange(
          ChangeDraft(
            kind: previous == nil ? .assert : .correct, targetType: type, target: key,
            entity: entity(type, payload), payload: payload, layer: .builtin, author: author))
      }
    }
    for (id, _) in last where !seen.contains(id) {
      let parts = id.split(separator: "|", maxSplits: 1).map(String.init)
      guard parts.count == 2, let type = ChangeTarget(rawValue: parts[0]) else { continue }
      try w.appendChange(
        ChangeDraft(
          kind: .retract, targetType: type, target: parts[1],
          payload: .map(["reason": .string("removed from Knowledge/")]), layer: .builtin, author: author))
    }
    try reapplyUserChanges(w, builtin: seen)
    // Loading Knowledge/ is not a change of this session: undo must not take it back.
    w.recorded.removeAll()
  }

  static func entity(_ type: ChangeTarget, _ p: Value) -> String? {
    switch type {
    case .entity: return p.field("key")
    case .fact: return p.field("entity")
    case .edge: return p.field("src")
    default: return nil
    }
  }

  /// The payload of the last built-in record of each target (`type|key`); retracted
  /// targets are left out.
  static func lastBuiltinPayloads(_ db: Database) throws -> [String: Value] {
    var result: [String: Value] = [:]
    let rows = try Row.fetchAll(
      db,
      sql: "SELECT target_type, target, kind, payload FROM change_log WHERE layer = 'builtin' ORDER BY rowid")
    for row in rows {
      let id = (row["target_type"] as String) + "|" + (row["target"] as String)
      if (row["kind"] as String) == "retract" {
        result[id] = nil
      } else {
        result[id] = try JSON.decode(row["payload"])
      }
    }
    return result
  }

  /// Applies again, in order, every non-built-in record that changes a built-in row: the
  /// rebuild has just put the row back as Knowledge/ states it.
  static func reapplyUserChanges(_ w: GraphWriter, builtin: Set<String>) throws {
    let rows = try Row.fetchAll(
      w.database,
      sql: """
        SELECT * FROM change_log
        WHERE layer <> 'builtin' AND (kind <> 'assert' OR target_type IN ('alias', 'label'))
        ORDER BY rowid
        """)
    for row in rows {
      let r = try ChangeLog.record(row)
      let owner: String
      switch r.targetType {
      case .alias, .label: owner = "entity|" + (r.payload.field("entity") ?? "")
      default: owner = r.targetType.rawValue + "|" + r.target
      }
      guard builtin.contains(owner) else { continue }
      try? ChangeApplier.apply(r, w)
    }
  }
}

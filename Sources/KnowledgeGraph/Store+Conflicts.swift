import GRDB

/// Two or more people correcting one fact to different values: each one's latest claim.
public struct FactConflict: Sendable {
  public var fact: String
  public var entity: String?
  /// The latest correction of each author, oldest first.
  public var claims: [ChangeRecord]
}

/// The conflict rule, in one place: after the last correction made with `--resolve`, the
/// live corrections of a fact (not undone, not themselves undos) by at least two authors
/// with at least two different values are a conflict. The latest correction is what
/// cards show, with status `conflict`, until someone resolves it.
enum ConflictRule {
  static func conflict(_ corrections: [ChangeRecord]) -> FactConflict? {
    let undone = Set(corrections.compactMap { $0.payload.field("undoes") })
    let live = corrections.filter { $0.payload.field("undoes") == nil && !undone.contains($0.id) }
    let start = (live.lastIndex { $0.payload.flag("resolve") }).map { $0 + 1 } ?? 0
    var latest: [String: ChangeRecord] = [:]
    for r in live[start...] { latest[r.author.lowercased()] = r }
    let claims = latest.values.sorted { $0.time < $1.time }
    let values = Set(
      claims.map { "\($0.payload.field("value") ?? "")|\($0.payload.field("currency") ?? "")" })
    guard claims.count >= 2, values.count >= 2, let first = corrections.first else { return nil }
    return FactConflict(fact: first.target, entity: first.entity, claims: claims)
  }

  static func corrections(_ db: Database, fact: String?) throws -> [String: [ChangeRecord]] {
    var sql = "SELECT * FROM change_log WHERE target_type = 'fact' AND kind = 'correct'"
    var args: StatementArguments = []
    if let fact {
      sql += " AND target = ?"
      args = [fact]
    }
    sql += " ORDER BY rowid"
    var byFact: [String: [ChangeRecord]] = [:]
    for row in try Row.fetchAll(db, sql: sql, arguments: args) {
      let r = try ChangeLog.record(row)
      byFact[r.target, default: []].append(r)
    }
    return byFact
  }
}

extension KnowledgeStore {
  /// The facts whose corrections conflict (all of them, or only `fact`), by fact key.
  public func conflicts(fact: String? = nil) throws -> [FactConflict] {
    try read { db in
      try ConflictRule.corrections(db, fact: fact).values.compactMap(ConflictRule.conflict)
        .sorted { $0.fact < $1.fact }
    }
  }
}

extension GraphWriter {
  /// Whether the fact's corrections conflict, as the log stands in this transaction.
  func hasConflict(_ fact: String) throws -> Bool {
    try ConflictRule.corrections(db, fact: fact)[fact].flatMap(ConflictRule.conflict) != nil
  }
}

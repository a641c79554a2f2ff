import Foundation
import KnowledgeGraph
import PostgresNIO

/// A change record as the server keeps it: its place in the shared log and who pushed it.
public struct SharedChange: Sendable {
  /// The server's sequence number: pulls continue after the last one they saw.
  public var seq: Int64
  public var record: ChangeRecord
  /// The PostgreSQL role that pushed it (the server fills it in, not the client).
  public var pushedBy: String
  public var pushedAt: String
}

extension TeamServer {
  /// Records per INSERT statement; a push of more is still one transaction.
  static let pushChunk = 2_000

  /// Sends records in one transaction: all are on the server afterwards, or none of this
  /// push. A record the server has already is skipped (`ON CONFLICT DO NOTHING`), so pushing
  /// twice is harmless. Notifies listening REPLs when anything was new.
  /// - Returns: how many records were new on the server.
  public func push(_ records: [ChangeRecord]) throws -> Int {
    guard !records.isEmpty else { return 0 }
    let chunks = stride(from: 0, to: records.count, by: Self.pushChunk).map {
      Array(records[$0..<min($0 + Self.pushChunk, records.count)])
    }
    let notice = JSON.encode(
      .map([
        "author": .string(records.last!.author), "count": .int(Int64(records.count)),
        "pid": .int(Int64(getpid())),
      ]))
    return try transaction(doing: "push") { c in
      try await c.query("SELECT pg_advisory_xact_lock(\(ServerSchema.pushLock))", logger: Self.logger)
      var stored = 0
      for chunk in chunks { stored += try await Self.insert(chunk, c) }
      if stored > 0 {
        try await c.query("SELECT pg_notify(\(ServerSchema.channel), \(notice))", logger: Self.logger)
      }
      return stored
    }
  }

  static func insert(_ rs: [ChangeRecord], _ c: PostgresConnection) async throws -> Int {
    let ids = rs.map(\.id)
    let kinds = rs.map(\.kind.rawValue)
    let types = rs.map(\.targetType.rawValue)
    let targets = rs.map(\.target)
    let entities = rs.map { $0.entity ?? "" }
    let payloads = rs.map { JSON.encode($0.payload) }
    let authors = rs.map(\.author)
    let times = rs.map(\.time)
    let layers = rs.map(\.layer.rawValue)
    let rows = try await c.query(
      """
      WITH ins AS (
        INSERT INTO kgsh.change_log(id, kind, target_type, target, entity, payload, author, time, layer)
        SELECT id, kind, tt, target, NULLIF(entity, ''), payload, author, time, layer
        FROM unnest(\(ids)::text[], \(kinds)::text[], \(types)::text[], \(targets)::text[],
          \(entities)::text[], \(payloads)::text[], \(authors)::text[], \(times)::text[], \(layers)::text[])
          AS r(id, kind, tt, target, entity, payload, author, time, layer)
        ON CONFLICT (id) DO NOTHING
        RETURNING 1)
      SELECT count(*)::int8 FROM ins
      """, logger: logger)
    for try await n in rows.decode(Int64.self) { return Int(n) }
    return 0
  }

  /// The shared log's records after `seq`, oldest first, at most `limit`.
  public func changes(after seq: Int64, limit: Int) throws -> [SharedChange] {
    try run(doing: "pull") { c in
      try await Self.decode(
        c.query(
          """
          SELECT seq, id, kind, target_type, target, coalesce(entity, ''), payload, author, time, layer,
            pushed_by::text, to_char(pushed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
          FROM kgsh.change_log WHERE seq > \(seq) ORDER BY seq LIMIT \(Int64(limit))
          """, logger: Self.logger))
    }
  }

  /// The shared history, newest first: only `author`'s records (any case), only those at or
  /// after `since` (`2026-03` or `2026-03-02`), at most `limit`.
  public func log(author: String?, since: String?, limit: Int) throws -> [SharedChange] {
    try run(doing: "log") { c in
      try await Self.decode(
        c.query(
          """
          SELECT seq, id, kind, target_type, target, coalesce(entity, ''), payload, author, time, layer,
            pushed_by::text, to_char(pushed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
          FROM kgsh.change_log
          WHERE (\(author)::text IS NULL OR lower(author) = lower(\(author)))
            AND (\(since)::text IS NULL OR time >= \(since))
          ORDER BY seq DESC LIMIT \(Int64(limit))
          """, logger: Self.logger))
    }
  }

  static func decode(_ rows: PostgresRowSequence) async throws -> [SharedChange] {
    var out: [SharedChange] = []
    for try await row in rows {
      let (seq, id, kind, type, target, entity, payload, author, time, layer, by, at) = try row.decode(
        (Int64, String, String, String, String, String, String, String, String, String, String, String).self)
      let record = ChangeRecord(
        id: id, kind: ChangeKind(rawValue: kind) ?? .assert, targetType: ChangeTarget(rawValue: type) ?? .fact,
        target: target, entity: entity.isEmpty ? nil : entity,
        payload: (try? JSON.decode(payload)) ?? .string(payload), author: author, time: time,
        layer: ChangeLayer(rawValue: layer) ?? .user)
      out.append(SharedChange(seq: seq, record: record, pushedBy: by, pushedAt: at))
    }
    return out
  }

  /// What the server holds and what this connection may do there.
  public func summary() throws -> (records: Int, lastSeq: Int64, role: String, canPush: Bool) {
    try run(doing: "status") { c in
      let rows = try await c.query(
        """
        SELECT count(*)::int8, coalesce(max(seq), 0)::int8, current_user::text,
          has_table_privilege('kgsh.change_log', 'INSERT')
        FROM kgsh.change_log
        """, logger: Self.logger)
      for try await (n, last, role, canPush) in rows.decode((Int64, Int64, String, Bool).self) {
        return (Int(n), last, role, canPush)
      }
      return (0, 0, "", false)
    }
  }

  /// Makes `user` a reader (pull only) or an editor (pull and push) of the team's log.
  /// - Throws: `KgshError` when the role does not exist or this connection may not grant.
  public func grant(_ user: String, editor: Bool) throws {
    let exists = try run(doing: "grant") { c in
      try await c.query("SELECT 1 FROM pg_roles WHERE rolname = \(user)", logger: Self.logger).collect().count
    }
    guard exists > 0 else {
      throw KgshError(
        .notFound, "team grant: there is no PostgreSQL role \(user) at \(address.place)",
        hint: "create it first, e.g. createuser --pwprompt \(user)")
    }
    // Role names are identifiers, not values: quoted here, after the check above.
    let who = "\"" + user.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    let statements =
      editor
      ? ["GRANT \(ServerSchema.editorRole) TO \(who)"]
      : ["GRANT \(ServerSchema.readerRole) TO \(who)", "REVOKE \(ServerSchema.editorRole) FROM \(who)"]
    try transaction(doing: "grant") { c in
      for s in statements { try await c.query(PostgresQuery(unsafeSQL: s), logger: Self.logger) }
    }
  }
}

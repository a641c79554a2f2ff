import Foundation
import GRDB

/// What a change record does: state something, supersede a value, or withdraw it.
public enum ChangeKind: String, Sendable, Hashable, CaseIterable {
  case assert
  case correct
  case retract
}

/// What a change record is about.
public enum ChangeTarget: String, Sendable, Hashable, CaseIterable {
  case entity
  case alias
  case label
  case fact
  case edge
  case source
  /// A user price row (`price_id@as_of`).
  case price
  /// An exchange rate (`FROM/TO@as_of`).
  case fx
}

/// Where a change came from: the built-in Knowledge/, an import, or a person at the shell.
public enum ChangeLayer: String, Sendable, Hashable, CaseIterable {
  case builtin
  case imported
  case user
  /// Pulled from a team's shared log.
  case team
}

/// One immutable record of the change log.
///
/// ```swift
/// let record = try store.write { w in
///   try w.appendChange(ChangeDraft(kind: .assert, targetType: .source, target: "S9", payload: .map([:])))
/// }
/// ```
public struct ChangeRecord: Hashable, Sendable {
  /// A globally unique id (a lowercase UUID).
  public var id: String
  public var kind: ChangeKind
  public var targetType: ChangeTarget
  /// The key of what changed: a source key, a fact key, an entity key.
  public var target: String
  /// The entity the change is about, when there is one (so `history ENTITY` finds it).
  public var entity: String?
  /// The change itself as JSON (the values written, the reason of a retraction).
  public var payload: Value
  public var author: String
  /// UTC, ISO 8601 with milliseconds.
  public var time: String
  public var layer: ChangeLayer

  /// A record made elsewhere with all its fields (a team's shared log); new local records
  /// come from `GraphWriter.appendChange`.
  public init(
    id: String, kind: ChangeKind, targetType: ChangeTarget, target: String, entity: String?, payload: Value,
    author: String, time: String, layer: ChangeLayer
  ) {
    self.id = id
    self.kind = kind
    self.targetType = targetType
    self.target = target
    self.entity = entity
    self.payload = payload
    self.author = author
    self.time = time
    self.layer = layer
  }
}

/// A change about to be recorded; the store adds id, author and time.
public struct ChangeDraft: Sendable {
  public var kind: ChangeKind
  public var targetType: ChangeTarget
  public var target: String
  public var entity: String?
  public var payload: Value
  public var layer: ChangeLayer
  /// Nil: the author of this process (see `ChangeAuthor.current`).
  public var author: String?

  public init(
    kind: ChangeKind, targetType: ChangeTarget, target: String, entity: String? = nil, payload: Value,
    layer: ChangeLayer = .user, author: String? = nil
  ) {
    self.kind = kind
    self.targetType = targetType
    self.target = target
    self.entity = entity
    self.payload = payload
    self.layer = layer
    self.author = author
  }
}

extension GraphWriter {
  /// Appends one record to the change log, inside the running transaction, and returns it.
  @discardableResult
  public func appendChange(_ draft: ChangeDraft, at date: Date = Date()) throws -> ChangeRecord {
    let record = ChangeRecord(
      id: UUID().uuidString.lowercased(), kind: draft.kind, targetType: draft.targetType,
      target: draft.target, entity: draft.entity, payload: draft.payload,
      author: draft.author ?? ChangeAuthor.current, time: ChangeLog.timestamp(date), layer: draft.layer)
    try db.cachedStatement(
      sql: """
        INSERT INTO change_log(id, kind, target_type, target, entity, payload, author, time, layer)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      record.id, record.kind.rawValue, record.targetType.rawValue, record.target, record.entity,
      JSON.encode(record.payload), record.author, record.time, record.layer.rawValue,
    ])
    recorded.append(record)
    return record
  }
}

extension KnowledgeStore {
  /// The key of an entity that is gone (retracted) and was last recorded with this name
  /// (any case), so its history can still be asked for by name; nil when there is none.
  public func retractedEntityKey(named name: String) throws -> String? {
    try read { db in
      let keys = try String.fetchAll(
        db,
        sql: """
          SELECT target FROM change_log WHERE target_type = 'entity' AND kind <> 'retract'
          AND lower(json_extract(payload, '$.name')) = lower(?) ORDER BY rowid DESC LIMIT 5
          """, arguments: [name])
      return try keys.first { key in
        try Int.fetchOne(db, sql: "SELECT count(*) FROM node WHERE key = ?", arguments: [key]) == 0
      }
    }
  }

  /// Change records, newest first, narrowed by what they are about, who wrote them and since when.
  ///
  /// - Parameters:
  ///   - about: an entity key or a target key (fact, source, edge key); nil for all.
  ///   - author: only this author's records (exact, case-insensitive).
  ///   - since: only records at or after this date (`2026-03` or `2026-03-02`).
  ///   - layers: only records of these layers (nil: all).
  ///   - limit: at most this many records.
  public func changes(
    about: String? = nil, author: String? = nil, since: String? = nil, layers: Set<ChangeLayer>? = nil,
    limit: Int? = nil
  ) throws -> [ChangeRecord] {
    var clauses: [String] = []
    var args: [(any DatabaseValueConvertible)?] = []
    if let about {
      clauses.append("(entity = ? OR target = ?)")
      args += [about, about]
    }
    if let author {
      clauses.append("author = ? COLLATE NOCASE")
      args.append(author)
    }
    if let since {
      clauses.append("time >= ?")
      args.append(since)
    }
    if let layers {
      clauses.append("layer IN (\(layers.map { "'\($0.rawValue)'" }.sorted().joinedText(", ")))")
    }
    var sql = "SELECT * FROM change_log"
    if !clauses.isEmpty { sql += " WHERE " + clauses.joinedText(" AND ") }
    sql += " ORDER BY time DESC, rowid DESC"
    if let limit { sql += " LIMIT \(max(0, limit))" }
    let arguments = StatementArguments(args)
    return try read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map(ChangeLog.record)
    }
  }

  /// How many records the change log holds.
  public func changeCount() throws -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log") ?? 0 }
  }
}

enum ChangeLog {
  static func record(_ row: Row) throws -> ChangeRecord {
    let payloadText: String = row["payload"]
    return ChangeRecord(
      id: row["id"], kind: ChangeKind(rawValue: row["kind"]) ?? .assert,
      targetType: ChangeTarget(rawValue: row["target_type"]) ?? .fact, target: row["target"],
      entity: row["entity"], payload: (try? JSON.decode(payloadText)) ?? .string(payloadText),
      author: row["author"], time: row["time"], layer: ChangeLayer(rawValue: row["layer"]) ?? .user)
  }

  /// `2026-12-01T22:46:56.902Z`, computed by hand: a formatter per record cost more than
  /// the rest of the record.
  static func timestamp(_ date: Date) -> String {
    let t = date.timeIntervalSince1970
    var seconds = time_t(t.rounded(.down))
    let millis = min(999, Int(((t - t.rounded(.down)) * 1000).rounded(.down)))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ n: Int32, _ width: Int) -> String { FixedPoint.zeroPadded(String(n), to: width) }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
      + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
  }
}

extension KnowledgeStore {
  /// Change records written after `position` (the log's rowid), in the order they were
  /// written, only of these layers: what a team push sends.
  ///
  /// ```swift
  /// let queue = try store.changes(after: 0, layers: [.user, .imported])
  /// ```
  public func changes(after position: Int64, layers: Set<ChangeLayer>, limit: Int? = nil) throws
    -> [(position: Int64, record: ChangeRecord)]
  {
    let layerList = layers.map { "'\($0.rawValue)'" }.sorted().joinedText(", ")
    var sql =
      "SELECT rowid AS position, * FROM change_log WHERE rowid > ? AND layer IN (\(layerList)) ORDER BY rowid"
    if let limit { sql += " LIMIT \(max(0, limit))" }
    return try read { db in
      try Row.fetchAll(db, sql: sql, arguments: [position]).map { row in
        (row["position"], try ChangeLog.record(row))
      }
    }
  }

  /// How many records of these layers were written after `position`.
  public func changeCount(after position: Int64, layers: Set<ChangeLayer>) throws -> Int {
    let layerList = layers.map { "'\($0.rawValue)'" }.sorted().joinedText(", ")
    return try read { db in
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM change_log WHERE rowid > ? AND layer IN (\(layerList))",
        arguments: [position])
        ?? 0
    }
  }
}

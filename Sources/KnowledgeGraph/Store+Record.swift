import Foundation
import GRDB

extension GraphWriter {
  /// Records a change and applies it to what commands show, in the running transaction.
  ///
  /// ```swift
  /// try store.write { w in
  ///   try w.record(ChangeDraft(kind: .retract, targetType: .fact, target: "F0007",
  ///                            payload: .map(["reason": .string("superseded")])))
  /// }
  /// ```
  @discardableResult
  public func record(_ draft: ChangeDraft) throws -> ChangeRecord {
    var draft = draft
    if draft.kind != .assert, case .map(var m) = draft.payload, m["previous"] == nil,
      let previous = try snapshot(draft.targetType, draft.target)
    {
      m["previous"] = previous
      draft.payload = .map(m)
    }
    let record = try appendChange(draft)
    try ChangeApplier.apply(record, self)
    return record
  }

  /// Adds a record made elsewhere (another knowledge base, a team's log) with its own id,
  /// author and time, and applies it; a record already present is skipped (returns false).
  @discardableResult
  public func merge(_ record: ChangeRecord) throws -> Bool {
    if try Bool.fetchOne(db, sql: "SELECT 1 FROM change_log WHERE id = ?", arguments: [record.id]) == true {
      return false
    }
    try db.execute(
      sql: """
        INSERT INTO change_log(id, kind, target_type, target, entity, payload, author, time, layer)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        record.id, record.kind.rawValue, record.targetType.rawValue, record.target, record.entity,
        JSON.encode(record.payload), record.author, record.time, record.layer.rawValue,
      ])
    try ChangeApplier.apply(record, self)
    return true
  }

  /// The target's current state in the payload format of its `assert` record, or nil.
  public func snapshot(_ type: ChangeTarget, _ key: String) throws -> Value? {
    try ChangeSnapshot.payload(db, type, key)
  }
}

extension KnowledgeStore {
  /// The target's current state as a payload (see `GraphWriter.snapshot`).
  public func snapshot(_ type: ChangeTarget, _ key: String) throws -> Value? {
    try read { db in try ChangeSnapshot.payload(db, type, key) }
  }

  /// Takes back the last change of this session that is not undone yet, by recording its
  /// inverse (a retraction of an addition, the previous value of a correction, the
  /// restoration of a retraction). Returns the records written, or nil when there is
  /// nothing left to undo.
  public func undo() throws -> (undone: [ChangeRecord], written: [ChangeRecord])? {
    let undoneIDs = Set(sessionChanges.joined().compactMap { $0.payload.field("undoes") })
    guard
      let index = sessionChanges.lastIndex(where: { group in
        !group.contains { $0.payload.field("undoes") != nil }
          && !group.allSatisfy { undoneIDs.contains($0.id) }
      })
    else { return nil }
    let group = sessionChanges[index]
    let written = try write { w in
      try group.reversed().map { try w.record(ChangeUndo.inverse(of: $0)) }
    }
    return (group, written)
  }
}

/// The inverse of a change record, for `undo`.
enum ChangeUndo {
  static func inverse(of r: ChangeRecord) throws -> ChangeDraft {
    let undoes: [String: Value] = ["undoes": .string(r.id), "reason": .string("undo")]
    switch r.kind {
    case .assert:
      return ChangeDraft(
        kind: .retract, targetType: r.targetType, target: r.target, entity: r.entity,
        payload: Self.keyFields(r).setting(undoes))
    case .retract:
      return ChangeDraft(
        kind: .assert, targetType: r.targetType, target: r.target, entity: r.entity,
        payload: Value.map(try previous(r, "what was retracted", "add it again with its command")).setting(
          undoes))
    case .correct:
      var back = undoes.merging(["previous": r.payload]) { a, _ in a }
      if r.payload.flag("replace") { back["replace"] = .bool(true) }
      return ChangeDraft(
        kind: .correct, targetType: r.targetType, target: r.target, entity: r.entity,
        payload: Value.map(try previous(r, "the earlier value", "correct it again")).setting(back))
    }
  }

  /// The state a record kept from before it (`previous`), or the refusal to undo it.
  static func previous(_ r: ChangeRecord, _ what: String, _ instead: String) throws -> [String: Value] {
    guard case .map(let previous)? = mapField(r.payload, "previous") else {
      throw KgshError(
        .unsupported, "cannot undo the \(r.kind.rawValue) of \(r.target): the record does not keep \(what)",
        hint: instead)
    }
    return previous
  }

  /// What an alias or label retraction needs to find its row again.
  static func keyFields(_ r: ChangeRecord) -> Value {
    switch r.targetType {
    case .alias, .label:
      return .map(
        ["entity": r.payload.field("entity").map(Value.string) ?? .null]
          .merging([r.targetType.rawValue: r.payload.field(r.targetType.rawValue).map(Value.string) ?? .null])
        {
          a, _ in a
        })
    default:
      return .map([:])
    }
  }

  static func mapField(_ v: Value, _ name: String) -> Value? {
    guard case .map(let m) = v else { return nil }
    return m[name]
  }
}

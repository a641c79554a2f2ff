import Foundation
import GRDB

/// Changes a Cypher query makes to existing elements (SET, REMOVE, DELETE), recorded in the
/// change log like every other write: a node's new labels and properties are a correction
/// of the entity, a deleted relationship is retracted, and a deleted node's facts are
/// retracted with it (they leave the cards and stay in `history`, never erased). The query
/// engine calls these inside the one `write` transaction of its statement.
extension GraphWriter {
  /// Sets a node's labels and changes its plain properties: `changes` maps each property the
  /// statement set to its new value, or to `.null` when it was removed (nil: none changed).
  /// The display name follows `name`. A fact predicate is refused: facts are sourced and
  /// changed with `fact correct` / `fact retract`.
  public func updateQueryNode(_ id: Int64, labels: [String], props changes: [String: Value]?) throws {
    let key = try nodeKey(id)
    var payload: [String: Value] = ["replace": .bool(true), "labels": .list(labels.map(Value.string))]
    if let changes {
      let predicates = Set(
        try String.fetchAll(db, sql: "SELECT DISTINCT predicate FROM fact WHERE node_id = ?", arguments: [id])
      )
      if let fact = changes.keys.sorted().first(where: predicates.contains) {
        throw KgshError(
          .invalidValue, "\(fact) is a sourced fact of \(key), not a plain property",
          hint:
            "change it with fact correct FACT-ID VALUE --source ID --quote TEXT (facts \(key) --predicate \(fact) lists the ids)"
        )
      }
      if case .string(let name)? = changes["name"] { try checkNewName(name, of: id, key: key) }
      payload["set"] = .map(changes.filter { !$0.value.isNull })
      payload["unset"] = .list(changes.filter { $0.value.isNull }.keys.sorted().map(Value.string))
    }
    try record(
      ChangeDraft(
        kind: .correct, targetType: .entity, target: key, entity: key, payload: .map(payload), layer: .user))
  }

  /// A SET of `name` may not take a name that already finds another entity (as CREATE may
  /// not), which would make both ambiguous to every command that takes a name.
  private func checkNewName(_ name: String, of id: Int64, key: String) throws {
    guard let context = store.queryWriteContext, !context.allowExistingNames, !name.isEmpty,
      let other = try Row.fetchOne(
        db,
        sql: """
          SELECT n.key, n.name FROM alias a JOIN node n ON n.id = a.node_id
          WHERE a.norm = ? AND a.node_id <> ? LIMIT 1
          """,
        arguments: [Names.normalize(name), id])
    else { return }
    let (otherKey, otherName): (String, String) = (other["key"], other["name"])
    throw KgshError(
      .invalidValue,
      "SET may not give \(key) the name '\(name)': it already names \(otherName) (\(otherKey)); nothing was changed",
      hint: "give \(key) a name no other entity answers to (find '\(name)' lists those that do)")
  }

  /// Replaces an edge's properties.
  public func updateQueryEdge(_ id: Int64, props: [String: Value]) throws {
    let key = try edgeKey(id)
    let src = try String.fetchOne(
      db, sql: "SELECT n.key FROM edge e JOIN node n ON n.id = e.src WHERE e.id = ?", arguments: [id])
    try record(
      ChangeDraft(
        kind: .correct, targetType: .edge, target: key, entity: src,
        payload: .map(["replace": .bool(true), "props": .map(props)])))
  }

  /// Deletes a node (its edges are deleted first by the engine): its facts are retracted,
  /// then the entity.
  /// - Returns: how many of its facts were retracted with it.
  @discardableResult
  public func deleteQueryNode(_ id: Int64) throws -> Int {
    let key = try nodeKey(id)
    let reason: Value = .string("deleted by a Cypher DELETE")
    let facts = try String.fetchAll(
      db, sql: "SELECT key FROM fact WHERE node_id = ? AND key IS NOT NULL ORDER BY id", arguments: [id])
    for fact in facts {
      try record(
        ChangeDraft(
          kind: .retract, targetType: .fact, target: fact, entity: key, payload: .map(["reason": reason])))
    }
    try record(
      ChangeDraft(
        kind: .retract, targetType: .entity, target: key, entity: key, payload: .map(["reason": reason])))
    return facts.count
  }

  /// Deletes an edge.
  public func deleteQueryEdge(_ id: Int64) throws {
    let key = try edgeKey(id)
    try record(
      ChangeDraft(
        kind: .retract, targetType: .edge, target: key,
        payload: .map(["reason": .string("deleted by a Cypher DELETE")])))
  }

  func nodeKey(_ id: Int64) throws -> String {
    guard let key = try String.fetchOne(db, sql: "SELECT key FROM node WHERE id = ?", arguments: [id]) else {
      throw KgshError(.notFound, "node \(id) is no longer in the knowledge base", hint: "run the query again")
    }
    return key
  }

  /// The edge's key; an edge loaded by the bulk `import` gets one now, so its change can be named.
  func edgeKey(_ id: Int64) throws -> String {
    if let key = try String.fetchOne(db, sql: "SELECT key FROM edge WHERE id = ?", arguments: [id]) {
      return key
    }
    let key = "UE-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
    try db.execute(sql: "UPDATE edge SET key = ? WHERE id = ?", arguments: [key, id])
    return key
  }
}

import Foundation
import GRDB

/// Changes a Cypher query makes to existing elements (SET, REMOVE, DELETE).
///
/// These are the store side of the query engine's write interface: the engine calls them
/// inside one `write` transaction per statement. They change the plain `props` column,
/// labels and the display name; a knowledge-base node's facts are not touched here (the
/// change log records those). Built-in elements (loaded from Knowledge/) are refused until
/// query writes go through the change log, so a query cannot erase their history.
extension GraphWriter {
  /// Throws when the row is built-in knowledge.
  func checkUserLayer(_ table: String, _ id: Int64) throws {
    let layer = try String.fetchOne(db, sql: "SELECT layer FROM \(table) WHERE id = ?", arguments: [id])
    if layer == "builtin" {
      throw KgshError(
        .unsupported, "a Cypher query cannot change or delete built-in knowledge yet",
        hint: "correct or retract facts with the fact commands; they keep the history", code: "Unsupported")
    }
  }

  /// Replaces a node's labels and, unless `props` is nil, its plain properties.
  ///
  /// The display name follows the `name` property when it is a string.
  public func updateQueryNode(_ id: Int64, labels: [String], props: [String: Value]?) throws {
    try checkUserLayer("node", id)
    try db.execute(sql: "DELETE FROM node_label WHERE node_id = ?", arguments: [id])
    for label in labels { try addLabel(id, label) }
    guard let props else { return }
    var name = ""
    if case .string(let s)? = props["name"] { name = s }
    // The old display name stops being a name the node answers to.
    let old = try String.fetchOne(db, sql: "SELECT name FROM node WHERE id = ?", arguments: [id]) ?? ""
    if !old.isEmpty, old != name {
      try db.execute(sql: "DELETE FROM alias WHERE node_id = ? AND alias = ?", arguments: [id, old])
      try db.execute(
        sql: "DELETE FROM search WHERE node_id = ? AND kind = 'name' AND text = ?",
        arguments: [id, "\(old) \(Names.normalize(old))"])
    }
    let propsText = props.isEmpty ? nil : JSON.encode(.map(props))
    try db.execute(sql: "UPDATE node SET props = ?, name = ? WHERE id = ?", arguments: [propsText, name, id])
    if !name.isEmpty { try addAlias(id, name, layer: .user) }
  }

  /// Replaces an edge's properties.
  public func updateQueryEdge(_ id: Int64, props: [String: Value]) throws {
    try checkUserLayer("edge", id)
    let propsText = props.isEmpty ? nil : JSON.encode(.map(props))
    try db.execute(sql: "UPDATE edge SET props = ? WHERE id = ?", arguments: [propsText, id])
  }

  /// Deletes a node with its labels, aliases and search entries (its edges must be deleted first).
  public func deleteQueryNode(_ id: Int64) throws {
    try checkUserLayer("node", id)
    try db.execute(sql: "DELETE FROM search WHERE node_id = ?", arguments: [id])
    try db.execute(sql: "DELETE FROM node WHERE id = ?", arguments: [id])
  }

  /// Deletes an edge.
  public func deleteQueryEdge(_ id: Int64) throws {
    try checkUserLayer("edge", id)
    try db.execute(sql: "DELETE FROM edge WHERE id = ?", arguments: [id])
  }
}

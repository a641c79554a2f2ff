import Foundation
import GRDB

extension GraphWriter {
  /// Creates a node for a query's CREATE clause and returns its id.
  ///
  /// The key is generated as `_c<id>`. The display name is the `name` property when it is a
  /// string, else empty; the query engine reads `n.name` from the properties, so a node
  /// created without a name has a null `name`.
  @discardableResult
  public func createQueryNode(labels: [String], props: [String: Value]) throws -> Int64 {
    var name = ""
    if case .string(let s)? = props["name"] { name = s }
    let propsText = props.isEmpty ? nil : JSON.encode(.map(props))
    try db.execute(
      sql: "INSERT INTO node(key, name, props, layer) VALUES (?, ?, ?, 'user')",
      arguments: ["_c_pending_\(UUID().uuidString)", name, propsText])
    let id = db.lastInsertedRowID
    try db.execute(sql: "UPDATE node SET key = ? WHERE id = ?", arguments: ["_c\(id)", id])
    for label in labels { try addLabel(id, label) }
    if !name.isEmpty { try addAlias(id, name, layer: .user) }
    return id
  }
}

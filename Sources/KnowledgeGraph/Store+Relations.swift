import GRDB

/// One edge touching a node, as an entity card lists it: direction, type and source, and
/// the entity at the other end.
public struct Relation: Sendable {
  /// Whether the edge leaves the node (else it arrives).
  public var outgoing: Bool
  public var type: String
  /// The key of the edge's source, if it has one.
  public var source: String?
  public var other: EntityRef
}

extension KnowledgeStore {
  /// The edges touching a node, leaving ones first, each direction by type then edge id
  /// (the order of `edges(of:)`), without the properties, quotes, labels and descriptions
  /// a card does not show: two queries, nothing decoded but names.
  public func relations(of nodeID: Int64) throws -> [Relation] {
    try read { db in
      func fetch(_ column: String, _ other: String) throws -> [Relation] {
        let rows = try RawStatement(
          cached: db,
          """
          SELECT t.name, s.key, o.id, o.key, o.name
          FROM edge e JOIN edge_type t ON t.id = e.type JOIN node o ON o.id = e.\(other)
          LEFT JOIN source s ON s.id = e.source_id WHERE e.\(column) = ? ORDER BY t.name, e.id
          """)
        rows.bind(1, nodeID)
        return try rows.all { row in
          Relation(
            outgoing: column == "src", type: row.text(0), source: row.textOrNil(1),
            other: EntityRef(id: row.int64(2), key: row.text(3), name: row.text(4)))
        }
      }
      return try fetch("src", "dst") + fetch("dst", "src")
    }
  }
}

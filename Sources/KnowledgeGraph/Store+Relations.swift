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
    try read { db in try allRelations(db, of: nodeID) }
  }

  /// A node's relations as `relations(of:)` orders them, cut short on a hub of a big graph
  /// (tens of thousands of edges): the edges of its first `limit` related entities, where a
  /// related entity is one row of a card (the same direction, type and entity, with the
  /// sources of all its parallel edges). `total` is nil when nothing was left out, else how
  /// many such rows there are. Past the limit, rows are chosen and ordered in the edge index
  /// alone; only the edges returned are read with their entity and source.
  public func relations(of nodeID: Int64, limit: Int) throws -> (relations: [Relation], total: Int?) {
    try read { db in
      let count = try prepared(db, Self.edgeCountSQL)
      count.bind(1, nodeID)
      if (count.int64() ?? 0) <= limit {  // no more edges than rows allowed: nothing to leave out
        return (try allRelations(db, of: nodeID), nil)
      }
      let rows = try prepared(db, Self.relationRowCountSQL)
      rows.bind(1, nodeID)
      let total = Int(rows.int64() ?? 0)
      // Parallel edges made the edges outnumber the rows: nothing to leave out after all.
      if total <= limit { return (try allRelations(db, of: nodeID), nil) }
      let outgoing = try firstRelations(db, of: nodeID, outgoing: true, rows: limit)
      let shown = Set(outgoing.map { "\($0.type)\u{0}\($0.other.id)" }).count
      let incoming = try firstRelations(db, of: nodeID, outgoing: false, rows: limit - shown)
      return (outgoing + incoming, total)
    }
  }

  /// Every edge of a node: leaving ones first, each side by type then edge id.
  func allRelations(_ db: Database, of nodeID: Int64) throws -> [Relation] {
    try allRelations(db, of: nodeID, outgoing: true) + allRelations(db, of: nodeID, outgoing: false)
  }

  static let edgeCountSQL = ReaderSQL(
    "SELECT (SELECT count(*) FROM edge WHERE src = ?1) + (SELECT count(*) FROM edge WHERE dst = ?1)")
  static let relationRowCountSQL = ReaderSQL(
    """
    SELECT (SELECT count(*) FROM (SELECT 1 FROM edge WHERE src = ?1 GROUP BY type, dst))
      + (SELECT count(*) FROM (SELECT 1 FROM edge WHERE dst = ?1 GROUP BY type, src))
    """)
  static let outgoingRelationsSQL = relationsSQL(column: "src", other: "dst")
  static let incomingRelationsSQL = relationsSQL(column: "dst", other: "src")

  static func relationsSQL(column: String, other: String) -> ReaderSQL {
    ReaderSQL(
      """
      SELECT t.name, s.key, o.id, o.key, o.name
      FROM edge e JOIN edge_type t ON t.id = e.type JOIN node o ON o.id = e.\(other)
      LEFT JOIN source s ON s.id = e.source_id WHERE e.\(column) = ? ORDER BY t.name, e.id
      """)
  }

  /// Every edge on one side of a node, by type then edge id.
  func allRelations(_ db: Database, of nodeID: Int64, outgoing: Bool) throws -> [Relation] {
    let rows = try prepared(db, outgoing ? Self.outgoingRelationsSQL : Self.incomingRelationsSQL)
    rows.bind(1, nodeID)
    return try rows.all { Self.relation(from: $0, outgoing: outgoing) }
  }

  /// The edges of the first `rows` (type, entity) pairs on one side of a node, in the order
  /// of `allRelations`: a pair comes where its first edge does, then its parallel edges. The
  /// pairs are grouped and ordered in the edge index (with the type's name) before any
  /// entity or source is read.
  func firstRelations(_ db: Database, of nodeID: Int64, outgoing: Bool, rows: Int) throws -> [Relation] {
    guard rows > 0 else { return [] }
    let edges = try prepared(db, outgoing ? Self.firstOutgoingSQL : Self.firstIncomingSQL)
    edges.bind(1, nodeID)
    edges.bind(2, Int64(rows))
    return try edges.all { Self.relation(from: $0, outgoing: outgoing) }
  }

  static let firstOutgoingSQL = firstRelationsSQL(column: "src", other: "dst")
  static let firstIncomingSQL = firstRelationsSQL(column: "dst", other: "src")

  static func firstRelationsSQL(column: String, other: String) -> ReaderSQL {
    ReaderSQL(
      """
      SELECT x.name, s.key, o.id, o.key, o.name
      FROM (SELECT g.type AS type, g.other AS other, g.first AS first, t.name AS name
            FROM (SELECT type, \(other) AS other, min(id) AS first FROM edge
                  WHERE \(column) = ?1 GROUP BY type, \(other)) g
            JOIN edge_type t ON t.id = g.type ORDER BY t.name, g.first LIMIT ?2) x
      JOIN edge e ON e.\(column) = ?1 AND e.type = x.type AND e.\(other) = x.other
      JOIN node o ON o.id = x.other LEFT JOIN source s ON s.id = e.source_id
      ORDER BY x.name, x.first, e.id
      """)
  }

  static func relation(from row: RawRow, outgoing: Bool) -> Relation {
    Relation(
      outgoing: outgoing, type: row.text(0), source: row.textOrNil(1),
      other: EntityRef(id: row.int64(2), key: row.text(3), name: row.text(4)))
  }

  static let targetsSQL = ReaderSQL(
    """
    SELECT o.id, o.key, o.name FROM edge_type t JOIN edge e ON e.src = ? AND e.type = t.id
    JOIN node o ON o.id = e.dst WHERE t.name = ? ORDER BY e.id
    """)

  /// The entities a node has an edge of `type` to (its groups, for `MEMBER_OF`), in edge
  /// order: one range of the edge index, however many other edges the node has.
  public func targets(of nodeID: Int64, type: String) throws -> [EntityRef] {
    try read { db in
      let rows = try prepared(db, Self.targetsSQL)
      rows.bind(1, nodeID)
      rows.bind(2, type)
      return try rows.all { EntityRef(id: $0.int64(0), key: $0.text(1), name: $0.text(2)) }
    }
  }
}

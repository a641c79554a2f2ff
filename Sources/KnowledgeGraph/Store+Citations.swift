import GRDB
import GRDBSQLite

extension KnowledgeStore {
  /// The facts that cite a source (by its key), in id order: what `cite SOURCE` lists.
  public func facts(citing sourceKey: String) throws -> [Fact] {
    try read { db in
      let facts = try RawStatement(
        db, "SELECT \(Self.factColumns) FROM fact f \(Self.factJoins) WHERE s.key = ?1 ORDER BY f.id")
      facts.bind(1, sourceKey)
      return try facts.all(Self.fact(from:))
    }
  }

  /// The edges that cite a source (by its key), in id order: the relations `cite SOURCE` lists
  /// after the facts.
  public func edges(citing sourceKey: String) throws -> [Edge] {
    try read { db in
      let edges = try RawStatement(
        db,
        """
        SELECT \(Self.edgeColumns), t.name FROM edge e JOIN edge_type t ON t.id = e.type
        JOIN source s ON s.id = e.source_id WHERE s.key = ?1 ORDER BY e.id
        """)
      edges.bind(1, sourceKey)
      return try edges.all { Self.edge(from: $0, typeName: $0.text(11)) }
    }
  }
}

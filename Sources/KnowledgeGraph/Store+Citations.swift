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
}

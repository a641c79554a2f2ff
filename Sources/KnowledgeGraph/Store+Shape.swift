import GRDB

extension KnowledgeStore {
  /// The predicates the facts of one label's entities use: how many of its entities have
  /// facts of each, and how many facts; most widely known first. What a property key list is
  /// to Neo4j's `db.schema.nodeTypeProperties()`.
  public func predicateCounts(label: String) throws -> [(predicate: String, entities: Int, facts: Int)] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT f.predicate AS p, count(DISTINCT f.node_id) AS e, count(*) AS n
          FROM fact f JOIN node_label l ON l.node_id = f.node_id
          WHERE l.label = ? GROUP BY f.predicate ORDER BY e DESC, n DESC, p
          """, arguments: [label]
      ).map { ($0["p"], $0["e"], $0["n"]) }
    }
  }
}

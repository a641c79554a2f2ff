import Foundation
import GRDB
import GRDBSQLite

/// Bulk reads for the query engine (GraphQuery): node/edge details by id (the topology is
/// the shared `GraphIndex`), without building `Node` records for nodes a query never shows.
extension KnowledgeStore {
  /// What a query sees of a node: key, display name, plain properties, the latest value of
  /// each fact predicate (by as-of date) and the aliases beyond name and key.
  public struct QueryNodeDetails: Sendable {
    public var key: String
    public var name: String
    public var props: [String: Value]
    public var facts: [String: Value]
    public var aliases: [String]
    /// The entity's description (Cypher's `n.description`).
    public var description: String? = nil
  }

  /// Details of the given nodes, by id (ids that do not exist are left out).
  public func queryNodeDetails(_ ids: [Int64]) throws -> [Int64: QueryNodeDetails] {
    guard !ids.isEmpty else { return [:] }
    return try read { db in
      var out: [Int64: QueryNodeDetails] = [:]
      for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) })
      {
        let marks = Array(repeating: "?", count: chunk.count).joinedText(",")
        // Read by position with SQLite's C API: a scan with a WHERE on every node of a big
        // graph loads them all, 500 at a time, and GRDB's rows decoded by column name were
        // most of that time. Full batches share their cached statements.
        func statement(_ sql: String) throws -> RawStatement {
          let s = try chunk.count == 500 ? RawStatement(cached: db, sql) : RawStatement(db, sql)
          for (i, id) in chunk.enumerated() { s.bind(Int32(i + 1), id) }
          return s
        }
        try statement("SELECT id, key, name, props, description FROM node WHERE id IN (\(marks))").forEachRow
        {
          handle in
          let row = RawRow(handle: handle)
          var props: [String: Value] = [:]
          if let text = row.textOrNil(3), case .map(let m)? = try? JSON.decode(text) { props = m }
          out[row.int64(0)] = QueryNodeDetails(
            key: row.text(1), name: row.text(2), props: props, facts: [:], aliases: [],
            description: row.textOrNil(4))
        }
        let factSQL = """
          SELECT \(Self.factColumns) FROM fact f \(Self.factJoins) WHERE f.node_id IN (\(marks))
          ORDER BY f.node_id, f.predicate, f.as_of DESC, f.id
          """
        try statement(factSQL).forEachRow { handle in
          let fact = Self.fact(from: RawRow(handle: handle))
          if out[fact.nodeID]?.facts[fact.predicate] == nil {
            out[fact.nodeID]?.facts[fact.predicate] = fact.value
          }
        }
        let aliasSQL = "SELECT node_id, alias FROM alias WHERE node_id IN (\(marks)) ORDER BY node_id, alias"
        try statement(aliasSQL).forEachRow { handle in
          let row = RawRow(handle: handle)
          let id = row.int64(0)
          let alias = row.text(1)
          if let d = out[id], alias != d.name, alias != d.key { out[id]?.aliases.append(alias) }
        }
      }
      return out
    }
  }

  /// Plain properties of the given edges, by id.
  public func queryEdgeProperties(_ ids: [Int64]) throws -> [Int64: [String: Value]] {
    guard !ids.isEmpty else { return [:] }
    return try read { db in
      var out: [Int64: [String: Value]] = [:]
      for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) })
      {
        let marks = Array(repeating: "?", count: chunk.count).joinedText(",")
        for row in try Row.fetchAll(
          db, sql: "SELECT id, props FROM edge WHERE id IN (\(marks))", arguments: StatementArguments(chunk))
        {
          var props: [String: Value] = [:]
          if let text: String = row["props"], case .map(let m)? = try? JSON.decode(text) { props = m }
          out[row["id"]] = props
        }
      }
      return out
    }
  }

  static let keyOrNameSQL = ReaderSQL(
    """
    SELECT id FROM node WHERE key = ?1 UNION ALL SELECT id FROM node WHERE name = ?1
    UNION ALL SELECT node_id FROM alias WHERE norm = ?2
    """)

  /// Ids of nodes whose key, display name or alias is exactly `text` (index lookups), in
  /// ascending order, each once.
  public func queryNodeIDs(keyOrName text: String) throws -> [Int64] {
    let ids = try read { db in
      // UNION ALL: three index lookups, no temporary table to merge them (the set below does).
      let lookup = try prepared(db, Self.keyOrNameSQL)
      lookup.bind(1, text)
      lookup.bind(2, Names.normalize(text))
      return try lookup.all { $0.int64(0) }
    }
    return ids.count < 2 ? ids : Set(ids).sorted()
  }

  /// A summary of the whole graph for comparing before and after a query: node and edge
  /// ids, label names, and every (element, property, value) triple.
  public func queryGraphState() throws -> (
    nodes: Set<Int64>, edges: Set<Int64>, labels: Set<String>, properties: Set<String>
  ) {
    try read { db in
      var nodes: Set<Int64> = [], edges: Set<Int64> = [], labels: Set<String> = [], props: Set<String> = []
      for row in try Row.fetchAll(db, sql: "SELECT id, props FROM node") {
        let id: Int64 = row[0]
        nodes.insert(id)
        if let text: String = row[1], case .map(let m)? = try? JSON.decode(text) {
          for (k, v) in m { props.insert("n\(id).\(k)=\(JSON.encode(v))") }
        }
      }
      for row in try Row.fetchAll(db, sql: "SELECT id, props FROM edge") {
        let id: Int64 = row[0]
        edges.insert(id)
        if let text: String = row[1], case .map(let m)? = try? JSON.decode(text) {
          for (k, v) in m { props.insert("e\(id).\(k)=\(JSON.encode(v))") }
        }
      }
      labels = Set(try String.fetchAll(db, sql: "SELECT DISTINCT label FROM node_label"))
      return (nodes, edges, labels, props)
    }
  }
}

import Foundation
import GRDB
import GRDBSQLite

extension KnowledgeStore {
  static let nodeColumns = "n.id, n.key, n.name, n.description, n.props, n.layer"
  static let nodeByIDSQL = ReaderSQL("SELECT \(nodeColumns) FROM node n WHERE id = ?")
  static let idByKeySQL = ReaderSQL("SELECT id FROM node WHERE key = ?")
  static let labelsSQL = ReaderSQL("SELECT label FROM node_label WHERE node_id = ? ORDER BY label")
  static let aliasesSQL = ReaderSQL("SELECT alias FROM alias WHERE node_id = ?")

  /// A node from a row whose first columns are `nodeColumns`, read by position (a lookup
  /// by column name costs a case-insensitive search per value).
  static func node(from row: RawRow, labels: [String]) -> Node {
    Node(
      id: row.int64(0), key: row.text(1), name: row.text(2), labels: labels, description: row.textOrNil(3),
      props: props(row.textOrNil(4)), layer: Layer(rawValue: row.text(5)) ?? .user)
  }

  /// Properties stored as a JSON object (none when NULL or not an object).
  static func props(_ text: String?) -> [String: Value] {
    if let text, case .map(let m)? = try? JSON.decode(text) { return m }
    return [:]
  }

  func labels(_ db: Database, _ id: Int64) throws -> [String] {
    let labels = try prepared(db, Self.labelsSQL)
    labels.bind(1, id)
    return try labels.all { $0.text(0) }
  }

  /// The node with this id, with its labels and properties.
  public func node(id: Int64) throws -> Node? {
    try read { db in try node(db, id: id) }
  }

  /// `node(id:)` inside a read.
  func node(_ db: Database, id: Int64) throws -> Node? {
    let nodes = try prepared(db, Self.nodeByIDSQL)
    nodes.bind(1, id)
    var node: Node?
    try nodes.forEachRow { node = Self.node(from: RawRow(handle: $0), labels: []) }
    node?.labels = try labels(db, id)
    return node
  }

  /// Key, name and labels of many nodes in two range queries, without properties or
  /// description: what listings of thousands of entities need (missing ids are left out).
  public func nodeHeads(ids: [Int64]) throws -> [Int64: Node] {
    guard !ids.isEmpty else { return [:] }
    let list = "[" + ids.map(String.init).joinedText(",") + "]"
    return try read { db in
      var result: [Int64: Node] = [:]
      result.reserveCapacity(ids.count)
      let nodes = try RawStatement(
        db, "SELECT id, key, name, layer FROM node WHERE id IN (SELECT value FROM json_each(?))")
      nodes.bind(1, list)
      try nodes.forEachRow { s in
        let id = sqlite3_column_int64(s, 0)
        result[id] = Node(
          id: id, key: RawStatement.text(s, 1), name: RawStatement.text(s, 2), labels: [],
          layer: RawStatement.text(s, 3) == "builtin" ? .builtin : .user)
      }
      let labels = try RawStatement(
        db,
        "SELECT node_id, label FROM node_label WHERE node_id IN (SELECT value FROM json_each(?)) ORDER BY node_id, label"
      )
      labels.bind(1, list)
      try labels.forEachRow { s in result[sqlite3_column_int64(s, 0)]?.labels.append(RawStatement.text(s, 1))
      }
      return result
    }
  }

  /// The node with this stable key.
  public func node(key: String) throws -> Node? {
    guard
      let id = try read({ db in
        let ids = try prepared(db, Self.idByKeySQL)
        ids.bind(1, key)
        return ids.int64()
      })
    else { return nil }
    return try node(id: id)
  }

  /// Nodes, optionally of one label, ordered by name.
  public func nodes(label: String? = nil, limit: Int? = nil) throws -> [Node] {
    try read { db in
      var sql = "SELECT \(Self.nodeColumns) FROM node n"
      if label != nil { sql += " JOIN node_label l ON l.node_id = n.id AND l.label = ?" }
      sql += " ORDER BY n.name"
      if let limit { sql += " LIMIT \(max(0, limit))" }
      let nodes = try RawStatement(db, sql)
      if let label { nodes.bind(1, label) }
      return try nodes.all { Self.node(from: $0, labels: []) }.map { node in
        var node = node
        node.labels = try labels(db, node.id)
        return node
      }
    }
  }

  /// How many nodes there are, or how many carry `label`.
  public func nodeCount(label: String? = nil) throws -> Int {
    try read { db in
      guard let label else { return try Int.fetchOne(db, sql: "SELECT count(*) FROM node") ?? 0 }
      return try Int.fetchOne(
        db, sql: "SELECT count(*) FROM node_label WHERE label = ?", arguments: [label]) ?? 0
    }
  }

  /// Every label with the number of nodes carrying it, most common first.
  public func labelCounts() throws -> [(label: String, count: Int)] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT label, count(*) AS c FROM node_label GROUP BY label ORDER BY c DESC, label"
      ).map { ($0["label"], $0["c"]) }
    }
  }

  /// Every edge type with the number of edges of that type, most common first, then by name.
  /// The graph index counts them as it is built (and keeps the counts in its saved file): a
  /// GROUP BY over the edge table of a 5-million-edge graph took 3-4 s.
  public func edgeTypeCounts() throws -> [(type: String, count: Int)] {
    let graph = try graphIndex()
    return zip(graph.typeNames, graph.typeCounts).filter { $0.1 > 0 }.map { (type: $0.0, count: $0.1) }
      .sorted { a, b in
        a.count != b.count ? a.count > b.count : a.type.utf8.lexicographicallyPrecedes(b.type.utf8)
      }
  }

  /// All edge type names, for completion.
  public func edgeTypes() throws -> [String] {
    try read { try String.fetchAll($0, sql: "SELECT name FROM edge_type ORDER BY name") }
  }

  /// All fact predicates, for completion and suggestions.
  public func predicates() throws -> [String] {
    try read { try String.fetchAll($0, sql: "SELECT DISTINCT predicate FROM fact ORDER BY predicate") }
  }

  /// Fact ids starting with a prefix (case-insensitive), for completion.
  public func factKeys(prefix: String, limit: Int) throws -> [String] {
    try read {
      try String.fetchAll(
        $0, sql: "SELECT key FROM fact WHERE key LIKE ? ESCAPE '\\' ORDER BY key LIMIT ?",
        arguments: [
          prefix.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%",
          limit,
        ])
    }
  }

  /// Counts of the store's main tables.
  public func counts() throws -> [(String, Int)] {
    // Entities and edges as the graph index counts them: counting the edge table of a big
    // graph reads its whole smallest index (~1 s for 5 million edges).
    let graph = try graphIndex()
    return try read { db in
      try ["node", "edge", "fact", "source", "alias"].map { table in
        switch table {
        case "node": return (table, graph.nodeCount)
        case "edge": return (table, graph.edgeCount)
        default: return (table, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0)
        }
      }
    }
  }

  /// The names a user may type for a node, in byte order (SQLite's `ORDER BY alias`).
  public func aliases(of nodeID: Int64) throws -> [String] {
    let aliases = try read { db in
      // Sorted here, not by SQLite: most entities have one or two names, and a sort in SQL
      // costs a temporary b-tree on every card.
      let aliases = try prepared(db, Self.aliasesSQL)
      aliases.bind(1, nodeID)
      return try aliases.all { $0.text(0) }
    }
    return aliases.count < 2 ? aliases : aliases.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  static let factColumns = """
    f.id, f.key, f.node_id, f.predicate, f.value_type, f.value, f.unit, f.currency, f.qualifier, f.as_of,
    s.key AS source, f.quote, f.status, f.ref, f.note, f.layer, r.id AS rid, r.key AS rkey, r.name AS rname
    """
  static let factJoins = """
    LEFT JOIN source s ON s.id = f.source_id
    LEFT JOIN node r ON f.value_type = 'entity' AND r.key = f.value
    """

  /// A fact from a row whose first columns are `factColumns`, read by position.
  static func fact(from row: RawRow) -> Fact {
    let type = row.text(4)
    let raw = row.text(5)
    let currency = row.textOrNil(7)
    var entity: EntityRef?
    if let rid = row.int64OrNil(16) { entity = EntityRef(id: rid, key: row.text(17), name: row.text(18)) }
    return Fact(
      id: row.int64(0), key: row.textOrNil(1), nodeID: row.int64(2), predicate: row.text(3), valueType: type,
      rawValue: raw, value: FactValue.value(type: type, raw: raw, currency: currency, entity: entity),
      unit: row.textOrNil(6), currency: currency, qualifier: row.textOrNil(8), note: row.textOrNil(14),
      provenance: Provenance(
        source: row.textOrNil(10), quote: row.textOrNil(11), asOf: row.textOrNil(9),
        status: row.textOrNil(12),
        ref: row.textOrNil(13)),
      layer: Layer(rawValue: row.text(15)) ?? .user)
  }

  /// A node's facts in the index's order (fact_node ends with as_of, then the rowid):
  /// newest first is made in one pass (`newestFirst`), where SQLite would sort the rows in
  /// a temporary b-tree.
  static let factsSQL = ReaderSQL(
    "SELECT \(factColumns) FROM fact f \(factJoins) WHERE f.node_id = ? ORDER BY f.predicate, f.as_of, f.id")
  static let factsOfPredicateSQL = ReaderSQL(
    "SELECT \(factColumns) FROM fact f \(factJoins) WHERE f.node_id = ? AND f.predicate = ?"
      + " ORDER BY f.predicate, f.as_of, f.id")

  /// The facts about a node, by predicate and then newest first.
  public func facts(of nodeID: Int64, predicate: String? = nil) throws -> [Fact] {
    try read { db in
      let facts = try prepared(db, predicate == nil ? Self.factsSQL : Self.factsOfPredicateSQL)
      facts.bind(1, nodeID)
      if let predicate { facts.bind(2, predicate) }
      return Self.newestFirst(try facts.all(Self.fact(from:)))
    }
  }

  /// Facts in (predicate, as_of, id) order rearranged to (predicate, as_of newest first, id):
  /// within each predicate the runs of one as_of come last-first, each run keeping its id
  /// order, and undated facts (first in SQLite's ascending order) end up last, as in
  /// `ORDER BY predicate, as_of DESC, id`.
  static func newestFirst(_ facts: [Fact]) -> [Fact] {
    var out: [Fact] = []
    out.reserveCapacity(facts.count)
    var start = 0
    while start < facts.count {
      var end = start + 1
      while end < facts.count, facts[end].predicate == facts[start].predicate { end += 1 }
      var runEnd = end
      while runEnd > start {
        var runStart = runEnd - 1
        let asOf = facts[runStart].provenance.asOf
        while runStart > start, facts[runStart - 1].provenance.asOf == asOf { runStart -= 1 }
        out.append(contentsOf: facts[runStart..<runEnd])
        runEnd = runStart
      }
      start = end
    }
    return out
  }

  /// Facts whose key or reference-row id is `key` (`F0012`, `I017`).
  public func facts(key: String) throws -> [Fact] {
    try read { db in
      let facts = try RawStatement(
        db,
        "SELECT \(Self.factColumns) FROM fact f \(Self.factJoins) WHERE f.key = ?1 OR f.ref = ?1 ORDER BY f.id"
      )
      facts.bind(1, key)
      return try facts.all(Self.fact(from:))
    }
  }

  /// Every fact of the store in a stable order (export, whole-base checks).
  public func allFacts() throws -> [Fact] {
    try read { db in
      try RawStatement(db, "SELECT \(Self.factColumns) FROM fact f \(Self.factJoins) ORDER BY f.id")
        .all(Self.fact(from:))
    }
  }

  /// The columns `edge(from:)` reads, in order; `e` is the edge, `s` its source.
  static let edgeColumns =
    "e.id, e.src, e.dst, e.props, e.key, s.key AS source, e.quote, e.as_of, e.status, e.ref, e.layer"

  /// An edge from a row whose first columns are `edgeColumns`, read by position.
  static func edge(from row: RawRow, typeName: String) -> Edge {
    Edge(
      id: row.int64(0), src: row.int64(1), type: typeName, dst: row.int64(2), props: props(row.textOrNil(3)),
      key: row.textOrNil(4),
      provenance: Provenance(
        source: row.textOrNil(5), quote: row.textOrNil(6), asOf: row.textOrNil(7), status: row.textOrNil(8),
        ref: row.textOrNil(9)),
      layer: Layer(rawValue: row.text(10)) ?? .user)
  }

  static let outgoingEdgesSQL = edgesSQL(column: "src", other: "dst")
  static let incomingEdgesSQL = edgesSQL(column: "dst", other: "src")

  static func edgesSQL(column: String, other: String) -> ReaderSQL {
    ReaderSQL(
      """
      SELECT \(edgeColumns), t.name, o.key, o.name, o.description, o.props, o.layer,
        (SELECT group_concat(label, char(31)) FROM
          (SELECT label FROM node_label WHERE node_id = o.id ORDER BY label))
      FROM edge e JOIN edge_type t ON t.id = e.type JOIN node o ON o.id = e.\(other)
      LEFT JOIN source s ON s.id = e.source_id WHERE e.\(column) = ? ORDER BY t.name, e.id
      """)
  }

  /// The edges touching a node, with the node at the other end.
  public func edges(of nodeID: Int64) throws -> (outgoing: [(Edge, Node)], incoming: [(Edge, Node)]) {
    try read { db in
      // One query per direction: the edge, its type and source, and the node at the other
      // end with its labels (joined, not fetched one by one). Columns are read by position:
      // `edgeColumns` (0-10), then the type and the other node (11-17).
      func fetch(outgoing: Bool) throws -> [(Edge, Node)] {
        let edges = try prepared(db, outgoing ? Self.outgoingEdgesSQL : Self.incomingEdgesSQL)
        edges.bind(1, nodeID)
        return try edges.all { row in
          let edge = Self.edge(from: row, typeName: row.text(11))
          let labels = row.textOrNil(17)?.split(separator: "\u{1F}").map(String.init) ?? []
          let node = Node(
            id: outgoing ? edge.dst : edge.src, key: row.text(12), name: row.text(13), labels: labels,
            description: row.textOrNil(14), props: Self.props(row.textOrNil(15)),
            layer: Layer(rawValue: row.text(16)) ?? .user)
          return (edge, node)
        }
      }
      return (try fetch(outgoing: true), try fetch(outgoing: false))
    }
  }

  static let sourcesOfNodeSQL = ReaderSQL(
    """
      SELECT \(sourceColumns), count(*) AS c FROM (
      SELECT source_id FROM fact WHERE node_id = ?1
      UNION ALL SELECT source_id FROM edge WHERE src = ?1 OR dst = ?1) x
    JOIN source s ON s.id = x.source_id GROUP BY s.id ORDER BY c DESC, s.key
    """)

  /// The sources a node's facts and edges cite, with how many of each cite them.
  public func sources(of nodeID: Int64) throws -> [(source: Source, citations: Int)] {
    try read { db in
      let sources = try prepared(db, Self.sourcesOfNodeSQL)
      sources.bind(1, nodeID)
      return try sources.all { (Self.source(from: $0), Int($0.int64(9))) }
    }
  }

  /// The sources cited by a node's facts and relations already read for its card: the answer
  /// of `sources(of:)`, most cited first and then by key, without reading the facts and edges
  /// a second time. `facts` are all of the node's facts (`facts(of:)` without a predicate) and
  /// `relations` its `relations(of:)`, where an edge from the node to itself comes once in
  /// each direction and counts once.
  public func sources(
    citedBy facts: [Fact], _ relations: [Relation], of nodeID: Int64
  ) throws -> [(source: Source, citations: Int)] {
    var citations: [String: Int] = [:]
    for fact in facts { if let key = fact.provenance.source { citations[key, default: 0] += 1 } }
    for relation in relations where relation.outgoing || relation.other.id != nodeID {
      if let key = relation.source { citations[key, default: 0] += 1 }
    }
    // By count, then by key in SQLite's byte order (`ORDER BY c DESC, s.key`).
    let ordered = citations.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
    }
    return try read { db in
      let source = try prepared(db, Self.sourceByKeySQL)
      return try ordered.compactMap { key, count in
        source.bind(1, key)
        return try source.all(Self.source(from:)).first.map { ($0, count) }
      }
    }
  }

  /// The columns `source(from:)` reads, in order.
  static let sourceColumns =
    "s.id, s.key, s.kind, s.title, s.publisher, s.url, s.published, s.reliability, s.note"
  static let sourceByKeySQL = ReaderSQL("SELECT \(sourceColumns) FROM source s WHERE s.key = ?")

  static func source(from row: RawRow) -> Source {
    Source(
      id: row.int64(0), key: row.text(1), kind: row.textOrNil(2), title: row.textOrNil(3),
      publisher: row.textOrNil(4), url: row.textOrNil(5), published: row.textOrNil(6),
      reliability: row.textOrNil(7), note: row.textOrNil(8))
  }

  /// The source with this key.
  public func source(key: String) throws -> Source? {
    try read { db in
      let sources = try RawStatement(db, "SELECT \(Self.sourceColumns) FROM source s WHERE s.key = ?")
      sources.bind(1, key)
      return try sources.all(Self.source(from:)).first
    }
  }

  /// Nodes with at least one edge of the given type, for completion and checks.
  public func nodeCount() throws -> Int {
    try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM node") ?? 0 }
  }
}

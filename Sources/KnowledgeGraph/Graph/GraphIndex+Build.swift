import Foundation
import GRDB
import GRDBSQLite

extension GraphIndex {
  /// Builds the index from the database by stepping raw statements (no row objects).
  static func build(_ db: Database) throws -> GraphIndex {
    var ids: [Int64] = []
    ids.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM node") ?? 0)
    try RawStatement(db, "SELECT id FROM node ORDER BY id").forEachRow { s in
      ids.append(sqlite3_column_int64(s, 0))
    }
    let nodeIndex = NodeIndexMap(sortedIDs: ids)
    let labels = try buildLabels(db, nodeCount: ids.count, nodeIndex)

    var typeNames: [String] = []
    var typeOfStoreID: [Int64: Int32] = [:]
    try RawStatement(db, "SELECT id, name FROM edge_type ORDER BY id").forEachRow { s in
      typeOfStoreID[sqlite3_column_int64(s, 0)] = Int32(typeNames.count)
      typeNames.append(RawStatement.text(s, 1))
    }
    let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM edge") ?? 0
    var edgeIDs: [Int64] = [], src: [Int32] = [], dst: [Int32] = [], type: [Int32] = []
    edgeIDs.reserveCapacity(n)
    src.reserveCapacity(n)
    dst.reserveCapacity(n)
    type.reserveCapacity(n)
    try RawStatement(db, "SELECT id, src, type, dst FROM edge ORDER BY id").forEachRow { s in
      guard let a = nodeIndex[sqlite3_column_int64(s, 1)], let b = nodeIndex[sqlite3_column_int64(s, 3)],
        let t = typeOfStoreID[sqlite3_column_int64(s, 2)]
      else { return }  // foreign keys make this unreachable; a damaged row is left out
      edgeIDs.append(sqlite3_column_int64(s, 0))
      src.append(a)
      dst.append(b)
      type.append(t)
    }
    return GraphIndex(
      nodes: ids, labels: labels, edges: (edgeIDs, src, dst, type), typeNames: typeNames)
  }

  /// Label names in first-seen order, each node's labels and each label's members.
  private static func buildLabels(_ db: Database, nodeCount: Int, _ nodeIndex: NodeIndexMap) throws -> (
    names: [String], ofNode: [[Int32]], members: [[Int32]]
  ) {
    var names: [String] = []
    var byName: [String: Int32] = [:]
    var ofNode = [[Int32]](repeating: [], count: nodeCount)
    var members: [[Int32]] = []
    try RawStatement(db, "SELECT node_id, label FROM node_label").forEachRow { s in
      guard let node = nodeIndex[sqlite3_column_int64(s, 0)] else { return }
      let name = RawStatement.text(s, 1)
      let l: Int32
      if let existing = byName[name] {
        l = existing
      } else {
        l = Int32(names.count)
        names.append(name)
        byName[name] = l
        members.append([])
      }
      ofNode[Int(node)].append(l)
      members[Int(l)].append(node)
    }
    for l in members.indices { members[l].sort() }
    return (names, ofNode, members)
  }
}

extension KnowledgeStore {
  /// The graph index, cached until the next commit by this or any other process (see
  /// `generation`). A new process reads it from the file saved beside the knowledge base
  /// (see `GraphIndexFile`) when that file matches the graph; otherwise it is built from
  /// the tables and saved for the next process.
  public func graphIndex() throws -> GraphIndex {
    let current = generation
    if let cached = graphIndexCache.withLock({ $0 }), cached.generation == current { return cached.index }
    let file = path.map(GraphIndexFile.path(for:))
    var toSave: (GraphIndex, String)?
    let index = try read { db -> GraphIndex in
      var result: GraphIndex?
      let body = {
        let stamp = try GraphIndexStamp.current(db)
        if let file, let parts = GraphIndexFile.read(path: file, stamp: stamp) {
          self.loadedGraphIndexFromFile = true
          result = GraphIndex(parts)
          return
        }
        let built = try GraphIndex.build(db)
        self.loadedGraphIndexFromFile = false
        if built.edgeCount >= self.effectiveGraphIndexFileMinEdges { toSave = (built, stamp) }
        result = built
      }
      // The stamp and the arrays must come from one snapshot of the database.
      if db.isInsideTransaction {
        try body()
      } else {
        try db.inTransaction(.deferred) {
          try body()
          return .commit
        }
      }
      return result!
    }
    if let file, let (built, stamp) = toSave { GraphIndexFile.write(built, stamp: stamp, path: file) }
    graphIndexCache.withLock { $0 = (current, index) }
    return index
  }
}

extension KnowledgeStore {
  /// `graphIndexFileMinEdges`, or `$KGSH_GRAPH_INDEX_MIN_EDGES` when set (tests, benchmarks).
  var effectiveGraphIndexFileMinEdges: Int {
    ProcessInfo.processInfo.environment["KGSH_GRAPH_INDEX_MIN_EDGES"].flatMap { Int($0) }
      ?? graphIndexFileMinEdges
  }
}

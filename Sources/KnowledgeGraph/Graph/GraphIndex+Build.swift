import Foundation
import GRDB
import GRDBSQLite

/// The labels of a graph's nodes: each label's name and its members' store ids.
struct LabelMembers: Sendable {
  var names: [String] = []
  var members: [[Int64]] = []
}

extension GraphIndex {
  /// Builds the index from the database by stepping raw statements (no row objects). The
  /// edges come from `imported` when given (they must be the whole edge table, see
  /// `ImportedEdges`), else from the table.
  static func build(
    _ db: Database, imported: ImportedEdges? = nil, progress: GraphIndexProgress? = nil
  ) throws -> GraphIndex {
    let edgeCount =
      try imported.map { $0.rows.count } ?? Int.fetchOne(db, sql: "SELECT count(*) FROM edge") ?? 0
    let progress = edgeCount >= GraphIndexProgress.minEdges ? progress : nil
    progress?.report("nodes", done: 0, total: 1)
    var ids: [Int64] = []
    ids.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM node") ?? 0)
    try RawStatement(db, "SELECT id FROM node ORDER BY id").forEachRow { s in
      ids.append(sqlite3_column_int64(s, 0))
    }
    var labels = LabelMembers()
    var byName: [String: Int] = [:]
    try RawStatement(db, "SELECT node_id, label FROM node_label").forEachRow { s in
      let name = RawStatement.text(s, 1)
      let l = byName[name] ?? labels.names.count
      if l == labels.names.count {
        byName[name] = l
        labels.names.append(name)
        labels.members.append([])
      }
      labels.members[l].append(sqlite3_column_int64(s, 0))
    }
    let types = try edgeTypes(db)
    let names = { (b: inout NamePrefixes.Builder) throws in
      progress?.report("names", done: 0, total: 1)
      try aliasNames(db, into: &b)
    }
    if let imported {
      return try build(
        nodeIDs: ids, labels: labels, types: types, edges: imported, names: names, progress: progress)
    }
    let n = edgeCount
    return try assemble(
      nodeIDs: ids, labels: labels, types: types, names: names, edgeCount: n, progress: progress
    ) { add in
      var read = 0
      try RawStatement(db, "SELECT id, src, type, dst FROM edge ORDER BY id").forEachRow { s in
        add(
          sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2),
          sqlite3_column_int64(s, 3))
        read += 1
        if read & 0xFFFF == 0 { progress?.report("edges", done: read, total: n) }
      }
    }
  }

  /// The folded names of the alias table, in its key's order (no sort: the table is stored
  /// in that order).
  static func aliasNames(_ db: Database, into names: inout NamePrefixes.Builder) throws {
    try RawStatement(db, "SELECT norm, node_id FROM alias ORDER BY norm, node_id").forEachRow { s in
      let text = sqlite3_column_text(s, 0)
      let count = Int(sqlite3_column_bytes(s, 0))
      names.add(
        UnsafeRawBufferPointer(start: text, count: text == nil ? 0 : count), id: sqlite3_column_int64(s, 1))
    }
  }

  /// The edge types of the knowledge base, by store id.
  static func edgeTypes(_ db: Database) throws -> [(id: Int64, name: String)] {
    var types: [(id: Int64, name: String)] = []
    try RawStatement(db, "SELECT id, name FROM edge_type ORDER BY id").forEachRow { s in
      types.append((sqlite3_column_int64(s, 0), RawStatement.text(s, 1)))
    }
    return types
  }

  /// The index of a graph held in memory: node store ids in ascending order, the labels,
  /// the edge types by store id, and edges that are the whole edge table (an import's, see
  /// `ImportedEdges`). The same index as the tables give, for the same graph.
  static func build(
    nodeIDs: [Int64], labels: LabelMembers, types: [(id: Int64, name: String)], edges: ImportedEdges,
    names: (inout NamePrefixes.Builder) throws -> Void, progress: GraphIndexProgress? = nil
  ) rethrows -> GraphIndex {
    try assemble(
      nodeIDs: nodeIDs, labels: labels, types: types, names: names, edgeCount: edges.rows.count,
      progress: progress
    ) { add in
      for (i, row) in edges.rows.enumerated() {
        add(Int64(i) + 1, row.src, edges.types[Int(row.type)], row.dst)
      }
    }
  }

  /// Builds the index from its parts; `edges` calls its argument with each edge's store id,
  /// source, type and destination store ids, in ascending store id order (`edgeCount` of them).
  private static func assemble(
    nodeIDs ids: [Int64], labels: LabelMembers, types: [(id: Int64, name: String)],
    names: (inout NamePrefixes.Builder) throws -> Void, edgeCount n: Int, progress: GraphIndexProgress?,
    edges: ((Int64, Int64, Int64, Int64) -> Void) throws -> Void
  ) rethrows -> GraphIndex {
    let nodeIndex = NodeIndexMap(sortedIDs: ids)
    var prefixes = NamePrefixes.Builder(nodeIndex: nodeIndex, nodeCount: ids.count, capacity: ids.count)
    try names(&prefixes)
    var typeOfStoreID: [Int64: Int32] = [:]
    for (position, type) in types.enumerated() { typeOfStoreID[type.id] = Int32(position) }
    var edgeIDs = IDsBuilder()
    var src = ColumnBuilder<Int32>(capacity: n), dst = ColumnBuilder<Int32>(capacity: n)
    var type = ColumnBuilder<Int32>(capacity: n)
    try edges { id, from, storeType, to in
      guard src.count < n, let a = nodeIndex[from], let b = nodeIndex[to], let t = typeOfStoreID[storeType]
      else { return }  // foreign keys make this unreachable; a damaged row is left out
      edgeIDs.append(id)
      src.append(a)
      dst.append(b)
      type.append(t)
    }
    progress?.report("rows", done: 0, total: 1)
    return GraphIndex(
      nodes: StoreIDs(sorted: ids), labels: labelLists(labels, nodeCount: ids.count, nodeIndex),
      edges: (edgeIDs.finish(), src, dst, type), typeNames: types.map(\.name), names: prefixes.finish())
  }

  /// An index of the given nodes, labels and edges (edge i is `src[i] -> dst[i]` of type
  /// `type[i]`, with store id `edges.ids[i]`).
  private convenience init(
    nodes: StoreIDs, labels: (names: [String], ofNode: IndexLists, members: IndexLists),
    edges: (ids: StoreIDs, src: ColumnBuilder<Int32>, dst: ColumnBuilder<Int32>, type: ColumnBuilder<Int32>),
    typeNames: [String], names: NamePrefixes
  ) {
    var counts = [Int](repeating: 0, count: typeNames.count)
    for t in edges.type.values { counts[Int(t)] += 1 }
    let n = nodes.count, types = typeNames.count
    let (src, dst, type) = (edges.src.values, edges.dst.values, edges.type.values)
    self.init(
      Parts(
        nodeIDs: nodes, labelNames: labels.names, nodeLabels: labels.ofNode, labelMembers: labels.members,
        edgeIDs: edges.ids, edgeSrc: IndexColumn(edges.src.finish(), limit: n),
        edgeDst: IndexColumn(edges.dst.finish(), limit: n),
        edgeType: IndexColumn(edges.type.finish(), limit: types),
        typeNames: typeNames, typeCounts: counts,
        outRows: EdgeRows(nodes: n, types: types, from: src, to: dst, type: type),
        inRows: EdgeRows(nodes: n, types: types, from: dst, to: src, type: type), namePrefixes: names))
  }

  /// Store ids in ascending order, kept as a first id and a count while they are contiguous.
  struct IDsBuilder {
    var first: Int64 = 0
    var count = 0
    var explicit: [Int64]?

    mutating func append(_ id: Int64) {
      if count == 0 { first = id }
      if explicit == nil, id != first &+ Int64(count) { explicit = (0..<count).map { first + Int64($0) } }
      explicit?.append(id)
      count += 1
    }

    func finish() -> StoreIDs {
      StoreIDs(first: first, count: count, explicit: explicit.map { Column($0) })
    }
  }

  /// Label names in byte order (however the labels were read), each node's labels and each
  /// label's members.
  private static func labelLists(_ labels: LabelMembers, nodeCount: Int, _ nodeIndex: NodeIndexMap) -> (
    names: [String], ofNode: IndexLists, members: IndexLists
  ) {
    let order = labels.names.indices.sorted {
      labels.names[$0].utf8.lexicographicallyPrecedes(labels.names[$1].utf8)
    }
    var pairs: [(Int32, Int32)] = []
    pairs.reserveCapacity(labels.members.reduce(0) { $0 + $1.count })
    for (l, position) in order.enumerated() {
      for id in labels.members[position] {
        if let node = nodeIndex[id] { pairs.append((node, Int32(l))) }
      }
    }
    let ofNode = group(pairs, lists: nodeCount, limit: order.count)
    let members = group(pairs.map { ($0.1, $0.0) }, lists: order.count, limit: nodeCount)
    return (order.map { labels.names[$0] }, ofNode, members)
  }

  /// Groups (list, item) pairs into sorted lists (a counting sort, no array per list).
  static func group(_ pairs: [(Int32, Int32)], lists: Int, limit: Int) -> IndexLists {
    var start = [Int32](repeating: 0, count: lists + 1)
    for (l, _) in pairs { start[Int(l) + 1] += 1 }
    for i in 0..<lists { start[i + 1] += start[i] }
    var cursor = start
    var items = [Int32](repeating: 0, count: pairs.count)
    for (l, item) in pairs {
      items[Int(cursor[Int(l)])] = item
      cursor[Int(l)] += 1
    }
    for i in 0..<lists where start[i + 1] - start[i] > 1 {
      items[Int(start[i])..<Int(start[i + 1])].sort()
    }
    return IndexLists(start: Column(start), items: IndexColumn(Column(items), limit: limit))
  }
}

extension EdgeRows {
  /// Groups edges by their `from` end (a counting sort), then sorts each row by key.
  init(
    nodes: Int, types: Int, from: UnsafeBufferPointer<Int32>, to: UnsafeBufferPointer<Int32>,
    type: UnsafeBufferPointer<Int32>
  ) {
    var offsets = [Int32](repeating: 0, count: nodes + 1)
    for f in from { offsets[Int(f) + 1] += 1 }
    for n in 0..<nodes { offsets[n + 1] += offsets[n] }
    let start = Column(offsets)
    var edgesOut: Column<Int32>!
    let keys = Column<UInt64>.make(count: from.count) { keys in
      edgesOut = Column<Int32>.make(count: from.count) { edges in
        var cursor = offsets
        for e in from.indices {
          let slot = Int(cursor[Int(from[e])])
          cursor[Int(from[e])] += 1
          edges[slot] = Int32(e)
          keys[slot] = UInt64(UInt32(type[e])) << 32 | UInt64(UInt32(to[e]))
        }
        // Rows were filled in edge order, so sorting by key with the edge as tie-break is
        // needed only for rows that are out of order.
        for n in 0..<nodes {
          let lo = Int(offsets[n]), hi = Int(offsets[n + 1])
          guard hi - lo > 1, !(lo + 1..<hi).allSatisfy({ keys[$0 - 1] <= keys[$0] }) else { continue }
          let sorted = (lo..<hi).map { (keys[$0], edges[$0]) }.sorted { $0 < $1 }
          for (k, pair) in sorted.enumerated() {
            keys[lo + k] = pair.0
            edges[lo + k] = pair.1
          }
        }
      }
    }
    self.init(
      start: start, edges: IndexColumn(edgesOut, limit: from.count),
      keys: KeyColumn(keys, nodes: nodes, types: types))
  }
}

extension KnowledgeStore {
  /// The graph index, cached until the next commit by this or any other process (see
  /// `generation`). A new process maps the file saved beside the knowledge base (see
  /// `GraphIndexFile`) when that file matches the graph; otherwise it is built from the
  /// tables and saved for the next process.
  public func graphIndex() throws -> GraphIndex {
    // Never nil when building.
    try graphIndex(building: true)!
  }

  /// The graph index when it costs no build: the one this process holds, if still current,
  /// or the saved file, if it matches the graph (an import's index too); nil otherwise (no
  /// file, or one a write made stale), when a caller has another way to its answer.
  public func readyGraphIndex() throws -> GraphIndex? {
    let current = generation
    if let cached = graphIndexCache.withLock({ $0 }), cached.generation == current { return cached.index }
    if noReadyGraphIndex.withLock({ $0 }) == current { return nil }
    let handed = importedEdges.withLock { $0 != nil }
    let ready =
      handed || path.map({ access(GraphIndexFile.path(for: $0), R_OK) == 0 }) == true
      ? try graphIndex(building: false) : nil
    if ready == nil { noReadyGraphIndex.withLock { $0 = current } }
    return ready
  }

  private func graphIndex(building: Bool) throws -> GraphIndex? {
    let current = generation
    if let cached = graphIndexCache.withLock({ $0 }), cached.generation == current { return cached.index }
    let file = path.map(GraphIndexFile.path(for:))
    var toSave: (GraphIndex, String)?
    let progress = building ? graphIndexProgress.withLock({ $0 }) : nil
    defer { progress?.finish() }
    let index = try read { db -> GraphIndex? in
      var result: GraphIndex?
      let body = {
        let stamp = try GraphIndexStamp.current(db, prepared: self)
        let imported = self.importedEdges.withLock { handed -> ImportedEdges? in
          // Without a build, an import's edges are left for the build that needs them.
          if !building, handed?.stamp == stamp, handed?.prebuilt == nil { return nil }
          defer { handed = nil }
          return handed?.stamp == stamp ? handed : nil
        }
        if let prebuilt = imported?.prebuilt {  // and saved by the import, when big enough
          self.graphIndexFromImport = true
          self.loadedGraphIndexFromFile = false
          result = prebuilt
          return
        }
        if imported == nil, let file, let parts = GraphIndexFile.read(path: file, stamp: stamp) {
          self.loadedGraphIndexFromFile = true
          self.graphIndexFromImport = false
          result = GraphIndex(parts)
          return
        }
        guard building else { return }
        let built = try GraphIndex.build(db, imported: imported, progress: progress)
        self.graphIndexFromImport = imported != nil
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
      return result
    }
    guard let index else { return nil }
    if let file, let (built, stamp) = toSave {
      if built.edgeCount >= GraphIndexProgress.minEdges { progress?.report("saving", done: 0, total: 1) }
      GraphIndexFile.write(built, stamp: stamp, path: file)
    }
    graphIndexCache.withLock { $0 = (current, index) }
    return index
  }
}

extension KnowledgeStore {
  /// `graphIndexFileMinEdges`, or `$KGSH_GRAPH_INDEX_MIN_EDGES` when set (tests, benchmarks).
  var effectiveGraphIndexFileMinEdges: Int {
    getenv("KGSH_GRAPH_INDEX_MIN_EDGES").flatMap { Int(String(cString: $0)) } ?? graphIndexFileMinEdges
  }
}

extension KnowledgeStore {
  /// Builds the graph index now (and saves its file when the graph has enough edges, see
  /// `graphIndexFileMinEdges`), e.g. right after a bulk import.
  public func prepareGraphIndex() throws { _ = try graphIndex() }
}

import Foundation
import KnowledgeGraph

/// The graph a query runs on: the store's topology in dense arrays (nodes and edges by
/// index, adjacency lists of edge indices, label members), node and edge details loaded
/// lazily and cached, plus the nodes and edges a CREATE adds before they are committed.
///
/// The topology is cached per store and write generation (`QueryGraph.load`), so a second
/// query on an unchanged store starts at once. A query that writes works on a copy.
final class QueryGraph: @unchecked Sendable {
  var nodeIDs: [Int64]
  var nodeLabels: [[Int32]]
  var labelNames: [String]
  var labelIndex: [String: Int32]
  var labelMembers: [[Int32]]
  var edgeIDs: [Int64]
  var edgeSrc: [Int32]
  var edgeDst: [Int32]
  var edgeType: [Int32]
  var typeNames: [String]
  var typeIndex: [String: Int32]
  /// Number of edges of each type.
  var typeCounts: [Int]
  var outEdges: [[Int32]]
  var inEdges: [[Int32]]
  /// The loaded edges again in compressed sparse rows, sorted per node by `type << 32 |
  /// other end`: one flat array each, so a typed range or a merge reads contiguous memory
  /// with no per-node array to chase. Not maintained for edges a query creates.
  var outRows: SortedRows
  var inRows: SortedRows
  var indexOfID: NodeIndexMap
  /// Details of stored elements, shared by copies of the same snapshot.
  let cache: DetailCache
  /// Elements created by the running query: properties kept here until commit.
  var createdNodeProps: [Int32: [String: QValue]] = [:]
  var createdEdgeProps: [Int32: [String: QValue]] = [:]
  var firstCreatedNode: Int32
  var firstCreatedEdge: Int32
  let store: KnowledgeStore

  final class DetailCache: @unchecked Sendable {
    let lock = NSLock()
    var nodes: [Int32: [String: QValue]] = [:]
    var edges: [Int32: [String: QValue]] = [:]
  }

  init(store: KnowledgeStore) throws {
    self.store = store
    let (ids, labels) = try store.queryNodeTopology()
    nodeIDs = ids
    let indexOfID = NodeIndexMap(sortedIDs: ids)
    nodeLabels = Array(repeating: [], count: ids.count)
    labelNames = []
    labelIndex = [:]
    labelMembers = []
    for (nodeID, label) in labels {
      guard let n = indexOfID[nodeID] else { continue }
      let l: Int32
      if let existing = labelIndex[label] {
        l = existing
      } else {
        l = Int32(labelNames.count)
        labelNames.append(label)
        labelIndex[label] = l
        labelMembers.append([])
      }
      nodeLabels[Int(n)].append(l)
      labelMembers[Int(l)].append(n)
    }
    for l in labelMembers.indices { labelMembers[l].sort() }
    let edges = try store.queryEdgeTopology()
    typeNames = []
    typeIndex = [:]
    var typeOfStoreID: [Int64: Int32] = [:]
    for (id, name) in edges.typeNames.sorted(by: { $0.key < $1.key }) {
      typeOfStoreID[id] = Int32(typeNames.count)
      typeIndex[name] = Int32(typeNames.count)
      typeNames.append(name)
    }
    edgeIDs = edges.ids
    edgeSrc = edges.src.map { indexOfID[$0]! }
    edgeDst = edges.dst.map { indexOfID[$0]! }
    edgeType = edges.type.map { typeOfStoreID[$0]! }
    outEdges = Array(repeating: [], count: ids.count)
    inEdges = Array(repeating: [], count: ids.count)
    typeCounts = Array(repeating: 0, count: typeNames.count)
    for t in edgeType { typeCounts[Int(t)] += 1 }
    for e in edgeIDs.indices {
      outEdges[Int(edgeSrc[e])].append(Int32(e))
      inEdges[Int(edgeDst[e])].append(Int32(e))
    }
    // Each node's edges sorted by (type, other end): one type is a contiguous range found by
    // binary search, and two ranges can be intersected by a merge (see Matcher+Intersect).
    let (src, dst, type) = (edgeSrc, edgeDst, edgeType)
    for n in 0..<ids.count {
      if outEdges[n].count > 1 {
        outEdges[n].sort { a, b in (type[Int(a)], dst[Int(a)], a) < (type[Int(b)], dst[Int(b)], b) }
      }
      if inEdges[n].count > 1 {
        inEdges[n].sort { a, b in (type[Int(a)], src[Int(a)], a) < (type[Int(b)], src[Int(b)], b) }
      }
    }
    func key(_ e: Int32, _ other: [Int32]) -> UInt64 {
      UInt64(UInt32(type[Int(e)])) << 32 | UInt64(UInt32(other[Int(e)]))
    }
    outRows = SortedRows(outEdges) { key($0, dst) }
    inRows = SortedRows(inEdges) { key($0, src) }
    self.indexOfID = indexOfID
    cache = DetailCache()
    firstCreatedNode = Int32(ids.count)
    firstCreatedEdge = Int32(edgeIDs.count)
  }

  /// A copy sharing arrays (copy-on-write) and the detail cache, for a query that writes.
  init(copying g: QueryGraph) {
    nodeIDs = g.nodeIDs
    nodeLabels = g.nodeLabels
    labelNames = g.labelNames
    labelIndex = g.labelIndex
    labelMembers = g.labelMembers
    edgeIDs = g.edgeIDs
    edgeSrc = g.edgeSrc
    edgeDst = g.edgeDst
    edgeType = g.edgeType
    typeNames = g.typeNames
    typeIndex = g.typeIndex
    typeCounts = g.typeCounts
    outEdges = g.outEdges
    inEdges = g.inEdges
    outRows = g.outRows
    inRows = g.inRows
    indexOfID = g.indexOfID
    cache = g.cache
    firstCreatedNode = Int32(g.nodeIDs.count)
    firstCreatedEdge = Int32(g.edgeIDs.count)
    store = g.store
  }

  nonisolated(unsafe) private static var snapshots: [(generation: Int, graph: QueryGraph)] = []
  private static let snapshotLock = NSLock()

  /// The graph of a store, from the cache when the store has not been written since.
  /// The cache keeps the last few stores' graphs only.
  static func load(_ store: KnowledgeStore) throws -> QueryGraph {
    snapshotLock.lock()
    if let entry = snapshots.first(where: { $0.graph.store === store }), entry.generation == store.generation
    {
      snapshotLock.unlock()
      return entry.graph
    }
    snapshotLock.unlock()
    let graph = try QueryGraph(store: store)
    snapshotLock.lock()
    snapshots.removeAll { $0.graph.store === store }
    snapshots.append((store.generation, graph))
    if snapshots.count > 3 { snapshots.removeFirst(snapshots.count - 3) }
    snapshotLock.unlock()
    return graph
  }

  var nodeCount: Int { nodeIDs.count }
  var edgeCount: Int { edgeIDs.count }

  func hasLabel(_ node: Int32, _ label: Int32) -> Bool { nodeLabels[Int(node)].contains(label) }

  func labels(of node: Int32) -> [String] { nodeLabels[Int(node)].map { labelNames[Int($0)] }.sorted() }

  func typeName(of edge: Int32) -> String { typeNames[Int(edgeType[Int(edge)])] }

  // MARK: details

  /// The properties of a node as the query sees them: plain properties, the display name,
  /// the latest fact values and `aliases` (see `KnowledgeStore.queryNodeDetails`).
  func properties(ofNode n: Int32) throws -> [String: QValue] {
    if n >= firstCreatedNode { return createdNodeProps[n] ?? [:] }
    cache.lock.lock()
    if let p = cache.nodes[n] {
      cache.lock.unlock()
      return p
    }
    cache.lock.unlock()
    try loadNodes([n])
    cache.lock.lock()
    defer { cache.lock.unlock() }
    return cache.nodes[n] ?? [:]
  }

  /// Loads and caches details of many nodes in batches.
  func loadNodes(_ nodes: [Int32]) throws {
    cache.lock.lock()
    let missing = nodes.filter { $0 < firstCreatedNode && cache.nodes[$0] == nil }
    cache.lock.unlock()
    guard !missing.isEmpty else { return }
    let details = try store.queryNodeDetails(missing.map { nodeIDs[Int($0)] })
    var loaded: [Int32: [String: QValue]] = [:]
    for n in missing {
      guard let d = details[nodeIDs[Int(n)]] else {
        loaded[n] = [:]
        continue
      }
      var props: [String: QValue] = [:]
      for (k, v) in d.facts { props[k] = QValue(v, nodeIndex: { self.indexOfID[$0] }) }
      for (k, v) in d.props { props[k] = QValue(v, nodeIndex: { self.indexOfID[$0] }) }
      if props["name"] == nil, !d.name.isEmpty { props["name"] = .string(d.name) }
      if props["aliases"] == nil, !d.aliases.isEmpty {
        props["aliases"] = .list(d.aliases.map { .string($0) })
      }
      if props["key"] == nil, !d.key.hasPrefix("_c") { props["key"] = .string(d.key) }
      loaded[n] = props
    }
    cache.lock.lock()
    cache.nodes.merge(loaded) { a, _ in a }
    cache.lock.unlock()
  }

  func properties(ofEdge e: Int32) throws -> [String: QValue] {
    if e >= firstCreatedEdge { return createdEdgeProps[e] ?? [:] }
    cache.lock.lock()
    if let p = cache.edges[e] {
      cache.lock.unlock()
      return p
    }
    cache.lock.unlock()
    let props = try store.queryEdgeProperties([edgeIDs[Int(e)]])[edgeIDs[Int(e)]] ?? [:]
    let converted = props.mapValues { QValue($0, nodeIndex: { self.indexOfID[$0] }) }
    cache.lock.lock()
    cache.edges[e] = converted
    cache.lock.unlock()
    return converted
  }

  // MARK: writes (kept in memory until commit)

  func createNode(labels: [String], props: [String: QValue]) -> Int32 {
    let n = Int32(nodeIDs.count)
    nodeIDs.append(0)
    var ids: [Int32] = []
    for label in labels where !ids.contains(labelID(label)) { ids.append(labelID(label)) }
    nodeLabels.append(ids)
    for l in ids { labelMembers[Int(l)].append(n) }
    outEdges.append([])
    inEdges.append([])
    createdNodeProps[n] = props
    return n
  }

  func labelID(_ label: String) -> Int32 {
    if let l = labelIndex[label] { return l }
    let l = Int32(labelNames.count)
    labelNames.append(label)
    labelIndex[label] = l
    labelMembers.append([])
    return l
  }

  func createEdge(_ src: Int32, _ type: String, _ dst: Int32, props: [String: QValue]) -> Int32 {
    let e = Int32(edgeIDs.count)
    let t: Int32
    if let existing = typeIndex[type] {
      t = existing
    } else {
      t = Int32(typeNames.count)
      typeNames.append(type)
      typeIndex[type] = t
      typeCounts.append(0)
    }
    typeCounts[Int(t)] += 1
    edgeIDs.append(0)
    edgeSrc.append(src)
    edgeDst.append(dst)
    edgeType.append(t)
    outEdges[Int(src)].append(e)
    inEdges[Int(dst)].append(e)
    createdEdgeProps[e] = props
    return e
  }

  var hasWrites: Bool { nodeIDs.count > Int(firstCreatedNode) || edgeIDs.count > Int(firstCreatedEdge) }

  /// Writes the created nodes and edges to the store in one transaction (the user's layer)
  /// and gives them their store ids.
  func commit() throws {
    guard hasWrites else { return }
    let firstNode = Int(firstCreatedNode), firstEdge = Int(firstCreatedEdge)
    try store.write { w in
      for n in firstNode..<nodeIDs.count {
        let props = (createdNodeProps[Int32(n)] ?? [:]).compactMapValues { $0.storable }
        nodeIDs[n] = try w.createQueryNode(labels: labels(of: Int32(n)), props: props)
        indexOfID[nodeIDs[n]] = Int32(n)
      }
      for e in firstEdge..<edgeIDs.count {
        let props = (createdEdgeProps[Int32(e)] ?? [:]).compactMapValues { $0.storable }
        edgeIDs[e] = try w.addEdge(
          nodeIDs[Int(edgeSrc[e])], typeNames[Int(edgeType[e])], nodeIDs[Int(edgeDst[e])], props: props)
      }
    }
  }
}

/// Every node's edges in one flat array (compressed sparse rows): node n's edges are
/// `edges[start[n]..<start[n + 1]]`, with their sort keys in `keys` at the same positions.
struct SortedRows: Sendable {
  let start: [Int32]
  let edges: [Int32]
  let keys: [UInt64]

  init(_ lists: [[Int32]], key: (Int32) -> UInt64) {
    var start = [Int32](repeating: 0, count: lists.count + 1)
    for (n, list) in lists.enumerated() { start[n + 1] = start[n] + Int32(list.count) }
    let flat = lists.flatMap { $0 }
    self.start = start
    edges = flat
    keys = flat.map(key)
  }
}

import Foundation
import KnowledgeGraph

/// The graph a query runs on: the store's shared `GraphIndex` (topology in dense arrays
/// and sorted edge rows), node and edge details loaded lazily and cached with the index
/// snapshot, plus the nodes and edges a CREATE adds before they are committed.
///
/// The index's columns are read in place (they may be a mapped file); what a query creates
/// or changes is kept beside them (`Grown`, `ListOverlay`), so a read-only query copies
/// nothing. The index is rebuilt only after a commit by any process.
final class QueryGraph: @unchecked Sendable {
  let index: GraphIndex
  var nodeIDs: Grown<StoreIDs>
  var nodeLabels: ListOverlay
  var labelNames: [String]
  var labelIndex: [String: Int32]
  var labelMembers: ListOverlay
  var edgeIDs: Grown<StoreIDs>
  var edgeSrc: Grown<IndexColumn>
  var edgeDst: Grown<IndexColumn>
  var edgeType: Grown<IndexColumn>
  var typeNames: [String]
  var typeIndex: [String: Int32]
  /// Number of edges of each type.
  var typeCounts: [Int]
  /// Edges created by the running query, per node (stored edges are in the index's rows).
  var createdOut: [Int32: [Int32]] = [:]
  var createdIn: [Int32: [Int32]] = [:]
  /// Store ids of nodes this query created and committed, to their dense indices.
  var createdIndexOfID: [Int64: Int32] = [:]
  /// Details of stored elements, shared by every query on the same index snapshot.
  let cache: DetailCache
  /// Elements created by the running query: properties kept here until commit.
  var createdNodeProps: [Int32: [String: QValue]] = [:]
  var createdEdgeProps: [Int32: [String: QValue]] = [:]
  let firstCreatedNode: Int32
  let firstCreatedEdge: Int32
  let store: KnowledgeStore
  /// Stored elements whose properties SET or REMOVE changed: their whole new property map.
  var changedNodeProps: [Int32: [String: QValue]] = [:]
  var changedEdgeProps: [Int32: [String: QValue]] = [:]
  /// Stored nodes whose labels SET or REMOVE changed.
  var changedLabels: Set<Int32> = []
  /// Elements DELETE removed (stored or created by this query).
  var deletedNodes: Set<Int32> = []
  var deletedEdges: Set<Int32> = []
  /// Ordering comparisons (`<`, `>=`, ...) that were null because the two sides had types
  /// Cypher does not order against each other, by the pair of type names, with the first
  /// property key read on either side: the warning after the query says how to convert.
  var incomparable: [IncomparableComparison] = []

  final class DetailCache: @unchecked Sendable {
    let lock = NSLock()
    var nodes: [Int32: [String: QValue]] = [:]
    var edges: [Int32: [String: QValue]] = [:]
    /// Read-ahead of `properties(ofNode:)`: the node after the last one loaded, and how
    /// many the last load read.
    var next: Int32 = -1
    var window = 1
  }

  /// The most nodes one read-ahead loads (one batch of `queryNodeDetails`).
  static let readAheadLimit = 500

  /// The graph of a store at its current generation (the index is rebuilt only when this
  /// or another process committed since it was built).
  init(store: KnowledgeStore) throws {
    let g = try store.graphIndex()
    self.store = store
    index = g
    nodeIDs = Grown(g.nodeIDs)
    nodeLabels = ListOverlay(g.nodeLabels)
    labelNames = g.labelNames
    labelIndex = g.labelIndex
    labelMembers = ListOverlay(g.labelMembers)
    edgeIDs = Grown(g.edgeIDs)
    edgeSrc = Grown(g.edgeSrc)
    edgeDst = Grown(g.edgeDst)
    edgeType = Grown(g.edgeType)
    typeNames = g.typeNames
    typeIndex = g.typeIndex
    typeCounts = g.typeCounts
    cache = g.attachment { DetailCache() }
    firstCreatedNode = Int32(g.nodeCount)
    firstCreatedEdge = Int32(g.edgeCount)
  }

  var nodeCount: Int { nodeIDs.count }
  var edgeCount: Int { edgeIDs.count }

  func hasLabel(_ node: Int32, _ label: Int32) -> Bool { nodeLabels.contains(node, label) }

  /// The dense index of a store node id (stored or committed by this query).
  func indexOfID(_ id: Int64) -> Int32? { index.index(of: id) ?? createdIndexOfID[id] }

  func labels(of node: Int32) -> [String] { nodeLabels[Int(node)].map { labelNames[Int($0)] }.sorted() }

  func typeName(of edge: Int32) -> String { typeNames[Int(edgeType[Int(edge)])] }

  // MARK: details

  /// The properties of a node as the query sees them: plain properties, the display name,
  /// the latest fact values and `aliases` (see `KnowledgeStore.queryNodeDetails`).
  func properties(ofNode n: Int32) throws -> [String: QValue] {
    if n >= firstCreatedNode { return createdNodeProps[n] ?? [:] }
    if !changedNodeProps.isEmpty, let p = changedNodeProps[n] { return p }
    cache.lock.lock()
    if let p = cache.nodes[n] {
      cache.lock.unlock()
      return p
    }
    // A scan asks for nodes in index order, one at a time (a WHERE on every node): each miss
    // that comes at or just past the end of the last load reads twice as many nodes ahead,
    // up to a batch, so a million nodes take 2,000 reads instead of a million. Any other
    // miss reads just its node.
    let ahead = n >= cache.next && Int(n - cache.next) < max(64, cache.window)
    cache.window = ahead ? min(cache.window * 2, Self.readAheadLimit) : 1
    let end = min(Int(n) + cache.window, Int(firstCreatedNode))
    cache.next = Int32(end)
    cache.lock.unlock()
    try loadNodes(Array(n..<Int32(end)))
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
      for (k, v) in d.facts { props[k] = QValue(v, nodeIndex: self.indexOfID) }
      for (k, v) in d.props { props[k] = QValue(v, nodeIndex: self.indexOfID) }
      if props["name"] == nil, !d.name.isEmpty { props["name"] = .string(d.name) }
      if props["aliases"] == nil, !d.aliases.isEmpty {
        props["aliases"] = .list(d.aliases.map { .string($0) })
      }
      if props["key"] == nil, !d.key.hasPrefix("_c") { props["key"] = .string(d.key) }
      if props["description"] == nil, let description = d.description {
        props["description"] = .string(description)
      }
      loaded[n] = props
    }
    cache.lock.lock()
    cache.nodes.merge(loaded) { a, _ in a }
    cache.lock.unlock()
  }

  func properties(ofEdge e: Int32) throws -> [String: QValue] {
    if e >= firstCreatedEdge { return createdEdgeProps[e] ?? [:] }
    if !changedEdgeProps.isEmpty, let p = changedEdgeProps[e] { return p }
    cache.lock.lock()
    if let p = cache.edges[e] {
      cache.lock.unlock()
      return p
    }
    cache.lock.unlock()
    let props = try store.queryEdgeProperties([edgeIDs[Int(e)]])[edgeIDs[Int(e)]] ?? [:]
    let converted = props.mapValues { QValue($0, nodeIndex: self.indexOfID) }
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
    createdOut[src, default: []].append(e)
    createdIn[dst, default: []].append(e)
    createdEdgeProps[e] = props
    return e
  }

  var hasWrites: Bool {
    nodeIDs.count > Int(firstCreatedNode) || edgeIDs.count > Int(firstCreatedEdge) || hasUpdates
  }

  /// Changes to stored elements (SET, REMOVE, DELETE), as opposed to new ones.
  var hasUpdates: Bool {
    !changedNodeProps.isEmpty || !changedEdgeProps.isEmpty || !changedLabels.isEmpty || !deletedNodes.isEmpty
      || !deletedEdges.isEmpty
  }

  /// Writes the created nodes and edges to the store in one transaction (the user's layer)
  /// and gives them their store ids; returns what SET, REMOVE and DELETE changed.
  @discardableResult
  func commit() throws -> QueryStatistics {
    guard hasWrites else { return QueryStatistics() }
    let firstNode = Int(firstCreatedNode), firstEdge = Int(firstCreatedEdge)
    let nodeUpdates = try nodeUpdates()
    var changes = try updateStatistics(nodeUpdates)
    changes.factsRetracted = try store.write { w in
      for n in firstNode..<nodeIDs.count where !deletedNodes.contains(Int32(n)) {
        let props = (createdNodeProps[Int32(n)] ?? [:]).compactMapValues { $0.storable }
        nodeIDs[n] = try w.createQueryNode(labels: labels(of: Int32(n)), props: props)
        createdIndexOfID[nodeIDs[n]] = Int32(n)
      }
      for e in firstEdge..<edgeIDs.count where !deletedEdges.contains(Int32(e)) {
        let props = (createdEdgeProps[Int32(e)] ?? [:]).compactMapValues { $0.storable }
        edgeIDs[e] = try w.createQueryEdge(
          nodeIDs[Int(edgeSrc[e])], typeNames[Int(edgeType[e])], nodeIDs[Int(edgeDst[e])], props: props)
      }
      // After creating, so that new rows never take the ids of deleted ones.
      return try commitUpdates(w, nodeUpdates)
    }
    return changes
  }
}

/// A node's edges: its sorted row from the index, then edges created by the running query.
struct EdgeList: Sequence {
  let base: Slice<IndexColumn>
  let extra: [Int32]

  var count: Int { base.count + extra.count }

  func makeIterator() -> Iterator { Iterator(base: base.makeIterator(), extra: extra.makeIterator()) }

  struct Iterator: IteratorProtocol {
    var base: Slice<IndexColumn>.Iterator
    var extra: IndexingIterator<[Int32]>
    @inline(__always) mutating func next() -> Int32? { base.next() ?? extra.next() }
  }
}

import Foundation
import Synchronization

/// THE in-memory index of the whole graph: nodes, labels and edges in dense arrays, with
/// every node's edges in compressed sparse rows sorted by (type, other end). The graph
/// commands (neighbours, paths, ranks: see `Traversal`) and the Cypher matcher read it.
///
/// Node, edge, label and type ids here are dense indices (`Int32`), not store ids;
/// `nodeIDs` and `edgeIDs` map back. Build it with `KnowledgeStore.graphIndex()`, which
/// caches it until any process commits.
///
/// ```swift
/// let graph = try store.graphIndex()
/// let zhipu = graph.index(of: zhipuNode.id)!
/// for (neighbor, type) in graph.outgoing(zhipu) { print(graph.typeName(type)) }
/// ```
public final class GraphIndex: @unchecked Sendable {
  /// Store node ids by dense index, ascending.
  public let nodeIDs: [Int64]
  /// Store node id -> dense index.
  public let nodeIndex: NodeIndexMap
  /// Label names by label index, and the reverse.
  public let labelNames: [String]
  public let labelIndex: [String: Int32]
  /// Each node's labels, and each label's nodes (ascending).
  public let nodeLabels: [[Int32]]
  public let labelMembers: [[Int32]]
  /// Edges by dense index (in store id order): store id, ends and type.
  public let edgeIDs: [Int64]
  public let edgeSrc: [Int32]
  public let edgeDst: [Int32]
  public let edgeType: [Int32]
  /// Edge type names by type index (in store id order), the reverse, and edges per type.
  public let typeNames: [String]
  public let typeIndex: [String: Int32]
  public let typeCounts: [Int]
  /// Outgoing edges per node, keyed by `type << 32 | target`.
  public let outRows: EdgeRows
  /// Incoming edges per node, keyed by `type << 32 | source`.
  public let inRows: EdgeRows
  private let attachments = Mutex<[ObjectIdentifier: AnyObject]>([:])

  /// Number of nodes.
  public var nodeCount: Int { nodeIDs.count }
  /// Number of edges.
  public var edgeCount: Int { edgeIDs.count }

  convenience init(
    nodes: [Int64], labels: (names: [String], ofNode: [[Int32]], members: [[Int32]]),
    edges: (ids: [Int64], src: [Int32], dst: [Int32], type: [Int32]), typeNames: [String]
  ) {
    var counts = [Int](repeating: 0, count: typeNames.count)
    for t in edges.type { counts[Int(t)] += 1 }
    self.init(
      Parts(
        nodeIDs: nodes, labelNames: labels.names, nodeLabels: labels.ofNode, labelMembers: labels.members,
        edgeIDs: edges.ids, edgeSrc: edges.src, edgeDst: edges.dst, edgeType: edges.type,
        typeNames: typeNames, typeCounts: counts,
        outRows: EdgeRows(nodes: nodes.count, from: edges.src, to: edges.dst, type: edges.type),
        inRows: EdgeRows(nodes: nodes.count, from: edges.dst, to: edges.src, type: edges.type)))
  }

  /// Every array of the index, as built from the database or read from an index file.
  struct Parts {
    var nodeIDs: [Int64]
    var labelNames: [String]
    var nodeLabels: [[Int32]]
    var labelMembers: [[Int32]]
    var edgeIDs: [Int64]
    var edgeSrc: [Int32]
    var edgeDst: [Int32]
    var edgeType: [Int32]
    var typeNames: [String]
    var typeCounts: [Int]
    var outRows: EdgeRows
    var inRows: EdgeRows
  }

  init(_ parts: Parts) {
    nodeIDs = parts.nodeIDs
    nodeIndex = NodeIndexMap(sortedIDs: parts.nodeIDs)
    labelNames = parts.labelNames
    labelIndex = Dictionary(parts.labelNames.enumerated().map { ($1, Int32($0)) }) { a, _ in a }
    nodeLabels = parts.nodeLabels
    labelMembers = parts.labelMembers
    edgeIDs = parts.edgeIDs
    edgeSrc = parts.edgeSrc
    edgeDst = parts.edgeDst
    edgeType = parts.edgeType
    typeNames = parts.typeNames
    typeIndex = Dictionary(parts.typeNames.enumerated().map { ($1, Int32($0)) }) { a, _ in a }
    typeCounts = parts.typeCounts
    outRows = parts.outRows
    inRows = parts.inRows
  }

  /// The dense index of a store node id, or nil when the id is not in the graph.
  @inline(__always)
  public func index(of id: Int64) -> Int32? { nodeIndex[id] }

  /// The type index of an edge type name, or nil when there is no such type.
  public func typeID(_ name: String) -> Int32? { typeIndex[name] }

  /// The name of a type index ("?" when out of range).
  public func typeName(_ type: Int32) -> String {
    typeNames.indices.contains(Int(type)) ? typeNames[Int(type)] : "?"
  }

  /// Outgoing edges of a node as (target, type), sorted by type then target.
  @inline(__always)
  public func outgoing(_ node: Int32) -> LazyMapSequence<ArraySlice<UInt64>, (Int32, Int32)> {
    outRows.ends(node)
  }

  /// Incoming edges of a node as (source, type), sorted by type then source.
  @inline(__always)
  public func incoming(_ node: Int32) -> LazyMapSequence<ArraySlice<UInt64>, (Int32, Int32)> {
    inRows.ends(node)
  }

  /// Out-degree and in-degree of a node.
  public func outDegree(_ node: Int32) -> Int { outRows.count(node) }
  public func inDegree(_ node: Int32) -> Int { inRows.count(node) }

  /// A value derived from this snapshot of the graph (e.g. a module's cache of node
  /// details), made on first use and dropped with the snapshot.
  public func attachment<T: AnyObject & Sendable>(_ make: () -> T) -> T {
    attachments.withLock { slots in
      if let existing = slots[ObjectIdentifier(T.self)] as? T { return existing }
      let made = make()
      slots[ObjectIdentifier(T.self)] = made
      return made
    }
  }
}

/// Every node's edges in one flat array (compressed sparse rows): node n's edges are
/// `edges[start[n]..<start[n + 1]]`, sorted by their keys `type << 32 | other end` (ties by
/// edge index), stored in `keys` at the same positions. One type is a contiguous range
/// found by binary search; two ranges intersect by a merge.
public struct EdgeRows: Sendable {
  public let start: [Int32]
  public let edges: [Int32]
  public let keys: [UInt64]

  init(start: [Int32], edges: [Int32], keys: [UInt64]) {
    self.start = start
    self.edges = edges
    self.keys = keys
  }

  /// Groups edges by their `from` end (a counting sort), then sorts each row by key.
  init(nodes: Int, from: [Int32], to: [Int32], type: [Int32]) {
    var start = [Int32](repeating: 0, count: nodes + 1)
    for f in from { start[Int(f) + 1] += 1 }
    for n in 0..<nodes { start[n + 1] += start[n] }
    var cursor = start
    var edges = [Int32](repeating: 0, count: from.count)
    var keys = [UInt64](repeating: 0, count: from.count)
    for e in from.indices {
      let slot = Int(cursor[Int(from[e])])
      cursor[Int(from[e])] += 1
      edges[slot] = Int32(e)
      keys[slot] = UInt64(UInt32(type[e])) << 32 | UInt64(UInt32(to[e]))
    }
    // Rows were filled in edge order, so sorting by key with the edge as tie-break is
    // needed only for rows that are out of order.
    for n in 0..<nodes {
      let lo = Int(start[n]), hi = Int(start[n + 1])
      guard hi - lo > 1, !(lo + 1..<hi).allSatisfy({ keys[$0 - 1] <= keys[$0] }) else { continue }
      let sorted = (lo..<hi).map { (keys[$0], edges[$0]) }.sorted { $0 < $1 }
      for (k, pair) in sorted.enumerated() {
        keys[lo + k] = pair.0
        edges[lo + k] = pair.1
      }
    }
    self.start = start
    self.edges = edges
    self.keys = keys
  }

  /// The positions of a node's row (empty for a node outside the index).
  @inline(__always)
  public func range(_ node: Int32) -> Range<Int> {
    guard Int(node) + 1 < start.count else { return 0..<0 }
    return Int(start[Int(node)])..<Int(start[Int(node) + 1])
  }

  /// The number of edges in a node's row.
  public func count(_ node: Int32) -> Int { range(node).count }

  /// A node's edge indices.
  @inline(__always)
  public func edges(_ node: Int32) -> ArraySlice<Int32> { edges[range(node)] }

  /// A node's edges as (other end, type).
  @inline(__always)
  public func ends(_ node: Int32) -> LazyMapSequence<ArraySlice<UInt64>, (Int32, Int32)> {
    keys[range(node)].lazy.map { (Int32(truncatingIfNeeded: $0), Int32(truncatingIfNeeded: $0 >> 32)) }
  }
}

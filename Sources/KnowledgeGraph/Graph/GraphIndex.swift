import Foundation
import Synchronization

/// THE in-memory index of the whole graph: nodes, labels and edges in dense columns, with
/// every node's edges in compressed sparse rows sorted by (type, other end). The graph
/// commands (neighbours, paths, ranks: see `Traversal`) and the Cypher matcher read it.
///
/// Node, edge, label and type ids here are dense indices (`Int32`), not store ids;
/// `nodeIDs` and `edgeIDs` map back. Build it with `KnowledgeStore.graphIndex()`, which
/// caches it until any process commits. The columns live either in memory this process
/// built or in the index file mapped read-only (see `GraphIndexFile`): no copy, no decoding.
///
/// ```swift
/// let graph = try store.graphIndex()
/// let zhipu = graph.index(of: zhipuNode.id)!
/// for (neighbor, type) in graph.outgoing(zhipu) { print(graph.typeName(type)) }
/// ```
public final class GraphIndex: @unchecked Sendable {
  /// Store node ids by dense index, ascending.
  public let nodeIDs: StoreIDs
  /// Label names by label index, and the reverse.
  public let labelNames: [String]
  public let labelIndex: [String: Int32]
  /// Each node's labels, and each label's nodes (ascending).
  public let nodeLabels: IndexLists
  public let labelMembers: IndexLists
  /// Edges by dense index (in store id order): store id, ends and type.
  public let edgeIDs: StoreIDs
  public let edgeSrc: IndexColumn
  public let edgeDst: IndexColumn
  public let edgeType: IndexColumn
  /// Edge type names by type index (in store id order), the reverse, and edges per type.
  public let typeNames: [String]
  public let typeIndex: [String: Int32]
  public let typeCounts: [Int]
  /// Outgoing edges per node, keyed by `type << 32 | target`.
  public let outRows: EdgeRows
  /// Incoming edges per node, keyed by `type << 32 | source`.
  public let inRows: EdgeRows
  /// Every folded name and alias in byte order, for prefix searches.
  public let namePrefixes: NamePrefixes
  private let attachments = Mutex<[ObjectIdentifier: AnyObject]>([:])

  /// Number of nodes.
  public var nodeCount: Int { nodeIDs.count }
  /// Number of edges.
  public var edgeCount: Int { edgeIDs.count }

  /// Every column of the index, as built from the database or mapped from an index file.
  struct Parts {
    var nodeIDs: StoreIDs
    var labelNames: [String]
    var nodeLabels: IndexLists
    var labelMembers: IndexLists
    var edgeIDs: StoreIDs
    var edgeSrc: IndexColumn
    var edgeDst: IndexColumn
    var edgeType: IndexColumn
    var typeNames: [String]
    var typeCounts: [Int]
    var outRows: EdgeRows
    var inRows: EdgeRows
    var namePrefixes = NamePrefixes()
  }

  init(_ parts: Parts) {
    nodeIDs = parts.nodeIDs
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
    namePrefixes = parts.namePrefixes
  }

  /// The dense index of a store node id, or nil when the id is not in the graph.
  @inline(__always)
  public func index(of id: Int64) -> Int32? { nodeIDs.position(of: id) }

  /// The type index of an edge type name, or nil when there is no such type.
  public func typeID(_ name: String) -> Int32? { typeIndex[name] }

  /// The name of a type index ("?" when out of range).
  public func typeName(_ type: Int32) -> String {
    typeNames.indices.contains(Int(type)) ? typeNames[Int(type)] : "?"
  }

  /// Outgoing edges of a node as (target, type), sorted by type then target.
  @inline(__always)
  public func outgoing(_ node: Int32) -> LazyMapSequence<Slice<KeyColumn>, (Int32, Int32)> {
    outRows.ends(node)
  }

  /// Incoming edges of a node as (source, type), sorted by type then source.
  @inline(__always)
  public func incoming(_ node: Int32) -> LazyMapSequence<Slice<KeyColumn>, (Int32, Int32)> {
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

/// Edge sort keys `type << 32 | other end`. A key read from a damaged index file whose
/// node or type is out of range reads as 0 (type 0, node 0), never as an index that would
/// take a caller out of bounds.
public struct KeyColumn: RandomAccessCollection, Sendable {
  @usableFromInline let values: Column<UInt64>
  @usableFromInline let nodeLimit: UInt64
  @usableFromInline let typeLimit: UInt64

  init(_ values: Column<UInt64>, nodes: Int, types: Int) {
    self.values = values
    nodeLimit = UInt64(nodes)
    typeLimit = UInt64(types)
  }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { values.count }

  @inlinable
  public subscript(i: Int) -> UInt64 {
    @inline(__always) get {
      let k = values[i]
      return k & 0xFFFF_FFFF < nodeLimit && k >> 32 < typeLimit ? k : 0
    }
  }

  var column: Column<UInt64> { values }
}

/// Every node's edges in one flat array (compressed sparse rows): node n's edges are
/// `edges[start[n]..<start[n + 1]]`, sorted by their keys `type << 32 | other end` (ties by
/// edge index), stored in `keys` at the same positions. One type is a contiguous range
/// found by binary search; two ranges intersect by a merge.
public struct EdgeRows: Sendable {
  public let start: Column<Int32>
  public let edges: IndexColumn
  public let keys: KeyColumn

  init(start: Column<Int32>, edges: IndexColumn, keys: KeyColumn) {
    self.start = start
    self.edges = edges
    self.keys = keys
  }

  /// The positions of a node's row (empty for a node outside the index, or a row whose
  /// offsets a damaged file got wrong).
  @inlinable @inline(__always)
  public func range(_ node: Int32) -> Range<Int> {
    guard node >= 0, Int(node) + 1 < start.count else { return 0..<0 }
    let lo = Int(start[Int(node)]), hi = Int(start[Int(node) + 1])
    guard 0 <= lo, lo <= hi, hi <= keys.count else { return 0..<0 }
    return lo..<hi
  }

  /// The number of edges in a node's row.
  public func count(_ node: Int32) -> Int { range(node).count }

  /// A node's edge indices.
  @inlinable @inline(__always)
  public func edges(_ node: Int32) -> Slice<IndexColumn> { edges[range(node)] }

  /// A node's edges as (other end, type).
  @inlinable @inline(__always)
  public func ends(_ node: Int32) -> LazyMapSequence<Slice<KeyColumn>, (Int32, Int32)> {
    keys[range(node)].lazy.map { (Int32(truncatingIfNeeded: $0), Int32(truncatingIfNeeded: $0 >> 32)) }
  }
}

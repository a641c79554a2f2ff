import Foundation

/// Every folded name and alias of the graph's nodes in byte order (the order of the alias
/// table's key, SQLite's BINARY collation), with the node each belongs to: a prefix is a
/// contiguous range found by two binary searches, so `find X --prefix --count` counts the
/// entities whose name starts with X without stepping through the range in SQLite.
///
/// Entry i's folded name is `bytes[start[i]..<start[i + 1]]` and its node is `nodes[i]`: the
/// dense index when the node has no other entry, else its bitwise complement (negative), so
/// that a count of distinct nodes adds 1 for every non-negative entry and sorts only the
/// others. One entry per row of the alias table (two aliases of a node that fold alike are
/// two entries with the same folded name), so a range's size is the alias table's count.
///
/// Values read from a damaged index file are clamped (offsets to the bytes, nodes below
/// `nodeLimit`; a node out of range is skipped), so a damaged file cannot crash a search.
///
/// ```swift
/// let names = try store.graphIndex().namePrefixes
/// let range = names.range(prefix: Names.normalize("Zhi"))
/// names.distinctNodeCount(in: range)  // entities with a name or alias starting "zhi"
/// ```
public struct NamePrefixes: Sendable {
  let start: Column<Int32>
  let bytes: Column<UInt8>
  let nodes: Column<Int32>
  let nodeLimit: Int
  /// Whether these are all the alias table's names; false for an index without them (its
  /// names passed 2 GB), which a prefix search must not read.
  public let complete: Bool

  init(
    start: Column<Int32>, bytes: Column<UInt8>, nodes: Column<Int32>, nodeLimit: Int, complete: Bool = true
  ) {
    self.start = start
    self.bytes = bytes
    self.nodes = nodes
    self.nodeLimit = nodeLimit
    self.complete = complete
  }

  /// No names: an index whose names were not gathered (`complete` is false).
  init() { self.init(start: Column([0]), bytes: Column(), nodes: Column(), nodeLimit: 0, complete: false) }

  /// The number of entries (rows of the alias table).
  public var count: Int { nodes.count }

  /// The entries whose folded name starts with `norm` (a folded name, see `Names.normalize`):
  /// from the first at or after `norm` to the first at or after `norm` + U+10FFFF, the bounds
  /// of the alias table's range scan, so both give the same entries.
  public func range(prefix norm: String) -> Range<Int> {
    var key = Array(norm.utf8)
    let lower = lowerBound(key)
    key.append(contentsOf: "\u{10FFFF}".utf8)
    return lower..<max(lower, lowerBound(key))
  }

  /// How many different nodes the entries of `range` belong to.
  public func distinctNodeCount(in range: Range<Int>) -> Int {
    let range = range.clamped(to: 0..<count)
    var singles = 0
    var shared: [Int32] = []
    for i in range {
      let v = nodes[i]
      if v >= 0 {
        if Int(v) < nodeLimit { singles += 1 }
      } else if Int(~v) < nodeLimit {
        shared.append(~v)
      }
    }
    guard !shared.isEmpty else { return min(singles, nodeLimit) }
    shared.sort()
    var distinct = 1
    for k in 1..<shared.count where shared[k] != shared[k - 1] { distinct += 1 }
    // Never more than the nodes, even from a damaged file.
    return min(singles + distinct, nodeLimit)
  }

  /// The first `limit` different nodes of `range`, in entry order (each at its first entry).
  public func firstNodes(in range: Range<Int>, limit: Int) -> [Int32] {
    var found: [Int32] = []
    var seen = Set<Int32>()
    for i in range.clamped(to: 0..<count) {
      guard found.count < limit else { break }
      let v = nodes[i]
      let node = v >= 0 ? v : ~v
      guard Int(node) < nodeLimit else { continue }
      if v >= 0 || seen.insert(node).inserted { found.append(node) }
    }
    return found
  }

  /// The first entry whose folded name is not below `key` in byte order (`count` if none).
  func lowerBound(_ key: [UInt8]) -> Int {
    var lo = 0, hi = count
    while lo < hi {
      let mid = (lo + hi) / 2
      if compare(entry: mid, key) < 0 { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// memcmp order of entry i's bytes against `key`, the shorter first on a tie.
  private func compare(entry i: Int, _ key: [UInt8]) -> Int {
    let total = bytes.count
    let s = min(max(Int(start[i]), 0), total)
    let e = min(max(Int(start[i + 1]), s), total)
    return bytes.withBytes { raw in
      key.withUnsafeBytes { k in
        let n = min(e - s, k.count)
        let c = n == 0 ? 0 : memcmp(raw.baseAddress! + s, k.baseAddress!, n)
        if c != 0 { return Int(c) }
        return (e - s) - k.count
      }
    }
  }
}

extension NamePrefixes {
  /// Gathers entries given in byte order of their folded names (ties in node id order), as
  /// the alias table's key orders them, one for each alias row; `nodeIndex` maps store ids
  /// to dense indices.
  struct Builder {
    private var start: [Int32] = [0]
    private var bytes: [UInt8] = []
    private var nodes: [Int32] = []
    private let nodeIndex: NodeIndexMap
    private let nodeCount: Int
    /// Whether the names still fit offsets of 32 bits (else the index has no names).
    private var fits = true

    init(nodeIndex: NodeIndexMap, nodeCount: Int, capacity: Int = 0) {
      self.nodeIndex = nodeIndex
      self.nodeCount = nodeCount
      start.reserveCapacity(capacity + 1)
      nodes.reserveCapacity(capacity)
    }

    /// Adds a folded name of the node with store id `id` (an unknown id is left out).
    mutating func add(_ norm: UnsafeRawBufferPointer, id: Int64) {
      guard fits, let node = nodeIndex[id] else { return }
      bytes.append(contentsOf: norm)
      guard bytes.count <= Int(Int32.max) else {
        fits = false
        return
      }
      start.append(Int32(bytes.count))
      nodes.append(node)
    }

    /// The entries, each node that has more than one marked (see `NamePrefixes`).
    func finish() -> NamePrefixes {
      guard fits else { return NamePrefixes() }
      var seen = [UInt8](repeating: 0, count: nodeCount)
      for node in nodes where seen[Int(node)] < 2 { seen[Int(node)] += 1 }
      let marked = nodes.map { seen[Int($0)] > 1 ? ~$0 : $0 }
      return NamePrefixes(
        start: Column(start), bytes: Column(bytes), nodes: Column(marked), nodeLimit: nodeCount)
    }
  }
}

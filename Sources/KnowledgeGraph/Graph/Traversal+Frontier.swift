extension Traversal {
  /// One side of a bidirectional search: the nodes of its last level, and each reached
  /// node's distance and the edge it was reached by.
  struct Frontier {
    var marks: SearchMarks
    var nodes: [Int32]
    var depth: Int32 = 0

    init(_ count: Int, start: Int32) {
      marks = SearchMarks(nodeCount: count)
      marks.set(start, SearchMarks.Mark(distance: 0, parent: -1, type: 0, forward: false))
      nodes = [start]
    }

    /// Expands one level; returns the node where the two searches meet with the shortest
    /// total length, if they met. `flip` marks the target side, whose edges are walked
    /// against their direction of travel.
    mutating func advance(
      _ adj: GraphIndex, _ filter: EdgeFilter, flip: Bool, other: Frontier, work: inout Int,
      _ interrupt: () throws -> Void
    ) throws -> Int32? {
      depth += 1
      var next: [Int32] = []
      var best: (total: Int32, meet: Int32)?
      for node in nodes {
        work += 1
        if work % Traversal.checkEvery == 0 { try interrupt() }
        Traversal.forEachStep(adj, node, filter) { s in
          guard marks[s.other] == nil else { return }
          marks.set(
            s.other,
            SearchMarks.Mark(
              distance: depth, parent: node, type: s.type, forward: flip ? !s.forward : s.forward))
          next.append(s.other)
          if let d = other.marks[s.other]?.distance, best == nil || depth + d < best!.total {
            best = (depth + d, s.other)
          }
        }
      }
      nodes = next
      return best?.meet
    }
  }
}

/// What a search knows about each node it reached. Kept in a small hash table while few nodes are
/// reached, so a search that stays local allocates nothing in proportion to the graph (a
/// new process's first `path` does not zero and fault in megabytes); moved to one dense
/// array once it reaches many nodes.
struct SearchMarks {
  struct Mark {
    var distance: Int32
    var parent: Int32
    var type: Int32
    var forward: Bool
  }

  let nodeCount: Int
  private var sparse = MarkTable()
  private var dense: [Mark]?

  init(nodeCount: Int) { self.nodeCount = nodeCount }

  /// The mark of a node, nil when the search has not reached it.
  subscript(node: Int32) -> Mark? {
    @inline(__always) get {
      if let dense {
        let mark = dense[Int(node)]
        return mark.distance < 0 ? nil : mark
      }
      return sparse[node]
    }
  }

  mutating func set(_ node: Int32, _ mark: Mark) {
    if dense != nil {
      dense![Int(node)] = mark
      return
    }
    sparse.set(node, mark)
    if sparse.count > Swift.max(4096, nodeCount / 64) {
      var all = [Mark](repeating: MarkTable.none, count: nodeCount)
      sparse.forEach { n, m in all[Int(n)] = m }
      dense = all
      sparse = MarkTable()
    }
  }
}

/// Node → mark by open addressing with a multiplicative hash. A search's sparse phase sets and
/// looks up thousands of marks; `Dictionary` hashes each key with SipHash and, in a new
/// process, first looks up `Int32: Hashable` among all of the program's conformances.
///
/// A slot is one 16-byte entry, the node beside its mark (distance and direction share a
/// word): a probe reads one cache line, and a table of 8,192 slots is 128 KB where separate
/// arrays of nodes and marks took 160 KB, all of it new memory faulted in by a new process's
/// first `path`.
struct MarkTable {
  static let none = SearchMarks.Mark(distance: -1, parent: -1, type: 0, forward: false)

  /// A slot: `node` -1 when empty; `step` is the distance times two, plus one when forward.
  private struct Entry {
    var node: Int32
    var parent: Int32
    var type: Int32
    var step: Int32

    static let empty = Entry(node: -1, parent: -1, type: 0, step: -2)

    var mark: SearchMarks.Mark {
      SearchMarks.Mark(distance: step >> 1, parent: parent, type: type, forward: step & 1 != 0)
    }
  }

  private var slots = [Entry](repeating: .empty, count: 64)
  /// 32 minus log2 of the capacity: the hash's top bits pick the slot.
  private var shift: UInt32 = 26
  private(set) var count = 0

  @inline(__always) private func slot(_ node: Int32) -> Int {
    Int((UInt32(bitPattern: node) &* 0x9E37_79B1) >> shift)
  }

  subscript(node: Int32) -> SearchMarks.Mark? {
    var i = slot(node)
    let mask = slots.count - 1
    while true {
      let entry = slots[i]
      if entry.node == node { return entry.mark }
      if entry.node < 0 { return nil }
      i = (i + 1) & mask
    }
  }

  mutating func set(_ node: Int32, _ mark: SearchMarks.Mark) {
    if (count + 1) * 2 > slots.count { grow() }
    var i = slot(node)
    let mask = slots.count - 1
    while slots[i].node >= 0 && slots[i].node != node { i = (i + 1) & mask }
    if slots[i].node < 0 { count += 1 }
    slots[i] = Entry(
      node: node, parent: mark.parent, type: mark.type, step: mark.distance << 1 | (mark.forward ? 1 : 0))
  }

  func forEach(_ body: (Int32, SearchMarks.Mark) -> Void) {
    for entry in slots where entry.node >= 0 { body(entry.node, entry.mark) }
  }

  private mutating func grow() {
    let old = slots
    slots = [Entry](repeating: .empty, count: old.count * 2)
    shift -= 1
    count = 0
    for entry in old where entry.node >= 0 { set(entry.node, entry.mark) }
  }
}

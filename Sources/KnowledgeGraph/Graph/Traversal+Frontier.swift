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
            s.other, SearchMarks.Mark(distance: depth, parent: node, type: s.type, forward: flip ? !s.forward : s.forward))
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

/// What a search knows about each node it reached. Kept in a dictionary while few nodes are
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
  private var sparse: [Int32: Mark] = [:]
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
    sparse[node] = mark
    if sparse.count > Swift.max(4096, nodeCount / 64) {
      var all = [Mark](repeating: Mark(distance: -1, parent: -1, type: 0, forward: false), count: nodeCount)
      for (n, m) in sparse { all[Int(n)] = m }
      dense = all
      sparse = [:]
    }
  }
}

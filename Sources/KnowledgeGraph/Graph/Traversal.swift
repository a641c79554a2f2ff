/// Which way edges may be followed from a node.
public enum TraversalDirection: String, Sendable, CaseIterable {
  case out, `in`, both

  /// The direction seen from the other end (for searching backwards from a target).
  public var reversed: TraversalDirection {
    switch self {
    case .out: return .in
    case .in: return .out
    case .both: return .both
    }
  }
}

/// One traversable edge from a node: the node at the other end, the edge type id and
/// whether the edge points from the node to `other` (`forward`) or the other way.
public struct Step: Hashable, Sendable {
  public var other: Int32
  public var type: Int32
  public var forward: Bool

  public init(other: Int32, type: Int32, forward: Bool) {
    self.other = other
    self.type = type
    self.forward = forward
  }
}

/// Which edges a traversal may use: a set of type ids (nil: all) and a direction.
public struct EdgeFilter: Sendable {
  public var types: Set<Int32>?
  public var direction: TraversalDirection

  public init(types: Set<Int32>? = nil, direction: TraversalDirection = .both) {
    self.types = types
    self.direction = direction
  }
}

/// A path: nodes[0] ... nodes[n], and hops[i] the edge between nodes[i] and nodes[i + 1]
/// (`forward` when it points from nodes[i] to nodes[i + 1]).
public struct GraphPath: Hashable, Sendable {
  public var nodes: [Int32]
  public var hops: [(type: Int32, forward: Bool)]
  public var length: Int { hops.count }

  public static func == (a: GraphPath, b: GraphPath) -> Bool {
    a.nodes == b.nodes && a.hops.map(\.type) == b.hops.map(\.type)
      && a.hops.map(\.forward) == b.hops.map(\.forward)
  }
  public func hash(into h: inout Hasher) {
    h.combine(nodes)
    for hop in hops {
      h.combine(hop.type)
      h.combine(hop.forward)
    }
  }
}

/// A node reached by a breadth-first search: its distance and the edge it was first
/// reached by (from `parent`).
public struct Reached: Sendable {
  public var node: Int32
  public var distance: Int
  public var parent: Int32
  public var type: Int32
  /// The edge points from `parent` to `node`.
  public var forward: Bool
}

/// Graph algorithms over the graph index. Pure functions: they read `GraphIndex` and call
/// `interrupt` every few thousand nodes so Ctrl-C can stop them.
public enum Traversal {
  static let checkEvery = 4096

  /// The distinct edges that may be followed from `node` (parallel edges of one type fold).
  public static func steps(_ adj: GraphIndex, _ node: Int32, _ filter: EdgeFilter) -> [Step] {
    var out: [Step] = []
    var seen = Set<Step>()
    if filter.direction != .in {
      for (n, t) in adj.outgoing(node) where filter.types?.contains(t) ?? true {
        let s = Step(other: n, type: t, forward: true)
        if seen.insert(s).inserted { out.append(s) }
      }
    }
    if filter.direction != .out {
      for (n, t) in adj.incoming(node) where filter.types?.contains(t) ?? true {
        let s = Step(other: n, type: t, forward: false)
        if seen.insert(s).inserted { out.append(s) }
      }
    }
    return out
  }

  /// Calls `body` for each edge that may be followed from `node`, without allocating
  /// (parallel edges are not folded: callers that visit each node once do not need it).
  @inline(__always)
  static func forEachStep(_ adj: GraphIndex, _ node: Int32, _ filter: EdgeFilter, _ body: (Step) -> Void) {
    if filter.direction != .in {
      for (n, t) in adj.outgoing(node) where filter.types?.contains(t) ?? true {
        body(Step(other: n, type: t, forward: true))
      }
    }
    if filter.direction != .out {
      for (n, t) in adj.incoming(node) where filter.types?.contains(t) ?? true {
        body(Step(other: n, type: t, forward: false))
      }
    }
  }

  /// The number of nodes within `maxDepth` hops of `start` (not counting `start`), each
  /// counted once — the size of the neighbourhood without materialising it.
  public static func reachCount(
    _ adj: GraphIndex, from start: Int32, maxDepth: Int, filter: EdgeFilter, interrupt: () throws -> Void = {}
  ) throws -> Int {
    var seen = NodeSet(count: adj.nodeCount)
    seen.insert(start)
    var frontier: [Int32] = [start]
    var next: [Int32] = []
    var count = 0
    var depth = 0
    var work = 0
    while !frontier.isEmpty && depth < maxDepth {
      depth += 1
      next.removeAll(keepingCapacity: true)
      // The last level is only counted: nothing will be expanded from it.
      let last = depth == maxDepth
      for node in frontier {
        work += 1
        if work % checkEvery == 0 { try interrupt() }
        forEachStep(adj, node, filter) { s in
          guard seen.insert(s.other) else { return }
          if last { count += 1 } else { next.append(s.other) }
        }
      }
      count += next.count
      swap(&frontier, &next)
    }
    return count
  }

  /// Breadth-first search from `start` up to `maxDepth` hops; each node is visited once and
  /// reported with its distance and the edge it was reached by. `start` itself is not reported.
  public static func bfs(
    _ adj: GraphIndex, from start: Int32, maxDepth: Int, filter: EdgeFilter,
    interrupt: () throws -> Void = {}
  ) throws -> [Reached] {
    var seen = NodeSet(count: adj.nodeCount)
    seen.insert(start)
    var frontier: [Int32] = [start]
    var reached: [Reached] = []
    var work = 0
    var depth = 0
    while !frontier.isEmpty && depth < maxDepth {
      depth += 1
      var next: [Int32] = []
      for node in frontier {
        work += 1
        if work % checkEvery == 0 { try interrupt() }
        forEachStep(adj, node, filter) { s in
          guard seen.insert(s.other) else { return }
          next.append(s.other)
          reached.append(
            Reached(node: s.other, distance: depth, parent: node, type: s.type, forward: s.forward))
        }
      }
      frontier = next
    }
    return reached
  }

  /// Unweighted distances from `start` (following `filter`), -1 where unreachable within
  /// `maxDepth`.
  public static func distances(
    _ adj: GraphIndex, from start: Int32, maxDepth: Int, filter: EdgeFilter, interrupt: () throws -> Void = {}
  ) throws -> [Int] {
    var dist = [Int](repeating: -1, count: adj.nodeCount)
    dist[Int(start)] = 0
    for r in try bfs(adj, from: start, maxDepth: maxDepth, filter: filter, interrupt: interrupt) {
      dist[Int(r.node)] = r.distance
    }
    return dist
  }

  /// A shortest path from `from` to `to` by bidirectional breadth-first search, or nil when
  /// none exists within `maxLength` hops. The smaller frontier is expanded first, so a hub
  /// on one side does not flood the search.
  public static func shortestPath(
    _ adj: GraphIndex, from: Int32, to: Int32, filter: EdgeFilter, maxLength: Int,
    interrupt: () throws -> Void = {}
  ) throws -> GraphPath? {
    if from == to { return GraphPath(nodes: [from], hops: []) }
    guard maxLength > 0 else { return nil }
    var forward = Frontier(adj.nodeCount, start: from)
    var backward = Frontier(adj.nodeCount, start: to)
    let reversed = EdgeFilter(types: filter.types, direction: filter.direction.reversed)
    var work = 0
    while !forward.nodes.isEmpty && !backward.nodes.isEmpty && forward.depth + backward.depth < maxLength {
      let meet: Int32?
      if forward.nodes.count <= backward.nodes.count {
        meet = try forward.advance(adj, filter, flip: false, other: backward, work: &work, interrupt)
      } else {
        meet = try backward.advance(adj, reversed, flip: true, other: forward, work: &work, interrupt)
      }
      guard let meet else { continue }
      var nodes: [Int32] = [meet]
      var hops: [(type: Int32, forward: Bool)] = []
      var v = meet
      while let mark = forward.marks[v], mark.parent >= 0 {
        nodes.insert(mark.parent, at: 0)
        hops.insert((mark.type, mark.forward), at: 0)
        v = mark.parent
      }
      v = meet
      while let mark = backward.marks[v], mark.parent >= 0 {
        nodes.append(mark.parent)
        hops.append((mark.type, mark.forward))
        v = mark.parent
      }
      return GraphPath(nodes: nodes, hops: hops)
    }
    return nil
  }
}

/// Path enumeration, common neighbours, degrees and PageRank over the graph index.
extension Traversal {
  /// All simple paths from `from` to `to` with at most `maxLength` hops, shortest first, up
  /// to `limit` of them; `truncated` tells whether more exist.
  public static func allPaths(
    _ adj: GraphIndex, from: Int32, to: Int32, filter: EdgeFilter, maxLength: Int, limit: Int,
    interrupt: () throws -> Void = {}
  ) throws -> (paths: [GraphPath], truncated: Bool) {
    if from == to { return ([GraphPath(nodes: [from], hops: [])], false) }
    // Distances to the target prune branches that cannot arrive in time.
    let backward = EdgeFilter(types: filter.types, direction: filter.direction.reversed)
    let toTarget = try distances(adj, from: to, maxDepth: maxLength, filter: backward, interrupt: interrupt)
    guard toTarget[Int(from)] >= 0 else { return ([], false) }
    var found: [GraphPath] = []
    var onPath = [Bool](repeating: false, count: adj.nodeCount)
    var nodes: [Int32] = [from]
    var hops: [(type: Int32, forward: Bool)] = []
    var work = 0
    var length = 0
    // The paths of exactly `length` hops, in the order the edges are stored.
    func dfs(_ node: Int32) throws {
      work += 1
      if work % checkEvery == 0 { try interrupt() }
      onPath[Int(node)] = true
      defer { onPath[Int(node)] = false }
      for s in steps(adj, node, filter) {
        if found.count > limit { return }
        let d = toTarget[Int(s.other)]
        guard d >= 0, hops.count + 1 + d <= length, !onPath[Int(s.other)] else { continue }
        nodes.append(s.other)
        hops.append((s.type, s.forward))
        if s.other == to {
          if hops.count == length { found.append(GraphPath(nodes: nodes, hops: hops)) }
        } else {
          try dfs(s.other)
        }
        nodes.removeLast()
        hops.removeLast()
      }
    }
    // One length at a time, shortest first, so that a limit keeps the shortest paths (a
    // search that stopped at the limit and then sorted could miss every short one); the
    // distances to the target keep each round to the branches that arrive in time.
    for l in toTarget[Int(from)]...maxLength where found.count <= limit {
      length = l
      try dfs(from)
    }
    return (Array(found.prefix(limit)), found.count > limit)
  }

  /// Degree of every node (edges of the given types, or all): out, in or total.
  public static func degrees(_ adj: GraphIndex, types: Set<Int32>?, direction: TraversalDirection) -> [Int] {
    var result = [Int](repeating: 0, count: adj.nodeCount)
    let typeList = types.map { Array($0) } ?? []
    for i in 0..<adj.nodeCount {
      let node = Int32(i)
      if types == nil {
        if direction != .in { result[i] += adj.outDegree(node) }
        if direction != .out { result[i] += adj.inDegree(node) }
      } else {
        if direction != .in { result[i] += typedCount(adj.outRows, node, typeList) }
        if direction != .out { result[i] += typedCount(adj.inRows, node, typeList) }
      }
    }
    return result
  }

  /// The number of a node's edges in `rows` whose type is one of `types`: each type is one
  /// run of the row (sorted by type), counted by two binary searches, no hashing per edge.
  static func typedCount(_ rows: EdgeRows, _ node: Int32, _ types: [Int32]) -> Int {
    let row = rows.range(node)
    guard !row.isEmpty else { return 0 }
    let keys = rows.keys
    func lowerBound(_ value: UInt64) -> Int {
      var lo = row.lowerBound, hi = row.upperBound
      while lo < hi {
        let mid = (lo + hi) / 2
        if keys[mid] < value { lo = mid + 1 } else { hi = mid }
      }
      return lo
    }
    var total = 0
    for t in types where t >= 0 {
      let low = UInt64(UInt32(t)) << 32
      total += lowerBound(low + (1 << 32)) - lowerBound(low)
    }
    return total
  }

  /// Node indices ordered by score, highest first (ties by index); with `top`, only the
  /// first `top` of them, selected without sorting every node.
  public static func ranking<S: Comparable>(_ scores: [S], top: Int? = nil) -> [Int32] {
    func before(_ a: Int, _ b: Int) -> Bool { scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
    guard let top, top < scores.count / 8 else {
      return scores.indices.sorted(by: before).map { Int32($0) }
    }
    // Keep the best `top` seen so far, sorted; most nodes fail the first comparison.
    var best: [Int] = []
    best.reserveCapacity(top + 1)
    for i in scores.indices {
      if best.count == top, let last = best.last, !before(i, last) { continue }
      var lo = 0, hi = best.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if before(best[mid], i) { lo = mid + 1 } else { hi = mid }
      }
      best.insert(i, at: lo)
      if best.count > top { best.removeLast() }
    }
    return best.map { Int32($0) }
  }

  /// PageRank over directed edges (of the given types, or all); dangling nodes spread their
  /// rank evenly. Scores sum to 1.
  public static func pageRank(
    _ adj: GraphIndex, types: Set<Int32>? = nil, iterations: Int = 20, damping: Double = 0.85,
    interrupt: () throws -> Void = {}
  ) throws -> [Double] {
    let n = adj.nodeCount
    guard n > 0 else { return [] }
    let out = degrees(adj, types: types, direction: .out)
    var rank = [Double](repeating: 1 / Double(n), count: n)
    for _ in 0..<iterations {
      try interrupt()
      var dangling = 0.0
      for i in 0..<n where out[i] == 0 { dangling += rank[i] }
      let base = (1 - damping) / Double(n) + damping * dangling / Double(n)
      var next = [Double](repeating: base, count: n)
      for i in 0..<n {
        for (src, t) in adj.incoming(Int32(i)) where types?.contains(t) ?? true {
          next[i] += damping * rank[Int(src)] / Double(out[Int(src)])
        }
      }
      rank = next
    }
    return rank
  }
}

import KnowledgeGraph

/// `shortestPath((a)-[...]-(b))` and `allShortestPaths(...)`: a breadth-first search from
/// `b` over the same sorted edge rows of the graph index the other expansions read, then a
/// walk from `a` that only steps to nodes one hop closer to `b`, so exactly the shortest
/// paths are produced, each once.
///
/// When WHERE parts read the path (`all(r IN relationships(p) WHERE ...)`), the answer is
/// the shortest path among those for which they hold: lengths are tried from the shortest
/// upwards, and at each length every trail (no relationship twice) is tested.
extension Matcher {
  func shortest(
    _ i: Int, _ r: Int, _ pathIndex: Int?, _ predicates: [Expr], _ row: inout Row, _ used: inout [Int32],
    _ emit: (Row) throws -> Void
  ) throws {
    let rel = plan.rels[r]
    guard case .node(let source) = row[slot(rel.left)], case .node(let target) = row[slot(rel.right)] else {
      return
    }
    let relSlot = slot(rel.name)
    let pathSlot = pathIndex.map { slot(plan.paths[$0].name) }
    let wantsAll = rel.shortest == .all
    let minLength = rel.length?.min ?? 1
    let maxLength = rel.length == nil ? 1 : (rel.length?.max ?? graph.edgeCount)
    defer {
      row[relSlot] = .null
      if let pathSlot { row[pathSlot] = .null }
    }
    /// Binds one path, checks the WHERE parts that read it, and hands the row on.
    func offer(_ edges: [Int32], _ nodes: [Int32]) throws -> Bool {
      row[relSlot] = rel.length == nil ? .relationship(edges[0]) : .list(edges.map { .relationship($0) })
      if let pathSlot { row[pathSlot] = .path(nodes: nodes, relationships: edges) }
      for p in predicates where try evaluator.truth(try evaluator.eval(p, row, scope)) != .yes { return false }
      used += edges
      try step(i + 1, &row, &used, emit)
      used.removeLast(edges.count)
      return true
    }
    if source == target {
      // The only shortest path from a node to itself has no relationships; a search that
      // must take at least one step finds none (as Neo4j does by default).
      if minLength == 0 && rel.length != nil { _ = try offer([], [source]) }
      return
    }
    func usable(_ e: Int32) throws -> Bool { try !used.contains(e) && relMatches(r, e, row) }
    let distance = try distances(to: target, from: source, rel, maxLength, whole: !predicates.isEmpty, usable)
    guard let shortestLength = distance[source] else { return }
    var edges: [Int32] = []
    var nodes: [Int32] = [source]
    // Depth-first from the source; `exact` steps only to nodes exactly one hop closer.
    func descend(_ n: Int32, _ remaining: Int32, exact: Bool, _ found: inout Int) throws -> Bool {
      if remaining == 0 {
        guard n == target else { return false }
        if try offer(edges, nodes) { found += 1 }
        return found > 0 && !wantsAll
      }
      var stop = false
      try neighbors(n, rel.direction, forward: true) { e, other in
        guard !stop, let d = distance[other] else { return }
        guard exact ? d == remaining - 1 : d <= remaining - 1 else { return }
        guard !edges.contains(e), try usable(e) else { return }
        edges.append(e)
        nodes.append(other)
        stop = try descend(other, remaining - 1, exact: exact, &found)
        edges.removeLast()
        nodes.removeLast()
      }
      return stop
    }
    var length = Int(shortestLength)
    while length <= maxLength {
      var found = 0
      _ = try descend(source, Int32(length), exact: predicates.isEmpty, &found)
      if found > 0 || predicates.isEmpty { return }
      length += 1
    }
  }

  /// Hops from every node within `limit` of `target` to it, following the pattern's
  /// relationships backwards; stops at `source`'s layer unless `whole` is asked for.
  func distances(
    to target: Int32, from source: Int32, _ rel: MatchPlan.RelSpec, _ limit: Int, whole: Bool,
    _ usable: (Int32) throws -> Bool
  ) throws -> [Int32: Int32] {
    var distance: [Int32: Int32] = [target: 0]
    var frontier = [target]
    var depth: Int32 = 0
    while !frontier.isEmpty && Int(depth) < limit {
      depth += 1
      var next: [Int32] = []
      for n in frontier {
        try neighbors(n, rel.direction, forward: false) { e, other in
          guard distance[other] == nil, try usable(e) else { return }
          distance[other] = depth
          next.append(other)
        }
      }
      if !whole && distance[source] != nil { break }
      frontier = next
    }
    return distance
  }
}

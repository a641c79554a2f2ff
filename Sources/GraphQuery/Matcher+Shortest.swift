import KnowledgeGraph

/// `shortestPath((a)-[...]-(b))` and `allShortestPaths(...)`: a breadth-first search from
/// both ends at once over the same sorted edge rows of the graph index the other expansions
/// read, then a walk from `a` that only steps onto nodes of a shortest path, so exactly the
/// shortest paths are produced, each once.
///
/// When WHERE parts read the path (`all(r IN relationships(p) WHERE ...)`), the answer is
/// the shortest path among those for which they hold: distances to `b` are computed first,
/// then lengths are tried from the shortest upwards, and at each length every trail (no
/// relationship twice) that can still reach `b` in time is tested.
extension Matcher {
  func shortest(
    _ i: Int, _ r: Int, _ pathIndex: Int?, _ predicates: [Expr], _ row: inout Row, _ used: inout [Int32],
    _ emit: (Row) throws -> Void
  ) throws {
    let rel = plan.rels[r]
    guard let mode = rel.shortest, case .node(let source) = row[slot(rel.left)],
      case .node(let target) = row[slot(rel.right)]
    else { return }
    let relSlot = slot(rel.name)
    let pathSlot = pathIndex.map { slot(plan.paths[$0].name) }
    let count = try selectorCount(mode.count)
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
      for p in predicates where try evaluator.truth(try evaluator.eval(p, row, scope)) != .yes {
        return false
      }
      used += edges
      try step(i + 1, &row, &used, emit)
      used.removeLast(edges.count)
      return true
    }
    // Paths kept so far, and lengths at which some were (the groups).
    var found = 0, groups = 0
    var enough: Bool { mode.groups ? groups >= count : found >= count }
    if source == target && minLength == 0 && rel.length != nil, try offer([], [source]) {
      found += 1
      groups += 1
    }
    // A search that must take a step from a node back to itself: the functions find none
    // (as Neo4j's do by default); the selectors look for the shortest closed trails.
    if enough || (source == target && !mode.isSelector) { return }
    func usable(_ e: Int32) throws -> Bool { try !used.contains(e) && relMatches(r, e, row) }
    var edges: [Int32] = [], nodes: [Int32] = [source]
    let onlyShortest = predicates.isEmpty && count == 1 && minLength <= 1 && source != target
    try eachLength(source, target, rel, minLength, maxLength, onlyShortest: onlyShortest, usable) {
      length, fits in
      let before = found
      _ = try descend(source, 0, length, target, rel, &edges, &nodes, fits, usable) { edges, nodes in
        if try offer(edges, nodes) { found += 1 }
        return !mode.groups && found >= count
      }
      if found > before { groups += 1 }
      return enough
    }
  }

  /// Calls `walk` with each length a shortest path may have, from the least upwards, and
  /// which node may stand at each position of a walk of that length, until `walk` says
  /// enough. `onlyShortest`: one length, found by a search from both ends; otherwise each
  /// length up to the number of relationships a trail from the source can reach.
  func eachLength(
    _ source: Int32, _ target: Int32, _ rel: MatchPlan.RelSpec, _ minLength: Int, _ maxLength: Int,
    onlyShortest: Bool, _ usable: (Int32) throws -> Bool,
    _ walk: (Int32, (Int32, Int32) -> Bool) throws -> Bool
  ) throws {
    if onlyShortest {
      guard let met = try meet(source, target, rel, maxLength, usable) else { return }
      // A node is on a shortest path at position p when its distance to the target is
      // length - p; nodes the target's side did not reach lie before the meeting layer.
      _ = try walk(met.length) { v, p in
        if let t = met.toTarget[v] { return t == met.length - p }
        return p < met.sourceDepth && met.fromSource[v] == p
      }
      return
    }
    let distance = try distances(to: target, rel, maxLength, usable)
    guard let least = source == target ? 1 : distance[source] else { return }
    let longest = min(maxLength, try reachableEdges(from: source, rel, usable))
    var length = max(least, Int32(max(minLength, 1)))
    while Int(length) <= longest {
      if try walk(length, { v, p in distance[v].map { $0 <= length - p } ?? false }) { return }
      length += 1
    }
  }

  /// Depth-first from `n` over the nodes `fits` allows at each position, each relationship
  /// once, handing every walk of `length` relationships that ends at `target` to `offer`;
  /// true as soon as `offer` says to stop.
  func descend(
    _ n: Int32, _ position: Int32, _ length: Int32, _ target: Int32, _ rel: MatchPlan.RelSpec,
    _ edges: inout [Int32], _ nodes: inout [Int32], _ fits: (Int32, Int32) -> Bool,
    _ usable: (Int32) throws -> Bool, _ offer: ([Int32], [Int32]) throws -> Bool
  ) throws -> Bool {
    try evaluator.stop.tick()
    if position == length { return n == target ? try offer(edges, nodes) : false }
    var stop = false
    try neighbors(n, rel.direction, forward: true) { e, other in
      guard !stop, fits(other, position + 1), !edges.contains(e), try usable(e) else { return }
      edges.append(e)
      nodes.append(other)
      stop = try descend(other, position + 1, length, target, rel, &edges, &nodes, fits, usable, offer)
      edges.removeLast()
      nodes.removeLast()
    }
    return stop
  }

  /// A selector's k: its number, or the parameter's value, which must be a whole number of
  /// at least 1.
  func selectorCount(_ count: ShortestMode.Count) throws -> Int {
    switch count {
    case .number(let k): return Int(clamping: k)
    case .parameter(let name):
      guard let value = evaluator.parameters[name] else {
        throw KgshError.semantic("parameter $\(name) is not set", code: "ParameterMissing")
      }
      guard case .int(let k) = value, k >= 1 else {
        let got = if case .int(let k) = value { "\(k)" } else { value.typeNameWithArticle }
        throw KgshError.runtime(
          "the path selector's count $\(name) must be a whole number of at least 1, not \(got)",
          code: "InvalidArgumentValue")
      }
      return Int(clamping: k)
    }
  }

  /// How many usable relationships can be reached from `source` in the pattern's direction.
  func reachableEdges(from source: Int32, _ rel: MatchPlan.RelSpec, _ usable: (Int32) throws -> Bool) throws
    -> Int
  {
    var seen: Set<Int32> = [source], edges: Set<Int32> = []
    var frontier = [source]
    while let n = frontier.popLast() {
      try evaluator.stop.tick()
      try neighbors(n, rel.direction, forward: true) { e, other in
        guard try usable(e) else { return }
        edges.insert(e)
        if seen.insert(other).inserted { frontier.append(other) }
      }
    }
    return edges.count
  }

  /// Breadth-first from both ends at once, always growing the smaller frontier, until they
  /// meet: the length of the shortest paths, and each side's exact distances within the
  /// layers it completed (`sourceDepth` for the source's side).
  func meet(
    _ source: Int32, _ target: Int32, _ rel: MatchPlan.RelSpec, _ limit: Int, _ usable: (Int32) throws -> Bool
  ) throws -> (length: Int32, sourceDepth: Int32, fromSource: [Int32: Int32], toTarget: [Int32: Int32])? {
    var fromSource: [Int32: Int32] = [source: 0], toTarget: [Int32: Int32] = [target: 0]
    var sourceFrontier = [source], targetFrontier = [target]
    var sourceDepth: Int32 = 0, targetDepth: Int32 = 0
    while !sourceFrontier.isEmpty && !targetFrontier.isEmpty && Int(sourceDepth + targetDepth) < limit {
      let met: Bool
      if sourceFrontier.count <= targetFrontier.count {
        sourceDepth += 1
        sourceFrontier = try nextLayer(
          sourceFrontier, sourceDepth, &fromSource, rel.direction, forward: true, usable)
        met = sourceFrontier.contains { toTarget[$0] != nil }
      } else {
        targetDepth += 1
        targetFrontier = try nextLayer(
          targetFrontier, targetDepth, &toTarget, rel.direction, forward: false, usable)
        met = targetFrontier.contains { fromSource[$0] != nil }
      }
      if met { return (sourceDepth + targetDepth, sourceDepth, fromSource, toTarget) }
    }
    return nil
  }

  /// Hops from every node within `limit` of `target` to it, following the pattern's
  /// relationships backwards.
  func distances(to target: Int32, _ rel: MatchPlan.RelSpec, _ limit: Int, _ usable: (Int32) throws -> Bool)
    throws -> [Int32: Int32]
  {
    var distance: [Int32: Int32] = [target: 0]
    var frontier = [target]
    var depth: Int32 = 0
    while !frontier.isEmpty && Int(depth) < limit {
      depth += 1
      frontier = try nextLayer(frontier, depth, &distance, rel.direction, forward: false, usable)
    }
    return distance
  }

  /// One breadth-first layer: the nodes one usable relationship away from `frontier` that
  /// `distance` does not have yet, entered there at `depth`.
  func nextLayer(
    _ frontier: [Int32], _ depth: Int32, _ distance: inout [Int32: Int32], _ direction: Direction,
    forward: Bool,
    _ usable: (Int32) throws -> Bool
  ) throws -> [Int32] {
    var next: [Int32] = []
    for n in frontier {
      try evaluator.stop.tick()
      try neighbors(n, direction, forward: forward) { e, other in
        guard distance[other] == nil, try usable(e) else { return }
        distance[other] = depth
        next.append(other)
      }
    }
    return next
  }
}

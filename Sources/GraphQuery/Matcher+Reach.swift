import KnowledgeGraph

/// Variable-length relationships whose paths nobody reads (`(h)-[*1..3]->(m)` with an
/// anonymous relationship, before `count(DISTINCT m)` or `RETURN DISTINCT`): instead of
/// enumerating every trail, a breadth-first search produces each reachable end once. The
/// planner allows it only where duplicates cannot change the answer (`MatchPlan.pruneDuplicates`).
///
/// A node is reachable by a trail of 1..max relationships exactly when its breadth-first
/// distance is at most max (a shortest path is a trail); the start itself only when a closed
/// trail through it fits, checked separately.
extension Matcher {
  func reach(
    _ i: Int, _ r: Int, _ forward: Bool, _ toBound: Bool, _ row: inout Row, _ used: inout [Int32],
    _ emit: (Row) throws -> Void
  ) throws {
    let rel = plan.rels[r]
    guard let length = rel.length else { return }
    let fromName = forward ? rel.left : rel.right, toName = forward ? rel.right : rel.left
    guard case .node(let from) = row[slot(fromName)] else { return }
    let toSlot = slot(toName)
    let maxLength = length.max ?? Int.max
    func usable(_ e: Int32) throws -> Bool { try !used.contains(e) && relMatches(r, e, row) }
    var target: Int32?
    if toBound {
      guard case .node(let t) = row[toSlot] else { return }
      target = t
    }
    var distance: [Int32: Int32] = [from: 0]
    var reached: [Int32] = []
    var frontier = [from]
    var depth: Int32 = 0
    while !frontier.isEmpty && Int(depth) < maxLength {
      depth += 1
      frontier = try nextLayer(frontier, depth, &distance, rel.direction, forward: forward, usable)
      reached += frontier
      if let target, target != from, distance[target] != nil { break }
    }
    func pass(_ end: Int32) throws {
      if !toBound {
        guard try nodeMatches(check(toName), end, row) else { return }
        row[toSlot] = .node(end)
      }
      try step(i + 1, &row, &used, emit)
    }
    func startCounts() throws -> Bool {
      try length.min == 0 || closedTrail(from, rel, r, forward, maxLength, distance, usable)
    }
    if let target {
      let reachable = target == from ? try startCounts() : distance[target] != nil
      if reachable { try pass(target) }
      return
    }
    if try nodeMatches(check(toName), from, row), try startCounts() { try pass(from) }
    for end in reached { try pass(end) }
    row[toSlot] = .null
  }

  /// Whether a trail of 1..maxLength relationships leads from `start` back to itself.
  func closedTrail(
    _ start: Int32, _ rel: MatchPlan.RelSpec, _ r: Int, _ forward: Bool, _ maxLength: Int,
    _ distance: [Int32: Int32], _ usable: (Int32) throws -> Bool
  ) throws -> Bool {
    var found = false
    // Relationships arriving at the start: the closing step of a cycle.
    try neighbors(start, rel.direction, forward: !forward) { e, before in
      guard !found, try usable(e) else { return }
      if before == start {
        found = true
      } else if rel.direction != .both {
        // Directed: a shortest path to `before` never re-enters the start, so never uses e.
        if let d = distance[before], Int(d) < maxLength { found = true }
      } else if maxLength >= 2 {
        // Undirected: the way out must not be the same relationship as the way back.
        found = try reaches(start, before, avoiding: e, rel, forward, maxLength - 1, usable)
      }
    }
    return found
  }

  /// Whether `goal` is within `limit` steps of `start` without relationship `avoided`.
  func reaches(
    _ start: Int32, _ goal: Int32, avoiding avoided: Int32, _ rel: MatchPlan.RelSpec, _ forward: Bool,
    _ limit: Int, _ usable: (Int32) throws -> Bool
  ) throws -> Bool {
    var distance: [Int32: Int32] = [start: 0]
    var frontier = [start]
    var depth: Int32 = 0
    while !frontier.isEmpty && Int(depth) < limit {
      depth += 1
      frontier = try nextLayer(frontier, depth, &distance, rel.direction, forward: forward) { e in
        try e != avoided && usable(e)
      }
      if distance[goal] != nil { return true }
    }
    return false
  }
}

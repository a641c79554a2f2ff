import KnowledgeGraph

/// Variable-length relationships (`-[*1..3]->`): edge-unique walks over the same sorted
/// edge rows of the graph index the fixed-length expansions read.
extension Matcher {
  /// A variable-length relationship whose list of relationships is already bound: follow
  /// exactly those relationships, in order.
  func followBound(
    _ list: [QValue], _ from: Int32, _ rel: MatchPlan.RelSpec, _ r: Int, _ forward: Bool, _ target: Int32?,
    _ toSlot: Int, _ row: inout Row, _ used: inout [Int32], _ next: (inout Row, inout [Int32]) throws -> Void
  ) throws {
    var edges: [Int32] = []
    for item in list {
      guard case .relationship(let e) = item else { return }
      edges.append(e)
    }
    if let max = rel.length?.max, edges.count > max { return }
    if edges.count < (rel.length?.min ?? 1) { return }
    var node = from
    for e in (forward ? edges : edges.reversed()) {
      let src = edgeSrc[Int(e)], dst = edgeDst[Int(e)]
      let goesOut = src == node, goesIn = dst == node
      switch (rel.direction, forward) {
      case (.both, _): guard goesOut || goesIn else { return }
      case (.outgoing, true), (.incoming, false): guard goesOut else { return }
      default: guard goesIn else { return }
      }
      guard !used.contains(e), try relMatches(r, e, row) else { return }
      node = goesOut ? dst : src
    }
    let toName = forward ? rel.right : rel.left
    if let target {
      guard node == target else { return }
    } else {
      guard try nodeMatches(toName, node, row) else { return }
      row[toSlot] = .node(node)
    }
    used += edges
    try next(&row, &used)
    used.removeLast(edges.count)
    if target == nil { row[toSlot] = .null }
  }

  /// A variable-length relationship: every trail from `node` (see `Traversal.trails`)
  /// whose length is in range and whose end matches; each edge at most once per match.
  func walk(
    _ node: Int32, _ length: (min: Int, max: Int?), _ r: Int, _ forward: Bool, _ toBound: Bool,
    _ target: Int32, _ row: inout Row, _ used: inout [Int32],
    _ next: (inout Row, inout [Int32]) throws -> Void
  ) throws {
    let rel = plan.rels[r]
    let toName = forward ? rel.right : rel.left
    let relSlot = slot(rel.name), toSlot = slot(toName)
    var state = (row: row, used: used)
    defer { (row, used) = state }
    try Traversal.trails(
      from: node, maxLength: length.max, state: &state,
      edges: { n in
        var steps: [(edge: Int32, other: Int32)] = []
        neighbors(n, rel.direction, forward: forward) { e, other in steps.append((e, other)) }
        return steps
      },
      enter: { e, state in
        try evaluator.stop.tick()
        guard !state.used.contains(e), try relMatches(r, e, state.row) else { return false }
        state.used.append(e)
        return true
      },
      leave: { _, state in state.used.removeLast() },
      visit: { end, trail, state in
        guard trail.count >= length.min else { return }
        guard toBound ? end == target : try nodeMatches(toName, end, state.row) else { return }
        let ordered = forward ? trail : trail.reversed()
        state.row[relSlot] = .list(ordered.map { .relationship($0) })
        if !toBound { state.row[toSlot] = .node(end) }
        try next(&state.row, &state.used)
      })
  }
}

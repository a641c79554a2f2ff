import KnowledgeGraph

/// Quantified path patterns: `(x) ((a)-[r]->(b) WHERE ...){1,3} (y)` runs the inner pattern
/// from `x`, then again from where it ended, as many times as the quantifier allows; each
/// edge at most once in the whole match. Outside, `a`, `r` and `b` are lists with one item
/// per repetition, and the walk's edges are the value of the pattern's relationship slot.
extension Matcher {
  func segment(
    _ i: Int, _ r: Int, _ toBound: Bool, _ row: inout Row, _ used: inout [Int32],
    _ emit: (Row) throws -> Void
  ) throws {
    let rel = plan.rels[r], info = relInfo[r]
    guard let segment = rel.segment, let length = rel.length, case .node(let from) = row[info.leftSlot] else {
      return
    }
    var target: Int32 = -1
    if toBound {
      guard case .node(let t) = row[info.rightSlot] else { return }
      target = t
    }
    let inner = Matcher(plan: segment.plan, scope: segment.scope, evaluator: evaluator)
    let rightCheck = endCheck(r, true)
    let groupSlots = segment.groups.map { slot($0.outer) }
    // The inner row: the clause's incoming variables (the same slots), then the pattern's own.
    let base =
      Array(row.prefix(segment.incoming))
      + Array(repeating: QValue.null, count: segment.scope.count - segment.incoming)

    func finish(_ end: Int32, _ groups: [[QValue]], _ edges: [Int32], _ used: inout [Int32]) throws {
      if toBound {
        guard end == target else { return }
      } else {
        guard try nodeMatches(rightCheck, end, row) else { return }
        row[info.rightSlot] = .node(end)
      }
      for (g, s) in groupSlots.enumerated() { row[s] = .list(groups[g]) }
      row[info.slot] = .list(edges.map { .relationship($0) })
      try step(i + 1, &row, &used, emit)
    }

    func repeatFrom(
      _ k: Int, _ node: Int32, _ groups: [[QValue]], _ edges: [Int32], _ used: inout [Int32]
    ) throws {
      if k >= length.min { try finish(node, groups, edges, &used) }
      if let max = length.max, k >= max { return }
      var innerRow = base
      innerRow[segment.firstSlot] = .node(node)
      var scratch = used
      let before = used
      try inner.step(0, &innerRow, &scratch) { match in
        guard case .node(let end) = match[segment.lastSlot] else { return }
        var walked: [Int32] = []
        for s in segment.relSlots {
          switch match[s] {
          case .relationship(let e): walked.append(e)
          case .list(let items): for case .relationship(let e) in items { walked.append(e) }
          default: return
          }
        }
        var next = before + walked
        let grown = zip(groups, segment.groups).map { $0 + [match[$1.inner]] }
        try repeatFrom(k + 1, end, grown, edges + walked, &next)
      }
    }

    try repeatFrom(0, from, Array(repeating: [], count: segment.groups.count), [], &used)
    if !toBound { row[info.rightSlot] = .null }
    for s in groupSlots { row[s] = .null }
    row[info.slot] = .null
  }
}

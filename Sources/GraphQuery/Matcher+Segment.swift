import KnowledgeGraph

/// Quantified path patterns: `(x) ((a)-[r]->(b) WHERE ...){1,3} (y)` runs the inner pattern
/// from `x`, then again from where it ended, as many times as the quantifier allows (or from
/// `y` backwards, when `y` is bound first); each edge at most once in the whole match.
/// Outside, `a`, `r` and `b` are lists with one item per repetition, left to right, and the
/// walk's edges, in path order, are the value of the pattern's relationship slot.
extension Matcher {
  func segment(
    _ i: Int, _ r: Int, _ forward: Bool, _ toBound: Bool, _ row: inout Row, _ used: inout [Int32],
    _ emit: (Row) throws -> Void
  ) throws {
    let rel = plan.rels[r], info = relInfo[r]
    guard let segment = rel.segment, let length = rel.length,
      case .node(let from) = row[forward ? info.leftSlot : info.rightSlot]
    else { return }
    let walk = forward ? segment.forward : segment.backward
    let toSlot = forward ? info.rightSlot : info.leftSlot
    var target: Int32 = -1
    if toBound {
      guard case .node(let t) = row[toSlot] else { return }
      target = t
    }
    guard let matchers = segmentMatchers[r] else { return }
    let inner = forward ? matchers.forward : matchers.backward
    let toCheck = endCheck(r, forward)
    let groupSlots = segment.groups.map(slot)
    // The inner row: the clause's incoming variables (the same slots), then the pattern's own.
    let base =
      Array(row.prefix(segment.incoming))
      + Array(repeating: QValue.null, count: walk.scope.count - segment.incoming)

    func finish(_ end: Int32, _ groups: [[QValue]], _ edges: [Int32], _ used: inout [Int32]) throws {
      if toBound {
        guard end == target else { return }
      } else {
        guard try nodeMatches(toCheck, end, row) else { return }
        row[toSlot] = .node(end)
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
      innerRow[walk.startSlot] = .node(node)
      var scratch = used
      let before = used
      try inner.step(0, &innerRow, &scratch) { match in
        guard case .node(let end) = match[walk.endSlot] else { return }
        var walked: [Int32] = []
        for s in walk.relSlots {
          switch match[s] {
          case .relationship(let e): walked.append(e)
          case .list(let items): for case .relationship(let e) in items { walked.append(e) }
          default: return
          }
        }
        var next = before + walked
        // Walking backwards, each repetition comes before the ones already walked.
        let grown = zip(groups, walk.groupSlots).map { forward ? $0 + [match[$1]] : [match[$1]] + $0 }
        try repeatFrom(k + 1, end, grown, forward ? edges + walked : walked + edges, &next)
      }
    }

    try repeatFrom(0, from, Array(repeating: [], count: segment.groups.count), [], &used)
    if !toBound { row[toSlot] = .null }
    for s in groupSlots { row[s] = .null }
    row[info.slot] = .null
  }
}

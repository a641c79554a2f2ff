import KnowledgeGraph

/// Faster expansions for the common case of single-type relationships on a graph whose
/// per-node edge lists are sorted by (type, other end) — every graph loaded from the store
/// until a query creates edges.
///
/// - A typed expansion reads only its type's range of the list (binary search).
/// - A node reached from two bound nodes, as in the triangle
///   `(i)-[:INVESTS_IN]->(a)-[:COMPETES_WITH]->(b)<-[:INVESTS_IN]-(i)`, is found by merging
///   the two sorted ranges instead of enumerating one side and probing the other.
extension Matcher {
  /// The rows holding `node`'s edges that one expansion may follow, and the positions of
  /// those edges (one type's run), or nil when the fast path does not apply.
  @inline(__always)
  func typedRange(_ r: Int, _ node: Int32, forward: Bool) -> (rows: EdgeRowsView, range: Range<Int>)? {
    let info = relInfo[r]
    guard info.fixedLength, sortedEdges, let type = info.singleType else { return nil }
    let (followOut, followIn) = Matcher.follow(info.direction, forward: forward)
    guard followOut != followIn else { return nil }
    let rows = followOut ? outView : inView
    // Empty for a node this query created (no loaded edges).
    return (rows, rows.range(node, type: type))
  }

  /// The check of the node relationship `r` leads to when followed `forward` (or back).
  func endCheck(_ r: Int, _ forward: Bool) -> NodeCheck {
    forward ? relChecks[r].right : relChecks[r].left
  }

  /// Step `i` expands relationship `r` from `from` to a new node along one type's run of
  /// the node's row: no type check per edge and no closure per edge. Returns false when the
  /// fast path does not apply (the caller expands edge by edge).
  func expandRun(
    _ i: Int, _ r: Int, _ forward: Bool, _ from: Int32, _ row: inout Row, _ used: inout [Int32],
    _ emit: (Row) throws -> Void
  ) throws -> Bool {
    guard let (rows, range) = typedRange(r, from, forward: forward) else { return false }
    let info = relInfo[r]
    let toSlot = forward ? info.rightSlot : info.leftSlot, relSlot = info.slot
    let toPasses = forward ? info.rightPasses : info.leftPasses
    for k in range {
      let e = rows.edge(k), other = Int32(bitPattern: rows.otherEnd(k))
      guard !used.contains(e), try toPasses || nodeMatches(endCheck(r, forward), other, row),
        try info.plain || relMatches(r, e, row)
      else { continue }
      row[relSlot] = .relationship(e)
      row[toSlot] = .node(other)
      used.append(e)
      try step(i + 1, &row, &used, emit)
      used.removeLast()
    }
    row[relSlot] = .null
    row[toSlot] = .null
    return true
  }

  /// Step `i` expands relationship `r` to a new node X and step `i + 1` closes relationship
  /// `r2` from another bound node into X: find X by intersecting both sides' sorted ranges.
  /// Returns false when the shape or the graph does not allow it (the caller falls back).
  func intersect(
    _ i: Int, _ r: Int, _ forward: Bool, _ row: inout Row, _ used: inout [Int32],
    _ emit: (Row) throws -> Void
  ) throws -> Bool {
    guard i + 1 < plan.steps.count, case .expand(let r2, let forward2, true) = plan.steps[i + 1] else {
      return false
    }
    let info = relInfo[r], info2 = relInfo[r2]
    let toSlot = forward ? info.rightSlot : info.leftSlot
    guard (forward2 ? info2.rightSlot : info2.leftSlot) == toSlot else { return false }
    let relSlot = info.slot, relSlot2 = info2.slot
    guard case .null = row[relSlot], case .null = row[relSlot2], case .null = row[toSlot],
      case .node(let a) = row[forward ? info.leftSlot : info.rightSlot],
      case .node(let b) = row[forward2 ? info2.leftSlot : info2.rightSlot],
      let (left, leftRange) = typedRange(r, a, forward: forward),
      let (right, rightRange) = typedRange(r2, b, forward: forward2)
    else { return false }
    // Within one range the type is fixed, so the low 32 bits (the other end) are ascending.
    let toPasses = forward ? info.rightPasses : info.leftPasses
    let leftEnd = leftRange.upperBound, rightEnd = rightRange.upperBound
    var x = leftRange.lowerBound, y = rightRange.lowerBound
    while x < leftEnd && y < rightEnd {
      let p = left.otherEnd(x), q = right.otherEnd(y)
      if p < q {
        x = left.seek(from: x + 1, to: q, end: leftEnd)
      } else if q < p {
        y = right.seek(from: y + 1, to: p, end: rightEnd)
      } else {
        // Every pair of parallel edges with this common end is a match of its own.
        var xEnd = x + 1, yEnd = y + 1
        while xEnd < leftEnd && left.otherEnd(xEnd) == p { xEnd += 1 }
        while yEnd < rightEnd && right.otherEnd(yEnd) == p { yEnd += 1 }
        let node = Int32(bitPattern: p)
        if try toPasses || nodeMatches(endCheck(r, forward), node, row) {
          row[toSlot] = .node(node)
          for k1 in x..<xEnd {
            let e1 = left.edge(k1)
            guard !used.contains(e1), try info.plain || relMatches(r, e1, row) else { continue }
            for k2 in y..<yEnd {
              let e2 = right.edge(k2)
              guard e2 != e1, !used.contains(e2), try info2.plain || relMatches(r2, e2, row) else { continue }
              row[relSlot] = .relationship(e1)
              row[relSlot2] = .relationship(e2)
              used.append(e1)
              used.append(e2)
              try step(i + 2, &row, &used, emit)
              used.removeLast(2)
            }
          }
        }
        x = xEnd
        y = yEnd
      }
    }
    row[relSlot] = .null
    row[relSlot2] = .null
    row[toSlot] = .null
    return true
  }
}

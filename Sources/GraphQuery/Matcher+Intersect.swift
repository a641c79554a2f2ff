/// Faster expansions for the common case of single-type relationships on a graph whose
/// per-node edge lists are sorted by (type, other end) — every graph loaded from the store
/// until a query creates edges.
///
/// - A typed expansion reads only its type's range of the list (binary search).
/// - A node reached from two bound nodes, as in the triangle
///   `(i)-[:INVESTS_IN]->(a)-[:COMPETES_WITH]->(b)<-[:INVESTS_IN]-(i)`, is found by merging
///   the two sorted ranges instead of enumerating one side and probing the other.
extension Matcher {
  /// The edges of `node` one expansion may follow, with how to read their other end, or nil
  /// when the fast path does not apply.
  func typedRange(_ r: Int, _ node: Int32, forward: Bool) -> (edges: ArraySlice<Int32>, outgoing: Bool)? {
    let rel = plan.rels[r]
    guard rel.length == nil, sortedEdges,
      let types = typeSets[r], types.count == 1
    else { return nil }
    let (followOut, followIn) = Matcher.follow(rel.direction, forward: forward)
    guard followOut != followIn else { return nil }
    let list = followOut ? outEdges[Int(node)] : inEdges[Int(node)]
    let t = types[0]
    let edgeTypes = edgeType
    var lo = 0, hi = list.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if edgeTypes[Int(list[mid])] < t { lo = mid + 1 } else { hi = mid }
    }
    var end = lo
    var top = list.count
    while end < top {
      let mid = (end + top) / 2
      if edgeTypes[Int(list[mid])] <= t { end = mid + 1 } else { top = mid }
    }
    return (list[lo..<end], followOut)
  }

  @inline(__always)
  func otherEnd(_ e: Int32, outgoing: Bool) -> Int32 {
    outgoing ? edgeDst[Int(e)] : edgeSrc[Int(e)]
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
    let rel = plan.rels[r], rel2 = plan.rels[r2]
    let toName = forward ? rel.right : rel.left
    guard (forward2 ? rel2.right : rel2.left) == toName else { return false }
    let relSlot = slot(rel.name), relSlot2 = slot(rel2.name), toSlot = slot(toName)
    guard case .null = row[relSlot], case .null = row[relSlot2], case .null = row[toSlot],
      case .node(let a) = row[slot(forward ? rel.left : rel.right)],
      case .node(let b) = row[slot(forward2 ? rel2.left : rel2.right)],
      let (left, leftOut) = typedRange(r, a, forward: forward),
      let (right, rightOut) = typedRange(r2, b, forward: forward2)
    else { return false }
    let toCheck = check(toName)
    var x = left.startIndex, y = right.startIndex
    while x < left.endIndex && y < right.endIndex {
      let p = otherEnd(left[x], outgoing: leftOut), q = otherEnd(right[y], outgoing: rightOut)
      if p < q {
        x += 1
      } else if q < p {
        y += 1
      } else {
        // Every pair of parallel edges with this common end is a match of its own.
        var xEnd = x, yEnd = y
        while xEnd < left.endIndex && otherEnd(left[xEnd], outgoing: leftOut) == p { xEnd += 1 }
        while yEnd < right.endIndex && otherEnd(right[yEnd], outgoing: rightOut) == p { yEnd += 1 }
        if try nodeMatches(toCheck, p, row) {
          row[toSlot] = .node(p)
          for e1 in left[x..<xEnd] where !used.contains(e1) {
            guard try relMatches(r, e1, row) else { continue }
            for e2 in right[y..<yEnd] where e2 != e1 && !used.contains(e2) {
              guard try relMatches(r2, e2, row) else { continue }
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

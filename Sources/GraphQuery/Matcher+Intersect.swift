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
  /// The edges of `node` one expansion may follow and their sort keys (`type << 32 |
  /// other end`), or nil when the fast path does not apply.
  func typedRange(_ r: Int, _ node: Int32, forward: Bool) -> (
    edges: Slice<IndexColumn>, keys: Slice<KeyColumn>
  )? {
    let info = relInfo[r]
    guard info.fixedLength, sortedEdges, let type = info.singleType else { return nil }
    let (followOut, followIn) = Matcher.follow(info.direction, forward: forward)
    guard followOut != followIn else { return nil }
    let rows = followOut ? outRows : inRows
    let row = rows.range(node)  // empty for a node this query created (no loaded edges)
    let first = row.lowerBound, last = row.upperBound
    let low = UInt64(UInt32(type)) << 32, high = low + (1 << 32)
    let keys = rows.keys
    func lowerBound(_ value: UInt64) -> Int {
      var lo = first, hi = last
      while lo < hi {
        let mid = (lo + hi) / 2
        if keys[mid] < value { lo = mid + 1 } else { hi = mid }
      }
      return lo
    }
    let start = lowerBound(low), end = lowerBound(high)
    return (rows.edges[start..<end], keys[start..<end])
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
      let (left, leftKeys) = typedRange(r, a, forward: forward),
      let (right, rightKeys) = typedRange(r2, b, forward: forward2)
    else { return false }
    // Within one range the type is fixed, so the low 32 bits (the other end) are ascending.
    @inline(__always) func end(_ keys: Slice<KeyColumn>, _ k: Int) -> UInt32 {
      UInt32(truncatingIfNeeded: keys[k])
    }
    let toCheck = forward ? info.rightCheck : info.leftCheck
    var x = left.startIndex, y = right.startIndex
    while x < left.endIndex && y < right.endIndex {
      let p = end(leftKeys, x), q = end(rightKeys, y)
      if p < q {
        x = Self.seek(leftKeys, from: x + 1, to: q)
      } else if q < p {
        y = Self.seek(rightKeys, from: y + 1, to: p)
      } else {
        // Every pair of parallel edges with this common end is a match of its own.
        var xEnd = x, yEnd = y
        while xEnd < left.endIndex && end(leftKeys, xEnd) == p { xEnd += 1 }
        while yEnd < right.endIndex && end(rightKeys, yEnd) == p { yEnd += 1 }
        let node = Int32(bitPattern: p)
        if try nodeMatches(toCheck, node, row) {
          row[toSlot] = .node(node)
          for e1 in left[x..<xEnd] where !used.contains(e1) {
            guard try info.plain || relMatches(r, e1, row) else { continue }
            for e2 in right[y..<yEnd] where e2 != e1 && !used.contains(e2) {
              guard try info2.plain || relMatches(r2, e2, row) else { continue }
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

  /// The first position at or after `from` whose other end is at least `target`, found by
  /// galloping (1, 2, 4, ... ahead, then binary search): a merge of a hub's thousands of
  /// edges with a node's handful costs the handful times a logarithm, not the thousands.
  @inline(__always)
  static func seek(_ keys: Slice<KeyColumn>, from: Int, to target: UInt32) -> Int {
    let end = keys.endIndex
    @inline(__always) func other(_ k: Int) -> UInt32 { UInt32(truncatingIfNeeded: keys[k]) }
    guard from < end, other(from) < target else { return from }
    var low = from, step = 1
    while low + step < end && other(low + step) < target {
      low += step
      step *= 2
    }
    var lo = low + 1, hi = min(low + step, end)
    while lo < hi {
      let mid = (lo + hi) / 2
      if other(mid) < target { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}

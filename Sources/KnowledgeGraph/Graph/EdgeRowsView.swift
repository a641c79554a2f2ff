/// An `EdgeRows` read through plain pointers, for inner loops that visit millions of edges:
/// copying it or taking a range of it costs no reference counting, where each copy of an
/// `EdgeRows` retains and releases the memory of its three columns.
///
/// It holds no reference to that memory, so it is valid only while the `EdgeRows` (or the
/// `GraphIndex`) it was made from is alive: keep that value beside the view. Reads are
/// checked like the columns' (a position outside the rows stops the process; a damaged key or
/// edge index reads as 0).
public struct EdgeRowsView {
  @usableFromInline let start: UnsafePointer<Int32>?
  @usableFromInline let startCount: Int
  @usableFromInline let edgeValues: UnsafePointer<Int32>?
  @usableFromInline let keyValues: UnsafePointer<UInt64>?
  /// Positions readable in both the edge and the key column.
  @usableFromInline let count: Int
  @usableFromInline let edgeLimit: UInt32
  @usableFromInline let nodeLimit: UInt64
  @usableFromInline let typeLimit: UInt64

  public init(_ rows: EdgeRows) {
    start = rows.start.pointer
    startCount = rows.start.count
    edgeValues = rows.edges.values.pointer
    keyValues = rows.keys.values.pointer
    count = Swift.min(rows.edges.count, rows.keys.count)
    edgeLimit = rows.edges.limit
    nodeLimit = rows.keys.nodeLimit
    typeLimit = rows.keys.typeLimit
  }

  /// The positions of a node's row (empty for a node outside the index, or a row whose
  /// offsets a damaged file got wrong).
  @inlinable @inline(__always)
  public func range(_ node: Int32) -> Range<Int> {
    guard node >= 0, Int(node) + 1 < startCount, let start else { return 0..<0 }
    let lo = Int(start[Int(node)]), hi = Int(start[Int(node) + 1])
    guard 0 <= lo, lo <= hi, hi <= count else { return 0..<0 }
    return lo..<hi
  }

  /// The sort key `type << 32 | other end` at position `k`.
  @inlinable @inline(__always)
  public func key(_ k: Int) -> UInt64 {
    precondition(k >= 0 && k < count, "edge row position out of range")
    let v = keyValues.unsafelyUnwrapped[k]
    return v & 0xFFFF_FFFF < nodeLimit && v >> 32 < typeLimit ? v : 0
  }

  /// The other end of the edge at position `k` (the low half of its key).
  @inlinable @inline(__always)
  public func otherEnd(_ k: Int) -> UInt32 { UInt32(truncatingIfNeeded: key(k)) }

  /// The edge index at position `k`.
  @inlinable @inline(__always)
  public func edge(_ k: Int) -> Int32 {
    precondition(k >= 0 && k < count, "edge row position out of range")
    let v = edgeValues.unsafelyUnwrapped[k]
    return UInt32(bitPattern: v) < edgeLimit ? v : 0
  }

  /// The positions of a node's edges of one type: a binary search of its row, whose keys
  /// ascend.
  @inlinable
  public func range(_ node: Int32, type: Int32) -> Range<Int> {
    let row = range(node)
    let low = UInt64(UInt32(bitPattern: type)) << 32, high = low + (1 << 32)
    @inline(__always) func lowerBound(_ value: UInt64, _ from: Int) -> Int {
      var lo = from, hi = row.upperBound
      while lo < hi {
        let mid = (lo + hi) / 2
        if key(mid) < value { lo = mid + 1 } else { hi = mid }
      }
      return lo
    }
    let first = lowerBound(low, row.lowerBound)
    return first..<lowerBound(high, first)
  }

  /// The first position in `from..<end` whose other end is at least `target` (or `end`),
  /// found by galloping (1, 2, 4, ... ahead, then a binary search): merging a hub's
  /// thousands of edges with a node's handful costs the handful times a logarithm. The other
  /// ends must ascend in the range (one type's run of a row).
  @inlinable @inline(__always)
  public func seek(from: Int, to target: UInt32, end: Int) -> Int {
    guard from < end, otherEnd(from) < target else { return from }
    var low = from, step = 1
    while low + step < end && otherEnd(low + step) < target {
      low += step
      step *= 2
    }
    var lo = low + 1, hi = Swift.min(low + step, end)
    while lo < hi {
      let mid = (lo + hi) / 2
      if otherEnd(mid) < target { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}

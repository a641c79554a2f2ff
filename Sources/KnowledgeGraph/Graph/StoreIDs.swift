/// Store ids (SQLite rowids) by dense index, ascending: the graph index's map from its dense
/// node and edge indices back to the tables, and (by binary search) the other way.
///
/// Ids loaded in bulk are usually contiguous: then nothing is stored but the first id, and
/// both directions are arithmetic.
public struct StoreIDs: RandomAccessCollection, Sendable {
  /// The first id, when the ids are `first, first + 1, ...`.
  @usableFromInline let first: Int64
  /// Every id, when they are not contiguous (nil otherwise).
  @usableFromInline let explicit: Column<Int64>?
  public let count: Int

  /// The ids `sorted` (ascending), stored only when they are not contiguous.
  public init(sorted ids: [Int64]) {
    count = ids.count
    first = ids.first ?? 0
    let contiguous = ids.isEmpty || ids.last! - ids.first! == Int64(ids.count - 1)
    explicit = contiguous ? nil : Column(ids)
  }

  init(first: Int64, count: Int, explicit: Column<Int64>?) {
    self.first = first
    self.count = count
    self.explicit = explicit
  }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { count }

  @inlinable
  public subscript(i: Int) -> Int64 {
    if let explicit { return explicit[i] }
    precondition(i >= 0 && i < count, "id index out of range")
    return first + Int64(i)
  }

  /// The dense index of `id`, or nil when it is not one of the ids.
  public func position(of id: Int64) -> Int32? {
    guard let explicit else {
      let i = id &- first
      return i >= 0 && i < Int64(count) ? Int32(i) : nil
    }
    var lo = 0, hi = count
    while lo < hi {
      let mid = (lo + hi) / 2
      if explicit[mid] < id { lo = mid + 1 } else { hi = mid }
    }
    return lo < count && explicit[lo] == id ? Int32(lo) : nil
  }
}

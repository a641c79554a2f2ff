/// Store node id -> dense node index. Store ids are SQLite rowids, nearly contiguous, so a
/// flat array indexed by `id - minID` replaces a dictionary (no hashing in the loops that
/// map millions of edge ends); ids outside the span (nodes created later) go to a dictionary.
public struct NodeIndexMap: Sendable {
  let minID: Int64
  var slots: [Int32]
  var extra: [Int64: Int32] = [:]

  /// - Parameter sortedIDs: the store ids in index order, ascending.
  public init(sortedIDs ids: [Int64]) {
    minID = ids.first ?? 0
    let span = Int((ids.last ?? -1) - minID + 1)
    // A sparse id space (huge gaps) would waste memory: fall back to the dictionary.
    if span > 4 * ids.count + 1024 {
      slots = []
      for (i, id) in ids.enumerated() { extra[id] = Int32(i) }
      return
    }
    slots = [Int32](repeating: -1, count: max(0, span))
    for (i, id) in ids.enumerated() { slots[Int(id - minID)] = Int32(i) }
  }

  public subscript(id: Int64) -> Int32? {
    @inline(__always) get {
      let slot = id - minID
      if slot >= 0 && slot < Int64(slots.count) {
        let i = slots[Int(slot)]
        return i < 0 ? nil : i
      }
      return extra[id]
    }
    set {
      let slot = id - minID
      if slot >= 0 && slot < Int64(slots.count) {
        slots[Int(slot)] = newValue ?? -1
      } else {
        extra[id] = newValue
      }
    }
  }
}

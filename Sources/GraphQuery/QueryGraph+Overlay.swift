import KnowledgeGraph

/// A column of the graph index followed by the values of elements the running query
/// created: the index is never copied, created elements are appended beside it.
struct Grown<Base: RandomAccessCollection>: RandomAccessCollection where Base.Index == Int {
  let base: Base
  var added: [Base.Element] = []

  init(_ base: Base) { self.base = base }

  var startIndex: Int { 0 }
  var endIndex: Int { base.count + added.count }

  /// Only created elements' values can be set.
  subscript(i: Int) -> Base.Element {
    @inline(__always) get { i < base.count ? base[i] : added[i - base.count] }
    set { added[i - base.count] = newValue }
  }

  mutating func append(_ value: Base.Element) { added.append(value) }
}

/// Lists per node or label from the graph index (each node's labels, each label's
/// members), with the running query's changes on top: a changed stored list is kept whole
/// beside the index, lists of created elements are appended.
struct ListOverlay {
  let base: IndexLists
  var changed: [Int32: [Int32]] = [:]
  var added: [[Int32]] = []

  init(_ base: IndexLists) { self.base = base }

  var count: Int { base.count + added.count }
  var indices: Range<Int> { 0..<count }

  subscript(i: Int) -> [Int32] {
    get {
      if i >= base.count { return added[i - base.count] }
      if !changed.isEmpty, let list = changed[Int32(i)] { return list }
      return Array(base[i])
    }
    set {
      if i >= base.count { added[i - base.count] = newValue } else { changed[Int32(i)] = newValue }
    }
  }

  /// Whether list `i` holds `item` (no copy of the list).
  @inline(__always)
  func contains(_ i: Int32, _ item: Int32) -> Bool {
    if Int(i) >= base.count { return added[Int(i) - base.count].contains(item) }
    if !changed.isEmpty, let list = changed[i] { return list.contains(item) }
    return base[Int(i)].contains(item)
  }

  /// The length of list `i` (no copy of the list).
  func size(_ i: Int) -> Int {
    if i >= base.count { return added[i - base.count].count }
    if !changed.isEmpty, let list = changed[Int32(i)] { return list.count }
    return base[i].count
  }

  mutating func append(_ list: [Int32]) { added.append(list) }
}

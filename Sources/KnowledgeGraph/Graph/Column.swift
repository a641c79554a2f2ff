import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Memory that holds the values of one or more `Column`s: a buffer this process allocated
/// (an index built from the tables) or a read-only mapping of an index file (an index read
/// back by a new process). Freed or unmapped when the last column over it goes.
public final class ColumnStorage: @unchecked Sendable {
  @usableFromInline let base: UnsafeRawPointer?
  let byteCount: Int
  let mapped: Bool

  private init(base: UnsafeRawPointer?, byteCount: Int, mapped: Bool) {
    self.base = base
    self.byteCount = byteCount
    self.mapped = mapped
  }

  /// A new zeroed buffer of `byteCount` bytes (8-byte aligned).
  static func allocate(byteCount: Int) -> ColumnStorage {
    let raw = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 8), alignment: 8)
    raw.initializeMemory(as: UInt8.self, repeating: 0, count: max(byteCount, 8))
    return ColumnStorage(base: UnsafeRawPointer(raw), byteCount: byteCount, mapped: false)
  }

  /// `size` bytes of the open file `fd`, mapped read-only and shared (pages come from the
  /// page cache; nothing is copied or decoded); nil when the file cannot be mapped.
  static func map(fd: Int32, size: Int) -> ColumnStorage? {
    guard size > 0 else { return nil }
    let address = mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0)
    guard let address, address != MAP_FAILED else { return nil }
    return ColumnStorage(base: UnsafeRawPointer(address), byteCount: size, mapped: true)
  }

  deinit {
    guard let base else { return }
    if mapped {
      munmap(UnsafeMutableRawPointer(mutating: base), byteCount)
    } else {
      UnsafeMutableRawPointer(mutating: base).deallocate()
    }
  }
}

/// A read-only array of fixed-size values that lives in a `ColumnStorage`: the same code
/// reads an index built in memory and one mapped from its file. Reads are bounds-checked
/// like an array's.
public struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
  @usableFromInline let pointer: UnsafePointer<Element>?
  public let count: Int
  @usableFromInline let storage: ColumnStorage?

  /// `count` values at `byteOffset` of `storage` (the caller checked that they fit).
  init(_ storage: ColumnStorage, byteOffset: Int, count: Int) {
    self.storage = storage
    self.count = count
    pointer = count == 0 ? nil : storage.base.map { ($0 + byteOffset).assumingMemoryBound(to: Element.self) }
  }

  /// A column holding a copy of `values` in memory of its own.
  public init(_ values: [Element]) {
    let storage = ColumnStorage.allocate(byteCount: values.count * MemoryLayout<Element>.stride)
    if let base = storage.base {
      values.withUnsafeBytes {
        UnsafeMutableRawPointer(mutating: base).copyMemory(from: $0.baseAddress!, byteCount: $0.count)
      }
    }
    self.init(storage, byteOffset: 0, count: values.count)
  }

  /// A column of `count` values written by `fill` into memory of its own (no second copy).
  public static func make(count: Int, _ fill: (UnsafeMutableBufferPointer<Element>) -> Void) -> Column {
    let storage = ColumnStorage.allocate(byteCount: count * MemoryLayout<Element>.stride)
    if let base = storage.base {
      fill(
        UnsafeMutableBufferPointer(
          start: UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(to: Element.self), count: count))
    }
    return Column(storage, byteOffset: 0, count: count)
  }

  public init() {
    pointer = nil
    count = 0
    storage = nil
  }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { count }

  @inlinable
  public subscript(i: Int) -> Element {
    @inline(__always) get {
      precondition(i >= 0 && i < count, "column index out of range")
      return pointer.unsafelyUnwrapped[i]
    }
  }

  /// The raw bytes of the values (to write them to a file).
  func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
    body(
      UnsafeRawBufferPointer(
        start: pointer.map(UnsafeRawPointer.init), count: count * MemoryLayout<Element>.stride))
  }
}

extension Column: Equatable where Element: Equatable {
  public static func == (a: Column, b: Column) -> Bool { a.elementsEqual(b) }
}

/// A column of dense indices (nodes, edges, labels or types) below `limit`. A value read
/// from a damaged index file that is out of range reads as 0, so that no caller indexes an
/// array out of bounds with it (an index file is checked at open by its header only).
public struct IndexColumn: RandomAccessCollection, Sendable {
  @usableFromInline let values: Column<Int32>
  @usableFromInline let limit: UInt32

  public init(_ values: Column<Int32>, limit: Int) {
    self.values = values
    self.limit = UInt32(clamping: limit)
  }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { values.count }

  @inlinable
  public subscript(i: Int) -> Int32 {
    @inline(__always) get {
      let v = values[i]
      return UInt32(bitPattern: v) < limit ? v : 0
    }
  }

  var column: Column<Int32> { values }
}

/// Lists of dense indices in compressed sparse rows: list i is `items[start[i]..<start[i + 1]]`
/// (each node's labels, each label's members). Damaged offsets read as empty lists.
public struct IndexLists: RandomAccessCollection, Sendable {
  let start: Column<Int32>
  let items: IndexColumn

  init(start: Column<Int32>, items: IndexColumn) {
    self.start = start
    self.items = items
  }

  /// Flattens Swift arrays of lists (`limit`: every item is below it).
  public init(_ lists: [[Int32]], limit: Int) {
    var offsets: [Int32] = [0]
    offsets.reserveCapacity(lists.count + 1)
    var flat: [Int32] = []
    for list in lists {
      flat.append(contentsOf: list)
      offsets.append(Int32(flat.count))
    }
    self.init(start: Column(offsets), items: IndexColumn(Column(flat), limit: limit))
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { Swift.max(0, start.count - 1) }

  public subscript(i: Int) -> Slice<IndexColumn> {
    let lo = Int(start[i]), hi = Int(start[i + 1])
    guard 0 <= lo, lo <= hi, hi <= items.count else { return items[0..<0] }
    return items[lo..<hi]
  }
}

/// Fills a column value by value, in memory of its own sized for at most `capacity` values
/// (so a build holds each column once, not an array and then its copy).
struct ColumnBuilder<Element: BitwiseCopyable> {
  private let storage: ColumnStorage
  private let base: UnsafeMutablePointer<Element>?
  let capacity: Int
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = capacity
    storage = ColumnStorage.allocate(byteCount: capacity * MemoryLayout<Element>.stride)
    base = storage.base.map { UnsafeMutableRawPointer(mutating: $0).assumingMemoryBound(to: Element.self) }
  }

  @inline(__always)
  mutating func append(_ value: Element) {
    precondition(count < capacity, "column builder is full")
    base.unsafelyUnwrapped[count] = value
    count += 1
  }

  /// The values appended so far.
  var values: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

  func finish() -> Column<Element> { Column(storage, byteOffset: 0, count: count) }
}

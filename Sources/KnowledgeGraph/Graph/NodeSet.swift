import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The nodes a traversal has reached, one bit a node: on a million nodes 125 KB against a
/// megabyte as `[Bool]`.
///
/// The bits live in `NodeBits` buffers, kept between searches. A new buffer of 64 KB or
/// more is mapped from the kernel already filled in (`MAP_POPULATE`): on the L benchmark
/// graph a new process's first `neighbors` spent more time zeroing its 125 KB page by page,
/// one page fault each, than in the search, and the kernel fills in the pages of one mapping
/// in about half that time. (Leaving them to be faulted in as the search writes them costs
/// two faults a page, a read and then a write, so it only pays for searches that touch a few
/// pages.) A buffer kept for the next search is zeroed by it.
struct NodeSet: ~Copyable {
  private let bits: UnsafeMutablePointer<UInt64>
  private let words: Int
  private let limit: UInt32

  init(count: Int) {
    words = (count + 63) >> 6
    limit = UInt32(clamping: count)
    bits = NodeBits.take(words)
  }

  deinit { NodeBits.give(bits, words) }

  /// Adds a node; false when it was there already. A node outside the set's range (which
  /// only a damaged index could give) counts as there already.
  @inline(__always) @discardableResult
  mutating func insert(_ node: Int32) -> Bool {
    guard UInt32(bitPattern: node) < limit else { return false }
    let word = bits + (Int(node) >> 6)
    let bit = UInt64(1) << UInt64(node & 63)
    if word.pointee & bit != 0 { return false }
    word.pointee |= bit
    return true
  }

  @inline(__always) func contains(_ node: Int32) -> Bool {
    guard UInt32(bitPattern: node) < limit else { return false }
    return bits[Int(node) >> 6] & (UInt64(1) << UInt64(node & 63)) != 0
  }
}

/// Word buffers for `NodeSet`, kept between searches: at most `kept` of them, so
/// concurrent searches (the MCP server's) each get their own and memory stays bounded.
enum NodeBits {
  static let kept = 2
  /// Buffers of this many bytes or more are mapped, filled in by the kernel; smaller ones come
  /// from `calloc`.
  static let mappedBytes = 64 << 10
  /// A buffer: owned by the pool while it is in it, by one `NodeSet` while it is out.
  private struct Buffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<UInt64>
    let words: Int
  }
  private static let pool = Mutex<[Buffer]>([])

  /// A zeroed buffer of `words` words.
  static func take(_ words: Int) -> UnsafeMutablePointer<UInt64> {
    let reused = pool.withLock { free -> Buffer? in
      guard let i = free.firstIndex(where: { $0.words == words }) else { return nil }
      return free.remove(at: i)
    }
    if let reused {
      // Its pages are in memory already: zeroing them is a few microseconds.
      reused.pointer.update(repeating: 0, count: words)
      return reused.pointer
    }
    let bytes = Swift.max(words, 1) * 8
    let memory =
      bytes >= mappedBytes
      ? mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0).flatMap {
        $0 == MAP_FAILED ? nil : $0
      }
      : calloc(bytes / 8, 8)
    // As when an array cannot be allocated: there is nothing a search can do without memory.
    guard let memory else { fatalError("out of memory for a search of \(words * 64) nodes") }
    return memory.bindMemory(to: UInt64.self, capacity: words)
  }

  /// Keeps a buffer from `take` for the next search (which zeroes it), or releases it.
  static func give(_ pointer: UnsafeMutablePointer<UInt64>, _ words: Int) {
    let released = pool.withLock { free -> Buffer? in
      free.append(Buffer(pointer: pointer, words: words))
      return free.count > kept ? free.removeFirst() : nil
    }
    if let released { release(released.pointer, released.words) }
  }

  private static func release(_ pointer: UnsafeMutablePointer<UInt64>, _ words: Int) {
    let bytes = Swift.max(words, 1) * 8
    if bytes >= mappedBytes {
      munmap(pointer, bytes)
    } else {
      free(pointer)
    }
  }
}

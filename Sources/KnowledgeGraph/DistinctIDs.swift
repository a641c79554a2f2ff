import GRDB
import GRDBSQLite

/// `kgsh_distinct_ids(id)`: an aggregate SQL function that counts the different integer ids
/// of a query's rows inside SQLite, in a bitmap, as the rows are stepped: `find --prefix
/// --count` counts the entities of an alias range (an entity with two matching names once)
/// without handing every row out of SQLite, and without the temporary b-tree that SQLite's
/// `count(DISTINCT x)` builds. NULLs are skipped; ids a small bitmap would not hold (negative,
/// or past `bitmapLimit`) go through a set, so the count is exact for any id.
///
/// Registered on every connection a `KnowledgeStore` opens (`KnowledgeStore.setUp`), before
/// any statement is prepared: registering a function later expires prepared statements.
enum DistinctIDs {
  static let name = "kgsh_distinct_ids"
  /// Ids below this are counted in the bitmap (at most 8 MB of it).
  static let bitmapLimit: Int64 = 1 << 26

  static func register(_ db: Database) {
    sqlite3_create_function_v2(
      db.sqliteConnection, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, nil, step, final, nil)
  }

  /// The aggregate's state, in the zero-filled memory SQLite gives each group
  /// (`sqlite3_aggregate_context`): all zero is the empty state.
  struct State {
    var words: UnsafeMutablePointer<UInt64>?
    var capacity: Int  // in words
    var count: Int64
    var others: UnsafeMutableRawPointer?  // a retained `Others` once an id misses the bitmap

    /// Adds an id (counted once however often it comes).
    mutating func insert(_ id: Int64) {
      guard id >= 0, id < DistinctIDs.bitmapLimit else { return insertOther(id) }
      let word = Int(id >> 6)
      if word >= capacity { grow(to: word + 1) }
      let bit = UInt64(1) << UInt64(id & 63)
      if words![word] & bit == 0 {
        words![word] |= bit
        count += 1
      }
    }

    private mutating func grow(to needed: Int) {
      let newCapacity = max(needed, capacity * 2, 1024)
      let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
      if let words {
        grown.moveInitialize(from: words, count: capacity)
        words.deallocate()
      }
      (grown + capacity).initialize(repeating: 0, count: newCapacity - capacity)
      words = grown
      capacity = newCapacity
    }

    private mutating func insertOther(_ id: Int64) {
      let set: Others
      if let others {
        set = Unmanaged<Others>.fromOpaque(others).takeUnretainedValue()
      } else {
        set = Others()
        others = Unmanaged.passRetained(set).toOpaque()
      }
      if set.ids.insert(id).inserted { count += 1 }
    }

    /// Frees what the state holds; the state's own memory belongs to SQLite.
    mutating func release() {
      words?.deallocate()
      words = nil
      if let others { Unmanaged<Others>.fromOpaque(others).release() }
      others = nil
    }
  }

  /// The ids the bitmap does not hold.
  final class Others {
    var ids = Set<Int64>()
  }

  private static let step:
    @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = {
      context, _, arguments in
      guard let value = arguments?[0], sqlite3_value_type(value) != SQLITE_NULL else { return }
      guard let memory = sqlite3_aggregate_context(context, Int32(MemoryLayout<State>.stride)) else {
        sqlite3_result_error_nomem(context)
        return
      }
      memory.bindMemory(to: State.self, capacity: 1).pointee.insert(sqlite3_value_int64(value))
    }

  private static let final: @convention(c) (OpaquePointer?) -> Void = { context in
    // Size 0: no state is made for a query with no rows.
    guard let memory = sqlite3_aggregate_context(context, 0) else {
      sqlite3_result_int64(context, 0)
      return
    }
    let state = memory.bindMemory(to: State.self, capacity: 1)
    sqlite3_result_int64(context, state.pointee.count)
    state.pointee.release()
  }
}

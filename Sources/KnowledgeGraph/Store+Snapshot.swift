import Foundation
import GRDB
import GRDBSQLite

/// One read transaction for a whole command.
///
/// Outside a snapshot every statement is its own read transaction: a `show` that reads the
/// entity, its facts and its edges pays for five or six of them, and another process's
/// commit can land between two of its reads. Inside `snapshot`, the reads of the calling
/// thread run on the connection directly, in one transaction begun at the first read. A
/// write in between (a command that declared writes, run by a script, or the search
/// backlog's flush) ends it first; the next read begins a new one, which sees the write.
extension KnowledgeStore {
  /// The connection of the running snapshot, the thread it belongs to, and whether its read
  /// transaction is open.
  struct Snapshot: @unchecked Sendable {  // its connection is used on its own thread only
    let db: Database
    let thread: pthread_t
    var open = false
  }

  static let beginSQL = ReaderSQL("BEGIN DEFERRED TRANSACTION")
  static let commitSQL = ReaderSQL("COMMIT")
  static let rollbackSQL = ReaderSQL("ROLLBACK")

  /// Runs `body` with this thread's reads in one read transaction (see above). A nested
  /// snapshot (a command run by a command) ends the outer transaction first, so it sees
  /// what is committed when it starts.
  public func snapshot<T>(_ body: () throws -> T) throws -> T {
    if onSnapshotThread() {
      try endSnapshotRead()
      defer { try? endSnapshotRead() }
      return try body()
    }
    return try guarded {
      try queue.inDatabase { db in
        snapshotState.withLock { $0 = Snapshot(db: db, thread: pthread_self()) }
        defer {
          try? endSnapshotRead()
          snapshotState.withLock { $0 = nil }
        }
        return try body()
      }
    }
  }

  /// Whether a snapshot is running on the calling thread.
  func onSnapshotThread() -> Bool {
    snapshotState.withLock { state in state.map { pthread_equal($0.thread, pthread_self()) != 0 } ?? false }
  }

  /// The connection for a read: the snapshot's, its transaction begun if it is not open yet;
  /// nil when no snapshot runs on this thread.
  func snapshotReader() throws -> Database? {
    guard let state = snapshotState.withLock({ $0 }), pthread_equal(state.thread, pthread_self()) != 0 else {
      return nil
    }
    if !state.open {
      try prepared(state.db, Self.beginSQL).execute(state.db)
      snapshotState.withLock { $0?.open = true }
    }
    return state.db
  }

  /// Ends the snapshot's read transaction, if one is open.
  func endSnapshotRead() throws {
    guard let state = snapshotState.withLock({ $0 }), state.open else { return }
    snapshotState.withLock { $0?.open = false }
    if !state.db.isInsideTransaction { return }
    do {
      try prepared(state.db, Self.commitSQL).execute(state.db)
    } catch {
      try? prepared(state.db, Self.rollbackSQL).execute(state.db)
      throw error
    }
  }

  /// Runs `body` on the connection with no read transaction of a snapshot open: inside a
  /// snapshot on this thread, on its connection (the queue is already held); otherwise
  /// through the queue. Every write goes through here.
  func onConnection<T>(_ body: (Database) throws -> T) throws -> T {
    if onSnapshotThread() {
      try endSnapshotRead()
      return try body(snapshotState.withLock { $0! }.db)
    }
    return try queue.inDatabase(body)
  }

  /// `onConnection` with `body` in one write transaction (GRDB's `write`).
  func inWriteTransaction<T>(_ body: (Database) throws -> T) throws -> T {
    try onConnection { db in
      var result: T?
      try db.inTransaction {
        result = try body(db)
        return .commit
      }
      return result!
    }
  }

  /// Maps database errors to `KgshError`, as `read` does.
  func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as KgshError {
      throw error
    } catch let error as DatabaseError {
      throw KnowledgeStore.failure(error, hint: KnowledgeStore.hint(for: error))
    }
  }
}

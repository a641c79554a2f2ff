import GRDB
import Synchronization

/// The SQL of a reader that commands run again and again (name resolution, a card's entity,
/// `BEGIN`/`COMMIT` of a snapshot), prepared once per store and found by its number.
///
/// GRDB's statement cache finds a statement by hashing its whole SQL text and comparing it:
/// ~1,000 instructions a lookup, seven lookups in a one-row `show`. A `ReaderSQL` is found by
/// its slot in the store's `PreparedStatements`, an array index. Declare each one once, as a
/// `static let`, next to the reader that runs it:
///
/// ```swift
/// static let idByKey = ReaderSQL("SELECT id FROM node WHERE key = ?")
/// let byKey = try prepared(db, Self.idByKey)
/// ```
final class ReaderSQL: Sendable {
  let sql: String
  /// This statement's index in every store's `PreparedStatements`.
  let slot: Int
  private static let slots = Atomic<Int>(0)

  init(_ sql: String) {
    self.sql = sql
    slot = Self.slots.add(1, ordering: .relaxed).oldValue
  }
}

/// A store's prepared `ReaderSQL` statements, for its own connection (the one of its
/// `DatabaseQueue`). Any other connection gets GRDB's cache, by text.
///
/// Only the thread that holds the store's connection (inside the queue, or a snapshot on
/// its thread) prepares or reads a statement here, so the array needs no lock of its own.
final class PreparedStatements: @unchecked Sendable {
  private let connection: ObjectIdentifier
  private var statements: [Statement?] = []

  init(for db: Database) { connection = ObjectIdentifier(db) }

  /// The prepared statement of `sql` on `db`.
  /// - Throws: SQLite's error when the statement does not compile.
  func statement(_ db: Database, _ sql: ReaderSQL) throws -> Statement {
    guard ObjectIdentifier(db) == connection else { return try db.cachedStatement(sql: sql.sql) }
    if sql.slot < statements.count, let statement = statements[sql.slot] { return statement }
    // Not through GRDB's cache as well: its first insert hashes the whole SQL text into a new
    // dictionary, which a new process's first graph command paid for its two statements.
    let statement = try db.makeStatement(sql: sql.sql)
    if sql.slot >= statements.count {
      statements += Array(repeating: nil, count: sql.slot + 1 - statements.count)
    }
    statements[sql.slot] = statement
    return statement
  }

  /// Finalizes every statement (before the connection closes: SQLite refuses to close a
  /// connection with statements left).
  func removeAll() { statements = [] }
}

extension KnowledgeStore {
  /// A reader's statement on this store's connection, prepared at its first use (see
  /// `ReaderSQL`).
  func prepared(_ db: Database, _ sql: ReaderSQL) throws -> RawStatement {
    RawStatement(try preparedStatements.statement(db, sql))
  }
}

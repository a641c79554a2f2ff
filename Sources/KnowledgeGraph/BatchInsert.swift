import GRDB
import GRDBSQLite

/// Inserts many rows with one statement per `batch` rows (one per row for the rest), so
/// SQLite's work per statement (step, reset, the program's set-up) is paid once a batch:
/// bulk import's edges, aliases and labels.
///
/// ```swift
/// let insert = try BatchInsert(db, "INSERT INTO t(a, b) VALUES ", row: "(?, ?)", columns: 2)
/// try insert.run(count: rows.count, what: "storing rows") { statement, at, i in
///   statement.bind(at + 1, rows[i].a)
///   statement.bind(at + 2, rows[i].b)
/// }
/// ```
struct BatchInsert {
  static let batch = 64
  let db: Database
  let many: RawStatement
  let one: RawStatement
  let columns: Int32

  /// `head` is the statement up to VALUES; `row` one row's values, e.g. `(?, ?, 'user')`
  /// with `columns` parameters.
  init(_ db: Database, _ head: String, row: String, columns: Int32) throws {
    self.db = db
    many = try RawStatement(db, head + Array(repeating: row, count: Self.batch).joinedText(", "))
    one = try RawStatement(db, head + row)
    self.columns = columns
  }

  /// Inserts rows `0..<count` in order. `bind(statement, at, i)` binds row `i`'s values to
  /// parameters `at + 1 ... at + columns`; `every` is called before each 65,536th row
  /// (progress, interrupts).
  /// - Throws: what `every` throws; `KgshError` naming `what` when SQLite refuses a batch.
  func run(
    count: Int, what: String, every: (Int) throws -> Void = { _ in },
    bind: (RawStatement, Int32, Int) -> Void
  ) throws {
    var k = 0
    while k < count {
      if k % 65536 < Self.batch { try every(k) }
      let n = count - k >= Self.batch ? Self.batch : 1
      let statement = n == Self.batch ? many : one
      for j in 0..<n { bind(statement, Int32(j) * columns, k + j) }
      guard statement.run() == SQLITE_DONE else {
        throw KgshError(.io, "\(what) failed: \(statement.message(db))", hint: "nothing was imported")
      }
      k += n
    }
  }
}

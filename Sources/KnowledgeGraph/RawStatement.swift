import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API: bind, step, reset — no row objects
/// or argument arrays, for loops over millions of rows (bulk import).
struct RawStatement {
  let statement: Statement
  var handle: OpaquePointer { statement.sqliteStatement }
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  init(_ db: Database, _ sql: String) throws {
    statement = try db.makeStatement(sql: sql)
  }

  /// A statement prepared elsewhere (see `ReaderSQL`).
  init(_ statement: Statement) { self.statement = statement }

  /// A statement prepared once per connection (GRDB's statement cache): for the readers
  /// every command runs (`show`, name resolution).
  init(cached db: Database, _ sql: String) throws {
    statement = try db.cachedStatement(sql: sql)
  }

  func bind(_ index: Int32, _ text: String?) {
    guard let text else {
      sqlite3_bind_null(handle, index)
      return
    }
    if text.isEmpty {
      sqlite3_bind_text(handle, index, "", 0, RawStatement.transient)
      return
    }
    var copy = text
    copy.withUTF8 { buffer in
      _ = buffer.withMemoryRebound(to: CChar.self) {
        sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), RawStatement.transient)
      }
    }
  }

  func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }

  func bind(_ index: Int32, _ value: DatabaseValue) {
    switch value.storage {
    case .null: sqlite3_bind_null(handle, index)
    case .int64(let i): sqlite3_bind_int64(handle, index, i)
    case .double(let d): sqlite3_bind_double(handle, index, d)
    case .string(let s): bind(index, s)
    case .blob(let data):
      _ = data.withUnsafeBytes {
        sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), RawStatement.transient)
      }
    }
  }

  /// Runs the statement once; returns SQLite's result code (SQLITE_DONE on success).
  @discardableResult
  func run() -> Int32 {
    let rc = sqlite3_step(handle)
    sqlite3_reset(handle)
    return rc
  }

  /// Runs a statement that returns no rows (BEGIN, COMMIT).
  /// - Throws: SQLite's error as a `DatabaseError`.
  func execute(_ db: Database) throws {
    let rc = sqlite3_step(handle)
    sqlite3_reset(handle)
    guard rc == SQLITE_DONE || rc == SQLITE_ROW else {
      throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: message(db), sql: statement.sql)
    }
  }

  /// Runs a one-row query and returns its first column as an integer, or nil for no row.
  func int64() -> Int64? {
    defer { sqlite3_reset(handle) }
    return sqlite3_step(handle) == SQLITE_ROW ? sqlite3_column_int64(handle, 0) : nil
  }

  /// Steps through every row of a query.
  /// - Throws: `KgshError` when SQLite stops with an error (or was interrupted).
  func forEachRow(_ body: (OpaquePointer) throws -> Void) throws {
    try stepRows(while: { row in
      try body(row)
      return true
    })
  }

  /// Steps rows while `body` returns true (a range read that stops at a page).
  func stepRows(while body: (OpaquePointer) throws -> Bool) throws {
    defer { sqlite3_reset(handle) }
    while true {
      let rc = sqlite3_step(handle)
      if rc == SQLITE_DONE { return }
      guard rc == SQLITE_ROW else {
        if rc == SQLITE_INTERRUPT { throw KgshError.interrupted }
        throw KgshError(.io, "reading the knowledge base failed (SQLite code \(rc))")
      }
      if try !body(handle) { return }
    }
  }

  /// The first column of every row, as text.
  func strings() throws -> [String] {
    var out: [String] = []
    try forEachRow { out.append(RawStatement.text($0, 0)) }
    return out
  }

  /// Every row of a query, each made by `make` from its columns read by position.
  func all<T>(_ make: (RawRow) throws -> T) throws -> [T] {
    var out: [T] = []
    try forEachRow { out.append(try make(RawRow(handle: $0))) }
    return out
  }

  /// A text column of the current row ("" for NULL).
  static func text(_ s: OpaquePointer, _ column: Int32) -> String {
    guard let p = sqlite3_column_text(s, column) else { return "" }
    return String(cString: p)
  }

  func message(_ db: Database) -> String { String(cString: sqlite3_errmsg(db.sqliteConnection)) }
}

/// The current row of a `RawStatement`, its columns read by position with SQLite's C API:
/// no row copy, no generic decoding (what GRDB's `Row` costs per value).
struct RawRow {
  let handle: OpaquePointer

  func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

  func int64OrNil(_ column: Int32) -> Int64? {
    sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
  }

  /// A text column ("" for NULL).
  func text(_ column: Int32) -> String { RawStatement.text(handle, column) }

  func textOrNil(_ column: Int32) -> String? {
    sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : RawStatement.text(handle, column)
  }
}

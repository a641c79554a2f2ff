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

  /// Runs the statement once; returns SQLite's result code (SQLITE_DONE on success).
  @discardableResult
  func run() -> Int32 {
    let rc = sqlite3_step(handle)
    sqlite3_reset(handle)
    return rc
  }

  /// Runs a one-row query and returns its first column as an integer, or nil for no row.
  func int64() -> Int64? {
    defer { sqlite3_reset(handle) }
    return sqlite3_step(handle) == SQLITE_ROW ? sqlite3_column_int64(handle, 0) : nil
  }

  /// Steps through every row of a query.
  /// - Throws: `KgshError` when SQLite stops with an error (or was interrupted).
  func forEachRow(_ body: (OpaquePointer) throws -> Void) throws {
    defer { sqlite3_reset(handle) }
    while true {
      let rc = sqlite3_step(handle)
      if rc == SQLITE_DONE { return }
      guard rc == SQLITE_ROW else {
        if rc == SQLITE_INTERRUPT { throw KgshError.interrupted }
        throw KgshError(.io, "reading the knowledge base failed (SQLite code \(rc))")
      }
      try body(handle)
    }
  }

  /// A text column of the current row ("" for NULL).
  static func text(_ s: OpaquePointer, _ column: Int32) -> String {
    guard let p = sqlite3_column_text(s, column) else { return "" }
    return String(cString: p)
  }

  func message(_ db: Database) -> String { String(cString: sqlite3_errmsg(db.sqliteConnection)) }
}

import Foundation
import GRDB
import GRDBSQLite

/// What a plugin's SQL statement returned.
public struct ViewQueryResult: Sendable {
  public var columns: [String]
  public var rows: [[Value]]
  /// The statement had more rows than were read.
  public var truncated: Bool
}

extension KnowledgeStore {
  /// The views third-party plugins may read with SQL (docs/PLUGINS.md, "SQL over views").
  public static var pluginViews: [String] { ViewAuthorizer.views }

  /// Runs one SQL statement of a third-party plugin over the `kg_*_v1` views, with `?`
  /// placeholders bound from `arguments`.
  ///
  /// The statement runs on its own connection, opened read-only and outside GRDB, with
  /// `PRAGMA query_only`, no ATTACH, and SQLite's authorizer allowing only reads of the
  /// views and ordinary functions (`ViewAuthorizer`). An in-memory store is copied first.
  /// - Parameter isInterrupted: polled while the statement runs; true stops it.
  /// - Throws: `KgshError` saying what was refused, what SQLite said, or "interrupted".
  public func viewQuery(
    _ sql: String, arguments: [Value] = [], maxRows: Int = 100_000,
    isInterrupted: @escaping () -> Bool = { false }
  ) throws -> ViewQueryResult {
    let db = try openViewReader()
    defer { sqlite3_close_v2(db) }
    let authorizer = ViewAuthorizer(
      tables: try Self.strings(db, "SELECT name FROM sqlite_master WHERE type = 'table'"),
      modules: try Self.strings(db, "PRAGMA module_list"))
    authorizer.install(on: db)
    let box = Unmanaged.passRetained(InterruptBox(isInterrupted))
    defer { box.release() }
    sqlite3_progress_handler(
      db, 1000,
      { context in
        Unmanaged<InterruptBox>.fromOpaque(context!).takeUnretainedValue().check() ? 1 : 0
      }, box.toOpaque())
    authorizer.reset()
    // The authorizer must outlive the statement: SQLite re-prepares after a schema change.
    return try withExtendedLifetime(authorizer) {
      let statement = try Self.prepareView(sql, db, authorizer)
      defer { sqlite3_finalize(statement) }
      try Self.bind(arguments, to: statement)
      do {
        return try Self.rows(statement, db, maxRows: maxRows)
      } catch let error as KgshError {
        // A table-valued function may compile more SQL while it runs: say what was refused.
        if let refusal = authorizer.refusal { throw KgshError(.readOnly, refusal, hint: error.hint) }
        throw error
      }
    }
  }

  /// A raw read-only connection on the store's file, or a copy of an in-memory store.
  private func openViewReader() throws -> OpaquePointer {
    var db: OpaquePointer?
    let flags = path == nil ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY : SQLITE_OPEN_READONLY
    guard sqlite3_open_v2(path ?? ":memory:", &db, flags, nil) == SQLITE_OK, let db else {
      sqlite3_close_v2(db)
      throw KgshError(
        .io, "cannot open the knowledge base for plugin SQL", hint: "check the file's permissions")
    }
    if path == nil {
      try read { source in
        let backup = sqlite3_backup_init(db, "main", source.sqliteConnection, "main")
        sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
      }
    }
    sqlite3_busy_timeout(db, 5000)
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0)
    sqlite3_exec(db, "PRAGMA query_only = 1", nil, nil, nil)
    return db
  }

  private static func strings(_ db: OpaquePointer, _ sql: String) throws -> [String] {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
      throw KgshError(
        .io, "reading the knowledge base's schema failed: \(String(cString: sqlite3_errmsg(db)))")
    }
    defer { sqlite3_finalize(statement) }
    var out: [String] = []
    while sqlite3_step(statement) == SQLITE_ROW { out.append(RawStatement.text(statement!, 0)) }
    return out
  }

  private static func prepareView(_ sql: String, _ db: OpaquePointer, _ authorizer: ViewAuthorizer) throws
    -> OpaquePointer
  {
    var statement: OpaquePointer?
    let (rc, consumed) = sql.withCString { start -> (Int32, Int) in
      var tail: UnsafePointer<CChar>?
      let rc = sqlite3_prepare_v2(db, start, -1, &statement, &tail)
      return (rc, tail.map { $0 - start } ?? 0)
    }
    if let refusal = authorizer.refusal {
      sqlite3_finalize(statement)
      throw KgshError(
        .readOnly, refusal, hint: "read \(ViewAuthorizer.views.joinedText(", ")) (docs/PLUGINS.md)")
    }
    guard rc == SQLITE_OK, let statement else {
      let message = rc == SQLITE_OK ? "the statement is empty" : String(cString: sqlite3_errmsg(db))
      sqlite3_finalize(statement)
      throw KgshError(.invalidValue, "SQL error: \(message)", hint: "check the statement")
    }
    guard sqlite3_stmt_readonly(statement) != 0 else {
      sqlite3_finalize(statement)
      throw KgshError(.readOnly, "plugin SQL is read-only and may only SELECT from the kg_*_v1 views")
    }
    let trailing = String(decoding: Array(sql.utf8).dropFirst(consumed), as: UTF8.self)
    if !trailing.trimmingCharacters(in: CharacterSet(charactersIn: "; \n\t\r")).isEmpty {
      sqlite3_finalize(statement)
      throw KgshError(
        .usage, "plugin SQL runs one statement at a time", hint: "send each statement in its own call")
    }
    return statement
  }

  private static func bind(_ arguments: [Value], to statement: OpaquePointer) throws {
    let wanted = Int(sqlite3_bind_parameter_count(statement))
    guard wanted == arguments.count else {
      throw KgshError(
        .usage,
        "the statement has \(wanted.counted("parameter")) but \(arguments.count.counted("value")) \(arguments.count == 1 ? "was" : "were") given",
        hint: "pass one value in params for each ?")
    }
    for (i, value) in arguments.enumerated() {
      let index = Int32(i + 1)
      switch value {
      case .null: sqlite3_bind_null(statement, index)
      case .bool(let b): sqlite3_bind_int64(statement, index, b ? 1 : 0)
      case .int(let v): sqlite3_bind_int64(statement, index, v)
      case .double(let v): sqlite3_bind_double(statement, index, v)
      case .entity(let e): bindText(e.key, statement, index)
      default: bindText(value.plainText, statement, index)
      }
    }
  }

  private static func bindText(_ text: String, _ statement: OpaquePointer, _ index: Int32) {
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    _ = text.withCString { sqlite3_bind_text(statement, index, $0, -1, transient) }
  }

  private static func rows(_ statement: OpaquePointer, _ db: OpaquePointer, maxRows: Int) throws
    -> ViewQueryResult
  {
    let count = sqlite3_column_count(statement)
    let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
    var rows: [[Value]] = []
    while true {
      let rc = sqlite3_step(statement)
      if rc == SQLITE_DONE { return ViewQueryResult(columns: columns, rows: rows, truncated: false) }
      guard rc == SQLITE_ROW else {
        if rc == SQLITE_INTERRUPT { throw KgshError.interrupted }
        throw KgshError(
          .invalidValue, "SQL error: \(String(cString: sqlite3_errmsg(db)))", hint: "check the statement")
      }
      if rows.count == maxRows { return ViewQueryResult(columns: columns, rows: rows, truncated: true) }
      rows.append((0..<count).map { column(statement, $0) })
    }
  }

  private static func column(_ statement: OpaquePointer, _ i: Int32) -> Value {
    switch sqlite3_column_type(statement, i) {
    case SQLITE_INTEGER: return .int(sqlite3_column_int64(statement, i))
    case SQLITE_FLOAT: return .double(sqlite3_column_double(statement, i))
    case SQLITE_TEXT: return .string(RawStatement.text(statement, i))
    case SQLITE_BLOB: return .string("<\(sqlite3_column_bytes(statement, i)) bytes>")
    default: return .null
    }
  }
}

/// A Swift closure reachable from SQLite's progress handler.
private final class InterruptBox {
  let check: () -> Bool
  init(_ check: @escaping () -> Bool) { self.check = check }
}

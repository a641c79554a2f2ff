import Foundation
import GRDB
import GRDBSQLite

extension KnowledgeStore {
  /// Runs one read-only SQL statement (the `sql` command) and returns its columns and rows.
  ///
  /// Three locks, each enforced by SQLite: the statement runs on a separate connection
  /// opened read-only (for a store in a file), it must be read-only
  /// (`sqlite3_stmt_readonly`) and runs under `PRAGMA query_only`; ATTACH is impossible
  /// (`SQLITE_LIMIT_ATTACHED` is 0 on every connection) and extension loading is never
  /// enabled. Ctrl-C and timeouts interrupt it through `interrupt()`.
  /// - Throws: `KgshError` explaining what was refused or what SQLite said.
  public func readOnlyQuery(_ sql: String, maxRows: Int = 100_000) throws -> (
    columns: [String], rows: [[Value]]
  ) {
    let upper = sql.uppercased()
    if upper.contains("ATTACH") || upper.contains("LOAD_EXTENSION") {
      throw KgshError(.readOnly, "the sql command cannot attach databases or load extensions")
    }
    if let pragma = Self.settingPragma(sql) {
      // SQLite counts `PRAGMA ignore_check_constraints = 1` as read-only (it writes no page),
      // yet on the connection a scratch or in-memory store writes through, it would let later
      // writes skip the schema's checks.
      throw KgshError(
        .readOnly, "the sql command cannot change settings: PRAGMA \(pragma) with a value sets it",
        hint: "read it with PRAGMA \(pragma)")
    }
    guard path != nil else { return try read { try Self.runReadOnly(sql, in: $0, maxRows: maxRows) } }
    let reader = try sqlConnection()
    do {
      return try reader.inDatabase { try Self.runReadOnly(sql, in: $0, maxRows: maxRows) }
    } catch let error as KgshError {
      throw error
    } catch {
      throw Self.failure(error, hint: Self.hint(for: error))
    }
  }

  /// The tables and views a user reads with `sql` (not SQLite's, GRDB's or the search
  /// index's own), in schema order, each with its type (`table`, `view`), its columns and the
  /// statement that created it (`sqlite3`'s `.tables` and `.schema`).
  public func sqlTables() throws -> [(name: String, type: String, columns: [String], sql: String)] {
    try read { db in
      let readable = Set(try SQLErrorHint.tables(db))
      return try Row.fetchAll(
        db, sql: "SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY rowid"
      )
      .compactMap { row -> (String, String, [String], String)? in
        let name: String = row["name"]
        guard readable.contains(name) else { return nil }
        let columns = try String.fetchAll(
          db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [name])
        return (name, row["type"], columns, row["sql"] ?? "")
      }
    }
  }

  /// The `sql` command's read-only connection: opened at its first statement and kept for the
  /// next ones, so a statement costs what SQLite takes to run it (opening a connection and
  /// reading the schema again took ~0.5 ms per statement). Between statements it holds no
  /// transaction, so each statement sees every commit made before it. Closed by `close()`
  /// and before a bulk import, which needs the file to itself (`closeSQLConnection`).
  func sqlConnection() throws -> DatabaseQueue {
    // Opened under the lock: two threads asking at once get the same connection.
    try sqlReader.withLock { open throws -> DatabaseQueue in
      if let open { return open }
      var config = Configuration()
      config.readonly = true
      config.busyMode = .timeout(5)
      config.foreignKeysEnabled = false  // read-only: no writes to check
      config.prepareDatabase { db in
        Self.forbidAttach(db)
        InterruptCheck.install(db)
      }
      do {
        let reader = try DatabaseQueue(path: path ?? ":memory:", configuration: config)
        open = reader
        return reader
      } catch {
        throw Self.failure(error, hint: Self.hint(for: error))
      }
    }
  }

  /// Closes the `sql` command's connection, if open (the next statement opens it again).
  func closeSQLConnection() {
    let reader = sqlReader.withLock { open -> DatabaseQueue? in
      defer { open = nil }
      return open
    }
    try? reader?.close()
  }

  /// The configuration of every connection a store opens: `setUp` before its first
  /// statement. Foreign keys are turned on there with a plain PRAGMA: GRDB's own way runs it
  /// through its SQL builder, whose first use cost a new process ~0.3 ms (`kgsh -c 'show
  /// Zhipu'`); the statements a command runs at start are plain ones (`RawStatement`) too.
  /// SQLite's process-wide settings are made before `main`, by CSQLiteSetup.
  static func configuration() -> Configuration {
    var config = Configuration()
    config.foreignKeysEnabled = false
    config.prepareDatabase { setUp($0) }
    return config
  }

  /// What every connection of a knowledge base gets before its first statement: foreign
  /// keys, no ATTACH, and kgsh's own SQL functions (`DistinctIDs`).
  static func setUp(_ db: Database) {
    sqlite3_exec(db.sqliteConnection, "PRAGMA foreign_keys = ON", nil, nil, nil)
    forbidAttach(db)
    DistinctIDs.register(db)
    InterruptCheck.install(db)
  }

  /// Has SQLite read a knowledge base file of at most `mappedFileLimit` bytes through a memory
  /// map instead of `pread`: a page is read in place from the page cache, with no page buffer
  /// to allocate and fill and no system call per page. A one-shot `show` of the default
  /// knowledge base touched ~200 fewer pages of memory and ran ~15-20% faster (hyperfine,
  /// `perf stat`). Bigger files are read page by page: after the page cache is dropped, a
  /// mapped read faults in 128 KB around each page, and a one-shot lookup on a 582 MB file
  /// took 0.06-0.08 s instead of 0.02 s. SQLite re-checks the file's size at each read
  /// transaction, so a file another connection shrinks is mapped again, not read past its end;
  /// writes still go through the journal and `write`, never through the map.
  static func mapFile(_ db: Database) {
    sqlite3_exec(db.sqliteConnection, "PRAGMA mmap_size = \(mappedFileLimit)", nil, nil, nil)
  }

  static let mappedFileLimit = 32 << 20

  /// No ATTACH on this connection: SQLite refuses it whatever the statement says.
  static func forbidAttach(_ db: Database) {
    sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_ATTACHED, 0)
  }

  /// The PRAGMAs whose argument names what to read (a table, an index, a row limit), not a
  /// new value.
  static let readingPragmas: Set<String> = [
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
    "foreign_key_check", "integrity_check", "quick_check",
  ]

  /// The name of a PRAGMA given a value (`PRAGMA x = v`, `PRAGMA x(v)` for a setting), else nil.
  /// Comments before the statement do not hide it.
  static func settingPragma(_ sql: String) -> String? {
    var text = Substring(sql)
    while true {
      text = text.drop { $0.isWhitespace }
      if text.hasPrefix("--") {
        text = text.drop { $0 != "\n" }
      } else if text.hasPrefix("/*") {
        guard let end = text.range(of: "*/") else { return nil }
        text = text[end.upperBound...]
      } else {
        break
      }
    }
    guard let m = text.prefixMatch(of: /(?i:pragma)\s+(?:\w+\s*\.\s*)?(\w+)\s*([=(])?/),
      let mark = m.2
    else { return nil }
    let name = String(m.1).lowercased()
    return mark == "=" || !readingPragmas.contains(name) ? name : nil
  }

  static func runReadOnly(_ sql: String, in db: Database, maxRows: Int) throws -> (
    columns: [String], rows: [[Value]]
  ) {
    let statement: Statement
    do {
      statement = try db.makeStatement(sql: sql)
    } catch let error as DatabaseError {
      let message = error.message ?? "syntax error"
      throw KgshError(.invalidValue, "SQL error: \(message)", hint: SQLErrorHint.hint(message, db))
    }
    guard statement.isReadonly else {
      throw KgshError(
        .readOnly, "the sql command is read-only; this statement would change the database",
        hint: "use SELECT")
    }
    try db.execute(sql: "PRAGMA query_only = 1")
    defer { try? db.execute(sql: "PRAGMA query_only = 0") }
    let columns = statement.columnNames
    var rows: [[Value]] = []
    let cursor = try Row.fetchCursor(statement)
    while let row = try cursor.next() {
      rows.append((0..<columns.count).map { value(row[$0]) })
      if rows.count >= maxRows { break }
    }
    return (columns, rows)
  }

  static func value(_ dbValue: DatabaseValue) -> Value {
    switch dbValue.storage {
    case .null: return .null
    case .int64(let v): return .int(v)
    case .double(let v): return .double(v)
    case .string(let s): return .string(s)
    case .blob(let d): return .string("<\(d.count) bytes>")
    }
  }
}

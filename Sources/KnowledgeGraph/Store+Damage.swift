import Foundation
import GRDB

/// Damaged files: a knowledge base that is truncated or has corrupted pages is refused at
/// open with a message that says what to do, and never written to. `recover` copies what
/// can still be read into a new file.
extension KnowledgeStore {
  /// Files up to this size get a full `PRAGMA quick_check` at open (a few milliseconds for
  /// the default knowledge base); bigger ones get the size check, and SQLite reports any
  /// damaged page it meets later as "damaged" with the same advice.
  static let quickCheckLimit: UInt64 = 32 << 20

  /// What to do about a damaged file at `path`.
  static func damagedHint(_ path: String?) -> String {
    guard let path else { return "restore it from a backup or rebuild it from the built-in sources" }
    return
      "kgsh left it unchanged; run kgsh --db \(path) --recover to copy what can be read into a new file, "
      + "or restore a backup (\(path).bak-vN), or move it away to rebuild from the built-in sources"
  }

  /// A file shorter than its header's page count (or not a whole number of pages) was cut off.
  static func checkSize(_ path: String) throws {
    guard let header = FileProbe.prefix(path, count: 100) else { return }
    guard header.count == 100 else {
      throw KgshError(.io, "\(path) is damaged: it is cut off inside its header", hint: damagedHint(path))
    }
    let rawPageSize = Int(header[16]) << 8 | Int(header[17])
    let pageSize = UInt64(rawPageSize == 1 ? 65536 : rawPageSize)
    let pages = header[28..<32].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    let size = FileProbe.size(path) ?? 0
    // The page count is trustworthy only when the change counter matches "version valid for".
    let countValid = header[24..<28].elementsEqual(header[92..<96])
    guard pageSize >= 512, pageSize.nonzeroBitCount == 1 else {
      throw KgshError(.io, "\(path) is damaged: its header is invalid", hint: damagedHint(path))
    }
    if size % pageSize != 0 || (countValid && pages > 0 && size < pages * pageSize) {
      throw KgshError(
        .io,
        "\(path) is damaged: it is \(size) bytes but should hold \(pages) pages of \(pageSize) bytes (cut off?)",
        hint: damagedHint(path))
    }
  }

  /// `PRAGMA quick_check` on files small enough for it to be instant, unless a stamp in
  /// `stamps` (a directory) shows that the file passed it and has not changed since.
  /// - Returns: whether the check ran.
  static func checkIntegrity(_ queue: DatabaseQueue, path: String, stamps: String?) throws -> Bool {
    let size = FileProbe.size(path) ?? 0
    let walSize = FileProbe.size(path + "-wal") ?? 0
    guard size + walSize <= quickCheckLimit else { return false }
    let stamp = stamps.flatMap { IntegrityStamp(directory: $0, path: path) }
    if stamp?.isCurrent == true { return false }
    let started = IntegrityStamp.now()
    let problems: [String]
    do {
      problems = try queue.inDatabase { db in try String.fetchAll(db, sql: "PRAGMA quick_check(3)") }
    } catch {
      throw KgshError(.io, "\(path) is damaged: \(describe(error))", hint: damagedHint(path))
    }
    guard problems != ["ok"] else {
      stamp?.record(checkStartedAt: started)
      return true
    }
    throw KgshError(
      .io, "\(path) is damaged: \(problems.first ?? "integrity check failed")", hint: damagedHint(path))
  }

  /// Copies what can be read from a damaged knowledge base into a new file next to it
  /// (`PATH.recovered.sqlite`, or `.recovered-2` ...): a fresh schema, then every table row
  /// by row, skipping what SQLite cannot read. The original is opened read-only and never
  /// written.
  /// `extensions` are the plugins' tables, created in the new file so their rows are copied.
  /// - Returns: the new file's path and how many rows were copied.
  /// - Throws: `KgshError` when not even the schema of the original can be read.
  public static func recover(_ path: String, extensions: [StoreExtension] = []) throws -> (
    path: String, rows: Int
  ) {
    guard FileManager.default.fileExists(atPath: path) else {
      throw KgshError(.notFound, "\(path) does not exist", hint: "pass the damaged knowledge base to --db")
    }
    var target = path + ".recovered.sqlite"
    var n = 1
    while FileManager.default.fileExists(atPath: target) {
      n += 1
      target = path + ".recovered-\(n).sqlite"
    }
    var config = Configuration()
    config.readonly = true
    let source: DatabaseQueue
    let tables: [String]
    do {
      source = try DatabaseQueue(path: path, configuration: config)
      tables = try source.read { db in
        try String.fetchAll(
          db,
          sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            + "AND name NOT LIKE 'search_%' AND name <> 'grdb_migrations' ORDER BY rootpage")
      }
    } catch {
      throw KgshError(
        .io, "cannot read even the table list of \(path): \(describe(error))",
        hint: "restore a backup, or move it away to rebuild from the built-in sources")
    }
    try open(path: target, extensions: extensions).close()  // the current schema
    var targetConfig = Configuration()
    targetConfig.foreignKeysEnabled = false
    let destination = try DatabaseQueue(path: target, configuration: targetConfig)
    var copied = 0
    for table in tables { copied += copyRows(of: table, from: source, to: destination) }
    return (target, copied)
  }

  /// Copies the rows of one table that can be read; stops at the first unreadable page.
  static func copyRows(of table: String, from source: DatabaseQueue, to destination: DatabaseQueue) -> Int {
    var copied = 0
    let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    try? destination.writeWithoutTransaction { out in
      guard try out.tableExists(table) else { return }
      try out.inTransaction {
        try? source.read { db in
          let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(quoted)")
          while let row = try rows.next() {
            let columns = row.columnNames.map { "\"" + $0 + "\"" }.joinedText(", ")
            let marks = Array(repeating: "?", count: row.count).joinedText(", ")
            let values = StatementArguments(row.databaseValues)
            if (try? out.execute(
              sql: "INSERT OR IGNORE INTO \(quoted)(\(columns)) VALUES (\(marks))", arguments: values)) != nil
            {
              copied += 1
            }
          }
        }
        return .commit
      }
    }
    return copied
  }
}

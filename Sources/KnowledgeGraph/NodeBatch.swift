import GRDB

/// The nodes of an import waiting to be stored, 64 rows to a statement (`BatchInsert`). Each
/// gets its id when it is added: one more than the largest id, as SQLite would choose it.
///
/// ```swift
/// var batch = try NodeBatch(db, file: file)
/// let id = try batch.add(key: "a", name: "A", props: nil, line: 2)
/// try batch.flush()
/// ```
struct NodeBatch {
  let insert: BatchInsert
  let findKey: RawStatement
  let file: CSVReader
  private(set) var nextID: Int64
  private var rows: [(key: String, name: String, props: String?, line: Int)] = []
  /// What the file's keys are called in errors: "id", or "name" when the names are the keys.
  var keyWord = "id"

  init(_ db: Database, file: CSVReader) throws {
    insert = try BatchInsert(
      db, "INSERT INTO node(id, key, name, props, layer) VALUES ", row: "(?, ?, ?, ?, 'user')", columns: 4)
    findKey = try RawStatement(db, "SELECT id FROM node WHERE key = ?")
    nextID = try (Int64.fetchOne(db, sql: "SELECT max(id) FROM node") ?? 0) + 1
    self.file = file
  }

  /// Adds a node and answers its id; stores the batch when it is full.
  mutating func add(key: String, name: String, props: String?, line: Int) throws -> Int64 {
    let id = nextID
    nextID += 1
    rows.append((key, name, props, line))
    if rows.count == BatchInsert.batch { try flush() }
    return id
  }

  /// Stores the nodes added since the last flush.
  /// - Throws: `KgshError` naming the line of a node whose id is already stored.
  mutating func flush() throws {
    guard !rows.isEmpty else { return }
    let first = nextID - Int64(rows.count)
    let rows = self.rows
    do {
      try insert.run(count: rows.count, what: "\(file.path): storing the nodes") { statement, at, k in
        statement.bind(at + 1, first + Int64(k))
        statement.bind(at + 2, rows[k].key)
        statement.bind(at + 3, rows[k].name)
        statement.bind(at + 4, rows[k].props)
      }
    } catch {
      // A short batch goes row by row, so some of its rows may be stored: only an id from
      // before the batch is a clash.
      for row in rows {
        findKey.bind(1, row.key)
        if let id = findKey.int64(), id < first {
          throw GraphImporter.failure(
            file, row.line, "\(keyWord) '\(row.key)' is already a key in the knowledge base",
            hint: "use new ids; nothing was imported")
        }
      }
      throw error
    }
    self.rows.removeAll(keepingCapacity: true)
  }
}

import GRDB

/// The hint after an error in a statement of the `sql` command: when SQLite names a table or
/// column it does not know, the nearest one there is; else where the tables are listed.
enum SQLErrorHint {
  static func hint(_ message: String, _ db: Database) -> String {
    let fallback = "help sql lists the tables and their columns"
    for (prefix, kind) in [("no such table: ", "table"), ("no such column: ", "column")] {
      guard message.hasPrefix(prefix) else { continue }
      // "main.nope" and "n.nme" name the table or column after the dot.
      let name = String(message.dropFirst(prefix.count).split(separator: ".").last ?? "")
      if kind == "column" {
        // `select labels from node`: a column another table has.
        let owners = ((try? columnsByTable(db)) ?? []).filter { $0.column.lowercased() == name.lowercased() }
        if !owners.isEmpty {
          let tables = owners.map(\.table)
          return
            "\(name) is a column of \(tables.joinedText(", ")), not of the table\(tables.count == 1 ? "" : "s") "
            + "the statement reads: select from \(tables[0]) or join it; \(fallback)"
        }
      }
      let known = (try? kind == "table" ? tables(db) : columns(db)) ?? []
      let near = Names.suggestions(for: name, among: known, limit: 1).filter { $0 != name }
      return near.first.map { "did you mean \($0)? \(fallback)" } ?? fallback
    }
    return "check the statement; \(fallback)"
  }

  /// The tables and views a user reads: not SQLite's, GRDB's or the search index's own.
  static func tables(_ db: Database) throws -> [String] {
    try String.fetchAll(
      db,
      sql: """
        SELECT name FROM sqlite_master WHERE type IN ('table', 'view')
          AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'grdb\\_%' ESCAPE '\\'
          AND name NOT LIKE 'search%'
        """)
  }

  static func columns(_ db: Database) throws -> [String] {
    Set(try columnsByTable(db).map(\.column)).sorted()
  }

  /// Every column of the tables a user reads, with its table, in table order.
  static func columnsByTable(_ db: Database) throws -> [(table: String, column: String)] {
    var all: [(table: String, column: String)] = []
    for table in try tables(db) {
      all += try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]).map {
        (table, $0)
      }
    }
    return all
  }
}

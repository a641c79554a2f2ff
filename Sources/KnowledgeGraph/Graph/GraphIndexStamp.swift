import CSQLiteSetup
import GRDB
import GRDBSQLite

/// What a saved graph index must match to be used: a fingerprint of the knowledge base's
/// graph, read in a few index lookups (no table is scanned: counting the edges would cost
/// as much on a big graph as reading the saved index).
///
/// It combines a random token that every kgsh write transaction that changes what the index
/// is built from replaces (`meta` key `graph_stamp`, see `bump` and `watching`), so such a write
/// by any kgsh process invalidates the file, while adding or correcting facts, sources or
/// prices leaves it valid (a big graph's next query maps it instead of rebuilding); the
/// largest ids of the node and edge tables, which also catch rows added by other tools (such
/// as the sqlite3 CLI); and the number of migrations applied. A copy of the file has the same
/// stamp, as it has the same graph. Not caught: another tool that only deletes or updates rows
/// in the middle of the tables without going through kgsh (delete the `-graphindex` file then).
///
/// Every new process's first graph command reads it, so it is kept to four index lookups: "g1"
/// stamps also read the edge types' count and largest id and the change log's last row (which
/// added nothing the token and the edges' largest id do not catch), and preparing those three
/// subqueries cost that first command ~35 µs on the L benchmark file. A "g1" file no longer
/// matches and is rebuilt once.
enum GraphIndexStamp {
  static let metaKey = "graph_stamp"

  /// The stamp of the graph as `db` sees it now (call it inside the transaction that
  /// builds the index, so the two agree).
  ///
  /// With `maxEdgeID`, the stamp the graph will have once its edge table's largest id is that
  /// (an import that is about to fill an empty edge table writes its graph index early).
  static func current(_ db: Database, maxEdgeID: Int64? = nil) throws -> String {
    try read(RawStatement(db, sql(maxEdgeID: maxEdgeID)))
  }

  /// `current(db)` through the store's prepared statement (see `ReaderSQL`): what every new
  /// process's first graph command asks.
  static func current(_ db: Database, prepared store: KnowledgeStore) throws -> String {
    try read(store.prepared(db, currentSQL))
  }

  static let currentSQL = ReaderSQL(sql(maxEdgeID: nil))

  static func sql(maxEdgeID: Int64?) -> String {
    """
    SELECT (SELECT value FROM meta WHERE key = '\(metaKey)'),
      (SELECT max(id) FROM node), \(maxEdgeID.map(String.init) ?? "(SELECT max(id) FROM edge)"),
      (SELECT count(*) FROM grdb_migrations)
    """
  }

  private static func read(_ stamp: RawStatement) throws -> String {
    var text = ""
    try stamp.forEachRow { row in
      text = "g2"
      for column in 0..<sqlite3_column_count(row) {
        text += "|"
        text += Self.text(row, column)
      }
    }
    return text
  }

  /// A value as saved stamps spell it (GRDB's `DatabaseValue` description): `NULL`, digits, or
  /// text in quotes. Written by hand: `String(describing:)` looks up protocol conformances at
  /// run time, which costs a new process's first graph query ~1M instructions, and the token
  /// (hex digits) needs none of `debugDescription`'s escapes.
  static func text(_ row: OpaquePointer, _ column: Int32) -> String {
    switch sqlite3_column_type(row, column) {
    case SQLITE_NULL: return "NULL"
    case SQLITE_INTEGER: return String(sqlite3_column_int64(row, column))
    case SQLITE_FLOAT: return String(sqlite3_column_double(row, column))
    case SQLITE_BLOB: return "Data(\(sqlite3_column_bytes(row, column)) bytes)"
    default:
      let value = RawStatement.text(row, column)
      let plain = value.utf8.allSatisfy {
        $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
      }
      return plain ? "\"" + value + "\"" : value.debugDescription
    }
  }

  /// Gives the graph a new random token; runs inside every write transaction that changed
  /// a table the index is built from (see `watching`), so a saved index built before the write
  /// no longer matches.
  static func bump(_ db: Database) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('\(metaKey)', lower(hex(randomblob(8))))")
  }
}

extension GraphIndexStamp {
  /// Runs `body`, a write transaction's work, and says whether it changed what the graph
  /// index is built from (`GraphIndex.build`): rows of `edge_type`, `node_label` or `alias`, an
  /// edge added, deleted or given other ends or another type, or a node added, deleted or
  /// given another id. Facts, sources, prices, a node's name, description or properties and
  /// an edge's key, properties or source are not in the index. Every row is seen, by
  /// SQLite's pre-update hook (`kgsh_graph_watch_start`): statements of GRDB or of kgsh's own
  /// loops, tables without rowids, cascades and triggers alike.
  static func watching<T>(_ db: Database, _ body: () throws -> T) rethrows -> (result: T, changed: Bool) {
    let changed = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    defer { changed.deallocate() }
    let outer = kgsh_graph_watch_start(db.sqliteConnection, changed)
    defer { kgsh_graph_watch_stop(db.sqliteConnection, changed, outer) }
    return (try body(), changed.pointee != 0)
  }
}

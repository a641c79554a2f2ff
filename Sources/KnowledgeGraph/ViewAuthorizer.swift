import GRDBSQLite

/// SQLite's authorizer for plugin SQL: a statement may read the documented `kg_*_v1` views
/// and nothing else (no internal table, no schema table, no pragma, no write), and call only
/// ordinary scalar, aggregate, window, date and JSON functions.
///
/// SQLite reports the reads a view makes on its tables with the view's name as context; a
/// CTE named like a view gets the same context, so a read inside a view context must also
/// be one the real view makes (learned by compiling `SELECT * FROM view` once).
final class ViewAuthorizer {
  /// The views plugins may read, in the order the documentation lists them.
  static let views = [
    "kg_entity_v1", "kg_label_v1", "kg_alias_v1", "kg_fact_v1", "kg_edge_v1", "kg_source_v1",
  ]
  static let functions: Set<String> = [
    "abs", "avg", "char", "coalesce", "count", "date", "datetime", "group_concat", "hex", "ifnull", "iif",
    "instr", "julianday", "length", "like", "glob", "lower", "ltrim", "max", "min", "nullif", "printf",
    "format", "quote", "replace", "round", "rtrim", "strftime", "substr", "substring", "sum", "time",
    "total", "trim", "typeof", "unicode", "upper", "unixepoch", "likely", "unlikely", "sign", "ceil",
    "ceiling", "floor", "exp", "ln", "log", "log10", "log2", "pow", "power", "sqrt", "mod", "pi",
    "json", "json_extract", "json_array", "json_object", "json_type", "json_valid", "json_quote",
    "json_array_length", "json_group_array", "json_group_object", "json_each", "json_tree", "->", "->>",
    "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
    "first_value", "last_value", "nth_value", "zeroblob", "random",
  ]
  /// Eponymous virtual tables that may be read like tables.
  static let tableFunctions: Set<String> = ["json_each", "json_tree"]

  /// Tables of the file (and schema tables, eponymous modules): never readable directly.
  let forbidden: Set<String>
  /// For each view, the `table.column` reads its own definition makes.
  var viewReads: [String: Set<String>] = [:]
  /// Tables read by the views expanded so far in this statement (for `count(*)`).
  private var expanded: Set<String> = []
  /// Set while learning the views' reads: everything is allowed and recorded.
  private var learning: String?
  /// Why the statement was refused, worded for the user.
  private(set) var refusal: String?
  /// Whether `refusal` names the table, function or pragma at fault (preferred to the
  /// generic wording, which SQLite's own bookkeeping can trigger first).
  private var specific = false

  init(tables: [String], modules: [String]) {
    let system = [
      "sqlite_master", "sqlite_schema", "sqlite_temp_master", "sqlite_temp_schema", "sqlite_sequence",
    ]
    forbidden = Set(tables + system + modules.filter { !Self.tableFunctions.contains($0) })
      .subtracting(Self.views)
  }

  /// Installs the authorizer on a raw connection and learns what each view reads.
  func install(on db: OpaquePointer) {
    let me = Unmanaged.passUnretained(self).toOpaque()
    sqlite3_set_authorizer(
      db,
      { context, action, a, b, c, d in
        Unmanaged<ViewAuthorizer>.fromOpaque(context!).takeUnretainedValue()
          .authorize(
            action, a.map(String.init(cString:)), b.map(String.init(cString:)), d.map(String.init(cString:)))
      }, me)
    for view in Self.views {
      learning = view
      viewReads[view] = []
      var statement: OpaquePointer?
      sqlite3_prepare_v2(db, "SELECT * FROM \(view)", -1, &statement, nil)
      sqlite3_finalize(statement)
    }
    learning = nil
  }

  /// Forgets the last statement's state before compiling the next one.
  func reset() {
    expanded = []
    refusal = nil
    specific = false
  }

  func authorize(_ action: Int32, _ a: String?, _ b: String?, _ context: String?) -> Int32 {
    if let learning {
      if action == SQLITE_READ, context == learning, let a, let b { viewReads[learning]!.insert("\(a).\(b)") }
      return SQLITE_OK
    }
    switch action {
    case SQLITE_SELECT, SQLITE_RECURSIVE:
      if action == SQLITE_SELECT, let context, let reads = viewReads[context] {
        expanded.formUnion(reads.map { String($0.prefix { $0 != "." }) })
      }
      return SQLITE_OK
    case SQLITE_FUNCTION:
      let name = (b ?? "").lowercased()
      if Self.functions.contains(name) { return SQLITE_OK }
      return refuse("plugin SQL may not call the function \(name)()", specific: true)
    case SQLITE_READ:
      return read(table: a ?? "", column: b ?? "", context: context)
    case SQLITE_UPDATE where a == "sqlite_master":
      // SQLite's own bookkeeping when it first connects a virtual table; the connection is
      // read-only, so nothing is written, and the read that follows names the table.
      return SQLITE_OK
    case SQLITE_PRAGMA where a == "data_version" && b == nil:
      return SQLITE_OK  // a counter full-text tables read when they connect
    case SQLITE_PRAGMA:
      return refuse("plugin SQL may not run PRAGMA \(a ?? "")", specific: true)
    default:
      return refuse("plugin SQL is read-only and may only SELECT from the kg_*_v1 views")
    }
  }

  private func read(table: String, column: String, context: String?) -> Int32 {
    if Self.views.contains(table) { return SQLITE_OK }
    // SQLite's bookkeeping when it connects a virtual table (only row ids, never the schema text).
    if table == "sqlite_master", column == "ROWID" { return SQLITE_OK }
    // Anything else that is not a table of the file is a CTE or subquery of the statement.
    guard forbidden.contains(table) || table.hasPrefix("pragma_") else { return SQLITE_OK }
    if let context, viewReads[context]?.contains("\(table).\(column)") == true { return SQLITE_OK }
    // `count(*)` over a view reads the view's table with no column and no context.
    if column.isEmpty, context == nil, expanded.contains(table) { return SQLITE_OK }
    return refuse(
      "plugin SQL may read only the kg_*_v1 views; '\(table)' is internal to kgsh", specific: true)
  }

  private func refuse(_ why: String, specific: Bool = false) -> Int32 {
    if refusal == nil || (specific && !self.specific) {
      refusal = why
      self.specific = specific
    }
    return SQLITE_DENY
  }
}

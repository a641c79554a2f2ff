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

  init(tables: [String], modules: [String]) {
    let system = ["sqlite_master", "sqlite_schema", "sqlite_temp_master", "sqlite_temp_schema", "sqlite_sequence"]
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
          .authorize(action, a.map(String.init(cString:)), b.map(String.init(cString:)), d.map(String.init(cString:)))
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
      return refuse("plugin SQL may not call the function \(name)()")
    case SQLITE_READ:
      return read(table: a ?? "", column: b ?? "", context: context)
    case SQLITE_PRAGMA:
      return refuse("plugin SQL may not run PRAGMA \(a ?? "")")
    default:
      return refuse("plugin SQL is read-only and may only SELECT from the kg_*_v1 views")
    }
  }

  private func read(table: String, column: String, context: String?) -> Int32 {
    if Self.views.contains(table) { return SQLITE_OK }
    guard forbidden.contains(table) else { return SQLITE_OK }  // a CTE or subquery of the statement
    if let context, viewReads[context]?.contains("\(table).\(column)") == true { return SQLITE_OK }
    // `count(*)` over a view reads the view's table with no column and no context.
    if column.isEmpty, context == nil, expanded.contains(table) { return SQLITE_OK }
    return refuse("plugin SQL may read only the kg_*_v1 views; '\(table)' is internal to kgsh")
  }

  private func refuse(_ why: String) -> Int32 {
    if refusal == nil { refusal = why }
    return SQLITE_DENY
  }
}

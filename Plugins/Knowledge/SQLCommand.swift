import KnowledgeGraph
import ShellCore

/// `sql QUERY`: a read-only SQL statement against the store's tables.
struct SQLCommand: Command {
  static let query = Param<[String]>.arguments("query", .text, "one SELECT statement")

  let signature = Signature(
    "sql", summary: "Run a read-only SQL query (writes, ATTACH and extensions are refused)",
    parameters: [query.spec],
    help: """
      The views kg_entity_v1, kg_label_v1, kg_alias_v1, kg_fact_v1, kg_edge_v1 and kg_source_v1 \
      are the stable interface (entities by key, facts with their entity's key, labels as JSON); \
      kgsh's own tables (node, node_label, alias, edge, edge_type, fact, source, ...) may change. \
      As in sqlite3, sql .tables lists them with their columns and sql .schema [NAME] shows how \
      each is made. PRAGMA reads a setting or a table's columns (PRAGMA table_info(fact)); \
      setting one is refused.
      """,
    examples: [
      Example("sql select count(*) as n from node", "count the nodes"),
      Example(
        "sql select label, count(*) as n from node_label group by label order by n desc limit 3",
        "the three biggest labels"),
      Example(
        "sql select name || ' (' || key || ')' as entity from node where key = 'zhipu'",
        "|| joins text, as in SQL (two bars are never a pipe)", expect: "Zhipu AI (zhipu)"),
      Example("sql .tables", "the tables and views with their columns", expect: "kg_fact_v1"),
      Example("sql .schema kg_label_v1", "how a view is made", expect: "CREATE VIEW"),
    ],
    takesRawText: true)

  /// SQLite's words people type most, offered by Tab with the tables and their columns.
  static let keywords = [
    "SELECT", "FROM", "WHERE", "JOIN", "LEFT", "INNER", "ON", "USING", "AS", "AND", "OR", "NOT", "IN", "IS",
    "NULL", "LIKE", "GLOB", "BETWEEN", "EXISTS", "DISTINCT", "GROUP", "BY", "HAVING", "ORDER", "ASC", "DESC",
    "LIMIT", "OFFSET", "UNION", "ALL", "WITH", "RECURSIVE", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST",
    "PRAGMA", "count", "sum", "avg", "min", "max", "total", "group_concat", "length", "lower", "upper",
    "substr",
    "instr", "replace", "trim", "coalesce", "ifnull", "round", "printf", "json_extract", "date", "strftime",
  ]

  /// sqlite3's `.tables` and `.schema [NAME]`; other dot commands say what kgsh does instead.
  static func dotCommand(_ text: String, _ session: Session) throws -> Output {
    let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    let all = try session.store.sqlTables()
    switch words[0].lowercased() {
    case ".tables", ".table":
      // The stable views first.
      let ordered = all.filter { $0.type == "view" } + all.filter { $0.type != "view" }
      var table = Table(
        columns: ["name", "type", "columns"],
        rows: ordered.map { [.string($0.name), .string($0.type), .list($0.columns.map { .string($0) })] })
      table.notes = [
        "the kg_*_v1 views are the stable interface (docs/PLUGINS.md); the tables are kgsh's own and may change"
      ]
      return .table(table)
    case ".schema":
      let names = words.dropFirst().map { $0.lowercased() }
      let chosen = names.isEmpty ? all : all.filter { names.contains($0.name.lowercased()) }
      if let missing = names.first(where: { n in !all.contains { $0.name.lowercased() == n } }) {
        throw KgshError(
          .notFound, "sql: no table or view named '\(missing)'",
          hint: Names.suggestions(for: missing, among: all.map(\.name), limit: 1).first.map {
            "did you mean \($0)? sql .tables lists them"
          } ?? "sql .tables lists them")
      }
      return .table(
        Table(columns: ["name", "sql"], rows: chosen.map { [.string($0.name), .string($0.sql)] }))
    default:
      throw KgshError(
        .usage, "sql: \(words[0]) is a sqlite3 shell command, not SQL",
        hint:
          "sql knows .tables and .schema [NAME]; for output use --format csv|tsv|json|markdown, for files | save FILE"
      )
    }
  }

  func vocabulary(_ session: Session) -> [String] {
    let names =
      (try? session.store.readOnlyQuery(
        "select m.name, p.name from sqlite_master m join pragma_table_info(m.name) p "
          + "where m.type in ('table', 'view') order by m.name, p.cid"))?.rows ?? []
    var seen = Set<String>(), words: [String] = []
    for row in names {
      for case .string(let name) in row where seen.insert(name).inserted { words.append(name) }
    }
    return Self.keywords + words
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    // A raw-text command: the query is the text after `sql`, untokenised.
    let query = call.rawText.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !query.isEmpty else { throw KgshError.usage("sql: missing QUERY", signature) }
    if query.hasPrefix(".") { return try Self.dotCommand(query, session) }
    let (columns, rows) = try session.store.readOnlyQuery(query)
    var table = Table(columns: columns, rows: rows)
    if rows.isEmpty, let note = try Self.aliasNote(query, session) { table.notes.append(note) }
    return .table(table)
  }

  /// For an empty answer to `... FROM node WHERE name LIKE '%智%'` (or `= '智谱'`): the
  /// entity's other names are in the alias table, and the query that reads them, when some
  /// alias matches.
  static func aliasNote(_ query: String, _ session: Session) throws -> String? {
    // The operator is the one written after `name` (a `key LIKE` before it is another's).
    let pattern = /(?is)\bfrom\s+(?:node|kg_entity_v1)\b.*\bname\s*(like|=)\s*'((?:[^']|'')*)'/
    guard let match = query.firstMatch(of: pattern) else { return nil }
    let op = match.1.lowercased() == "like" ? "LIKE" : "="
    let literal = String(match.2)
    let quoted = "'" + literal + "'"
    let probe = "SELECT count(*) FROM alias WHERE alias \(op) \(quoted)"
    guard case .int(let n)? = try session.store.readOnlyQuery(probe).rows.first?.first, n > 0 else {
      return nil
    }
    return
      "no name \(op) \(quoted), but \(Int(n).counted("alias", plural: "aliases")) \(n == 1 ? "is" : "are") "
      + "(an entity's other names): SELECT n.name, a.alias FROM node n JOIN alias a ON a.node_id = n.id "
      + "WHERE a.alias \(op) \(quoted)"
  }
}

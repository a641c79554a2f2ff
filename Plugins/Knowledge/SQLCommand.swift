import KnowledgeGraph
import ShellCore

/// `sql QUERY`: a read-only SQL statement against the store's tables.
struct SQLCommand: Command {
  static let query = Param<[String]>.arguments("query", .text, "one SELECT statement")

  let signature = Signature(
    "sql", summary: "Run a read-only SQL query (writes, ATTACH and extensions are refused)",
    parameters: [query.spec],
    help:
      "Tables: node(id,key,name,description,props), node_label(label,node_id), alias(norm,node_id,alias), "
      + "edge(id,src,type,dst,...), edge_type(id,name), fact(id,key,node_id,predicate,value_type,value,...), source(id,key,...). "
      + "PRAGMA reads a setting or a table's columns (PRAGMA table_info(fact)); setting one is refused.",
    examples: [
      Example("sql select count(*) as n from node", "count the nodes"),
      Example(
        "sql select label, count(*) as n from node_label group by label order by n desc limit 3",
        "the three biggest labels"),
      Example(
        "sql select name || ' (' || key || ')' as entity from node where key = 'zhipu'",
        "|| joins text, as in SQL (two bars are never a pipe)", expect: "Zhipu AI (zhipu)"),
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
    let (columns, rows) = try session.store.readOnlyQuery(query)
    return .table(Table(columns: columns, rows: rows))
  }
}

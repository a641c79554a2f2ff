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

  func run(_ call: Call, _ session: Session) throws -> Output {
    // A raw-text command: the query is the text after `sql`, untokenised.
    let query = call.rawText.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !query.isEmpty else { throw KgshError.usage("sql: missing QUERY", signature) }
    let (columns, rows) = try session.store.readOnlyQuery(query)
    return .table(Table(columns: columns, rows: rows))
  }
}

import ShellCore

/// `sql QUERY`: a read-only SQL statement against the store's tables.
struct SQLCommand: Command {
  let signature = Signature(
    "sql", summary: "Run a read-only SQL query (writes, ATTACH and extensions are refused)",
    arguments: [Argument("query", "one SELECT statement", variadic: true)],
    help: "Tables: node(id,key,name,description,props), node_label(label,node_id), alias(norm,node_id,alias), "
      + "edge(id,src,type,dst,...), edge_type(id,name), fact(id,key,node_id,predicate,value_type,value,...), source(id,key,...).",
    examples: [Example("sql select count(*) as n from node", "count the nodes", expect: "n")],
    takesRawText: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let query = call.rawText.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !query.isEmpty else { throw ShellError.usage("sql: missing QUERY", signature) }
    let (columns, rows) = try session.store.readOnlyQuery(query)
    return .table(Table(columns: columns, rows: rows))
  }
}

import GraphQuery
import ShellCore

/// `match PATTERN [WHERE ...] RETURN ...`: a read-only Cypher query over the knowledge base.
struct MatchCommand: Command {
  let signature = Signature(
    "match",
    summary: "Run a Cypher MATCH query over the knowledge graph",
    parameters: [Cypher.query.spec],
    help: """
      Runs a Cypher query that starts with MATCH; the rest of the statement (several lines
      are fine) is the query, so `match (n) return n.name` runs MATCH (n) RETURN n.name.
      The result is a table with one column per RETURN item; it can be piped and formatted
      like any other table (--format is not available inside the query text: use `format`).

      \(Cypher.mapping)
      """,
    examples: [
      Example(
        "match (i)-[:INVESTS_IN]->(c:Company) where c.name = 'Zhipu AI' return i.name order by i.name",
        "Who invests in Zhipu AI", expect: "Meituan"),
      Example(
        "match (p:Person)-[:CEO_OF]->(c) return p.name, c.name order by c.name",
        "Chief executives and their companies", expect: "Zhipu AI"),
      Example(
        "match (c:Company)-[:LISTED_ON]->(x:Exchange) return c.name, x.name",
        "Listed companies and their exchanges", expect: "Hong Kong Stock Exchange"),
      Example(
        "match (l:Lab)-[:DEVELOPS]->(m:Model) return l.name, count(m) as models order by models desc limit 5",
        "Labs with the most models"),
      Example(
        "match p = shortestPath((a {name: 'Zhipu AI'})-[*..6]-(b {name: 'DeepSeek'})) "
          + "return [n in nodes(p) | n.name] as route, length(p) as hops",
        "How two entities are connected, by the fewest relationships", expect: "Six Little Tigers"),
    ],
    takesRawText: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    try Cypher.run("MATCH " + call.rawText, session)
  }

  func isComplete(_ text: String) -> Bool {
    Cypher.isBlank(text) || Cypher.isComplete("MATCH " + text)
  }

  /// `match ... create ...` writes; a plain MATCH does not (and runs under --read-only).
  func writes(_ call: Call) -> Bool {
    (try? QueryEngine.writes("MATCH " + call.rawText)) ?? false
  }
}

import ShellCore

extension CypherClauseCommand {
  /// `match PATTERN [WHERE ...] RETURN ...`: a Cypher query that starts with MATCH.
  static let match = CypherClauseCommand(
    "match", summary: "Run a Cypher MATCH query over the knowledge graph",
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
      Example(
        "match (l:Lab) where l.name in ['Zhipu AI', 'MiniMax'] call (l) { match (l)-[:DEVELOPS]->(m:Model) "
          + "where m.release_date is not null return distinct m.name as model, m.release_date as released "
          + "order by released desc limit 2 } return l.name, model, released",
        "The two latest models of each lab: a CALL { } subquery runs once per lab", expect: "MiniMax M3"),
    ])
}

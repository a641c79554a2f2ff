import ShellCore

extension CypherClauseCommand {
  /// `optional match PATTERN ... RETURN ...`: a MATCH that yields one row of nulls where the
  /// pattern has no match, instead of no row.
  static let optionalMatch = CypherClauseCommand(
    "optional", summary: "Run a Cypher query that starts with OPTIONAL MATCH (nulls where nothing matches)",
    about: "Where the pattern has no match, its variables are null instead of the row being dropped. ",
    examples: [
      Example(
        "optional match (c:Company {name: 'DeepSeek'})-[:LISTED_ON]->(x) return count(x) as listings",
        "DeepSeek is listed nowhere: a count of 0, not an empty table", expect: "0")
    ])
}

import ShellCore

extension CypherClauseCommand {
  /// `unwind LIST as x ...`: a Cypher query that starts from the items of a list.
  static let unwind = CypherClauseCommand(
    "unwind", summary: "Run a Cypher query that starts from the items of a list (UNWIND)",
    about: "Each item of the list becomes a row, e.g. names to look up one after another. ",
    examples: [
      Example(
        "unwind ['Zhipu AI', 'MiniMax'] as company "
          + "match (c {name: company})-[:LISTED_ON]->(x) return distinct company, x.name as exchange",
        "Where two companies are listed", expect: "Hong Kong Stock Exchange")
    ])
}

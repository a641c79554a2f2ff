import ShellCore

extension CypherClauseCommand {
  /// `with EXPRESSION as x ...`: a Cypher query that starts by naming values.
  static let with = CypherClauseCommand(
    "with", summary: "Run a Cypher query that starts by naming values (WITH)",
    about: "Useful to name a date or a threshold once and use it in the clauses that follow. ",
    examples: [
      Example(
        "with date('2025-07-01') as since match (m:Model) where m.release_date >= since "
          + "return m.name, m.release_date order by m.release_date, m.name limit 3",
        "The first models released from July 2025 on", expect: "Devstral Medium")
    ])
}

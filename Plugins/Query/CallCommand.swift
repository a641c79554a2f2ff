import ShellCore

extension CypherClauseCommand {
  /// `call PROCEDURE() yield ...`: a Cypher query that starts with a procedure.
  static let call = CypherClauseCommand(
    "call", summary: "Run a Cypher query that starts with a procedure (CALL db.labels() and others)",
    about: "The procedures are listed below, under Clauses. ",
    examples: [
      Example(
        "call db.relationshipTypes() yield relationshipType as type return type order by type limit 3",
        "The first relation types by name", expect: "BASED_IN")
    ])
}

import ShellCore

/// The Cypher commands: a query starts with its first keyword (`match`, `optional`, `unwind`,
/// `with`, `return`, `merge`, `call`, or `create` with its flags), or is given whole to
/// `explain` and `profile`.
public enum QueryPlugin {
  public static let plugin = Plugin(
    name: "query", version: "1.0.0",
    summary: "Cypher queries over the knowledge graph (match, create, explain, ...)",
    commands: [
      CypherClauseCommand.match, CypherClauseCommand.optionalMatch, CypherClauseCommand.unwind,
      CypherClauseCommand.with, CypherClauseCommand.return, CypherClauseCommand.merge,
      CypherClauseCommand.call,
      CreateCommand(), ExplainCommand(), ProfileCommand(),
    ])
}

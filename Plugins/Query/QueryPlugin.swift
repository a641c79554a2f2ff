import ShellCore

/// The Cypher commands: `match`, `create` and `explain`.
public enum QueryPlugin {
  public static let plugin = Plugin(
    name: "query", version: "1.0.0",
    summary: "Cypher queries over the knowledge graph (match, create, explain)",
    commands: [MatchCommand(), CreateCommand(), ExplainCommand()])
}

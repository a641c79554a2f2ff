import ShellCore

/// The Cypher commands: `match`, `create`, `explain` and `profile`.
public enum QueryPlugin {
  public static let plugin = Plugin(
    name: "query", version: "1.0.0",
    summary: "Cypher queries over the knowledge graph (match, create, explain)",
    commands: [MatchCommand(), CreateCommand(), ExplainCommand(), ProfileCommand()])
}

// Placeholder: the query commands land from the query-plugin branch.
import ShellCore
public enum QueryPlugin { public static let plugin = Plugin(name: "query", summary: "Cypher-style queries", commands: []) }

import KnowledgeGraph
import ShellCore

/// One kgsh command served as an MCP tool: its name on the wire, the command it runs, and
/// the JSON Schema of its arguments, all derived from the command's contract (`Signature`).
public struct ToolDefinition: Sendable {
  /// The tool's name: the command's words joined by `_` (`fact add` -> `fact_add`).
  public let name: String
  /// The kgsh command it runs.
  public let command: String
  public let description: String
  /// The JSON Schema of the arguments (an object schema).
  public let inputSchema: Value
  /// Whether the command may change the knowledge base (only served with --allow-writes).
  public let writes: Bool
}

/// Which commands `kgsh mcp` serves and how their contracts become tool definitions.
///
/// ```swift
/// let tools = ToolCatalog.tools(session.registry, allowWrites: false)
/// tools.first { $0.name == "show" }?.inputSchema  // {"type": "object", "properties": {"entity": ...}}
/// ```
public enum ToolCatalog {
  /// The reading commands, served always.
  static let readCommands = [
    "find", "show", "list", "facts", "cite", "sources", "timeline", "labels", "relations", "stats",
    "neighbors",
    "path", "common", "degree", "rank", "match", "prices", "compare", "cost", "check-claim", "fx",
    "fx convert",
  ]
  /// The authoring commands, served with `--allow-writes` only.
  static let writeCommands = [
    "source add", "entity add", "entity correct", "entity retract", "alias add", "fact add", "fact correct",
    "fact retract", "link", "unlink", "create",
  ]
  /// The reading Cypher commands a `match` call may start with instead of MATCH (each is a
  /// shell command of its own; over MCP the one `match` tool runs them all).
  static let readingClauses: Set<String> = ["optional", "unwind", "with", "return", "call"]
  /// The clauses that start a Cypher statement that writes.
  static let writingClauses: Set<String> = ["create", "merge", "delete", "detach", "set", "remove"]
  /// Parameters never offered over MCP: an assistant's writes always name a source.
  static let hiddenParameters: Set<String> = ["unsourced"]
  /// The argument every tool takes to bound its result.
  public static let rowsArgument = "max_rows"
  public static let defaultRows = 50
  public static let maximumRows = 1000
  /// The argument of the commands that take a query as raw text (`match`, `create`).
  static let queryArgument = "query"
  /// The tool that describes the knowledge base's vocabulary (see `SchemaSummary`).
  public static let schemaTool = "schema"

  /// The tools for the commands registered in `registry`, reads first.
  public static func tools(_ registry: CommandRegistry, allowWrites: Bool) -> [ToolDefinition] {
    let names = readCommands + (allowWrites ? writeCommands : [])
    return names.compactMap { registry.command($0) }.map { definition($0.signature) }
  }

  /// The wire name of a command: `fact add` -> `fact_add`.
  public static func toolName(_ command: String) -> String {
    command.replacingOccurrences(of: " ", with: "_")
  }

  /// The tool definition of one command contract.
  static func definition(_ signature: Signature) -> ToolDefinition {
    var description = signature.summary + "."
    if !signature.help.isEmpty { description += "\n\n" + signature.help }
    if signature.takesRawText {
      description += "\n\nPass the query text in `query` (the words after the command, as in the shell)."
    }
    if signature.name == "match" {
      description +=
        " The query may also be a whole statement that starts with MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN or CALL."
    }
    if let example = signature.examples.first {
      description += "\n\nShell example: \(example.command)"
    }
    return ToolDefinition(
      name: toolName(signature.name), command: signature.name, description: description,
      inputSchema: inputSchema(signature), writes: signature.writes)
  }

  /// The command's JSON Schema, with what MCP adds and leaves out: a raw-text command takes
  /// one `query` string, hidden parameters are dropped, and every tool takes `max_rows`.
  static func inputSchema(_ signature: Signature) -> Value {
    guard case .map(var object) = signature.jsonSchema, case .map(var properties)? = object["properties"]
    else { return signature.jsonSchema }
    var required =
      object["required"].flatMap { value -> [Value]? in
        if case .list(let items) = value { return items }
        return nil
      } ?? []
    for name in hiddenParameters { properties[name] = nil }
    required.removeAll { hiddenParameters.contains($0.plainText) }
    if signature.takesRawText {
      properties = [
        queryArgument: .map([
          "type": .string("string"),
          "description": .string(
            "the \(signature.name) statement without its first word, e.g. '(n:Lab) return n.name'"),
        ])
      ]
      required = [.string(queryArgument)]
    }
    properties[rowsArgument] = rowsProperty(
      "at most this many rows per table in the answer; a longer result is cut and says so")
    object["properties"] = .map(properties)
    object["required"] = required.isEmpty ? nil : .list(required)
    return .map(object)
  }

  /// The schema tool's definition.
  static var schemaDefinition: ToolDefinition {
    ToolDefinition(
      name: schemaTool, command: schemaTool,
      description: """
        The vocabulary of the knowledge base with counts: entity labels, relation types, fact \
        predicates and sources. Read it first to know what find, list, facts and match can ask for. \
        The same document is the resource kgsh://schema.
        """,
      inputSchema: .map([
        "type": .string("object"), "additionalProperties": .bool(false),
        "properties": .map([
          rowsArgument: rowsProperty("at most this many sources (the most used first); the rest are counted")
        ]),
      ]), writes: false)
  }

  /// The `max_rows` argument every tool takes.
  static func rowsProperty(_ description: String) -> Value {
    .map([
      "type": .string("integer"), "minimum": .int(1), "maximum": .int(Int64(maximumRows)),
      "default": .int(Int64(defaultRows)), "description": .string(description),
    ])
  }
}

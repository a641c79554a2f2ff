import Foundation
import KnowledgeGraph
import PluginProtocol
import ShellCore

/// What `plugin add --mcp` records about an MCP server, beside the commands' signatures:
/// the program's arguments and, per command, the tool it calls and the JSON type of each flag.
public struct MCPServerRecord: Codable, Sendable, Equatable {
  public var arguments: [String]
  public var tools: [MCPToolRecord]
}

/// One tool of an MCP server as a kgsh command (`demo rows` calls the tool `rows`).
public struct MCPToolRecord: Codable, Sendable, Equatable {
  public var command: String
  public var tool: String
  public var arguments: [MCPArgumentRecord]
}

/// A property of a tool's input schema as a flag: `--max-rows` sends `max_rows`.
public struct MCPArgumentRecord: Codable, Sendable, Equatable {
  public var flag: String
  public var property: String
  /// The JSON Schema type: string, integer, number, boolean, array or object.
  public var type: String
  /// For arrays: the items' type.
  public var items: String?
  public var required: Bool
}

/// MCP tools as kgsh commands, and their results as kgsh outputs.
enum MCPToolMapping {
  /// The command signature and call record of a tool listed by server `plugin`.
  static func command(_ tool: [String: Value], plugin: String) -> (WireSignature, MCPToolRecord)? {
    guard let toolName = tool["name"]?.plainText, !toolName.isEmpty else { return nil }
    let name = plugin + " " + word(toolName)
    let description = (tool["description"]?.plainText ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    var schema: [String: Value] = [:]
    if case .map(let s)? = tool["inputSchema"] { schema = s }
    var properties: [String: Value] = [:]
    if case .map(let p)? = schema["properties"] { properties = p }
    var required = Set<String>()
    if case .list(let r)? = schema["required"] { required = Set(r.map(\.plainText)) }
    var flags: [WireFlag] = []
    var arguments: [MCPArgumentRecord] = []
    for property in properties.keys.sorted(by: {
      (required.contains($0) ? 0 : 1, $0) < (required.contains($1) ? 0 : 1, $1)
    }) {
      guard case .map(let spec)? = properties[property] else { continue }
      let argument = MCPArgumentRecord(
        flag: word(property), property: property, type: type(spec), items: itemType(spec),
        required: required.contains(property))
      arguments.append(argument)
      flags.append(flag(argument, spec))
    }
    let summary = description.split(separator: "\n").first.map(String.init) ?? "MCP tool \(toolName)"
    let signature = WireSignature(
      name, summary: String(summary.prefix(120)), flags: flags,
      help: description + (description.isEmpty ? "" : "\n\n")
        + "The tool \(toolName) of the MCP server \(plugin).")
    return (signature, MCPToolRecord(command: name, tool: toolName, arguments: arguments))
  }

  /// A name as a kgsh word: letters, digits, - and _ (anything else becomes -).
  static func word(_ text: String) -> String {
    String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
  }

  static func type(_ spec: [String: Value]) -> String {
    if case .list? = spec["enum"] { return "string" }
    if let t = spec["type"]?.plainText,
      ["string", "integer", "number", "boolean", "array", "object"].contains(t)
    {
      return t
    }
    // `anyOf: [{type: X}, {type: null}]` (an optional X in Python) is an X.
    if case .list(let options)? = spec["anyOf"] {
      for case .map(let option) in options where option["type"]?.plainText != "null" { return type(option) }
    }
    return "string"
  }

  static func itemType(_ spec: [String: Value]) -> String? {
    guard type(spec) == "array" else { return nil }
    if case .map(let items)? = spec["items"] { return type(items) }
    return "string"
  }

  /// The flag of one property: typed as the shell can check it, help from its description.
  static func flag(_ argument: MCPArgumentRecord, _ spec: [String: Value]) -> WireFlag {
    var help = spec["description"]?.plainText ?? spec["title"]?.plainText ?? argument.property
    switch argument.type {
    case "number": help += " (a number)"
    case "array": help += " (comma-separated, or a JSON array)"
    case "object": help += " (a JSON object)"
    default: break
    }
    if argument.required { help += " (required)" }
    let defaultText = spec["default"].flatMap { $0.isNull ? nil : $0.plainText }
    if case .list(let values)? = spec["enum"] {
      return WireFlag(
        argument.flag, help, kind: "choice", choices: values.map(\.plainText), default: defaultText)
    }
    let kind = ["integer": "int", "boolean": "bool"][argument.type] ?? "string"
    return WireFlag(argument.flag, help, kind: kind, default: kind == "bool" ? nil : defaultText)
  }

  /// The tool arguments of a bound call: each given flag as its property's JSON type.
  /// - Throws: `KgshError` for a missing required flag or a value of the wrong form.
  static func arguments(_ call: Call, _ record: MCPToolRecord, usage: String) throws -> [String: Value] {
    var out: [String: Value] = [:]
    for argument in record.arguments {
      guard let given = call.values[argument.flag], !given.isNull else {
        if argument.required {
          throw KgshError(
            .usage, "\(record.command): --\(argument.flag) is required", hint: "usage: \(usage)")
        }
        continue
      }
      out[argument.property] = try json(given, argument, command: record.command)
    }
    return out
  }

  static func json(_ value: Value, _ argument: MCPArgumentRecord, command: String) throws -> Value {
    let text = value.plainText
    func bad(_ expected: String) -> KgshError {
      .invalidValue(command, "--\(argument.flag)", expected: expected, got: text, hint: nil, suggestions: [])
    }
    switch argument.type {
    case "integer", "boolean": return value
    case "number":
      guard let d = Double(text), d.isFinite else { throw bad("a number") }
      return .double(d)
    case "object":
      guard case .map? = try? JSON.decode(text) else { throw bad("a JSON object") }
      return try JSON.decode(text)
    case "array":
      if text.hasPrefix("["), case .list(let items)? = try? JSON.decode(text) { return .list(items) }
      let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      return .list(
        try items.map { item in
          switch argument.items {
          case "integer":
            guard let n = Int64(item) else { throw bad("whole numbers separated by commas") }
            return .int(n)
          case "number":
            guard let d = Double(item) else { throw bad("numbers separated by commas") }
            return .double(d)
          default: return .string(item)
          }
        })
    default: return .string(text)
    }
  }
}

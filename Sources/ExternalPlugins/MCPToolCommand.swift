import Foundation
import KnowledgeGraph
import PluginProtocol
import ShellCore

/// A tool of an MCP server added with `plugin add --mcp`, as a kgsh command: typed flags from
/// its input schema, help from its description, its structured result as a table or record.
struct MCPToolCommand: Command {
  let plugin: String
  let record: MCPToolRecord
  let signature: Signature

  init(plugin: String, wire: WireSignature, record: MCPToolRecord) {
    self.plugin = plugin
    self.record = record
    self.signature = SignatureMapping.signature(wire)
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    let host = try PluginHost.required(session)
    let arguments = try MCPToolMapping.arguments(call, record, usage: signature.usage)
    let (result, raw) = try host.callMCP(plugin: plugin, tool: record.tool, arguments, session: session)
    return try MCPResult.output(result, raw: raw, command: record.command)
  }
}

/// A `tools/call` result as a kgsh output.
enum MCPResult {
  /// - Throws: `KgshError` with the tool's own message when the result is an error.
  static func output(_ result: [String: Value], raw: String, command: String) throws -> Output {
    let text = texts(result["content"])
    if case .bool(true)? = result["isError"] {
      let line = text.split(separator: "\n").first.map(String.init) ?? "the tool failed"
      throw KgshError(.plugin, "\(command): \(line)")
    }
    if case .map(let structured)? = result["structuredContent"] {
      return shape(structured, raw: raw)
    }
    // Unstructured content that is JSON (a dict returned without an output schema).
    switch try? JSON.decode(text) {
    case .list(let items)?: return shape(["result": .list(items)], raw: text)
    case .map(let object)?: return shape(object, raw: text)
    default: break
    }
    return text.isEmpty ? .empty : .message(text)
  }

  /// An object whose one member is a list of objects is a table (FastMCP's `{"result": [...]}`),
  /// `{"result": scalar}` a message, any other object a record. Columns and fields keep the
  /// order the server wrote them in.
  static func shape(_ object: [String: Value], raw: String) -> Output {
    if object.count == 1, let first = object.first {
      let (key, value) = (first.key, first.value)
      let rows = rowObjects(value)
      switch value {
      case .list(let items) where rows.count == items.count && !items.isEmpty:
        let columns = ordered(Set(rows.flatMap(\.keys)), in: raw)
        return .table(Table(columns: columns, rows: rows.map { row in columns.map { row[$0] ?? .null } }))
      case .list(let items):
        return .table(Table(columns: [key], rows: items.map { [$0] }))
      case .map(let inner): return shape(inner, raw: raw)
      default:
        if key == "result" { return .message(value.plainText) }
      }
    }
    return .record(ordered(Set(object.keys), in: raw).map { ($0, object[$0] ?? .null) })
  }

  /// The members of a list whose items are all objects.
  static func rowObjects(_ value: Value) -> [[String: Value]] {
    guard case .list(let items) = value else { return [] }
    return items.compactMap { item -> [String: Value]? in
      if case .map(let row) = item { return row }
      return nil
    }
  }

  /// Keys in the order they first appear as `"key":` in the raw message (then by name).
  static func ordered(_ keys: Set<String>, in raw: String) -> [String] {
    func position(_ key: String) -> Int {
      guard let range = raw.range(of: "\"\(key)\":") ?? raw.range(of: "\"\(key)\" :") else { return Int.max }
      return raw.distance(from: raw.startIndex, to: range.lowerBound)
    }
    return keys.map { ($0, position($0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
  }

  /// The text blocks of a result's content, joined.
  static func texts(_ content: Value?) -> String {
    guard case .list(let blocks)? = content else { return "" }
    return blocks.compactMap { block -> String? in
      guard case .map(let b) = block, b["type"]?.plainText == "text" else { return nil }
      return b["text"]?.plainText
    }.joinedText("\n")
  }
}

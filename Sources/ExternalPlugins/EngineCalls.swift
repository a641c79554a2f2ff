import GraphQuery
import KnowledgeGraph
import PluginProtocol
import ShellCore

/// Answers a plugin's calls back into kgsh while one of its commands runs: resolve a name,
/// run a read-only SQL query or Cypher MATCH, and (only with the `write` feature and
/// without --read-only) a Cypher CREATE.
struct EngineCalls {
  let plugin: String
  let features: [String]
  let session: Session

  /// The reply to one `call` message; failures become a reply with `error`, never a throw.
  func answer(_ call: WireMessage) -> WireMessage {
    let id = call.id ?? 0
    do {
      return .reply(id: id, result: try result(call))
    } catch {
      return .reply(id: id, error: ShellError.describe(error))
    }
  }

  private func result(_ call: WireMessage) throws -> WireValue {
    switch call.call ?? "" {
    case "resolve":
      let node = try session.resolve(try required(call.name, "name", of: "resolve"))
      return .object([
        "$type": "entity", "key": .string(node.key), "name": .string(node.name),
        "labels": .array(node.labels.map { .string($0) }),
        "description": node.description.map { .string($0) } ?? .null,
      ])
    case "query":
      let (columns, rows) = try session.store.readOnlyQuery(
        try required(call.sql, "sql", of: "query"), maxRows: 100_000)
      return table(columns, rows)
    case "match":
      let text = try required(call.cypher, "cypher", of: "match")
      if try QueryEngine.writes(text) {
        throw ShellError(
          "match is read-only; this query writes", hint: "use the create call (needs the write feature)")
      }
      return try cypher(text)
    case "create":
      guard features.contains(Feature.write) else {
        throw ShellError(
          "plugin \(plugin) did not declare the write feature; the knowledge base is read-only to it")
      }
      guard !session.store.isReadOnly else {
        throw ShellError("the knowledge base is open read-only (kgsh --read-only)")
      }
      // The write feature is this plugin's declaration: its commands may write.
      return try session.store.allowingWrites {
        try cypher(try required(call.cypher, "cypher", of: "create"))
      }
    default:
      throw ShellError(
        "unknown call '\(call.call ?? "")'", hint: "kgsh answers resolve, query, match and create")
    }
  }

  private func required(_ value: String?, _ field: String, of call: String) throws -> String {
    guard let value, !value.isEmpty else { throw ShellError("the \(call) call needs a '\(field)' field") }
    return value
  }

  private func cypher(_ text: String) throws -> WireValue {
    let result: QueryResult
    do {
      result = try QueryEngine(store: session.store).run(text)
    } catch let error as QueryError {
      throw ShellError("query error: \(error)")
    }
    return table(result.columns, result.rows.map { $0.map(\.value) })
  }

  private func table(_ columns: [String], _ rows: [[Value]]) -> WireValue {
    .object([
      "columns": .array(columns.map { .string($0) }),
      "rows": .array(rows.map { .array($0.map(WireMapping.wire)) }),
    ])
  }
}

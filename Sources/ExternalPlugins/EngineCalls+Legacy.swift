import GraphQuery
import KnowledgeGraph
import PluginProtocol
import ShellCore

/// The calls of protocol 1.0, kept for plugins that say `"protocol": "1.0"`: `resolve`
/// (the entity or an error), `query` (read-only SQL over any table), `match` and `create`
/// (Cypher), each with its request in a flat field (`name`, `sql`, `cypher`).
///
/// SQL over kgsh's internal tables is deprecated: the first such call of each plugin in a
/// session prints one warning pointing to protocol 1.1 and the `kg_*_v1` views.
extension EngineCalls {
  func legacyResult(_ call: WireMessage) throws -> WireValue {
    switch call.call ?? "" {
    case "resolve":
      let node = try session.resolve(try required(call.name, "name", of: "resolve"))
      return .object([
        "$type": "entity", "key": .string(node.key), "name": .string(node.name),
        "labels": .array(node.labels.map { .string($0) }),
        "description": node.description.map { .string($0) } ?? .null,
      ])
    case "query":
      warnOnce()
      let (columns, rows) = try session.store.readOnlyQuery(
        try required(call.sql, "sql", of: "query"), maxRows: 100_000)
      return table(columns, rows)
    case "match":
      let text = try required(call.cypher, "cypher", of: "match")
      if try QueryEngine.writes(text) {
        throw KgshError(
          .readOnly, "match is read-only; this query writes",
          hint: "use the create call (needs the write feature)")
      }
      let result = try cypher(text)
      return table(result.columns, result.rows.map { $0.map(\.value) })
    case "create":
      try checkWrite()
      // The write feature is this plugin's declaration: its commands may write.
      let result = try session.store.allowingWrites {
        try cypher(try required(call.cypher, "cypher", of: "create"))
      }
      return table(result.columns, result.rows.map { $0.map(\.value) })
    default:
      throw KgshError(
        .usage, "unknown call '\(call.call ?? "")'", hint: "kgsh answers resolve, query, match and create")
    }
  }

  func required(_ value: String?, _ field: String, of call: String) throws -> String {
    guard let value, !value.isEmpty else {
      throw KgshError(.usage, "the \(call) call needs a '\(field)' field")
    }
    return value
  }

  private func table(_ columns: [String], _ rows: [[Value]]) -> WireValue {
    .object([
      "columns": .array(columns.map { .string($0) }),
      "rows": .array(rows.map { .array($0.map(WireMapping.wire)) }),
    ])
  }

  /// One deprecation warning per plugin and session, on the session's error output.
  private func warnOnce() {
    let key = "external-plugins.deprecation-warned"
    var warned = session.extensions[key] as? Set<String> ?? []
    guard warned.insert(plugin).inserted else { return }
    session.extensions[key] = warned
    session.err.write(
      "warning: plugin \(plugin) speaks plugin protocol 1.0 and reads kgsh's internal tables with SQL, "
        + "which is deprecated; its author should move to protocol 1.1 (typed calls, kg_*_v1 views; docs/PLUGINS.md)\n"
    )
  }
}

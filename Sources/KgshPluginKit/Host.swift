import Foundation
import PluginProtocol

/// kgsh, seen from a running command: engine calls answered while the command runs.
public protocol Engine {
  /// Resolves a name (any script, alias or key) to one entity.
  /// - Throws: `CommandError` with kgsh's message (unknown or ambiguous name).
  func resolve(_ name: String) throws -> Entity
  /// Runs one read-only SQL statement against the knowledge base's tables.
  func query(_ sql: String) throws -> Rows
  /// Runs a read-only Cypher query (MATCH ... RETURN ...).
  func match(_ cypher: String) throws -> Rows
}

/// An entity of the knowledge graph.
public struct Entity: Sendable, Equatable {
  public var key: String
  public var name: String
  public var labels: [String]
  public var description: String?

  /// The entity as a table cell that kgsh renders as its name and JSON as its key.
  public var value: WireValue { .object(["$type": "entity", "key": .string(key), "name": .string(name)]) }
}

/// The columns and rows of a query result.
public struct Rows: Sendable, Equatable {
  public var columns: [String]
  public var rows: [[WireValue]]

  /// The value of a named column in one row.
  public func value(_ row: [WireValue], _ column: String) -> WireValue? {
    columns.firstIndex(of: column).flatMap { $0 < row.count ? row[$0] : nil }
  }
}

/// The host over the plugin's stdin and stdout: each call is a `call` message, answered by
/// a `reply` with the same id.
final class StdioEngine: Engine {
  let channel: Channel
  private var nextID = 1_000_000

  init(channel: Channel) { self.channel = channel }

  func resolve(_ name: String) throws -> Entity {
    var m = WireMessage(type: "call")
    m.call = "resolve"
    m.name = name
    let r = try ask(m)
    var labels: [String] = []
    if case .array(let items)? = r["labels"] { labels = items.compactMap(\.string) }
    return Entity(
      key: r["key"]?.string ?? "", name: r["name"]?.string ?? "", labels: labels,
      description: r["description"]?.string)
  }

  func query(_ sql: String) throws -> Rows {
    var m = WireMessage(type: "call")
    m.call = "query"
    m.sql = sql
    return rows(try ask(m))
  }

  func match(_ cypher: String) throws -> Rows {
    var m = WireMessage(type: "call")
    m.call = "match"
    m.cypher = cypher
    return rows(try ask(m))
  }

  private func rows(_ value: WireValue) -> Rows {
    var columns: [String] = []
    var rows: [[WireValue]] = []
    if case .array(let c)? = value["columns"] { columns = c.compactMap(\.string) }
    if case .array(let r)? = value["rows"] {
      rows = r.map { if case .array(let cells) = $0 { return cells } else { return [] } }
    }
    return Rows(columns: columns, rows: rows)
  }

  private func ask(_ message: WireMessage) throws -> WireValue {
    var message = message
    message.id = nextID
    nextID += 1
    try channel.send(message)
    while let reply = try channel.receive() {
      guard reply.type == "reply", reply.id == message.id else { continue }
      if let error = reply.error { throw CommandError(error) }
      return reply.result ?? .null
    }
    throw CommandError("kgsh closed the connection")
  }
}

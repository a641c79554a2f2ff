import Foundation
import PluginProtocol

/// kgsh, seen from a running command: typed engine calls answered while the command runs.
///
/// ```swift
/// let zhipu = try kgsh.resolve("智谱")
/// let rounds = try kgsh.facts(zhipu.key, predicate: "valuation", since: "2025")
/// let rows = try kgsh.query("SELECT src FROM kg_edge_v1 WHERE dst = ? AND type = ?", zhipu.key, "INVESTS_IN")
/// ```
public protocol Engine {
  /// Sends one typed call and returns kgsh's response.
  /// - Throws: `CommandError` with kgsh's one-line message (and hint) when the call fails.
  func call<R: EngineRequest>(_ request: R) throws -> R.Response
}

/// An entity of the knowledge graph (`.value` is its table cell).
public typealias Entity = WireEntity
/// The columns and rows of a query result.
public typealias Rows = RowsResponse

extension Engine {
  /// Resolves a name (any script, alias or key) to one entity.
  /// - Throws: `CommandError` with kgsh's wording for an unknown or ambiguous name.
  public func resolve(_ name: String) throws -> Entity {
    let r = try lookup(name)
    switch r.status {
    case .found:
      if let entity = r.entity { return entity }
    case .ambiguous:
      let list = (r.candidates ?? []).prefix(6).map { "\($0.name) (\($0.key))" }.joined(separator: ", ")
      throw CommandError("'\(name)' is ambiguous: \(list)", hint: "use one of the keys in parentheses")
    case .unknown:
      break
    }
    let near = r.suggestions ?? []
    throw CommandError(
      "no entity named '\(name)'",
      hint: near.first.map { "did you mean '\($0)'?" }
        ?? "try find \(name.contains(" ") ? "\"\(name)\"" : name)")
  }

  /// What a name resolves to: one entity, the candidates of an ambiguous name, or suggestions.
  public func lookup(_ name: String) throws -> ResolveResponse { try call(ResolveRequest(name: name)) }

  /// An entity's card: names, labels, facts, relations and sources.
  public func card(_ entity: String) throws -> CardResponse { try call(CardRequest(entity: entity)) }

  /// An entity's facts, optionally of one predicate and as of `since` or later.
  public func facts(_ entity: String, predicate: String? = nil, since: String? = nil) throws -> [WireFact] {
    try call(FactsRequest(entity: entity, predicate: predicate, since: since)).facts
  }

  /// Entities within `depth` hops, nearest first.
  public func neighbors(
    _ entity: String, direction: WireDirection = .both, types: [String] = [], depth: Int = 1,
    limit: Int = 100,
    label: String? = nil
  ) throws -> NeighborsResponse {
    try call(
      NeighborsRequest(
        entity: entity, direction: direction, types: types.isEmpty ? nil : types, depth: depth, limit: limit,
        label: label))
  }

  /// A shortest path between two entities, or nil when there is none within `maxLength` hops.
  public func path(
    from: String, to: String, direction: WireDirection = .both, types: [String] = [], maxLength: Int = 6
  ) throws -> WirePath? {
    try call(
      PathRequest(
        from: from, to: to, direction: direction, types: types.isEmpty ? nil : types, maxLength: maxLength)
    ).path
  }

  /// Runs a read-only Cypher query; `$name` parameters come from `parameters`.
  public func match(_ cypher: String, parameters: [String: WireValue] = [:]) throws -> Rows {
    try call(MatchRequest(cypher: cypher, parameters: parameters.isEmpty ? nil : parameters))
  }

  /// Runs one read-only SQL statement over the `kg_*_v1` views, binding `params` to its `?`s.
  public func query(_ sql: String, _ params: WireValue...) throws -> Rows { try query(sql, params: params) }

  /// Runs one read-only SQL statement over the `kg_*_v1` views, binding `params` to its `?`s.
  public func query(_ sql: String, params: [WireValue]) throws -> Rows {
    try call(QueryRequest(sql: sql, params: params.isEmpty ? nil : params))
  }

  /// Runs a Cypher CREATE (the plugin must declare `Feature.write`).
  public func create(_ cypher: String, parameters: [String: WireValue] = [:]) throws -> CreateResponse {
    try call(CreateRequest(cypher: cypher, parameters: parameters.isEmpty ? nil : parameters))
  }
}

/// The engine over the wire: each call is a `call` message answered by a `reply` with the
/// same id, through `transport` (stdin and stdout in a plugin, a function in tests).
final class WireEngine: Engine {
  /// The protocol version kgsh said it speaks.
  let host: ProtocolVersion
  private let transport: (WireMessage) throws -> WireMessage
  private var nextID = 1_000_000

  init(host: ProtocolVersion, transport: @escaping (WireMessage) throws -> WireMessage) {
    self.host = host
    self.transport = transport
  }

  /// The engine on the plugin's stdin and stdout.
  convenience init(channel: Channel, host: ProtocolVersion) {
    self.init(host: host) { message in
      try channel.send(message)
      while let reply = try channel.receive() {
        if reply.type == "reply", reply.id == message.id { return reply }
      }
      throw CommandError("kgsh closed the connection")
    }
  }

  func call<R: EngineRequest>(_ request: R) throws -> R.Response {
    guard host >= .typedCalls else {
      throw CommandError(
        "this kgsh speaks plugin protocol \(host); the \(R.call) call needs \(ProtocolVersion.typedCalls) or later",
        hint: "upgrade kgsh")
    }
    let id = nextID
    nextID += 1
    let reply = try transport(try .call(request, id: id))
    if let error = reply.error { throw CommandError(error, hint: reply.hint) }
    do {
      return try (reply.result ?? .null).decode(R.Response.self)
    } catch {
      throw CommandError(
        "kgsh answered the \(R.call) call in a form this plugin cannot read",
        hint: "rebuild the plugin with the KgshPluginKit of this kgsh")
    }
  }
}

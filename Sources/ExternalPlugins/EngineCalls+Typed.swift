import GraphQuery
import KnowledgeGraph
import PluginProtocol
import ShellCore

/// The typed calls of protocol 1.1: each decodes its request from `args` and answers with
/// its response type (see `EngineRequest` in PluginProtocol and docs/PLUGINS.md).
extension EngineCalls {
  func typedResult(_ call: WireMessage) throws -> WireValue {
    switch call.call ?? "" {
    case ResolveRequest.call: return try encode(resolve(try request(call)))
    case CardRequest.call: return try encode(card(try request(call)))
    case FactsRequest.call: return try encode(facts(try request(call)))
    case NeighborsRequest.call: return try encode(neighbors(try request(call)))
    case PathRequest.call: return try encode(path(try request(call)))
    case MatchRequest.call: return try encode(match(try request(call)))
    case QueryRequest.call: return try encode(query(try request(call)))
    case CreateRequest.call: return try encode(create(try request(call)))
    default:
      throw KgshError(
        .usage, "unknown call '\(call.call ?? "")'",
        hint: "kgsh answers resolve, card, facts, neighbors, path, match, query and create")
    }
  }

  func resolve(_ r: ResolveRequest) throws -> ResolveResponse {
    switch try session.store.resolve(r.name) {
    case .found(let node): return ResolveResponse(status: .found, entity: RecordMapping.entity(node))
    case .ambiguous(let nodes):
      return ResolveResponse(status: .ambiguous, candidates: nodes.map { RecordMapping.entity($0) })
    case .notFound(let suggestions): return ResolveResponse(status: .unknown, suggestions: suggestions)
    }
  }

  func card(_ r: CardRequest) throws -> CardResponse {
    let node = try session.resolve(r.entity)
    let store = session.store
    let (outgoing, incoming) = try store.edges(of: node.id)
    return CardResponse(
      entity: RecordMapping.entity(node), names: try store.aliases(of: node.id),
      props: node.props.mapValues(WireMapping.wire),
      facts: try store.facts(of: node.id).map { RecordMapping.fact($0, entity: node.key) },
      relations: outgoing.map { RecordMapping.relation($0.0, other: $0.1, direction: .out) }
        + incoming.map { RecordMapping.relation($0.0, other: $0.1, direction: .in) },
      sources: try store.sources(of: node.id).map { RecordMapping.source($0.source, citations: $0.citations) }
    )
  }

  func facts(_ r: FactsRequest) throws -> FactsResponse {
    let node = try session.resolve(r.entity)
    var facts = try session.store.facts(of: node.id, predicate: r.predicate)
    if let since = r.since { facts = facts.filter { ($0.provenance.asOf ?? "") >= since } }
    return FactsResponse(
      entity: RecordMapping.entity(node), facts: facts.map { RecordMapping.fact($0, entity: node.key) })
  }

  func neighbors(_ r: NeighborsRequest) throws -> NeighborsResponse {
    let node = try session.resolve(r.entity)
    let depth = try bounded(r.depth ?? 1, "depth", 1...10, of: "neighbors")
    let limit = try bounded(r.limit ?? 100, "limit", 0...100_000, of: "neighbors")
    let graph = try PluginGraph(session.store)
    var reached = try graph.bfs(
      from: try graph.index(node), depth: depth, types: try graph.types(r.types),
      direction: r.direction ?? .both)
    var names = try graph.nodes(reached.map(\.node) + reached.map(\.parent))
    if let label = r.label { reached = reached.filter { names[$0.node]?.labels.contains(label) == true } }
    names[try graph.index(node)] = node
    let shown = reached.prefix(limit).compactMap { hit -> WireNeighbor? in
      guard let entity = names[hit.node], let via = names[hit.parent] else { return nil }
      return WireNeighbor(
        entity: RecordMapping.entity(entity, full: false), distance: hit.distance,
        via: RecordMapping.entity(via, full: false), type: graph.typeName(hit.type),
        direction: RecordMapping.direction(hit.forward))
    }
    return NeighborsResponse(
      entity: RecordMapping.entity(node), neighbors: shown, truncated: reached.count > limit)
  }

  func path(_ r: PathRequest) throws -> PathResponse {
    let from = try session.resolve(r.from)
    let to = try session.resolve(r.to)
    let maxLength = try bounded(r.maxLength ?? 6, "max_length", 1...10, of: "path")
    let graph = try PluginGraph(session.store)
    guard
      let found = try graph.shortestPath(
        from: try graph.index(from), to: try graph.index(to), maxLength: maxLength,
        types: try graph.types(r.types), direction: r.direction ?? .both)
    else { return PathResponse(path: nil) }
    let names = try graph.nodes(found.nodes)
    return PathResponse(
      path: WirePath(
        entities: found.nodes.compactMap { names[$0].map { RecordMapping.entity($0, full: false) } },
        steps: found.hops.map {
          WireStep(type: graph.typeName($0.type), direction: RecordMapping.direction($0.forward))
        }))
  }

  func match(_ r: MatchRequest) throws -> RowsResponse {
    if try QueryEngine.writes(r.cypher) {
      throw KgshError(
        .readOnly, "match is read-only; this query writes",
        hint: "use the create call (needs the write feature)")
    }
    let result = try cypher(r.cypher, parameters: r.parameters ?? [:])
    return RowsResponse(
      columns: result.columns, rows: result.rows.map { $0.map { WireMapping.wire($0.value) } })
  }

  func query(_ r: QueryRequest) throws -> RowsResponse {
    let result = try session.store.viewQuery(
      r.sql, arguments: (r.params ?? []).map(WireMapping.value),
      isInterrupted: { interruptFlag.load(ordering: .relaxed) })
    return RowsResponse(
      columns: result.columns, rows: result.rows.map { $0.map(WireMapping.wire) },
      truncated: result.truncated ? true : nil)
  }

  func create(_ r: CreateRequest) throws -> CreateResponse {
    try checkWrite()
    guard try QueryEngine.writes(r.cypher) else {
      throw KgshError(
        .usage, "create is for queries that write; this one only reads", hint: "use the match call")
    }
    // The write feature is this plugin's declaration: its commands may write.
    let result = try session.store.allowingWrites { try cypher(r.cypher, parameters: r.parameters ?? [:]) }
    let s = result.statistics
    return CreateResponse(
      columns: result.columns, rows: result.rows.map { $0.map { WireMapping.wire($0.value) } },
      nodesCreated: s.nodesCreated, relationshipsCreated: s.relationshipsCreated, labelsAdded: s.labelsAdded,
      propertiesSet: s.propertiesSet)
  }

  /// The request in `args`; without `args`, the 1.0 flat fields (`name`, `sql`, `cypher`).
  private func request<R: EngineRequest>(_ call: WireMessage) throws -> R {
    var args = call.args
    if args == nil {
      var flat: [String: WireValue] = [:]
      if let name = call.name { flat["name"] = .string(name) }
      if let sql = call.sql { flat["sql"] = .string(sql) }
      if let cypher = call.cypher { flat["cypher"] = .string(cypher) }
      args = .object(flat)
    }
    do {
      return try args!.decode(R.self)
    } catch let error as DecodingError {
      throw KgshError(
        .invalidValue, Self.describe(error, call: R.call), hint: "see the \(R.call) call in docs/PLUGINS.md")
    }
  }

  private func encode(_ response: some Encodable) throws -> WireValue { try WireValue(encoding: response) }

  private func bounded(_ value: Int, _ field: String, _ range: ClosedRange<Int>, of call: String) throws
    -> Int
  {
    guard range.contains(value) else {
      throw KgshError(
        .invalidValue,
        "the \(call) call's \(field) must be between \(range.lowerBound) and \(range.upperBound), not \(value)"
      )
    }
    return value
  }

  /// A decoding failure as one line naming the field.
  static func describe(_ error: DecodingError, call: String) -> String {
    func field(_ path: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
      ((path.map(\.stringValue)) + (key.map { [$0.stringValue] } ?? [])).joinedText(".")
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "the \(call) call needs a '\(field(context.codingPath, key))' field"
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      let what = type == String.self ? "text" : type == Int.self ? "a whole number" : "a different type"
      return "the '\(field(context.codingPath))' field of the \(call) call must be \(what)"
    case .dataCorrupted(let context):
      return
        "the '\(field(context.codingPath))' field of the \(call) call is invalid (\(context.debugDescription))"
    @unknown default:
      return "the \(call) call's args are invalid"
    }
  }
}

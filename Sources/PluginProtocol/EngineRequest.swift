/// A typed engine call (protocol 1.1): the request a plugin sends as `args` of a `call`
/// message, and the response kgsh sends back as the reply's `result`.
///
/// ```json
/// {"type":"call","id":7,"call":"facts","args":{"entity":"智谱","predicate":"valuation"}}
/// {"type":"reply","id":7,"result":{"entity":{"$type":"entity",...},"facts":[...]}}
/// ```
///
/// A call that fails is a reply with `error` (one line) and maybe `hint`, never a result.
public protocol EngineRequest: Codable, Sendable, Equatable {
  associatedtype Response: Codable, Sendable, Equatable
  /// The `call` field naming this request on the wire.
  static var call: String { get }
}

/// `resolve`: a name (any script, alias or key) to one entity, or the candidates when it
/// is ambiguous, or suggestions when nothing answers to it. Not an error either way.
public struct ResolveRequest: EngineRequest {
  public typealias Response = ResolveResponse
  public static let call = "resolve"
  public var name: String
  public init(name: String) { self.name = name }
}

public struct ResolveResponse: Codable, Sendable, Equatable {
  /// `found`, `ambiguous` or `unknown`.
  public var status: Status
  /// The entity, when found.
  public var entity: WireEntity?
  /// The entities answering to an ambiguous name.
  public var candidates: [WireEntity]?
  /// The closest names, when unknown.
  public var suggestions: [String]?

  public enum Status: String, Codable, Sendable { case found, ambiguous, unknown }

  public init(
    status: Status, entity: WireEntity? = nil, candidates: [WireEntity]? = nil, suggestions: [String]? = nil
  ) {
    self.status = status
    self.entity = entity
    self.candidates = candidates
    self.suggestions = suggestions
  }
}

/// `card`: everything about one entity — names, labels, facts, relations, sources.
/// An unknown or ambiguous name is an error.
public struct CardRequest: EngineRequest {
  public typealias Response = CardResponse
  public static let call = "card"
  public var entity: String
  public init(entity: String) { self.entity = entity }
}

public struct CardResponse: Codable, Sendable, Equatable {
  /// The entity with its labels and description.
  public var entity: WireEntity
  /// Every name it answers to (aliases in all scripts), sorted.
  public var names: [String]
  public var props: [String: WireValue]
  /// All facts, by predicate and then newest first.
  public var facts: [WireFact]
  public var relations: [WireRelation]
  public var sources: [WireSource]

  public init(
    entity: WireEntity, names: [String], props: [String: WireValue] = [:], facts: [WireFact],
    relations: [WireRelation], sources: [WireSource]
  ) {
    self.entity = entity
    self.names = names
    self.props = props
    self.facts = facts
    self.relations = relations
    self.sources = sources
  }
}

/// `facts`: an entity's facts, optionally one predicate only and only those as of `since`
/// or later (ISO dates compare as text: `2025` keeps `2025-03`).
public struct FactsRequest: EngineRequest {
  public typealias Response = FactsResponse
  public static let call = "facts"
  public var entity: String
  public var predicate: String?
  public var since: String?
  public init(entity: String, predicate: String? = nil, since: String? = nil) {
    self.entity = entity
    self.predicate = predicate
    self.since = since
  }
}

public struct FactsResponse: Codable, Sendable, Equatable {
  public var entity: WireEntity
  public var facts: [WireFact]
  public init(entity: WireEntity, facts: [WireFact]) {
    self.entity = entity
    self.facts = facts
  }
}

/// `neighbors`: entities within `depth` hops (1-10, default 1) following edges of `types`
/// (default all) in `direction` (default both), nearest first, at most `limit` (default 100).
public struct NeighborsRequest: EngineRequest {
  public typealias Response = NeighborsResponse
  public static let call = "neighbors"
  public var entity: String
  public var direction: WireDirection?
  public var types: [String]?
  public var depth: Int?
  public var limit: Int?
  /// Only entities with this label.
  public var label: String?
  public init(
    entity: String, direction: WireDirection? = nil, types: [String]? = nil, depth: Int? = nil,
    limit: Int? = nil, label: String? = nil
  ) {
    self.entity = entity
    self.direction = direction
    self.types = types
    self.depth = depth
    self.limit = limit
    self.label = label
  }
}

public struct NeighborsResponse: Codable, Sendable, Equatable {
  public var entity: WireEntity
  public var neighbors: [WireNeighbor]
  /// More entities were reached than `limit`.
  public var truncated: Bool
  public init(entity: WireEntity, neighbors: [WireNeighbor], truncated: Bool) {
    self.entity = entity
    self.neighbors = neighbors
    self.truncated = truncated
  }
}

/// `path`: a shortest path between two entities of at most `max_length` hops (1-10,
/// default 6); `path` is null when there is none.
public struct PathRequest: EngineRequest {
  public typealias Response = PathResponse
  public static let call = "path"
  public var from: String
  public var to: String
  public var direction: WireDirection?
  public var types: [String]?
  public var maxLength: Int?
  public init(
    from: String, to: String, direction: WireDirection? = nil, types: [String]? = nil, maxLength: Int? = nil
  ) {
    self.from = from
    self.to = to
    self.direction = direction
    self.types = types
    self.maxLength = maxLength
  }
  enum CodingKeys: String, CodingKey {
    case from, to, direction, types
    case maxLength = "max_length"
  }
}

public struct PathResponse: Codable, Sendable, Equatable {
  public var path: WirePath?
  public init(path: WirePath?) { self.path = path }
}

/// `match`: a read-only Cypher query; `$name` parameters are bound from `parameters`.
public struct MatchRequest: EngineRequest {
  public typealias Response = RowsResponse
  public static let call = "match"
  public var cypher: String
  public var parameters: [String: WireValue]?
  public init(cypher: String, parameters: [String: WireValue]? = nil) {
    self.cypher = cypher
    self.parameters = parameters
  }
}

/// `query`: one read-only SQL statement over the documented `kg_*_v1` views; `?` placeholders
/// are bound from `params`, in order.
public struct QueryRequest: EngineRequest {
  public typealias Response = RowsResponse
  public static let call = "query"
  public var sql: String
  public var params: [WireValue]?
  public init(sql: String, params: [WireValue]? = nil) {
    self.sql = sql
    self.params = params
  }
}

/// Columns and rows; `truncated` when kgsh stopped at its row limit (100 000).
public struct RowsResponse: Codable, Sendable, Equatable {
  public var columns: [String]
  public var rows: [[WireValue]]
  public var truncated: Bool?
  public init(columns: [String], rows: [[WireValue]], truncated: Bool? = nil) {
    self.columns = columns
    self.rows = rows
    self.truncated = truncated
  }

  /// The value of a named column in one row.
  public func value(_ row: [WireValue], _ column: String) -> WireValue? {
    columns.firstIndex(of: column).flatMap { $0 < row.count ? row[$0] : nil }
  }
}

/// `create`: a Cypher CREATE, in one transaction. Needs the `write` feature and a kgsh
/// not started with --read-only.
public struct CreateRequest: EngineRequest {
  public typealias Response = CreateResponse
  public static let call = "create"
  public var cypher: String
  public var parameters: [String: WireValue]?
  public init(cypher: String, parameters: [String: WireValue]? = nil) {
    self.cypher = cypher
    self.parameters = parameters
  }
}

public struct CreateResponse: Codable, Sendable, Equatable {
  public var columns: [String]
  public var rows: [[WireValue]]
  public var nodesCreated: Int
  public var relationshipsCreated: Int
  public var labelsAdded: Int
  public var propertiesSet: Int
  public init(
    columns: [String], rows: [[WireValue]], nodesCreated: Int, relationshipsCreated: Int, labelsAdded: Int,
    propertiesSet: Int
  ) {
    self.columns = columns
    self.rows = rows
    self.nodesCreated = nodesCreated
    self.relationshipsCreated = relationshipsCreated
    self.labelsAdded = labelsAdded
    self.propertiesSet = propertiesSet
  }
  enum CodingKeys: String, CodingKey {
    case columns, rows
    case nodesCreated = "nodes_created"
    case relationshipsCreated = "relationships_created"
    case labelsAdded = "labels_added"
    case propertiesSet = "properties_set"
  }
}

/// The knowledge graph's records as typed engine calls return them (protocol 1.1).
///
/// Multi-word fields are snake_case on the wire (`as_of`, `value_type`); optional fields
/// are left out when empty.

/// An entity: `{"$type":"entity","key":"zhipu","name":"Zhipu AI","labels":["Company"]}`.
///
/// The same object is a table cell that kgsh renders as the name and `--format json`
/// prints with its key.
public struct WireEntity: Codable, Sendable, Equatable, Hashable {
  public var key: String
  public var name: String
  public var labels: [String]?
  public var description: String?

  public init(key: String, name: String, labels: [String]? = nil, description: String? = nil) {
    self.key = key
    self.name = name
    self.labels = labels
    self.description = description
  }

  /// The entity as a table cell (key and name only).
  public var value: WireValue { .object(["$type": "entity", "key": .string(key), "name": .string(name)]) }

  enum CodingKeys: String, CodingKey {
    case type = "$type"
    case key, name, labels, description
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    key = try c.decode(String.self, forKey: .key)
    name = try c.decodeIfPresent(String.self, forKey: .name) ?? key
    labels = try c.decodeIfPresent([String].self, forKey: .labels)
    description = try c.decodeIfPresent(String.self, forKey: .description)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode("entity", forKey: .type)
    try c.encode(key, forKey: .key)
    try c.encode(name, forKey: .name)
    try c.encodeIfPresent(labels, forKey: .labels)
    try c.encodeIfPresent(description, forKey: .description)
  }
}

/// One fact with its provenance. `value` is typed (a number, `$type` money or date, an
/// entity, a string); `text` is the value exactly as stored.
public struct WireFact: Codable, Sendable, Equatable {
  public var key: String?
  /// The key of the entity the fact is about.
  public var entity: String
  public var predicate: String
  public var value: WireValue
  public var text: String
  /// `number`, `money`, `percent`, `date`, `period`, `bool`, `entity` or `text`.
  public var valueType: String
  public var unit: String?
  public var currency: String?
  public var qualifier: String?
  public var asOf: String?
  /// The key of the source (see `card` or the `kg_source_v1` view).
  public var source: String?
  public var quote: String?
  public var status: String?
  public var note: String?

  public init(
    key: String? = nil, entity: String, predicate: String, value: WireValue, text: String,
    valueType: String, unit: String? = nil, currency: String? = nil, qualifier: String? = nil,
    asOf: String? = nil, source: String? = nil, quote: String? = nil, status: String? = nil,
    note: String? = nil
  ) {
    self.key = key
    self.entity = entity
    self.predicate = predicate
    self.value = value
    self.text = text
    self.valueType = valueType
    self.unit = unit
    self.currency = currency
    self.qualifier = qualifier
    self.asOf = asOf
    self.source = source
    self.quote = quote
    self.status = status
    self.note = note
  }

  enum CodingKeys: String, CodingKey {
    case key, entity, predicate, value, text, unit, currency, qualifier, source, quote, status, note
    case valueType = "value_type"
    case asOf = "as_of"
  }
}

/// Which way an edge is followed: `out` of the entity, `in` to it, or `both`.
public enum WireDirection: String, Codable, Sendable, Equatable, CaseIterable {
  case out, `in`, both
}

/// An edge seen from one entity: `out` means entity -[type]-> other.
public struct WireRelation: Codable, Sendable, Equatable {
  public var direction: WireDirection
  public var type: String
  public var other: WireEntity
  public var props: [String: WireValue]?
  public var asOf: String?
  public var source: String?
  public var quote: String?

  public init(
    direction: WireDirection, type: String, other: WireEntity, props: [String: WireValue]? = nil,
    asOf: String? = nil, source: String? = nil, quote: String? = nil
  ) {
    self.direction = direction
    self.type = type
    self.other = other
    self.props = props
    self.asOf = asOf
    self.source = source
    self.quote = quote
  }

  enum CodingKeys: String, CodingKey {
    case direction, type, other, props, source, quote
    case asOf = "as_of"
  }
}

/// A source that facts and edges cite, with how many of the entity's records cite it.
public struct WireSource: Codable, Sendable, Equatable {
  public var key: String
  public var kind: String?
  public var title: String?
  public var publisher: String?
  public var url: String?
  public var published: String?
  public var reliability: String?
  public var citations: Int?

  public init(
    key: String, kind: String? = nil, title: String? = nil, publisher: String? = nil, url: String? = nil,
    published: String? = nil, reliability: String? = nil, citations: Int? = nil
  ) {
    self.key = key
    self.kind = kind
    self.title = title
    self.publisher = publisher
    self.url = url
    self.published = published
    self.reliability = reliability
    self.citations = citations
  }
}

/// An entity reached from another: its distance in hops and the edge that first reached it
/// (`out`: via -[type]-> entity; `in`: via <-[type]- entity).
public struct WireNeighbor: Codable, Sendable, Equatable {
  public var entity: WireEntity
  public var distance: Int
  public var via: WireEntity
  public var type: String
  public var direction: WireDirection

  public init(entity: WireEntity, distance: Int, via: WireEntity, type: String, direction: WireDirection) {
    self.entity = entity
    self.distance = distance
    self.via = via
    self.type = type
    self.direction = direction
  }
}

/// One hop of a path: the edge type and whether it points along the path (`out`) or back (`in`).
public struct WireStep: Codable, Sendable, Equatable {
  public var type: String
  public var direction: WireDirection

  public init(type: String, direction: WireDirection) {
    self.type = type
    self.direction = direction
  }
}

/// A path: `entities[i]` and `entities[i + 1]` are joined by `steps[i]`.
public struct WirePath: Codable, Sendable, Equatable {
  public var entities: [WireEntity]
  public var steps: [WireStep]
  public var length: Int { steps.count }

  public init(entities: [WireEntity], steps: [WireStep]) {
    self.entities = entities
    self.steps = steps
  }
}

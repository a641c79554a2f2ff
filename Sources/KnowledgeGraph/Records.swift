/// A node of the property graph: an entity with labels, a stable key and a display name.
public struct Node: Hashable, Sendable {
  public var id: Int64
  public var key: String
  public var name: String
  public var labels: [String]
  public var description: String?
  public var props: [String: Value]
  public var layer: Layer

  public init(
    id: Int64, key: String, name: String, labels: [String], description: String? = nil,
    props: [String: Value] = [:], layer: Layer = .user
  ) {
    self.id = id
    self.key = key
    self.name = name
    self.labels = labels
    self.description = description
    self.props = props
    self.layer = layer
  }

  /// The reference used inside values and tables.
  public var ref: EntityRef { EntityRef(id: id, key: key, name: name) }
}

/// Which layer a row belongs to: the built-in layer is rebuilt from Knowledge/, the user
/// layer is what the user added and survives every rebuild.
public enum Layer: String, Sendable, Hashable {
  case builtin
  case user
}

/// Where a fact or an edge comes from, and the exact words that support it.
public struct Provenance: Hashable, Sendable {
  public var source: String?
  public var quote: String?
  public var asOf: String?
  public var status: String?
  public var ref: String?

  public init(
    source: String? = nil, quote: String? = nil, asOf: String? = nil, status: String? = nil,
    ref: String? = nil
  ) {
    self.source = source
    self.quote = quote
    self.asOf = asOf
    self.status = status
    self.ref = ref
  }
}

/// A typed, directed edge between two nodes.
public struct Edge: Hashable, Sendable {
  public var id: Int64
  public var src: Int64
  public var type: String
  public var dst: Int64
  public var props: [String: Value]
  public var key: String?
  public var provenance: Provenance
  public var layer: Layer
}

/// One sourced statement about a node: `Zhipu AI · ipo_raise = 4.3 bn HKD (as of 2026-01-08)`.
public struct Fact: Hashable, Sendable {
  public var id: Int64
  public var key: String?
  public var nodeID: Int64
  public var predicate: String
  /// number, money, percent, date, period, text, entity or bool.
  public var valueType: String
  /// The canonical text of the value as stored (digits for numbers, a key for entities).
  public var rawValue: String
  public var value: Value
  public var unit: String?
  public var currency: String?
  /// over, nearly, under, about, at-least, at-most, estimate — or nil for an exact value.
  public var qualifier: String?
  public var note: String?
  public var provenance: Provenance
  public var layer: Layer
}

/// A document or table that facts cite.
public struct Source: Hashable, Sendable {
  public var id: Int64
  public var key: String
  public var kind: String?
  public var title: String?
  public var publisher: String?
  public var url: String?
  public var published: String?
  public var reliability: String?
  public var note: String?

  public init(
    id: Int64 = 0, key: String, kind: String? = nil, title: String? = nil, publisher: String? = nil,
    url: String? = nil, published: String? = nil, reliability: String? = nil, note: String? = nil
  ) {
    self.id = id
    self.key = key
    self.kind = kind
    self.title = title
    self.publisher = publisher
    self.url = url
    self.published = published
    self.reliability = reliability
    self.note = note
  }
}

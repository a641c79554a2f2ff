import Foundation
import KnowledgeGraph

/// A value in a query result: scalars, collections and graph elements with their data.
public indirect enum ResultValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case float(Double)
  case string(String)
  case list([ResultValue])
  case map([String: ResultValue])
  case node(ResultNode)
  case relationship(ResultRelationship)
  case path(ResultPath)
  /// A date, time, date-time or duration as its ISO 8601 text, with its Cypher type name.
  case temporal(String, type: String)

  /// The value as the shell's `Value` (nodes become entity references, relationships and
  /// paths become maps), for the renderers.
  public var value: Value {
    switch self {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let f): return .double(f)
    case .string(let s): return .string(s)
    case .list(let l): return .list(l.map(\.value))
    case .map(let m): return .map(m.mapValues(\.value))
    case .node(let n):
      var name = ""
      if case .string(let s)? = n.properties["name"] { name = s }
      return .entity(EntityRef(id: n.id, key: n.key, name: name.isEmpty ? n.key : name))
    case .relationship(let r):
      // Its ends as entities (their names in a table, keys and names in JSON); a table shows
      // the whole as `from -[TYPE {props}]-> to` (ValueFormat).
      return .map([
        "type": .string(r.type), "from": .entity(r.start), "to": .entity(r.end),
        "properties": .map(r.properties.mapValues(\.value)),
      ])
    case .path(let p):
      return .list(
        zip(p.nodes, [nil] + p.relationships.map { Optional($0) }).flatMap { node, rel in
          (rel.map { [ResultValue.relationship($0).value] } ?? []) + [ResultValue.node(node).value]
        })
    case .temporal(let text, let type): return type == "Date" ? .date(text) : .string(text)
    }
  }

  /// The value from the shell's `Value` (for parameters).
  public init(_ value: Value) {
    switch value {
    case .null: self = .null
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .double(let d): self = .float(d)
    case .decimal(let d): self = .float(NSDecimalNumber(decimal: d).doubleValue)
    case .string(let s), .date(let s): self = .string(s)
    case .money(let m): self = .float(NSDecimalNumber(decimal: m.amount).doubleValue)
    case .entity(let e): self = .string(e.name)
    case .list(let l): self = .list(l.map(ResultValue.init))
    case .map(let m): self = .map(m.mapValues(ResultValue.init))
    }
  }
}

public struct ResultNode: Hashable, Sendable {
  public var id: Int64
  public var key: String
  public var labels: [String]
  public var properties: [String: ResultValue]
}

public struct ResultRelationship: Hashable, Sendable {
  public var id: Int64
  public var type: String
  public var startID: Int64
  public var endID: Int64
  public var properties: [String: ResultValue]
  /// The entities at its two ends (key and name).
  public var start: EntityRef
  public var end: EntityRef
}

public struct ResultPath: Hashable, Sendable {
  public var nodes: [ResultNode]
  public var relationships: [ResultRelationship]
}

/// What a query changed.
public struct QueryStatistics: Hashable, Sendable {
  public var nodesCreated = 0
  public var relationshipsCreated = 0
  /// Labels of created nodes and labels SET on existing ones.
  public var labelsAdded = 0
  /// Properties of created elements and properties SET or REMOVEd on existing ones.
  public var propertiesSet = 0
  public var nodesDeleted = 0
  public var relationshipsDeleted = 0
  public var labelsRemoved = 0
  /// Of `labelsAdded` and `propertiesSet`, the changes to elements that existed before the
  /// query (what SET and REMOVE did, as a summary tells them apart from what CREATE made).
  public var labelsAddedToExisting = 0
  public var propertiesChangedOnExisting = 0
  /// kgsh's own: the facts of deleted entities, retracted with them (not a Cypher statistic).
  public var factsRetracted = 0
  public init() {}
  public var isEmpty: Bool { self == QueryStatistics() }
}

/// The result of a query: named columns and rows of values, plus what it wrote.
public struct QueryResult: Sendable {
  public var columns: [String]
  public var rows: [[ResultValue]]
  public var statistics: QueryStatistics
  /// Warnings about names the knowledge base does not have (the query still ran).
  public var notifications: [QueryNotification] = []
  /// Ordering comparisons that were null because their sides' types do not order together.
  public var incomparable: [IncomparableComparison] = []
  /// Warnings about the query as written, e.g. an ORDER BY of a number (SQL's column
  /// position, which Cypher reads as a constant).
  public var warnings: [String] = []
  /// The string values given for `name` in MATCH property maps (`{name: '智谱'}`), so an
  /// empty result can say which of them is an alias.
  public var nameLiterals: [String] = []
  /// The texts WHERE asks `name` to contain, start or end with, so an empty result can say
  /// that other names are aliases.
  public var nameSearches: [NameSearch] = []
  /// The column a final `ORDER BY ... DESC` sorts by when its first row is null (Cypher
  /// sorts nulls first in a descending order), so the result can say how to put them last.
  public var nullsLead: String?
  /// With `QueryEngine.profiling`: each clause in order with the rows it passed on.
  public var profile: [ProfileStep] = []
}

/// One clause of a profiled query and how many rows came out of it.
public struct ProfileStep: Sendable, Equatable {
  public var part: Int
  public var clause: String
  public var rows: Int
}

extension QueryGraph {
  func result(_ v: QValue) throws -> ResultValue {
    switch v {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let f): return .float(f)
    case .string(let s): return .string(s)
    case .list(let l): return .list(try l.map(result))
    case .map(let m): return .map(try m.mapValues(result))
    case .node(let n): return .node(try resultNode(n))
    case .relationship(let r): return .relationship(try resultRelationship(r))
    case .path(let ns, let rs):
      return .path(ResultPath(nodes: try ns.map(resultNode), relationships: try rs.map(resultRelationship)))
    case .temporal(let t): return .temporal(t.text, type: t.typeName)
    }
  }

  func resultNode(_ n: Int32) throws -> ResultNode {
    let props = try properties(ofNode: n).filter { !$0.value.isNull }
    let key: String
    if case .string(let k)? = props["key"] { key = k } else { key = "_c\(nodeIDs[Int(n)])" }
    return ResultNode(
      id: nodeIDs[Int(n)], key: key, labels: labels(of: n), properties: try props.mapValues(result))
  }

  func resultRelationship(_ r: Int32) throws -> ResultRelationship {
    let props = try properties(ofEdge: r).filter { !$0.value.isNull }
    return ResultRelationship(
      id: edgeIDs[Int(r)], type: typeName(of: r), startID: nodeIDs[Int(edgeSrc[Int(r)])],
      endID: nodeIDs[Int(edgeDst[Int(r)])], properties: try props.mapValues(result),
      start: try reference(edgeSrc[Int(r)]), end: try reference(edgeDst[Int(r)]))
  }

  /// A node as the entity a result names: its key and name.
  func reference(_ n: Int32) throws -> EntityRef {
    let props = try properties(ofNode: n)
    var key = "_c\(nodeIDs[Int(n)])", name = ""
    if case .string(let k)? = props["key"] { key = k }
    if case .string(let s)? = props["name"] { name = s }
    return EntityRef(id: nodeIDs[Int(n)], key: key, name: name.isEmpty ? key : name)
  }
}

extension QValue {
  init(_ v: ResultValue) throws {
    switch v {
    case .null: self = .null
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .float(let f): self = .float(f)
    case .string(let s): self = .string(s)
    case .list(let l): self = .list(try l.map(QValue.init))
    case .map(let m): self = .map(try m.mapValues(QValue.init))
    case .temporal(let text, let type):
      self = .temporal(try TemporalValue.parse(type: type, text))
    case .node, .relationship, .path:
      throw KgshError(
        .semantic, "graph elements cannot be passed as parameters", code: "InvalidParameterUse")
    }
  }
}

/// `n.name CONTAINS '智'` in a MATCH's WHERE: the variable, the operator and the text.
public struct NameSearch: Sendable, Equatable {
  public var variable: String
  public var op: String
  public var text: String
}

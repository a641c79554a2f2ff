import Foundation
import KnowledgeGraph

/// A value inside the executor: scalars, lists, maps, and graph elements by their index in
/// the query's graph (see `QueryGraph`). Results leave the engine as `ResultValue`.
enum QValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case float(Double)
  case string(String)
  case list([QValue])
  case map([String: QValue])
  case node(Int32)
  case relationship(Int32)
  case path(nodes: [Int32], relationships: [Int32])
  /// A date, time, date-time or duration (Sources/GraphQuery/Temporal).
  case temporal(TemporalValue)

  var isNull: Bool { if case .null = self { return true } else { return false } }

  var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "Boolean"
    case .int: return "Integer"
    case .float: return "Float"
    case .string: return "String"
    case .list: return "List"
    case .map: return "Map"
    case .node: return "Node"
    case .relationship: return "Relationship"
    case .path: return "Path"
    case .temporal(let t): return t.typeName
    }
  }

  /// The type name with its article, for messages: "an Integer", "a String".
  var typeNameWithArticle: String { QValue.withArticle(typeName) }

  /// "an Integer", "a Date": the one place messages put an article before a type name.
  static func withArticle(_ typeName: String) -> String {
    ("AEIOU".contains(typeName.prefix(1)) ? "an " : "a ") + typeName
  }

  var number: Double? {
    switch self {
    case .int(let v): return Double(v)
    case .float(let v): return v
    default: return nil
    }
  }

  /// Converts a stored property value into a query value.
  init(_ value: Value, nodeIndex: (Int64) -> Int32? = { _ in nil }) {
    switch value {
    case .null: self = .null
    case .bool(let b): self = .bool(b)
    case .int(let v): self = .int(v)
    case .double(let v): self = .float(v)
    case .decimal(let d):
      let n = NSDecimalNumber(decimal: d)
      if d == d.rounded(), let i = Int64(exactly: n.doubleValue) {
        self = .int(i)
      } else {
        self = .float(n.doubleValue)
      }
    case .string(let s): self = .string(s)
    case .date(let s): self = TemporalValue.fromFact(s).map { .temporal($0) } ?? .string(s)
    case .money(let m):
      self = .map([
        "amount": .float(NSDecimalNumber(decimal: m.amount).doubleValue), "currency": .string(m.currency),
      ])
    case .entity(let e):
      if let i = nodeIndex(e.id) { self = .node(i) } else { self = .string(e.name) }
    case .list(let items): self = .list(items.map { QValue($0, nodeIndex: nodeIndex) })
    case .map(let m):
      if let t = TemporalValue(stored: m) {
        self = .temporal(t)
      } else {
        self = .map(m.mapValues { QValue($0, nodeIndex: nodeIndex) })
      }
    }
  }

  /// The stored form of a property value; nil for values that cannot be stored.
  var storable: Value? {
    switch self {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let v): return .int(v)
    case .float(let v): return .double(v)
    case .string(let s): return .string(s)
    case .list(let items):
      var out: [Value] = []
      for item in items {
        guard let v = item.storable else { return nil }
        out.append(v)
      }
      return .list(out)
    case .temporal(let t): return t.stored
    default: return nil
    }
  }
}

extension Decimal {
  fileprivate func rounded() -> Decimal {
    var copy = self
    var result = Decimal()
    NSDecimalRound(&result, &copy, 0, .plain)
    return result
  }
}

/// Three-valued logic: true, false, or null (unknown).
enum Ternary {
  case yes, no, unknown
  init(_ b: Bool) { self = b ? .yes : .no }
  var value: QValue {
    switch self {
    case .yes: return .bool(true)
    case .no: return .bool(false)
    case .unknown: return .null
    }
  }
}

extension QValue {
  /// Cypher equality: null when either side is (or contains, where it matters) null.
  static func equals(_ a: QValue, _ b: QValue) -> Ternary {
    switch (a, b) {
    case (.null, _), (_, .null): return .unknown
    case (.int(let x), .int(let y)): return Ternary(x == y)
    case (.int, .float), (.float, .int), (.float, .float):
      return Ternary(a.number! == b.number!)
    case (.bool(let x), .bool(let y)): return Ternary(x == y)
    case (.string(let x), .string(let y)): return Ternary(x == y)
    case (.node(let x), .node(let y)): return Ternary(x == y)
    case (.relationship(let x), .relationship(let y)): return Ternary(x == y)
    case (.path(let n1, let r1), .path(let n2, let r2)): return Ternary(n1 == n2 && r1 == r2)
    case (.temporal(let x), .temporal(let y)): return Ternary(x == y)
    case (.list(let x), .list(let y)):
      if x.count != y.count { return .no }
      var result = Ternary.yes
      for (p, q) in zip(x, y) {
        switch equals(p, q) {
        case .no: return .no
        case .unknown: result = .unknown
        case .yes: break
        }
      }
      return result
    case (.map(let x), .map(let y)):
      if Set(x.keys) != Set(y.keys) { return .no }
      var result = Ternary.yes
      for (k, v) in x {
        switch equals(v, y[k]!) {
        case .no: return .no
        case .unknown: result = .unknown
        case .yes: break
        }
      }
      return result
    default: return .no
    }
  }

  /// Cypher comparison for `<` and friends: nil when the values are not comparable.
  static func compare(_ a: QValue, _ b: QValue) -> ComparisonResult? {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      return x < y ? .orderedAscending : (x > y ? .orderedDescending : .orderedSame)
    case (.int, .float), (.float, .int), (.float, .float):
      let x = a.number!, y = b.number!
      if x.isNaN || y.isNaN { return nil }
      return x < y ? .orderedAscending : (x > y ? .orderedDescending : .orderedSame)
    case (.string(let x), .string(let y)):
      return x < y ? .orderedAscending : (x > y ? .orderedDescending : .orderedSame)
    case (.bool(let x), .bool(let y)):
      return x == y ? .orderedSame : (!x ? .orderedAscending : .orderedDescending)
    case (.temporal(let x), .temporal(let y)): return TemporalValue.compare(x, y)
    case (.list(let x), .list(let y)):
      for (p, q) in zip(x, y) {
        if p.isNull || q.isNull { return nil }
        guard let c = compare(p, q) else { return nil }
        if c != .orderedSame { return c }
      }
      return x.count < y.count ? .orderedAscending : (x.count > y.count ? .orderedDescending : .orderedSame)
    default: return nil
    }
  }

  /// Rank of a type in the global sort order used by ORDER BY.
  var orderRank: Int {
    switch self {
    case .map: return 0
    case .node: return 1
    case .relationship: return 2
    case .list: return 3
    case .path: return 4
    case .string: return 5
    case .bool: return 6
    case .int, .float: return 7
    case .temporal: return 8
    case .null: return 9
    }
  }

  /// Total order for ORDER BY, min and max: types by rank, then values; nulls last.
  static func order(_ a: QValue, _ b: QValue) -> ComparisonResult {
    let ra = a.orderRank, rb = b.orderRank
    if ra != rb { return ra < rb ? .orderedAscending : .orderedDescending }
    switch (a, b) {
    case (.int(let x), .int(let y)):
      return x < y ? .orderedAscending : (x > y ? .orderedDescending : .orderedSame)
    case (.int, .float), (.float, .int), (.float, .float):
      let x = a.number!, y = b.number!
      if x.isNaN || y.isNaN {
        if x.isNaN && y.isNaN { return .orderedSame }
        return x.isNaN ? .orderedDescending : .orderedAscending
      }
      if x == y {
        // Keep integers and floats of the same value in a stable, deterministic order.
        if case .int = a, case .float = b { return .orderedAscending }
        if case .float = a, case .int = b { return .orderedDescending }
        return .orderedSame
      }
      return x < y ? .orderedAscending : .orderedDescending
    case (.list(let x), .list(let y)):
      for (p, q) in zip(x, y) {
        let c = order(p, q)
        if c != .orderedSame { return c }
      }
      return x.count < y.count ? .orderedAscending : (x.count > y.count ? .orderedDescending : .orderedSame)
    case (.node(let x), .node(let y)), (.relationship(let x), .relationship(let y)):
      return x < y ? .orderedAscending : (x > y ? .orderedDescending : .orderedSame)
    case (.map(let x), .map(let y)):
      let kx = x.keys.sorted(), ky = y.keys.sorted()
      let c = order(.list(kx.map { .string($0) }), .list(ky.map { .string($0) }))
      if c != .orderedSame { return c }
      return order(.list(kx.map { x[$0]! }), .list(ky.map { y[$0]! }))
    case (.path(let n1, let r1), .path(let n2, let r2)):
      let c = order(.list(n1.map { .node($0) }), .list(n2.map { .node($0) }))
      if c != .orderedSame { return c }
      return order(.list(r1.map { .relationship($0) }), .list(r2.map { .relationship($0) }))
    case (.temporal(let x), .temporal(let y)):
      if x.typeName != y.typeName { return x.typeName < y.typeName ? .orderedAscending : .orderedDescending }
      return TemporalValue.compare(x, y) ?? (x.text < y.text ? .orderedAscending : .orderedDescending)
    default:
      return compare(a, b) ?? .orderedSame
    }
  }

  /// A key for grouping and DISTINCT: equal values (1 and 1.0 included) get equal keys.
  var groupKey: QValue {
    switch self {
    case .float(let v):
      if v.isFinite, v == v.rounded(), abs(v) < 9e18 { return .int(Int64(v)) }
      return self
    case .list(let items): return .list(items.map(\.groupKey))
    case .map(let m): return .map(m.mapValues(\.groupKey))
    default: return self
    }
  }
}

import KnowledgeGraph

/// A GQL value type, as tested by `x IS :: INTEGER` (Neo4j 5, GQL): one type, or a union
/// (`INTEGER | FLOAT`), each nullable unless written `NOT NULL`.
indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
  case any, nothing, null, boolean, string, integer, float, date, localTime, zonedTime, localDateTime
  case zonedDateTime, duration, node, relationship, path, map, propertyValue
  case list(ValueType)
  case union([ValueType])
  case notNull(ValueType)

  /// Whether `v` is a value of this type; null is a value of every nullable type.
  func admits(_ v: QValue) -> Bool {
    switch self {
    case .notNull(let t): return !v.isNull && t.admits(v)
    case .union(let ts): return ts.contains { $0.admits(v) }
    case .null: return v.isNull
    case .nothing: return false
    default: break
    }
    if v.isNull { return true }
    switch (self, v) {
    case (.any, _), (.boolean, .bool), (.string, .string), (.integer, .int), (.float, .float), (.node, .node),
      (.relationship, .relationship), (.path, .path), (.map, .map):
      return true
    case (.list(let item), .list(let items)): return items.allSatisfy(item.admits)
    case (.propertyValue, .list(let items)):
      // A stored list holds property values of one type.
      return items.allSatisfy { !$0.isNull && ValueType.propertyValue.admits($0) }
        && Set(items.map(\.typeName)).count <= 1
    case (.propertyValue, .bool), (.propertyValue, .string), (.propertyValue, .int), (.propertyValue, .float),
      (.propertyValue, .temporal):
      return true
    case (_, .temporal(let t)):
      switch (self, t) {
      case (.date, .date), (.localTime, .localTime), (.zonedTime, .time), (.localDateTime, .localDateTime),
        (.zonedDateTime, .dateTime), (.duration, .duration):
        return true
      default: return false
      }
    default: return false
    }
  }

  var description: String {
    switch self {
    case .any: return "ANY"
    case .nothing: return "NOTHING"
    case .null: return "NULL"
    case .boolean: return "BOOLEAN"
    case .string: return "STRING"
    case .integer: return "INTEGER"
    case .float: return "FLOAT"
    case .date: return "DATE"
    case .localTime: return "LOCAL TIME"
    case .zonedTime: return "ZONED TIME"
    case .localDateTime: return "LOCAL DATETIME"
    case .zonedDateTime: return "ZONED DATETIME"
    case .duration: return "DURATION"
    case .node: return "NODE"
    case .relationship: return "RELATIONSHIP"
    case .path: return "PATH"
    case .map: return "MAP"
    case .propertyValue: return "PROPERTY VALUE"
    case .list(let t): return "LIST<\(t)>"
    case .union(let ts): return ts.map(\.description).joined(separator: " | ")
    case .notNull(let t): return "\(t) NOT NULL"
    }
  }

  /// The names a type is written with, each a sequence of words, longest first where one
  /// begins another (`TIME WITH TIME ZONE` before `TIME`).
  static let spellings: [([String], ValueType)] = [
    (["ANY", "PROPERTY", "VALUE"], .propertyValue), (["PROPERTY", "VALUE"], .propertyValue),
    (["ANY", "VALUE"], .any), (["ANY", "NODE"], .node), (["ANY", "VERTEX"], .node),
    (["ANY", "RELATIONSHIP"], .relationship), (["ANY", "EDGE"], .relationship), (["ANY", "MAP"], .map),
    (["ANY", "PATH"], .path), (["NOTHING"], .nothing), (["NULL"], .null), (["BOOLEAN"], .boolean),
    (["BOOL"], .boolean), (["STRING"], .string), (["VARCHAR"], .string), (["SIGNED", "INTEGER"], .integer),
    (["INTEGER64"], .integer), (["INTEGER"], .integer), (["INT64"], .integer), (["INT"], .integer),
    (["FLOAT64"], .float), (["FLOAT"], .float), (["DATE"], .date), (["LOCAL", "TIME"], .localTime),
    (["TIME", "WITHOUT", "TIME", "ZONE"], .localTime), (["ZONED", "TIME"], .zonedTime),
    (["TIME", "WITH", "TIME", "ZONE"], .zonedTime), (["LOCAL", "DATETIME"], .localDateTime),
    (["TIMESTAMP", "WITHOUT", "TIME", "ZONE"], .localDateTime), (["ZONED", "DATETIME"], .zonedDateTime),
    (["TIMESTAMP", "WITH", "TIME", "ZONE"], .zonedDateTime), (["DURATION"], .duration), (["NODE"], .node),
    (["VERTEX"], .node), (["RELATIONSHIP"], .relationship), (["EDGE"], .relationship), (["MAP"], .map),
    (["PATH"], .path), (["ANY"], .any),
  ]
}

extension Parser {
  /// After `IS ::`, `IS NOT ::` or `::`: a type, a union of types (`INTEGER | FLOAT`,
  /// `ANY<INTEGER | FLOAT>`), each optionally `NOT NULL`.
  mutating func valueType() throws -> ValueType {
    var alternatives = [try oneValueType()]
    while isSymbol("|"), !isSymbol("|", at: 1), !barEnds {
      advance()
      alternatives.append(try oneValueType())
    }
    return alternatives.count == 1 ? alternatives[0] : .union(alternatives)
  }

  mutating func oneValueType() throws -> ValueType {
    var type: ValueType
    if isKeyword("LIST") || isKeyword("ARRAY") {
      advance()
      try expectSymbol("<")
      let item = try until(bar: false) { try $0.valueType() }
      try expectSymbol(">")
      type = .list(item)
    } else if isKeyword("ANY"), isSymbol("<", at: 1) {
      advance()
      advance()
      type = try until(bar: false) { try $0.valueType() }
      try expectSymbol(">")
    } else {
      guard
        let (words, t) = ValueType.spellings.first(where: { words, _ in
          words.indices.allSatisfy { isKeyword(words[$0], at: $0) }
        })
      else {
        throw unexpected("a type such as INTEGER, FLOAT, STRING, BOOLEAN, DATE, LIST<STRING>, NODE or MAP")
      }
      for _ in words { advance() }
      type = t
    }
    if isKeyword("NOT"), isKeyword("NULL", at: 1) {
      advance()
      advance()
      type = .notNull(type)
    }
    return type
  }
}

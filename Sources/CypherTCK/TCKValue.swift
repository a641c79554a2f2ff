import Foundation
import GraphQuery
import KnowledgeGraph

/// A value written in the TCK's result syntax: `1`, `1.0`, `'s'`, `[1, 2]`, `{k: 1}`,
/// `(:A {name: 'a'})`, `[:T {k: 1}]`, `<(:A)-[:T]->(:B)>`.
package indirect enum TCKValue: Sendable, CustomStringConvertible {
  case null
  case bool(Bool)
  case int(Int64)
  case float(Double)
  case string(String)
  case list([TCKValue])
  case map([String: TCKValue])
  case node(labels: [String], properties: [String: TCKValue])
  case relationship(type: String, properties: [String: TCKValue])
  /// Nodes and, between them, relationships with `forward` true for `-->`.
  case path(nodes: [TCKValue], relationships: [(TCKValue, forward: Bool)])

  package var description: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return String(b)
    case .int(let i): return String(i)
    case .float(let f): return String(f)
    case .string(let s): return "'\(s)'"
    case .list(let l): return "[" + l.map(\.description).joinedText(", ") + "]"
    case .map(let m): return "{" + m.keys.sorted().map { "\($0): \(m[$0]!)" }.joinedText(", ") + "}"
    case .node(let labels, let props):
      return "(" + labels.map { ":" + $0 }.joinedText() + (props.isEmpty ? "" : " \(TCKValue.map(props))")
        + ")"
    case .relationship(let type, let props):
      return "[:\(type)" + (props.isEmpty ? "" : " \(TCKValue.map(props))") + "]"
    case .path(let nodes, let rels):
      var s = "<" + nodes[0].description
      for (i, (r, forward)) in rels.enumerated() {
        s += forward ? "-\(r)->" : "<-\(r)-"
        s += nodes[i + 1].description
      }
      return s + ">"
    }
  }

  /// Parses one cell or parameter value.
  package static func parse(_ text: String) throws -> TCKValue {
    var p = TCKValueParser(Array(text.unicodeScalars))
    let v = try p.value()
    p.skipSpace()
    guard p.pos == p.s.count else { throw KgshError(.syntax, "unexpected text in TCK value: \(text)") }
    return v
  }

  /// Whether an actual result value matches this expected value.
  package func matches(_ actual: ResultValue, unorderedLists: Bool = false) -> Bool {
    switch (self, actual) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.float(let a), .float(let b)):
      if a.isNaN { return b.isNaN }
      if a == b { return true }
      return abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    case (.string(let a), .string(let b)): return a == b
    case (.string(let a), .temporal(let b, _)): return a == b
    case (.list(let a), .list(let b)):
      guard a.count == b.count else { return false }
      if !unorderedLists { return zip(a, b).allSatisfy { $0.matches($1, unorderedLists: unorderedLists) } }
      var remaining = b
      for e in a {
        guard let i = remaining.firstIndex(where: { e.matches($0, unorderedLists: true) }) else {
          return false
        }
        remaining.remove(at: i)
      }
      return true
    case (.map(let a), .map(let b)):
      return TCKValue.propertiesMatch(a, b, unorderedLists)
    case (.node(let labels, let props), .node(let n)):
      return Set(labels) == Set(n.labels) && TCKValue.propertiesMatch(props, n.properties, unorderedLists)
    case (.relationship(let type, let props), .relationship(let r)):
      return type == r.type && TCKValue.propertiesMatch(props, r.properties, unorderedLists)
    case (.path(let nodes, let rels), .path(let p)):
      guard nodes.count == p.nodes.count, rels.count == p.relationships.count else { return false }
      for (e, a) in zip(nodes, p.nodes) where !e.matches(.node(a)) { return false }
      for (i, (e, forward)) in rels.enumerated() {
        let r = p.relationships[i]
        guard e.matches(.relationship(r)) else { return false }
        let isForward = r.startID == p.nodes[i].id && r.endID == p.nodes[i + 1].id
        let isBackward = r.endID == p.nodes[i].id && r.startID == p.nodes[i + 1].id
        if forward ? !isForward : !isBackward { return false }
      }
      return true
    default: return false
    }
  }

  static func propertiesMatch(_ a: [String: TCKValue], _ b: [String: ResultValue], _ unordered: Bool) -> Bool
  {
    guard Set(a.keys) == Set(b.keys) else { return false }
    return a.allSatisfy { k, v in v.matches(b[k]!, unorderedLists: unordered) }
  }

  /// The value as a query parameter.
  package var parameter: ResultValue? {
    switch self {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let f): return .float(f)
    case .string(let s): return .string(s)
    case .list(let l):
      let items = l.compactMap(\.parameter)
      return items.count == l.count ? .list(items) : nil
    case .map(let m):
      let items = m.compactMapValues(\.parameter)
      return items.count == m.count ? .map(items) : nil
    default: return nil
    }
  }
}

/// Renders a result value in the TCK's syntax (for failure messages).
package func tckDescription(_ v: ResultValue) -> String {
  func props(_ m: [String: ResultValue]) -> String {
    m.isEmpty
      ? "" : " {" + m.keys.sorted().map { "\($0): \(tckDescription(m[$0]!))" }.joinedText(", ") + "}"
  }
  switch v {
  case .null: return "null"
  case .bool(let b): return String(b)
  case .int(let i): return String(i)
  case .float(let f): return Functions.formatFloat(f)
  case .string(let s): return "'\(s)'"
  case .temporal(let s, _): return "'\(s)'"
  case .list(let l): return "[" + l.map(tckDescription).joinedText(", ") + "]"
  case .map(let m):
    return "{" + m.keys.sorted().map { "\($0): \(tckDescription(m[$0]!))" }.joinedText(", ") + "}"
  case .node(let n): return "(" + n.labels.map { ":" + $0 }.joinedText() + props(n.properties) + ")"
  case .relationship(let r): return "[:\(r.type)" + props(r.properties) + "]"
  case .path(let p):
    var s = "<" + tckDescription(.node(p.nodes[0]))
    for (i, r) in p.relationships.enumerated() {
      let forward = r.startID == p.nodes[i].id
      s += (forward ? "-" : "<-") + tckDescription(.relationship(r)) + (forward ? "->" : "-")
      s += tckDescription(.node(p.nodes[i + 1]))
    }
    return s + ">"
  }
}

struct TCKValueParser {
  let s: [Unicode.Scalar]
  var pos = 0
  init(_ s: [Unicode.Scalar]) { self.s = s }

  mutating func skipSpace() { while pos < s.count, s[pos].properties.isWhitespace { pos += 1 } }
  func peek(_ k: Int = 0) -> Unicode.Scalar? { pos + k < s.count ? s[pos + k] : nil }
  func fail(_ what: String) -> KgshError {
    KgshError(.syntax, "bad TCK value: \(what) at \(pos) in \(String(String.UnicodeScalarView(s)))")
  }
  mutating func expect(_ c: Unicode.Scalar) throws {
    skipSpace()
    guard peek() == c else { throw fail("expected \(c)") }
    pos += 1
  }

  mutating func name() throws -> String {
    skipSpace()
    if peek() == "`" {
      pos += 1
      var out = ""
      while let c = peek(), c != "`" {
        out.unicodeScalars.append(c)
        pos += 1
      }
      pos += 1
      return out
    }
    var out = ""
    while let c = peek(), c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) {
      out.unicodeScalars.append(c)
      pos += 1
    }
    guard !out.isEmpty else { throw fail("expected a name") }
    return out
  }

  mutating func properties() throws -> [String: TCKValue] {
    skipSpace()
    guard peek() == "{" else { return [:] }
    guard case .map(let m) = try value() else { throw fail("expected a map") }
    return m
  }

  mutating func node() throws -> TCKValue {
    try expect("(")
    var labels: [String] = []
    skipSpace()
    while peek() == ":" {
      pos += 1
      labels.append(try name())
      skipSpace()
    }
    let props = try properties()
    try expect(")")
    return .node(labels: labels, properties: props)
  }

  mutating func relationship() throws -> TCKValue {
    try expect("[")
    try expect(":")
    let type = try name()
    let props = try properties()
    try expect("]")
    return .relationship(type: type, properties: props)
  }

  mutating func value() throws -> TCKValue {
    skipSpace()
    guard let c = peek() else { throw fail("expected a value") }
    switch c {
    case "(": return try node()
    case "<": return try path()
    case "[":
      if peek(1) == ":" { return try relationship() }
      pos += 1
      return .list(try items(until: "]") { try $0.value() })
    case "{":
      pos += 1
      let entries = try items(until: "}") { p -> (String, TCKValue) in
        let k = try p.name()
        try p.expect(":")
        return (k, try p.value())
      }
      return .map(Dictionary(entries, uniquingKeysWith: { _, last in last }))
    case "'", "\"": return .string(quoted(c))
    default: return try word()
    }
  }

  /// `<(a)-[:T]->(b)<-[:U]-(c)>`: nodes and the relationships between them, each with its
  /// direction.
  private mutating func path() throws -> TCKValue {
    pos += 1
    var nodes = [try node()]
    var rels: [(TCKValue, forward: Bool)] = []
    skipSpace()
    while peek() == "-" || peek() == "<" {
      let backward = peek() == "<"
      pos += backward ? 2 : 1
      let r = try relationship()
      try expect("-")
      let forward = peek() == ">"
      if forward { pos += 1 }
      rels.append((r, forward: !backward && forward))
      nodes.append(try node())
      skipSpace()
    }
    try expect(">")
    return .path(nodes: nodes, relationships: rels)
  }

  /// Comma-separated items up to `close` (the opening bracket already read).
  private mutating func items<T>(until close: Unicode.Scalar, _ item: (inout Self) throws -> T) throws -> [T]
  {
    var items: [T] = []
    skipSpace()
    if peek() == close {
      pos += 1
      return items
    }
    while true {
      items.append(try item(&self))
      skipSpace()
      if peek() == "," {
        pos += 1
        continue
      }
      try expect(close)
      return items
    }
  }

  /// A string in `quote`s, with `\n`, `\t` and `\x` escapes.
  private mutating func quoted(_ quote: Unicode.Scalar) -> String {
    pos += 1
    var out = ""
    while let d = peek(), d != quote {
      if d == "\\", let e = peek(1) {
        switch e {
        case "n": out += "\n"
        case "t": out += "\t"
        default: out.unicodeScalars.append(e)
        }
        pos += 2
        continue
      }
      out.unicodeScalars.append(d)
      pos += 1
    }
    pos += 1
    return out
  }

  /// null, true, false, NaN, infinities and numbers.
  private mutating func word() throws -> TCKValue {
    var word = ""
    while let d = peek(), !",]}) ".unicodeScalars.contains(d) {
      word.unicodeScalars.append(d)
      pos += 1
    }
    switch word.lowercased() {
    case "null": return .null
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "nan": return .float(.nan)
    case "inf", "infinity": return .float(.infinity)
    case "-inf", "-infinity": return .float(-.infinity)
    default: break
    }
    if let i = Int64(word) { return .int(i) }
    if let f = Double(word) { return .float(f) }
    throw fail("unknown value '\(word)'")
  }
}

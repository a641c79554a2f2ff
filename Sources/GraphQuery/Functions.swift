import Foundation
import KnowledgeGraph

/// Scalar functions (aggregates live in Aggregation.swift).
package enum Functions {
  static let known: Set<String> = [
    "id", "labels", "type", "keys", "properties", "size", "length", "coalesce", "tostring", "tointeger",
    "tofloat", "toboolean", "tolower", "toupper", "abs", "ceil", "floor", "round", "sqrt", "sign", "range",
    "head", "last", "tail", "nodes", "relationships", "startnode", "endnode", "exists", "trim", "ltrim",
    "rtrim", "replace", "substring", "left", "right", "split", "reverse", "exp", "log", "log10", "sin",
    "cos", "tan", "pi", "e", "tostringornull", "tointegerornull", "tofloatornull", "tobooleanornull",
    "isempty", "rand", "elementid", Functions.mapProjection, Functions.dynamicLabels,
  ]

  /// The internal function a dynamic label or type test (`n:$(x)`, `n:$any(x)`, `[r:$(t)]`) is
  /// read as: its arguments are the node or relationship, the names (a string or a list of
  /// strings) and whether all of them must hold.
  static let dynamicLabels = " dynamiclabels"

  /// The internal function a map projection (`n {.name, .*, extra: 1}`) is read as: its
  /// arguments are the node or relationship (null gives null) and the maps to merge, left to
  /// right. The leading space keeps it out of what a query can name.
  static let mapProjection = " mapprojection"

  /// The text toString gives a number, boolean or string.
  static func toStringValue(_ v: QValue) -> String {
    switch v {
    case .int(let i): return String(i)
    case .float(let f): return formatFloat(f)
    case .bool(let b): return b ? "true" : "false"
    case .string(let s): return s
    default: return ""
    }
  }

  /// The error for a call of a function Cypher does not have, with what to write instead: the
  /// Cypher name of another language's function (substr, len, ifnull), a word on APOC, or
  /// the nearest names.
  static func unknown(_ name: String, at pos: SourcePosition) -> KgshError {
    let error = KgshError.semantic("unknown function \(name)()", code: "UnknownFunction", at: pos)
    let lower = name.lowercased()
    if lower.hasPrefix("apoc.") {
      return error.with(
        hint: "APOC is a Neo4j plugin, not part of Cypher; kgsh has the built-in functions (help match), "
          + "and list work reads as comprehensions: [x IN list WHERE ... | ...]")
    }
    if let instead = otherLanguages[lower] { return error.with(hint: "Cypher writes \(instead)") }
    let near = Names.suggestions(
      for: name, among: CypherVocabulary.functions + CypherVocabulary.forms, limit: 2)
    guard !near.isEmpty else { return error }
    return error.with(hint: "did you mean \(near.joinedText(" or "))?")
  }

  /// Other languages' functions and Cypher's way of saying them.
  static let otherLanguages = [
    "touppercase": "toUpper(s)", "tolowercase": "toLower(s)", "substr": "substring(s, start, length)",
    "len": "size(list) or size(string)", "strlen": "size(s)", "array_length": "size(list)",
    "count_distinct": "count(DISTINCT x)", "ifnull": "coalesce(x, fallback)", "nvl": "coalesce(x, fallback)",
    "isnull": "x IS NULL", "concat": "a + b or a || b", "now": "datetime()", "today": "date()",
    "current_date": "date()", "current_timestamp": "datetime()", "group_concat": "collect(x)",
    "string_agg": "collect(x)", "array_agg": "collect(x)",
    "sort": "WITH x ORDER BY x, then collect(x) for a sorted list",
    "contains": "s CONTAINS t", "startswith": "s STARTS WITH t", "endswith": "s ENDS WITH t",
    "int": "toInteger(x)",
    "float": "toFloat(x)", "str": "toString(x)", "string": "toString(x)", "bool": "toBoolean(x)",
  ]

  /// Whether `name` (lower case) is a scalar function of the language.
  static func isKnown(_ name: String) -> Bool {
    known.contains(name) || more.contains(name) || TemporalFunctions.names.contains(name)
  }

  /// The most numbers range() makes in one list (each item of a list takes 64 bytes: 640 MB).
  static let rangeLimit = 10_000_000

  /// range(a, b, step) as a list, refused when it would hold more than `rangeLimit` numbers
  /// (a billion of them asked for 64 GB and stopped the shell).
  static func rangeList(from a: Int64, to b: Int64, step: Int64) throws -> [QValue] {
    let count = max(0, ((Double(b) - Double(a)) / Double(step)).rounded(.down) + 1)
    if count > Double(rangeLimit) {
      throw KgshError.runtime(
        "range(\(a), \(b)\(step == 1 ? "" : ", \(step)")) would make \(FixedPoint.text(count, places: 0)) numbers, "
          + "more than the \(rangeLimit / 1_000_000) million one list may hold; use a smaller range or a larger step",
        code: "NumberOutOfRange")
    }
    return Swift.stride(from: a, through: b, by: Int(step)).map { .int($0) }
  }

  /// Floats always show a fraction or exponent (`1.0`, `1.5e-7`), like Cypher.
  package static func formatFloat(_ f: Double) -> String {
    if f.isNaN { return "NaN" }
    if f.isInfinite { return f < 0 ? "-Infinity" : "Infinity" }
    if f == f.rounded(), abs(f) < 1e16 { return FixedPoint.text(f, places: 1) }
    return "\(f)"
  }
}

extension Evaluator {
  func call(
    _ rawName: String, distinct: Bool, _ argExprs: [Expr], _ row: Row, _ scope: Scope, _ pos: SourcePosition
  ) throws -> QValue {
    let name = rawName.lowercased()
    if Expr.aggregateNames.contains(name) {
      throw KgshError.semantic(
        "aggregate \(rawName)() is only allowed in WITH and RETURN", code: "InvalidAggregation", at: pos)
    }
    guard Functions.isKnown(name) else {
      throw Functions.unknown(rawName, at: pos)
    }
    if name == "exists" {
      // exists((n)-->()): Cypher 4's spelling of a pattern predicate.
      if argExprs.count == 1, case .pattern = argExprs[0] { return try eval(argExprs[0], row, scope) }
      guard argExprs.count == 1, case .property = argExprs[0] else {
        throw KgshError.unsupported("exists() on anything but a property or a pattern", at: pos)
      }
      return .bool(!(try eval(argExprs[0], row, scope)).isNull)
    }
    let args = try argExprs.map { try eval($0, row, scope) }
    if let v = try TemporalFunctions.call(name, args) { return v }
    func arity(_ n: ClosedRange<Int>) throws {
      guard n.contains(args.count) else {
        throw KgshError.semantic(
          "\(rawName)() takes \(n.lowerBound == n.upperBound ? n.lowerBound.counted("argument") : "\(n.lowerBound) to \(n.upperBound) arguments"), got \(args.count)",
          code: "InvalidNumberOfArguments", at: pos)
      }
    }
    func bad(_ v: QValue) -> KgshError {
      // The TCK calls a wrong argument to a conversion or an element function an invalid value.
      let valueCodes: Set<String> = ["toboolean", "tofloat", "tointeger", "tostring", "type", "labels"]
      return KgshError.runtime(
        "\(rawName)() cannot take \(v.typeNameWithArticle)",
        code: valueCodes.contains(name) ? "InvalidArgumentValue" : "InvalidArgumentType")
    }
    if name == Functions.dynamicLabels {
      return try dynamicLabels(args[0], args[1], all: args[2] == .bool(true))
    }
    if name == Functions.mapProjection {
      if args.first?.isNull ?? true { return .null }
      var merged: [String: QValue] = [:]
      for case .map(let part) in args.dropFirst() { merged.merge(part) { $1 } }
      return .map(merged)
    }
    if name == "coalesce" {
      try arity(1...Int.max)
      return args.first { !$0.isNull } ?? .null
    }
    if name == "pi" { return .float(Double.pi) }
    if name == "rand" { return .float(Double.random(in: 0..<1)) }
    if name == "e" { return .float(M_E) }
    if ["replace", "substring", "left", "right", "split"].contains(name) {
      return try stringFunction(name, args, rawName, pos)
    }
    if let v = try moreFunction(name, args, rawName, pos) { return v }
    if let out = try rangeOrRound(name, args, arity, bad) { return out }
    try arity(1...1)
    let v = args[0]
    if v.isNull { return .null }
    if let out = try elementFunction(name, v, bad) { return out }
    if let out = try conversionFunction(name, v, bad) { return out }
    return try numberFunction(name, v, bad)
  }

  /// range(a, b[, step]) and round(x, places[, mode]).
  func rangeOrRound(
    _ name: String, _ args: [QValue], _ arity: (ClosedRange<Int>) throws -> Void, _ bad: (QValue) -> KgshError
  ) throws -> QValue? {
    if name == "range" {
      try arity(2...3)
      guard case .int(let a) = args[0], case .int(let b) = args[1] else {
        throw bad(args[0].isNull ? args[1] : args[0])
      }
      var step: Int64 = 1
      if args.count == 3 {
        guard case .int(let s) = args[2] else { throw bad(args[2]) }
        step = s
      }
      if step == 0 { throw KgshError.runtime("range() step must not be zero", code: "NumberOutOfRange") }
      return .list(try Functions.rangeList(from: a, to: b, step: step))
    }
    if name == "round", args.count >= 2 {
      try arity(2...3)
      if args.contains(where: \.isNull) { return .null }
      guard let f = args[0].number else { throw bad(args[0]) }
      guard case .int(let places) = args[1] else { throw bad(args[1]) }
      var mode = "HALF_UP"
      if args.count == 3 {
        guard case .string(let m) = args[2] else { throw bad(args[2]) }
        mode = m
      }
      guard let v = Functions.round(f, places: places, mode: mode) else {
        throw KgshError.runtime(
          "round() takes a rounding mode of UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN or HALF_EVEN, not '\(mode)'",
          code: "InvalidArgumentValue")
      }
      return v
    }
    return nil
  }

  /// The functions of a node, relationship or path (the rest to `collectionFunction`).
  func elementFunction(_ name: String, _ v: QValue, _ bad: (QValue) -> KgshError) throws -> QValue? {
    switch name {
    case "id", "elementid":
      // elementId is Neo4j 5's name for the same identity, as text.
      let id: Int64
      switch v {
      case .node(let n): id = graph.nodeIDs[Int(n)] != 0 ? graph.nodeIDs[Int(n)] : -Int64(n) - 1
      case .relationship(let r): id = graph.edgeIDs[Int(r)] != 0 ? graph.edgeIDs[Int(r)] : -Int64(r) - 1
      default: throw bad(v)
      }
      return name == "id" ? .int(id) : .string(String(id))
    case "labels":
      guard case .node(let n) = v else { throw bad(v) }
      try graph.checkNotDeleted(node: n)
      return .list(graph.labels(of: n).map { .string($0) })
    case "type":
      guard case .relationship(let r) = v else { throw bad(v) }
      return .string(graph.typeName(of: r))
    case "keys", "properties":
      let props: [String: QValue]
      switch v {
      case .node(let n): props = try graph.properties(ofNode: n)
      case .relationship(let r): props = try graph.properties(ofEdge: r)
      case .map(let m): props = m
      default: throw bad(v)
      }
      if name == "properties" { return .map(props.filter { !$0.value.isNull }) }
      return .list(props.keys.sorted().map { .string($0) })
    case "nodes", "relationships":
      guard case .path(let ns, let rs) = v else { throw bad(v) }
      return name == "nodes" ? .list(ns.map { .node($0) }) : .list(rs.map { .relationship($0) })
    case "startnode", "endnode":
      guard case .relationship(let r) = v else { throw bad(v) }
      return .node(name == "startnode" ? graph.edgeSrc[Int(r)] : graph.edgeDst[Int(r)])
    default: return try collectionFunction(name, v, bad)
    }
  }

  /// The functions of a list, string or map's size and ends, and a path's length.
  func collectionFunction(_ name: String, _ v: QValue, _ bad: (QValue) -> KgshError) throws -> QValue? {
    switch name {
    case "size":
      switch v {
      case .list(let l): return .int(Int64(l.count))
      case .string(let s): return .int(Int64(s.count))
      case .map(let m): return .int(Int64(m.count))
      default: throw bad(v)
      }
    case "isempty":
      switch v {
      case .list(let l): return .bool(l.isEmpty)
      case .string(let s): return .bool(s.isEmpty)
      case .map(let m): return .bool(m.isEmpty)
      default: throw bad(v)
      }
    case "length":
      switch v {
      case .path(_, let rels): return .int(Int64(rels.count))
      case .list(let l): return .int(Int64(l.count))
      case .string(let s): return .int(Int64(s.count))
      default: throw bad(v)
      }
    case "head", "last", "tail":
      guard case .list(let l) = v else { throw bad(v) }
      if name == "tail" { return .list(Array(l.dropFirst())) }
      return (name == "head" ? l.first : l.last) ?? .null
    case "reverse":
      switch v {
      case .list(let l): return .list(l.reversed())
      case .string(let s): return .string(String(s.reversed()))
      default: throw bad(v)
      }
    default: return nil
    }
  }

  /// Conversions, and the string functions of one argument.
  func conversionFunction(_ name: String, _ v: QValue, _ bad: (QValue) -> KgshError) throws -> QValue? {
    switch name {
    case "tostring", "tostringornull":
      switch v {
      case .int, .float, .bool, .string: return .string(Functions.toStringValue(v))
      default:
        if name == "tostringornull" { return .null }
        throw bad(v)
      }
    case "tointeger", "tointegerornull":
      switch v {
      case .int: return v
      case .float(let f):
        guard f.isFinite, let i = Int64(exactly: f.rounded(.towardZero)) else { return .null }
        return .int(i)
      case .string(let s):
        let t = s.trimmingCharacters(in: .whitespaces)
        if let i = Int64(t) { return .int(i) }
        if let f = Double(t), f.isFinite, let i = Int64(exactly: f.rounded(.towardZero)) { return .int(i) }
        return .null
      case .bool(let b) where name == "tointeger": return .int(b ? 1 : 0)
      default:
        if name == "tointegerornull" { return .null }
        throw bad(v)
      }
    case "tofloat", "tofloatornull":
      switch v {
      case .int(let i): return .float(Double(i))
      case .float: return v
      case .string(let s): return Double(s.trimmingCharacters(in: .whitespaces)).map { .float($0) } ?? .null
      default:
        if name == "tofloatornull" { return .null }
        throw bad(v)
      }
    case "toboolean", "tobooleanornull":
      switch v {
      case .bool: return v
      case .string(let s):
        switch s.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: return .null
        }
      case .int(let i) where name == "toboolean": return .bool(i != 0)
      default:
        if name == "tobooleanornull" { return .null }
        throw bad(v)
      }
    case "tolower", "toupper", "trim", "ltrim", "rtrim":
      guard case .string(let s) = v else { throw bad(v) }
      switch name {
      case "tolower": return .string(s.lowercased())
      case "toupper": return .string(s.uppercased())
      case "trim": return .string(s.trimmingCharacters(in: .whitespaces))
      case "ltrim": return .string(String(s.drop { $0 == " " || $0 == "\t" }))
      default: return .string(String(s.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
      }
    default: return nil
    }
  }

  /// The numeric functions of one argument.
  func numberFunction(_ name: String, _ v: QValue, _ bad: (QValue) -> KgshError) throws -> QValue {
    switch name {
    case "abs":
      switch v {
      case .int(let i):
        // abs of the smallest integer does not fit (it stopped the shell).
        if i == .min { throw KgshError.runtime("integer overflow in abs(\(i))", code: "IntegerOverflow") }
        return .int(abs(i))
      case .float(let f): return .float(abs(f))
      default: throw bad(v)
      }
    case "sign":
      guard let f = v.number else { throw bad(v) }
      return .int(f > 0 ? 1 : (f < 0 ? -1 : 0))
    default:
      guard let f = v.number else { throw bad(v) }
      switch name {
      case "ceil": return .float(f.rounded(.up))
      case "floor": return .float(f.rounded(.down))
      case "round": return .float((f).rounded(.toNearestOrAwayFromZero))
      case "sqrt": return .float(f.squareRoot())
      case "exp": return .float(Foundation.exp(f))
      case "log": return .float(Foundation.log(f))
      case "log10": return .float(Foundation.log10(f))
      case "sin": return .float(Foundation.sin(f))
      case "cos": return .float(Foundation.cos(f))
      default: return .float(Foundation.tan(f))
      }
    }
  }

  func stringFunction(_ name: String, _ args: [QValue], _ rawName: String, _ pos: SourcePosition) throws
    -> QValue
  {
    let counts = ["replace": 3...3, "substring": 2...3, "left": 2...2, "right": 2...2, "split": 2...2]
    guard counts[name]!.contains(args.count) else {
      throw KgshError.semantic(
        "wrong number of arguments to \(rawName)()", code: "InvalidNumberOfArguments", at: pos)
    }
    if args.contains(where: \.isNull) { return .null }
    guard case .string(let s) = args[0] else {
      throw KgshError.runtime("\(rawName)() expects a string", code: "InvalidArgumentType")
    }
    let chars = Array(s)
    func int(_ v: QValue, _ what: String = "length") throws -> Int {
      guard case .int(let i) = v else {
        throw KgshError.runtime("\(rawName)() expects an integer", code: "InvalidArgumentType")
      }
      if i < 0 {
        throw KgshError.runtime(
          "\(rawName)() got a negative \(what) (\(i))\(what == "start" ? "; positions count from 0" : "")",
          code: "NegativeIntegerArgument")
      }
      return Int(min(i, Int64(Int32.max)))
    }
    switch name {
    case "replace":
      guard case .string(let a) = args[1], case .string(let b) = args[2] else {
        throw KgshError.runtime("replace() expects strings", code: "InvalidArgumentType")
      }
      return .string(a.isEmpty ? s : s.replacingOccurrences(of: a, with: b))
    case "split":
      guard case .string(let d) = args[1] else {
        throw KgshError.runtime("split() expects a string delimiter", code: "InvalidArgumentType")
      }
      if d.isEmpty { return .list(chars.map { .string(String($0)) }) }
      return .list(s.components(separatedBy: d).map { .string($0) })
    case "left":
      return .string(String(chars.prefix(try int(args[1]))))
    case "right":
      return .string(String(chars.suffix(try int(args[1]))))
    default:
      let start = try int(args[1], "start")
      let len = args.count == 3 ? try int(args[2]) : chars.count
      guard start < chars.count else { return .string("") }
      return .string(String(chars[start..<min(chars.count, start + len)]))
    }
  }
}

import Foundation
import KnowledgeGraph

/// Variables visible at one point of a query: name to slot in the row, and what each holds.
struct Scope: Sendable {
  /// `value` is unknown; `scalar` is known not to be a node, relationship or path.
  /// `map` is a map value (its keys read like properties).
  enum Kind: Sendable { case node, relationship, relationshipList, path, value, scalar, map }
  var names: [String] = []
  var slots: [String: Int] = [:]
  var kinds: [String: Kind] = [:]

  var count: Int { names.count }

  @discardableResult
  mutating func add(_ name: String, _ kind: Kind) -> Int {
    if let s = slots[name] { return s }
    let slot = names.count
    names.append(name)
    slots[name] = slot
    kinds[name] = kind
    return slot
  }

  /// Names the user wrote (not the engine's anonymous variables).
  var userNames: [String] { names.filter { !$0.hasPrefix(" ") } }
}

typealias Row = [QValue]

/// Evaluates expressions against a row.
struct Evaluator {
  let graph: QueryGraph
  let parameters: [String: QValue]
  let patterns = RegexCache()
  /// The query's Ctrl-C and timeout check (loops over lists call it per item).
  var stop = StopCheck()

  func eval(_ e: Expr, _ row: Row, _ scope: Scope) throws -> QValue {
    switch e {
    case .literal(let v): return v
    case .parameter(let name, let pos):
      guard let v = parameters[name] else {
        throw KgshError.semantic("parameter $\(name) is not set", code: "ParameterMissing", at: pos)
      }
      return v
    case .variable(let name, let pos):
      guard let slot = scope.slots[name] else {
        throw KgshError.semantic("variable '\(name)' is not defined", code: "UndefinedVariable", at: pos)
      }
      return slot < row.count ? row[slot] : .null
    case .property(let base, let key):
      return try property(try eval(base, row, scope), key)
    case .list(let items): return .list(try items.map { try eval($0, row, scope) })
    case .map(let entries):
      var m: [String: QValue] = [:]
      for (k, v) in entries { m[k] = try eval(v, row, scope) }
      return .map(m)
    case .unary(let op, let operand): return try unary(op, try eval(operand, row, scope))
    case .binary(let op, let l, let r): return try binary(op, l, r, row, scope)
    case .isNull(let operand, let negated):
      let v = try eval(operand, row, scope)
      return .bool(v.isNull != negated)
    case .isType(let operand, let type, let negated):
      return .bool(type.admits(try eval(operand, row, scope)) != negated)
    case .hasLabels(let operand, let labels): return try hasLabels(try eval(operand, row, scope), labels)
    case .function(let name, let distinct, let args, let pos):
      return try call(name, distinct: distinct, args, row, scope, pos)
    case .countStar:
      throw KgshError.semantic("count(*) is only allowed in WITH and RETURN", code: "InvalidAggregation")
    case .index(let base, let idx):
      return try index(base, idx, row, scope)
    case .slice(let base, let lo, let hi):
      return try slice(base, lo, hi, row, scope)
    case .caseExpr(let subject, let whens, let otherwise):
      return try caseValue(subject, whens, otherwise, row, scope)
    case .listComprehension(let variable, let list, let predicate, let map):
      return try listComprehension(variable, list, predicate, map, row, scope)
    case .pattern(let p): return .bool(try exists(p, row, scope))
    case .subquery(let q, let kind, _):
      return try subqueryValue(q, kind, row, scope)
    case .patternComprehension(let p, let predicate, let map):
      return try comprehension(p, predicate, map, row, scope)
    case .reduce(let accumulator, let initial, let variable, let list, let step):
      return try reduce(accumulator, initial, variable, list, step, row, scope)
    case .quantifier(let kind, let variable, let list, let predicate):
      return try quantifier(kind, variable, list, predicate, row, scope)
    }
  }

  /// NOT, unary minus and plus.
  func unary(_ op: UnaryOp, _ v: QValue) throws -> QValue {
    switch op {
    case .not:
      switch try truth(v) {
      case .yes: return .bool(false)
      case .no: return .bool(true)
      case .unknown: return .null
      }
    case .minus:
      switch v {
      case .null: return .null
      case .int(let i):
        let (r, overflow) = Int64(0).subtractingReportingOverflow(i)
        if overflow { throw KgshError.runtime("integer overflow in -\(i)", code: "IntegerOverflow") }
        return .int(r)
      case .float(let f): return .float(-f)
      default: throw typeError("-", v)
      }
    case .plus:
      if case .null = v { return .null }
      guard v.number != nil else { throw typeError("+", v) }
      return v
    }
  }

  /// `n:Label` (every label given), and a relationship's type as its one label.
  func hasLabels(_ v: QValue, _ labels: [String]) throws -> QValue {
    switch v {
    case .null: return .null
    case .node(let n):
      for label in labels {
        guard let l = graph.labelIndex[label], graph.hasLabel(n, l) else { return .bool(false) }
      }
      return .bool(true)
    case .relationship(let r):
      // A relationship "has" its one type as a label.
      return .bool(labels.allSatisfy { $0 == graph.typeName(of: r) })
    default: throw typeError("a label check", v)
    }
  }

  private struct Found: Error {}

  /// Whether a pattern predicate has at least one match for this row.
  /// A scope and row with one more slot for the loop variable of a list comprehension or
  /// quantifier; the caller assigns each item to `row[slot]`.
  func bindLoopVariable(_ variable: String, _ row: Row, _ scope: Scope) -> (Scope, Int, Row) {
    var inner = scope
    let slot = inner.names.count
    inner.names.append(variable)
    inner.slots[variable] = slot
    inner.kinds[variable] = .value
    var r = row
    while r.count < slot { r.append(.null) }
    r.append(.null)
    return (inner, slot, r)
  }

  func exists(_ pattern: PathPattern, _ row: Row, _ scope: Scope) throws -> Bool {
    var planner = Planner(graph: graph, anonymousCounter: 10_000)
    let plan = try planner.plan(
      MatchClause(optional: false, patterns: [pattern], predicate: nil, position: pattern.position),
      scope: scope)
    var inner = scope
    for (name, kind) in plan.newVariables { inner.add(name, kind) }
    do {
      try Matcher(plan: plan, scope: inner, evaluator: self).run(row) { _ in throw Found() }
    } catch is Found {
      return true
    }
    return false
  }

  /// The values of `map` for every match of a pattern that satisfies `predicate`.
  func comprehension(_ pattern: PathPattern, _ predicate: Expr?, _ map: Expr, _ row: Row, _ scope: Scope)
    throws
    -> QValue
  {
    var planner = Planner(graph: graph, anonymousCounter: 20_000)
    let plan = try planner.plan(
      MatchClause(optional: false, patterns: [pattern], predicate: nil, position: pattern.position),
      scope: scope)
    var inner = scope
    for (name, kind) in plan.newVariables { inner.add(name, kind) }
    var out: [QValue] = []
    try Matcher(plan: plan, scope: inner, evaluator: self).run(row) { match in
      if let predicate, try truth(try eval(predicate, match, inner)) != .yes { return }
      out.append(try eval(map, match, inner))
    }
    return .list(out)
  }

  func typeError(_ what: String, _ v: QValue) -> KgshError {
    KgshError.runtime("\(what) cannot be applied to \(v.typeNameWithArticle)", code: "InvalidArgumentType")
  }

  /// The truth of a value in a predicate: booleans and null only.
  func truth(_ v: QValue) throws -> Ternary {
    switch v {
    case .bool(let b): return Ternary(b)
    case .null: return .unknown
    default:
      throw KgshError.runtime("expected a boolean, got \(v.typeNameWithArticle)", code: "InvalidArgumentType")
    }
  }

  func property(_ v: QValue, _ key: String) throws -> QValue {
    switch v {
    case .null: return .null
    case .node(let n):
      try graph.checkNotDeleted(node: n)
      return try graph.properties(ofNode: n)[key] ?? .null
    case .relationship(let r):
      try graph.checkNotDeleted(relationship: r)
      return try graph.properties(ofEdge: r)[key] ?? .null
    case .map(let m): return m[key] ?? .null
    case .temporal(let t):
      if let v = t.property(key) { return v }
      throw KgshError.runtime("a \(t.typeName) has no property '\(key)'", code: "InvalidArgumentType")
    case .list:
      // A list of nodes from a quantified path pattern, often: say how to read each item.
      var error = KgshError.runtime("cannot read property '\(key)' of a List", code: "InvalidArgumentType")
      error.hint = "read it of each item: [x IN list | x.\(key)]"
      throw error
    default:
      throw KgshError.runtime(
        "cannot read property '\(key)' of \(v.typeNameWithArticle)", code: "InvalidArgumentType")
    }
  }
}

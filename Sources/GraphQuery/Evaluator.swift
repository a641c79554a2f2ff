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
    case .unary(let op, let operand):
      let v = try eval(operand, row, scope)
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
    case .binary(let op, let l, let r): return try binary(op, l, r, row, scope)
    case .isNull(let operand, let negated):
      let v = try eval(operand, row, scope)
      return .bool(v.isNull != negated)
    case .isType(let operand, let type, let negated):
      return .bool(type.admits(try eval(operand, row, scope)) != negated)
    case .hasLabels(let operand, let labels):
      let v = try eval(operand, row, scope)
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
    case .function(let name, let distinct, let args, let pos):
      return try call(name, distinct: distinct, args, row, scope, pos)
    case .countStar:
      throw KgshError.semantic("count(*) is only allowed in WITH and RETURN", code: "InvalidAggregation")
    case .index(let base, let idx):
      let b = try eval(base, row, scope), i = try eval(idx, row, scope)
      switch (b, i) {
      case (.null, _), (_, .null): return .null
      case (.list(let items), .int(let k)):
        let n = Int64(items.count)
        let j = k < 0 ? n + k : k
        return j >= 0 && j < n ? items[Int(j)] : .null
      case (.map, .string(let key)), (.node, .string(let key)), (.relationship, .string(let key)):
        return try property(b, key)
      case (.list, _), (.map, _):
        throw KgshError.runtime(
          "cannot index a \(b.typeName) with a \(i.typeName)",
          code: b.typeName == "Map" ? "MapElementAccessByNonString" : "InvalidArgumentType")
      default:
        throw KgshError.runtime("cannot index a \(b.typeName)", code: "InvalidArgumentType")
      }
    case .slice(let base, let lo, let hi):
      let b = try eval(base, row, scope)
      let l = try lo.map { try eval($0, row, scope) }
      let h = try hi.map { try eval($0, row, scope) }
      if b.isNull || l?.isNull == true || h?.isNull == true { return .null }
      guard case .list(let items) = b else { throw typeError("a slice", b) }
      let n = items.count
      func bound(_ v: QValue?, _ dflt: Int) throws -> Int {
        guard let v else { return dflt }
        guard case .int(let k) = v else { throw typeError("a slice bound", v) }
        let j = k < 0 ? Int64(n) + k : k
        return Int(max(0, min(Int64(n), j)))
      }
      let a = try bound(l, 0), z = try bound(h, n)
      return a < z ? .list(Array(items[a..<z])) : .list([])
    case .caseExpr(let subject, let whens, let otherwise):
      if let subject {
        let s = try eval(subject, row, scope)
        for (w, t) in whens where QValue.equals(s, try eval(w, row, scope)) == .yes {
          return try eval(t, row, scope)
        }
      } else {
        for (w, t) in whens where try truth(try eval(w, row, scope)) == .yes {
          return try eval(t, row, scope)
        }
      }
      return try otherwise.map { try eval($0, row, scope) } ?? .null
    case .listComprehension(let variable, let list, let predicate, let map):
      let l = try eval(list, row, scope)
      if l.isNull { return .null }
      guard case .list(let items) = l else { throw typeError("IN of a list comprehension", l) }
      var (inner, slot, r) = bindLoopVariable(variable, row, scope)
      var out: [QValue] = []
      for item in items {
        try stop.tick()
        r[slot] = item
        if let predicate, try truth(try eval(predicate, r, inner)) != .yes { continue }
        out.append(try map.map { try eval($0, r, inner) } ?? item)
      }
      return .list(out)
    case .pattern(let p): return .bool(try exists(p, row, scope))
    case .subquery(let q, let kind, _):
      var executor = Executor(graph: graph, parameters: parameters, stop: stop)
      let (first, collect, _) = try executor.build(q, initial: scope, subquery: true)
      try first.push(row)
      try first.finish()
      switch kind {
      case .exists: return .bool(!collect.rows.isEmpty)
      case .count: return .int(Int64(collect.rows.count))
      case .collect: return .list(collect.rows.map { $0.first ?? .null })
      }
    case .patternComprehension(let p, let predicate, let map):
      return try comprehension(p, predicate, map, row, scope)
    case .reduce(let accumulator, let initial, let variable, let list, let step):
      var value = try eval(initial, row, scope)
      let l = try eval(list, row, scope)
      if l.isNull { return .null }
      guard case .list(let items) = l else { throw typeError("IN of reduce()", l) }
      let (withAcc, accSlot, accRow) = bindLoopVariable(accumulator, row, scope)
      var (inner, slot, r) = bindLoopVariable(variable, accRow, withAcc)
      for item in items {
        try stop.tick()
        r[accSlot] = value
        r[slot] = item
        value = try eval(step, r, inner)
      }
      return value
    case .quantifier(let kind, let variable, let list, let predicate):
      let l = try eval(list, row, scope)
      if l.isNull { return .null }
      guard case .list(let items) = l else { throw typeError("\(kind.lowercased())()", l) }
      var (inner, slot, r) = bindLoopVariable(variable, row, scope)
      var yes = 0, unknown = 0
      for item in items {
        try stop.tick()
        r[slot] = item
        switch try truth(try eval(predicate, r, inner)) {
        case .yes: yes += 1
        case .unknown: unknown += 1
        case .no: break
        }
      }
      let no = items.count - yes - unknown
      switch kind {
      case "ALL": return no > 0 ? .bool(false) : (unknown > 0 ? .null : .bool(true))
      case "ANY": return yes > 0 ? .bool(true) : (unknown > 0 ? .null : .bool(false))
      case "NONE": return yes > 0 ? .bool(false) : (unknown > 0 ? .null : .bool(true))
      default:
        if yes > 1 { return .bool(false) }
        if unknown > 0 { return .null }
        return .bool(yes == 1)
      }
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

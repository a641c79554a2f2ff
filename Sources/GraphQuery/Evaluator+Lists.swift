import KnowledgeGraph

/// The expressions that index, slice, choose or loop: `list[i]`, `list[a..b]`, CASE, list
/// comprehensions, reduce, the list predicates and subqueries.
extension Evaluator {
  func index(_ base: Expr, _ idx: Expr, _ row: Row, _ scope: Scope) throws -> QValue {
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
    case (.string, _):
      throw KgshError(
        .runtime, "cannot index a String", hint: Self.partOfText, code: "InvalidArgumentType")
    default:
      throw KgshError.runtime("cannot index a \(b.typeName)", code: "InvalidArgumentType")
    }
  }

  /// What takes part of a text in Cypher, which neither indexes nor slices strings.
  static let partOfText =
    "substring(text, start, length) takes part of a text; left(text, n) and right(text, n) its ends"

  func slice(_ base: Expr, _ lo: Expr?, _ hi: Expr?, _ row: Row, _ scope: Scope) throws -> QValue {
    let b = try eval(base, row, scope)
    let l = try lo.map { try eval($0, row, scope) }
    let h = try hi.map { try eval($0, row, scope) }
    if b.isNull || l?.isNull == true || h?.isNull == true { return .null }
    guard case .list(let items) = b else {
      if case .string = b {
        throw KgshError(
          .runtime, "a slice cannot be applied to a String", hint: Self.partOfText,
          code: "InvalidArgumentType")
      }
      throw typeError("a slice", b)
    }
    let n = items.count
    func bound(_ v: QValue?, _ dflt: Int) throws -> Int {
      guard let v else { return dflt }
      guard case .int(let k) = v else { throw typeError("a slice bound", v) }
      let j = k < 0 ? Int64(n) + k : k
      return Int(max(0, min(Int64(n), j)))
    }
    let a = try bound(l, 0), z = try bound(h, n)
    return a < z ? .list(Array(items[a..<z])) : .list([])
  }

  func caseValue(_ subject: Expr?, _ whens: [(Expr, Expr)], _ otherwise: Expr?, _ row: Row, _ scope: Scope)
    throws -> QValue
  {
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
  }

  func listComprehension(
    _ variable: String, _ list: Expr, _ predicate: Expr?, _ map: Expr?, _ row: Row, _ scope: Scope
  ) throws -> QValue {
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
  }

  func subqueryValue(_ q: Query, _ kind: SubqueryKind, _ row: Row, _ scope: Scope) throws -> QValue {
    var executor = Executor(graph: graph, parameters: parameters, stop: stop)
    let (first, collect, _) = try executor.build(q, initial: scope, subquery: true)
    try first.push(row)
    try first.finish()
    switch kind {
    case .exists: return .bool(!collect.rows.isEmpty)
    case .count: return .int(Int64(collect.rows.count))
    case .collect: return .list(collect.rows.map { $0.first ?? .null })
    }
  }

  func reduce(
    _ accumulator: String, _ initial: Expr, _ variable: String, _ list: Expr, _ step: Expr, _ row: Row,
    _ scope: Scope
  ) throws -> QValue {
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
  }

  func quantifier(
    _ kind: String, _ variable: String, _ list: Expr, _ predicate: Expr, _ row: Row, _ scope: Scope
  ) throws -> QValue {
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

import KnowledgeGraph

/// `CALL { ... }`: the body is built once and run for each incoming row.
extension Executor {
  /// Builds the stage for a CALL { } subquery and adds what it returns to `scope`.
  ///
  /// The body sees the outer variables it imports: those `CALL (a, b)` names, or those a
  /// first `WITH a, b` of plain names carries in; a body that imports nothing runs on its own
  /// (its `n` is not the outer `n`). Each part of a UNION imports for itself.
  mutating func subqueryStage(_ s: SubqueryCall, _ scope: inout Scope) throws -> Stage {
    let outer = scope
    var parts: [SubqueryStage.Part] = []
    var returned: [String]?
    var kinds: [String: Scope.Kind] = [:]
    for part in s.parts {
      try Executor.validate(part)
      var clauses = part.clauses
      let imports: Bool
      if let names = s.imports {
        for name in names where outer.slots[name] == nil {
          throw KgshError(
            .semantic, "variable '\(name)' is not defined",
            hint: "CALL (...) imports variables bound before it",
            code: "UndefinedVariable", at: s.position)
        }
        let items = names.map {
          ProjectionItem(expression: .variable($0, s.position), name: $0, hasAlias: false)
        }
        clauses.insert(
          .with(Projection(star: s.importsAll, items: items, position: s.position), where: nil), at: 0)
        imports = s.importsAll || !names.isEmpty
      } else {
        imports = try Self.importingWith(clauses.first, outer)
      }
      if case .return(let p)? = part.clauses.last {
        for item in p.items where !item.hasAlias {
          guard case .variable = item.expression else {
            throw KgshError.semantic(
              "the expression '\(item.name)' in a CALL { } subquery's RETURN needs an alias (AS name)",
              code: "NoExpressionAlias", at: p.position)
          }
        }
      }
      var inner = Executor(graph: graph, parameters: evaluator.parameters, stop: evaluator.stop)
      inner.procedures = procedures
      let (first, collect, columns) = try inner.build(
        Query(clauses: clauses), initial: imports ? outer : Scope(), subquery: true)
      var names: [String] = []
      if case .return? = part.clauses.last { names = columns }
      if let returned, returned != names {
        throw KgshError.semantic(
          "every part of a UNION in CALL { } must return the same columns "
            + "(\(returned.joinedText(", ")) vs \(names.joinedText(", ")))",
          code: "DifferentColumnsInUnion", at: s.position)
      }
      returned = names
      for name in names { kinds[name] = inner.outputScope.kinds[name] ?? .value }
      parts.append(SubqueryStage.Part(first: first, collect: collect, imports: imports))
    }
    for name in returned ?? [] {
      if outer.slots[name] != nil {
        throw KgshError(
          .semantic, "variable '\(name)' is already bound outside the CALL { } subquery",
          hint: "return it under another name (AS)", code: "VariableAlreadyBound", at: s.position)
      }
      scope.add(name, kinds[name] ?? .value)
    }
    return SubqueryStage(
      parts: parts, width: outer.count, returning: returned?.count ?? 0,
      distinct: !s.body.unionParts.isEmpty && !s.body.unionAll)
  }

  /// Whether a body starting with `clause` imports: a first WITH of plain outer variables
  /// (`WITH a, b` or `WITH *`). A first WITH that reads outer variables in expressions is
  /// refused, as its intent (import or not) is unclear.
  static func importingWith(_ clause: Clause?, _ outer: Scope) throws -> Bool {
    guard case .with(let p, _)? = clause else { return false }
    if p.star { return true }
    let plain = p.items.allSatisfy { item in
      if case .variable(let name, _) = item.expression { return name == item.name }
      return false
    }
    if plain { return true }
    let outerNames = Set(outer.userNames)
    if p.items.contains(where: { !$0.expression.variables.isDisjoint(with: outerNames) }) {
      throw KgshError(
        .semantic, "a CALL { } subquery imports outer variables with a first WITH of plain names",
        hint: "write CALL { WITH n ... } or CALL (n) { ... }, then compute from n inside",
        code: "InvalidImportingWith", at: p.position)
    }
    return false
  }
}

/// Runs a subquery's parts for each incoming row and passes on that row joined to each row
/// they return (the row itself, once, for a unit subquery).
final class SubqueryStage: Stage {
  struct Part {
    let first: Stage
    let collect: CollectStage
    let imports: Bool
  }
  let parts: [Part]
  let width: Int
  let returning: Int
  let distinct: Bool

  init(parts: [Part], width: Int, returning: Int, distinct: Bool) {
    self.parts = parts
    self.width = width
    self.returning = returning
    self.distinct = distinct
  }

  override func push(_ row: Row) throws {
    var base = Array(row.prefix(width))
    while base.count < width { base.append(.null) }
    var results: [Row] = []
    for part in parts {
      part.collect.rows = []
      do {
        try part.first.push(part.imports ? base : [])
        try part.first.finish()
      } catch is PipelineDone {}
      if returning > 0 { results += part.collect.rows.map { Array($0.prefix(returning)) } }
    }
    if returning == 0 { return try next!.push(base) }
    if distinct {
      var seen: Set<[QValue]> = []
      results = results.filter { seen.insert($0.map(\.groupKey)).inserted }
    }
    for r in results { try next!.push(base + r) }
  }
}

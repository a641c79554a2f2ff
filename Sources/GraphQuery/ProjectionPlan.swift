import KnowledgeGraph

/// What a WITH or RETURN computes, worked out and checked once before any row arrives:
/// its columns, the aggregates taken out of them, the grouping keys, and the sort.
struct ProjectionPlan {
  /// The projected columns' names and kinds.
  var output = Scope()
  /// Item expressions with aggregates replaced by ` aggN` variables.
  var items: [Expr] = []
  var aggregates: [Expr] = []
  /// The items that group (those without an aggregate).
  var groupingItems: [Int] = []
  /// Grouping keys that are not columns (a map projection's variable).
  var implicitKeys: [Expr] = []
  /// ORDER BY sees the projected names first, then the input's variables, then the aggregates.
  var sortScope = Scope()
  var order: [SortItem] = []

  init(_ p: Projection, input: Scope, evaluator: Evaluator, isReturn: Bool) throws {
    let projected = try Self.items(of: p, input: input, isReturn: isReturn)
    try StaticCheck.checkOrderByAggregation(p.orderBy, projected)
    try addColumns(projected, input: input, evaluator: evaluator, isReturn: isReturn, at: p.position)
    if !aggregates.isEmpty {
      let keys = groupingItems.map { projected[$0].expression } + implicitKeys
      for item in projected where item.expression.containsAggregate {
        try StaticCheck.checkAggregationItem(item.expression, groupingKeys: keys)
      }
    }
    let aggregatingItems = !aggregates.isEmpty
    try planSort(p.orderBy, input: input)
    if aggregatingItems {
      try Self.checkOrderAggregates(p.orderBy, projected: projected, columns: output)
    } else if p.orderBy.contains(where: \.expression.containsAggregate) {
      throw KgshError.semantic(
        "ORDER BY can only aggregate when the projection aggregates", code: "InvalidAggregation",
        at: p.position)
    }
    if aggregatingItems || p.distinct {
      // Only projected columns, or expressions equal to projected ones, remain visible.
      let projectedForms = Set(projected.map { StaticCheck.canonical($0.expression) })
      for item in order {
        try StaticCheck.checkOnlyProjected(item.expression, projectedForms, Set(output.names))
      }
    }
  }

  /// The items written, after `*`'s variables in name order.
  static func items(of p: Projection, input: Scope, isReturn: Bool) throws -> [ProjectionItem] {
    guard p.star else { return p.items }
    let names = input.userNames.sorted()
    if isReturn && names.isEmpty && p.items.isEmpty {
      throw KgshError.semantic(
        "RETURN * needs at least one variable in scope", code: "NoVariablesInScope", at: p.position)
    }
    let all = names.map { ProjectionItem(expression: .variable($0, p.position), name: $0, hasAlias: true) }
    return all + p.items
  }

  /// Checks each item and adds it as a column, taking its aggregates out.
  private mutating func addColumns(
    _ projected: [ProjectionItem], input: Scope, evaluator: Evaluator, isReturn: Bool,
    at position: SourcePosition
  ) throws {
    var seen: Set<String> = []
    let visible = Set(input.names)
    for (i, item) in projected.enumerated() {
      if case .variable(let name, let pos)? = item.expression.undefinedVariable(visible) {
        throw KgshError.semantic("variable '\(name)' is not defined", code: "UndefinedVariable", at: pos)
      }
      if !isReturn && !item.hasAlias {
        if case .variable = item.expression {
        } else {
          throw KgshError.semantic(
            "the expression '\(item.name)' in WITH needs an alias (AS name)", code: "NoExpressionAlias",
            at: position)
        }
      }
      guard seen.insert(item.name).inserted else {
        throw KgshError.semantic(
          "column '\(item.name)' appears twice", code: "ColumnNameConflict", at: position)
      }
      if case .pattern(let pattern) = item.expression {
        throw KgshError.syntax(
          "a pattern cannot be a column; use COUNT { } or a pattern comprehension", at: pattern.position,
          code: "UnexpectedSyntax")
      }
      try StaticCheck.check(item.expression, input)
      try StaticCheck.checkConstantTypes(item.expression, evaluator)
      output.add(item.name, StaticCheck.kind(of: item.expression, input))
      guard item.expression.containsAggregate else {
        items.append(item.expression)
        groupingItems.append(i)
        continue
      }
      items.append(try item.expression.extractingAggregates(&aggregates))
      if let key = ProjectionStage.projectedVariable(item.expression),
        !implicitKeys.contains(where: { StaticCheck.canonical($0) == StaticCheck.canonical(key) })
      {
        implicitKeys.append(key)
      }
    }
  }

  /// The sort's scope and items; ORDER BY's aggregates join the projection's.
  private mutating func planSort(_ orderBy: [SortItem], input: Scope) throws {
    sortScope = output
    for name in input.names where sortScope.slots[name] == nil {
      sortScope.names.append(name)
      sortScope.slots[name] = output.count + input.slots[name]!
      sortScope.kinds[name] = input.kinds[name]
    }
    for s in orderBy {
      var e = s.expression
      if e.containsAggregate { e = try e.extractingAggregates(&aggregates) }
      order.append(SortItem(expression: e, ascending: s.ascending, nullsFirst: s.nullsFirst))
    }
    for k in 0..<aggregates.count {
      let name = " agg\(k)"
      sortScope.names.append(name)
      sortScope.slots[name] = output.count + input.count + k
      sortScope.kinds[name] = .value
    }
    let sortVisible = Set(sortScope.names)
    for s in order {
      if case .variable(let name, let pos)? = s.expression.undefinedVariable(sortVisible) {
        throw KgshError.semantic("variable '\(name)' is not defined", code: "UndefinedVariable", at: pos)
      }
    }
  }

  /// After grouping only the projected columns exist: an aggregate in ORDER BY that is not
  /// itself a column may only read those.
  private static func checkOrderAggregates(
    _ orderBy: [SortItem], projected: [ProjectionItem], columns: Scope
  ) throws {
    func aggregateCalls(_ e: Expr) -> [Expr] {
      var calls: [Expr] = []
      e.visit { sub in
        if case .function(let name, _, _, _) = sub, Expr.aggregateNames.contains(name.lowercased()) {
          calls.append(sub)
        }
      }
      return calls
    }
    let projectedCalls = Set(projected.flatMap { aggregateCalls($0.expression) }.map(StaticCheck.canonical))
    for s in orderBy {
      for call in aggregateCalls(s.expression) where !projectedCalls.contains(StaticCheck.canonical(call)) {
        if case .variable(let name, let pos)? = call.undefinedVariable(Set(columns.names)) {
          throw KgshError.semantic(
            "variable '\(name)' is not defined after the aggregation", code: "UndefinedVariable", at: pos)
        }
      }
    }
  }
}

import KnowledgeGraph

/// SET, REMOVE, DELETE, DETACH DELETE and MERGE.
extension Parser {
  mutating func writeClause(_ word: String, _ start: SourcePosition) throws -> Clause {
    advance()
    switch word {
    case "SET": return .set(try setItems(), start)
    case "REMOVE":
      var items: [RemoveItem] = []
      repeat { items.append(try removeItem()) } while acceptSymbol(",")
      return .remove(items, start)
    case "DETACH":
      try expectKeyword("DELETE")
      return .delete(try deleteTargets(), detach: true, start)
    case "DELETE": return .delete(try deleteTargets(), detach: false, start)
    default: return .merge(try mergeBody(start))
    }
  }

  mutating func deleteTargets() throws -> [Expr] {
    var targets: [Expr] = []
    repeat { targets.append(try expression()) } while acceptSymbol(",")
    return targets
  }

  mutating func setItems() throws -> [SetItem] {
    var items: [SetItem] = []
    repeat { items.append(try setItem()) } while acceptSymbol(",")
    return items
  }

  /// `n.key = e`, `n = e`, `n += e`, `n:A:B`, or `(expr).key = e`.
  mutating func setItem() throws -> SetItem {
    let start = position
    if isSymbol("(") {
      let target = try propertyTarget()
      try expectSymbol("=")
      return .property(target: target.0, key: target.1, value: try expression())
    }
    let variable = try name("a variable to SET")
    if isSymbol(":") {
      return .labels(variable: variable, try labelList(), start)
    }
    if acceptSymbol("=") {
      return .properties(variable: variable, value: try expression(), merge: false, start)
    }
    if acceptSymbol("+=") {
      return .properties(variable: variable, value: try expression(), merge: true, start)
    }
    var target = Expr.variable(variable, start)
    guard acceptSymbol(".") else { throw unexpected("expected '.', '=', '+=' or ':' after \(variable)") }
    var key = try name("a property name")
    while acceptSymbol(".") {
      target = .property(target, key)
      key = try name("a property name")
    }
    try expectSymbol("=")
    return .property(target: target, key: key, value: try expression())
  }

  /// `(expr).key`: a parenthesised target whose last property is the one to set.
  mutating func propertyTarget() throws -> (Expr, String) {
    let e = try postfix(try atom())
    guard case .property(let target, let key) = e else {
      throw unexpected("expected a property to SET")
    }
    return (target, key)
  }

  mutating func labelList() throws -> [LabelName] {
    var labels: [LabelName] = []
    while acceptSymbol(":") {
      let at = position
      switch try dynamicLabel() {
      case nil: labels.append(.fixed(try name("a label name")))
      case .dynamic(let names, all: true)?: labels.append(.dynamic(names))
      default:
        throw KgshError.syntax(
          "SET and REMOVE take the labels themselves: write $(x), not $any(x)", at: at,
          code: "InvalidLabelExpression")
      }
    }
    return labels
  }

  mutating func removeItem() throws -> RemoveItem {
    let start = position
    let variable = try name("a variable to REMOVE from")
    if isSymbol(":") { return .labels(variable: variable, try labelList(), start) }
    var target = Expr.variable(variable, start)
    try expectSymbol(".")
    var key = try name("a property name")
    while acceptSymbol(".") {
      target = .property(target, key)
      key = try name("a property name")
    }
    return .property(target: target, key: key)
  }

  mutating func mergeBody(_ start: SourcePosition) throws -> MergeClause {
    let pattern = try pathPattern()
    var clause = MergeClause(pattern: pattern, onCreate: [], onMatch: [], position: start)
    while isKeyword("ON") {
      advance()
      if acceptKeyword("CREATE") {
        try expectKeyword("SET")
        clause.onCreate += try setItems()
      } else {
        try expectKeyword("MATCH")
        try expectKeyword("SET")
        clause.onMatch += try setItems()
      }
    }
    return clause
  }
}

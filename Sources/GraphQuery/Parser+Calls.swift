import KnowledgeGraph

/// Function calls (`count(*)`, `count(DISTINCT x)`, `date.truncate(...)`) and CASE.
extension Parser {
  mutating func functionCall(_ name: String, _ start: SourcePosition) throws -> Expr {
    try expectSymbol("(")
    if name.lowercased() == "count", acceptSymbol("*") {
      try expectSymbol(")")
      return .countStar
    }
    if name.lowercased() == "trim", let trimmed = try trimSpecification(start) { return trimmed }
    let distinct = acceptKeyword("DISTINCT")
    var args: [Expr] = []
    if !isSymbol(")") {
      try until(bar: false) { p in repeat { args.append(try p.expression()) } while p.acceptSymbol(",") }
    }
    try expectSymbol(")")
    return .function(name: name, distinct: distinct, args: args, start)
  }

  mutating func caseExpression() throws -> Expr {
    try expectKeyword("CASE")
    var subject: Expr?
    if !isKeyword("WHEN") { subject = try expression() }
    var whens: [(Expr, Expr)] = []
    while acceptKeyword("WHEN") {
      let w = try expression()
      try expectKeyword("THEN")
      whens.append((w, try expression()))
    }
    guard !whens.isEmpty else { throw unexpected("expected WHEN") }
    var otherwise: Expr?
    if acceptKeyword("ELSE") { otherwise = try expression() }
    try expectKeyword("END")
    return .caseExpr(subject: subject, whens: whens, otherwise: otherwise)
  }
}

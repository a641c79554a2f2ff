import KnowledgeGraph

/// Atoms that start with a word or a parenthesis: literals (`true`, `null`), `CASE`,
/// subqueries (`EXISTS { }`), `shortestPath(...)`, `reduce(...)`, the list quantifiers
/// (`all(x IN list WHERE ...)`), function calls and variables.
extension Parser {
  mutating func wordAtom(_ s: String, _ start: SourcePosition) throws -> Expr {
    let word = s.uppercased()
    switch word {
    case "TRUE":
      advance()
      return .literal(.bool(true))
    case "FALSE":
      advance()
      return .literal(.bool(false))
    case "NULL":
      advance()
      return .literal(.null)
    case "CASE":
      return try caseExpression()
    case "EXISTS" where isSymbol("{", at: 1), "COUNT" where isSymbol("{", at: 1),
      "COLLECT" where isSymbol("{", at: 1):
      advance()
      let kind = SubqueryKind(rawValue: word)!
      return .subquery(try subqueryBody(start, kind), kind: kind, start)
    // Each name has its own condition: a `where` after a list of patterns tests the last only.
    case "SHORTESTPATH" where isSymbol("(", at: 1) && isSymbol("(", at: 2),
      "ALLSHORTESTPATHS" where isSymbol("(", at: 1) && isSymbol("(", at: 2):
      // In an expression: the shortest path (or null), or the list of all shortest paths.
      let pattern = try shortestPathPattern(name: " shortest", all: word == "ALLSHORTESTPATHS")
      let paths = Expr.patternComprehension(pattern, predicate: nil, map: .variable(" shortest", start))
      return word == "ALLSHORTESTPATHS"
        ? paths : .function(name: "head", distinct: false, args: [paths], start)
    case "REDUCE" where isSymbol("(", at: 1) && isSymbol("=", at: 3):
      return try reduceExpression()
    case "ALL", "ANY", "NONE", "SINGLE":
      if isSymbol("(", at: 1), case .identifier = peekToken(2).kind, isKeyword("IN", at: 3) {
        return try listQuantifier(word)
      }
    default: break
    }
    advance()
    if isSymbol("(") || (isSymbol(".") && isNamespacedCall()) {
      var fname = s
      while acceptSymbol(".") { fname += "." + (try name("a function name")) }
      return try functionCall(fname, start)
    }
    return .variable(s, start)
  }

  /// `( expression )`, or a pattern used as a predicate: `(a)-->(b)`.
  mutating func parenthesized(_ start: SourcePosition) throws -> Expr {
    if isSymbol(")", at: 1) || looksLikePattern() {
      let pattern = try pathPattern()
      guard !pattern.relationships.isEmpty else {
        throw KgshError.syntax("a pattern predicate needs a relationship", at: start)
      }
      return .pattern(pattern)
    }
    advance()
    let e = try until(bar: false) { try $0.expression() }
    if isSymbol(",") {
      throw unexpected("expected ')'").with(hint: "a list is written in brackets: x IN ['a', 'b']")
    }
    try expectSymbol(")")
    return e
  }

  /// `reduce(acc = initial, x IN list | step)`, at `reduce`.
  private mutating func reduceExpression() throws -> Expr {
    advance()
    advance()
    let accumulator = try name("the accumulator's name")
    try expectSymbol("=")
    let initial = try expression()
    try expectSymbol(",")
    let variable = try name("a variable")
    try expectKeyword("IN")
    let list = try until(bar: true) { try $0.expression() }
    try expectSymbol("|")
    let step = try expression()
    try expectSymbol(")")
    return .reduce(accumulator: accumulator, initial: initial, variable: variable, list: list, step: step)
  }

  /// `all(x IN list WHERE predicate)` and `any`, `none`, `single`, at the word.
  private mutating func listQuantifier(_ word: String) throws -> Expr {
    advance()
    advance()
    let variable = try name("a variable")
    try expectKeyword("IN")
    let list = try expression()
    try expectKeyword("WHERE")
    let predicate = try expression()
    try expectSymbol(")")
    return .quantifier(kind: word, variable: variable, list: list, predicate: predicate)
  }
}

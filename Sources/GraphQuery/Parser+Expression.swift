import KnowledgeGraph

/// Expression grammar, lowest precedence first: OR, XOR, AND, NOT, comparison,
/// string/list/null predicates, + -, * / %, ^, unary + -, postfix (property, index, label), atom.
extension Parser {
  mutating func expression() throws -> Expr {
    let saved = depth
    defer { depth = saved }
    try nest()
    return try orExpr()
  }

  /// Counts one more level of nesting; deeper than `maxDepth` is a syntax error, so
  /// `((((...` or `1+1+...` by the thousand cannot overflow the stack of the parser or of
  /// the passes that walk the tree.
  mutating func nest() throws {
    depth += 1
    if depth > Parser.maxDepth {
      throw KgshError(
        .syntax,
        "the expression is nested or chained too deeply; split it up (a WITH clause can hold a part)",
        at: position)
    }
  }

  mutating func orExpr() throws -> Expr {
    let saved = depth
    defer { depth = saved }
    var e = try xorExpr()
    while acceptKeyword("OR") {
      try nest()
      e = .binary(.or, e, try xorExpr())
    }
    return e
  }

  mutating func xorExpr() throws -> Expr {
    let saved = depth
    defer { depth = saved }
    var e = try andExpr()
    while acceptKeyword("XOR") {
      try nest()
      e = .binary(.xor, e, try andExpr())
    }
    return e
  }

  mutating func andExpr() throws -> Expr {
    let saved = depth
    defer { depth = saved }
    var e = try notExpr()
    while acceptKeyword("AND") {
      try nest()
      e = .binary(.and, e, try notExpr())
    }
    return e
  }

  mutating func notExpr() throws -> Expr {
    if acceptKeyword("NOT") {
      let saved = depth
      defer { depth = saved }
      try nest()
      return .unary(.not, try notExpr())
    }
    return try comparison()
  }

  static let comparisonOps: [String: BinaryOp] = [
    "=": .eq, "<>": .ne, "<": .lt, ">": .gt, "<=": .le, ">=": .ge, "=~": .regex,
  ]

  mutating func comparison() throws -> Expr {
    let saved = depth
    defer { depth = saved }
    let first = try predicateExpr()
    var operands = [first]
    var ops: [BinaryOp] = []
    while let s = current.symbol, let op = Parser.comparisonOps[s] {
      try nest()
      advance()
      ops.append(op)
      operands.append(try predicateExpr())
    }
    if ops.isEmpty { return first }
    var result: Expr = .binary(ops[0], operands[0], operands[1])
    for i in 1..<ops.count {
      result = .binary(.and, result, .binary(ops[i], operands[i], operands[i + 1]))
    }
    return result
  }

  mutating func predicateExpr() throws -> Expr {
    let saved = depth
    defer { depth = saved }
    var e = try additive()
    while true {
      try nest()
      if isKeyword("STARTS") && isKeyword("WITH", at: 1) {
        advance()
        advance()
        e = .binary(.startsWith, e, try additive())
      } else if isKeyword("ENDS") && isKeyword("WITH", at: 1) {
        advance()
        advance()
        e = .binary(.endsWith, e, try additive())
      } else if acceptKeyword("CONTAINS") {
        e = .binary(.contains, e, try additive())
      } else if acceptKeyword("IN") {
        e = .binary(.in, e, try additive())
      } else if isKeyword("IS") {
        advance()
        let negated = acceptKeyword("NOT")
        if acceptSymbol(":") {
          try expectSymbol(":")
          e = .isType(e, try valueType(), negated: negated)
        } else {
          try expectKeyword("NULL")
          e = .isNull(e, negated: negated)
        }
      } else if isSymbol(":"), isSymbol(":", at: 1) {
        advance()
        advance()
        e = .isType(e, try valueType(), negated: false)
      } else {
        return e
      }
    }
  }

  mutating func additive() throws -> Expr {
    let saved = depth
    defer { depth = saved }
    var e = try multiplicative()
    while true {
      try nest()
      if acceptSymbol("+") {
        e = .binary(.add, e, try multiplicative())
      } else if acceptSymbol("-") {
        e = .binary(.sub, e, try multiplicative())
      } else if isSymbol("|") && isSymbol("|", at: 1) {
        advance()
        advance()
        e = .binary(.concat, e, try multiplicative())
      } else {
        return e
      }
    }
  }

  mutating func multiplicative() throws -> Expr {
    let saved = depth
    defer { depth = saved }
    var e = try power()
    while true {
      try nest()
      if acceptSymbol("*") {
        e = .binary(.mul, e, try power())
      } else if acceptSymbol("/") {
        e = .binary(.div, e, try power())
      } else if acceptSymbol("%") {
        e = .binary(.mod, e, try power())
      } else {
        return e
      }
    }
  }

  mutating func power() throws -> Expr {
    let saved = depth
    defer { depth = saved }
    var e = try unary()
    while acceptSymbol("^") {
      try nest()
      e = .binary(.pow, e, try unary())
    }
    return e
  }

  mutating func unary() throws -> Expr {
    let saved = depth
    defer { depth = saved }
    try nest()
    if acceptSymbol("-") {
      // Fold negative literals so that -9223372036854775808 parses.
      if case .integer(let v) = current.kind {
        advance()
        return try postfix(.literal(.int(0 &- v)))
      }
      return .unary(.minus, try unary())
    }
    if acceptSymbol("+") { return .unary(.plus, try unary()) }
    return try postfix(try atom())
  }

  mutating func postfix(_ base: Expr) throws -> Expr {
    let saved = depth
    defer { depth = saved }
    var e = base
    while true {
      try nest()
      if isSymbol(".") {
        advance()
        e = .property(e, try name("a property name"))
      } else if isSymbol("[") {
        advance()
        if acceptSymbol("..") {
          let hi = isSymbol("]") ? nil : try expression()
          try expectSymbol("]")
          e = .slice(e, nil, hi)
          continue
        }
        let first = try expression()
        if acceptSymbol("..") {
          let hi = isSymbol("]") ? nil : try expression()
          try expectSymbol("]")
          e = .slice(e, first, hi)
        } else {
          try expectSymbol("]")
          e = .index(e, first)
        }
      } else if isSymbol("{"), case .variable(_, let pos) = e {
        e = try mapProjection(of: e, at: pos)
      } else if isSymbol(":"), !isSymbol(":", at: 1) {
        // `n:A:B`, or a label expression `n:A|B`, `n:A&!B` (GQL, Neo4j 5).
        var test: LabelExpression?
        while acceptSymbol(":") {
          let one = try labelExpression()
          test = test.map { .and($0, one) } ?? one
        }
        e = test!.conjunction.map { .hasLabels(e, $0) } ?? test!.test(e)
      } else {
        return e
      }
    }
  }

  mutating func atom() throws -> Expr {
    let start = position
    switch current.kind {
    case .integer(let v):
      advance()
      return .literal(.int(v))
    case .float(let v):
      advance()
      return .literal(.float(v))
    case .invalidNumber(let message, let code):
      throw KgshError.syntax(message, at: start, code: code)
    case .string(let s):
      advance()
      return .literal(.string(s))
    case .parameter(let p):
      advance()
      return .parameter(p, start)
    case .symbol("("):
      return try parenthesized(start)
    case .symbol("["):
      return try listOrComprehension()
    case .symbol("{"):
      return try mapLiteral()
    case .quotedIdentifier(let s):
      advance()
      return .variable(s, start)
    case .identifier(let s):
      return try wordAtom(s, start)
    default:
      throw unexpected("expected an expression")
    }
  }

  /// `a.b.c(` is a namespaced function call, not property access.
  func isNamespacedCall() -> Bool {
    var i = 0
    while isSymbol(".", at: i) {
      guard case .identifier = peekToken(i + 1).kind else { return false }
      i += 2
    }
    return isSymbol("(", at: i)
  }

  /// `(a)-->(b)`, `(a:L)<--()`: a '(' whose matching ')' is followed by a relationship.
  func looksLikePattern() -> Bool {
    var depth = 0
    var i = 0
    while true {
      let t = peekToken(i)
      if t.kind == .end { return false }
      if t.symbol == "(" || t.symbol == "[" || t.symbol == "{" { depth += 1 }
      if t.symbol == ")" || t.symbol == "]" || t.symbol == "}" {
        depth -= 1
        if depth == 0 {
          return
            (isSymbol("-", at: i + 1)
            && (isSymbol("-", at: i + 2) || isSymbol("[", at: i + 2) || isSymbol(">", at: i + 2)))
            || (isSymbol("<", at: i + 1) && isSymbol("-", at: i + 2))
            || (isSymbol("(", at: i + 1) && isSymbol("(", at: i + 2))  // a quantified path pattern next
        }
      }
      i += 1
    }
  }
}

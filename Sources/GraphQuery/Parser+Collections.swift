import KnowledgeGraph

/// List literals, list and pattern comprehensions, map literals and map projections.
extension Parser {
  mutating func listOrComprehension() throws -> Expr {
    try expectSymbol("[")
    if case .identifier(let v) = current.kind, isKeyword("IN", at: 1) {
      advance()
      advance()
      let list = try until(bar: true) { try $0.expression() }
      var predicate: Expr?
      var map: Expr?
      if acceptKeyword("WHERE") { predicate = try until(bar: true) { try $0.expression() } }
      if acceptSymbol("|") { map = try until(bar: false) { try $0.expression() } }
      try expectSymbol("]")
      return .listComprehension(variable: v, list: list, predicate: predicate, map: map)
    }
    var items: [Expr] = []
    if !isSymbol("]") {
      try until(bar: false) { p in repeat { items.append(try p.expression()) } while p.acceptSymbol(",") }
    }
    if items.count == 1, isSymbol("|") || isKeyword("WHERE") {
      var pattern: PathPattern?
      if case .pattern(let p) = items[0] { pattern = p }
      if case .binary(.eq, .variable(let name, _), .pattern(var p)) = items[0] {
        p.name = name
        pattern = p
      }
      if var pattern {
        if pattern.name == nil, case .binary(.eq, .variable(let name, _), _) = items[0] {
          pattern.name = name
        }
        var predicate: Expr?
        if acceptKeyword("WHERE") { predicate = try until(bar: true) { try $0.expression() } }
        try expectSymbol("|")
        let map = try until(bar: false) { try $0.expression() }
        try expectSymbol("]")
        return .patternComprehension(pattern, predicate: predicate, map: map)
      }
      throw unexpected("expected a pattern before '|' in a pattern comprehension")
    }
    try expectSymbol("]")
    return .list(items)
  }

  mutating func mapLiteral() throws -> Expr {
    try expectSymbol("{")
    var entries: [(String, Expr)] = []
    if !isSymbol("}") {
      repeat {
        let key = try name("a map key")
        try expectSymbol(":")
        entries.append((key, try until(bar: false) { try $0.expression() }))
      } while acceptSymbol(",")
    }
    try expectSymbol("}")
    return .map(entries)
  }

  /// `n {.name, .*, total: count, other}` after a variable: a map of the properties named
  /// (`.name`), all of them (`.*`), keys with values, and variables by their names; null when
  /// `n` is null. Read as a call of the internal `Functions.mapProjection`.
  mutating func mapProjection(of base: Expr, at pos: SourcePosition) throws -> Expr {
    try expectSymbol("{")
    var parts: [Expr] = [base]
    var entries: [(String, Expr)] = []
    func flush() {
      if !entries.isEmpty { parts.append(.map(entries)) }
      entries = []
    }
    if !isSymbol("}") {
      repeat {
        if acceptSymbol(".") {
          if acceptSymbol("*") {
            flush()
            parts.append(.function(name: "properties", distinct: false, args: [base], pos))
          } else {
            let key = try name("a property name")
            entries.append((key, .property(base, key)))
          }
        } else {
          let start = position
          let key = try name("a key, .property or .*")
          if acceptSymbol(":") {
            entries.append((key, try expression()))
          } else {
            entries.append((key, .variable(key, start)))
          }
        }
      } while acceptSymbol(",")
    }
    try expectSymbol("}")
    flush()
    return .function(name: Functions.mapProjection, distinct: false, args: parts, pos)
  }
}

extension Parser {
  /// After `trim(`: `[BOTH | LEADING | TRAILING] [characters] FROM text)`, read as btrim,
  /// ltrim or rtrim of the text and characters; nil (nothing read) for a plain `trim(text)`.
  mutating func trimSpecification(_ start: SourcePosition) throws -> Expr? {
    var side = "btrim"
    if let word = current.keyword, ["BOTH", "LEADING", "TRAILING"].contains(word) {
      side = ["LEADING": "ltrim", "TRAILING": "rtrim"][word] ?? "btrim"
      advance()
    } else if !isKeyword("FROM") {
      // `trim('x' FROM s)`: look past the characters for FROM.
      let saved = index
      guard (try? expression()) != nil, isKeyword("FROM") else {
        index = saved
        return nil
      }
      index = saved
    }
    let characters = isKeyword("FROM") ? nil : try expression()
    try expectKeyword("FROM")
    let text = try expression()
    try expectSymbol(")")
    return .function(name: side, distinct: false, args: [text] + (characters.map { [$0] } ?? []), start)
  }
}

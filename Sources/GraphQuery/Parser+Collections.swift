import KnowledgeGraph

/// List literals, list and pattern comprehensions, and map literals.
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
}

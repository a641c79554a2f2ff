/// What people bring from SQL and other languages, met where the parser stops: Cypher's way
/// of saying it, as the hint of the syntax error.
extension Parser {
  var otherLanguageHint: String? {
    let previous = index > 0 ? tokens[index - 1] : current
    if isSymbol("!") { return "Cypher writes NOT x, not !x" }
    if isSymbol("&") && isSymbol("&", at: 1) { return "Cypher writes a AND b, not a && b" }
    if isSymbol("="), previous.kind == .symbol("=") {
      return "Cypher compares with one =: write a = b, not a == b"
    }
    if isKeyword("BY") && previous.keyword == "GROUP" || isKeyword("GROUP") && isKeyword("BY", at: 1) {
      return
        "Cypher has no GROUP BY: RETURN groups by its items that are not aggregates, e.g. RETURN n.founded, count(*)"
    }
    if isKeyword("LIKE") || isKeyword("ILIKE") {
      return "Cypher has no LIKE: write CONTAINS 'Zh', STARTS WITH 'Zh', ENDS WITH 'AI', or =~ '(?i).*zh.*'"
    }
    if isSymbol(","), index > 1, tokens[index - 2].keyword == "LIMIT" || tokens[index - 2].keyword == "SKIP" {
      return "LIMIT and SKIP take one number each: SKIP 10 LIMIT 20 skips 10 rows, then keeps 20"
    }
    if case .string = current.kind, previous.keyword == "AS" {
      return "a column name with spaces or symbols goes in backticks: AS `my name`"
    }
    if isSymbol("*"), previous.kind == .symbol(".") {
      return "properties(n) gives all of n's properties as a map, n {.*} as a map projection"
    }
    return nil
  }
}

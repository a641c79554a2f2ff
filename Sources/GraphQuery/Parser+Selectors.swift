import KnowledgeGraph

/// GQL's path selectors: which of the paths between two ends a pattern keeps.
extension Parser {
  /// GQL's path selectors before a pattern (`PATH` or `PATHS` may follow each):
  /// `ANY SHORTEST`, `SHORTEST k` and `ANY [k]` keep k paths per pair of ends, shortest first;
  /// `ALL SHORTEST` and `SHORTEST [k] GROUP[S]` every path of the k shortest lengths; `ALL`
  /// every path (the pattern as it is: `mode` nil). k is a number or a parameter.
  mutating func pathSelector() throws -> (mode: ShortestMode?, text: String)? {
    let first = index
    var integerOrParameterNext: Bool {
      switch peekToken(1).kind {
      case .integer, .parameter: true
      default: false
      }
    }
    let startsSelector =
      (isKeyword("ALL") || isKeyword("ANY"))
      && (isKeyword("SHORTEST", at: 1) || isKeyword("PATH", at: 1) || isKeyword("PATHS", at: 1)
        || isSymbol("(", at: 1) || integerOrParameterNext)
      || (isKeyword("SHORTEST")
        && (integerOrParameterNext || isSymbol("(", at: 1)
          || ["GROUP", "GROUPS", "PATH", "PATHS"].contains {
            isKeyword($0, at: 1)
          }))
    guard startsSelector else { return nil }
    let word = current.keyword!
    advance()
    var mode: ShortestMode?
    switch word {
    case "ALL":
      if acceptKeyword("SHORTEST") { mode = .all }
    case "ANY":
      let shortest = acceptKeyword("SHORTEST")
      mode = ShortestMode(count: shortest ? .number(1) : try selectorCount() ?? .number(1), groups: false)
    default:  // SHORTEST
      let count = try selectorCount()
      _ = acceptKeyword("PATH") || acceptKeyword("PATHS")
      let groups = acceptKeyword("GROUP") || acceptKeyword("GROUPS")
      guard groups || count != nil else {
        throw unexpected("expected how many paths after SHORTEST (SHORTEST 2), or GROUPS")
      }
      mode = ShortestMode(count: count ?? .number(1), groups: groups)
    }
    _ = acceptKeyword("PATH") || acceptKeyword("PATHS")
    mode?.isSelector = true
    return (mode, source(from: first, to: index))
  }

  /// The k of a path selector: a whole number of at least 1, or a parameter; nil when none.
  mutating func selectorCount() throws -> ShortestMode.Count? {
    switch current.kind {
    case .integer(let k):
      guard k >= 1 else {
        throw KgshError.syntax(
          "a path selector keeps at least 1 path per pair of ends, not \(k)", at: position,
          code: "InvalidArgumentValue")
      }
      advance()
      return .number(k)
    case .parameter(let name):
      advance()
      return .parameter(name)
    default: return nil
    }
  }
}

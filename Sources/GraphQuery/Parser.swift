import KnowledgeGraph

/// Turns query text into a `Query`, clause by clause. Expressions are in Parser+Expression.swift.
struct Parser {
  let text: [Unicode.Scalar]
  var tokens: [Token]
  var index = 0
  /// Current nesting of expressions (see `nest()`).
  var depth = 0
  /// Inside the list or WHERE of a comprehension, `reduce` or FOREACH, where `|` ends the
  /// part: a label expression in WHERE (`x:A|B`) then needs parentheses for its `|`.
  var barEnds = false
  static let maxDepth = 200

  init(_ source: String) throws {
    text = Array(source.unicodeScalars)
    tokens = try Lexer.tokenize(source)
  }

  /// Parses a whole query.
  static func parse(_ source: String) throws -> Query {
    var parser = try Parser(source)
    return try parser.query()
  }

  static let unsupportedClauses: Set<String> = [
    "LOAD", "USE", "START",
    "DROP", "SHOW",
  ]

  // MARK: token helpers

  var current: Token { tokens[index] }
  var position: SourcePosition { current.position }

  func peekToken(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }

  mutating func advance() { if index < tokens.count - 1 { index += 1 } }

  func isKeyword(_ word: String, at offset: Int = 0) -> Bool { peekToken(offset).keyword == word }
  func isSymbol(_ s: String, at offset: Int = 0) -> Bool { peekToken(offset).symbol == s }

  mutating func acceptKeyword(_ word: String) -> Bool {
    if isKeyword(word) {
      advance()
      return true
    }
    return false
  }
  mutating func acceptSymbol(_ s: String) -> Bool {
    if isSymbol(s) {
      advance()
      return true
    }
    return false
  }
  mutating func expectKeyword(_ word: String) throws {
    guard acceptKeyword(word) else { throw unexpected("expected \(word)") }
  }
  mutating func expectSymbol(_ s: String) throws {
    guard acceptSymbol(s) else { throw unexpected("expected '\(s)'") }
  }

  func describe(_ token: Token) -> String {
    switch token.kind {
    case .end: return "end of input"
    default: return "'" + String(String.UnicodeScalarView(text[token.start..<token.end])) + "'"
    }
  }

  func unexpected(_ expectation: String) -> KgshError {
    let error = KgshError.syntax("\(expectation), found \(describe(current))", at: position)
    return otherLanguageHint.map { error.with(hint: $0) } ?? error
  }

  /// The clauses a misspelt clause word is compared with for "did you mean".
  static let clauseWords = [
    "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "CREATE", "MERGE", "SET", "REMOVE", "DELETE",
    "DETACH", "CALL", "FOREACH", "UNION", "ORDER", "SKIP", "LIMIT", "FILTER", "LET", "FINISH",
  ]

  /// A name: identifier, keyword used as a name, or backtick-quoted.
  mutating func name(_ what: String) throws -> String {
    switch current.kind {
    case .identifier(let s), .quotedIdentifier(let s):
      advance()
      return s
    default: throw unexpected("expected \(what)")
    }
  }

  /// Source text between two token indices (inclusive start, exclusive end).
  func source(from start: Int, to end: Int) -> String {
    guard end > start else { return "" }
    return String(String.UnicodeScalarView(text[tokens[start].start..<tokens[end - 1].end]))
  }

  // MARK: clauses

  mutating func query() throws -> Query {
    var clauses: [Clause] = []
    while true {
      if current.kind == .end { break }
      if acceptSymbol(";") {
        guard current.kind == .end else { throw unexpected("expected end of query after ';'") }
        break
      }
      if isKeyword("UNION") {
        guard !clauses.isEmpty else { throw unexpected("expected a query before UNION") }
        return try union(Query(clauses: clauses))
      }
      clauses += try self.clauses()
    }
    guard !clauses.isEmpty else { throw KgshError.syntax("empty query", at: position) }
    return Query(clauses: clauses)
  }

  /// `first UNION [ALL] second ...`: every join must be the same kind.
  mutating func union(_ first: Query) throws -> Query {
    var query = first
    try unionParts(onto: &query, until: ";")
    if acceptSymbol(";"), current.kind != .end { throw unexpected("expected end of query after ';'") }
    return query
  }

  /// `UNION [ALL] clauses ...` joined onto `query`, each part ending at the end of input, at
  /// the next UNION or at the symbol `end` (`;`, or the `}` of a CALL { }); every join must
  /// be the same kind.
  mutating func unionParts(onto query: inout Query, until end: String) throws {
    var kinds: Set<Bool> = []
    while acceptKeyword("UNION") {
      let start = position
      let all = acceptKeyword("ALL")
      kinds.insert(all)
      if kinds.count > 1 {
        throw KgshError.syntax(
          "UNION and UNION ALL cannot be mixed in one query", at: start, code: "InvalidClauseComposition")
      }
      var clauses: [Clause] = []
      while current.kind != .end && !isKeyword("UNION") && !isSymbol(end) { clauses += try self.clauses() }
      guard !clauses.isEmpty else { throw unexpected("expected a query after UNION") }
      query.unionParts.append(Query(clauses: clauses))
      query.unionAll = all
    }
  }

  mutating func clause() throws -> Clause {
    let start = position
    guard let word = current.keyword, case .identifier = current.kind else {
      throw unexpected("expected a clause (MATCH, CREATE, WITH, UNWIND, RETURN)")
    }
    switch word {
    case "MATCH":
      advance()
      return .match(try matchBody(optional: false, start))
    case "OPTIONAL":
      advance()
      try expectKeyword("MATCH")
      return .match(try matchBody(optional: true, start))
    case "CREATE":
      advance()
      if isKeyword("INDEX") || isKeyword("CONSTRAINT") {
        throw KgshError.unsupported("CREATE \(current.keyword!)", at: start)
      }
      return .create(try patternList(), start)
    case "WITH":
      advance()
      let projection = try projection(start, isReturn: false)
      var predicate: Expr?
      if acceptKeyword("WHERE") { predicate = try expression() }
      return .with(projection, where: predicate)
    case "RETURN":
      advance()
      return .return(try projection(start, isReturn: true))
    case "FOREACH":
      advance()
      return .subquery(try foreachBody(start))
    case "UNWIND":
      advance()
      let from = index
      let e = try expression()
      let text = source(from: from, to: index)
      try expectKeyword("AS")
      let alias = try name("a variable name after AS")
      return .unwind(e, alias: alias, start, text: text)
    case "CALL":
      advance()
      if isSymbol("{") || isSymbol("(") { return .subquery(try subqueryCall(start)) }
      return .call(try callBody(start))
    case "SET", "REMOVE", "DELETE", "DETACH", "MERGE":
      return try writeClause(word, start)
    case "FILTER", "FINISH", "ORDER", "SKIP", "OFFSET", "LIMIT":
      return try gqlClause(word, start)
    default:
      if Parser.unsupportedClauses.contains(word) {
        throw KgshError.unsupported("the \(word) clause", at: start)
      }
      let error = unexpected("expected a clause (MATCH, CREATE, WITH, UNWIND, RETURN)")
      guard error.hint == nil,
        let near = Names.suggestions(for: word, among: Parser.clauseWords, limit: 1).first
      else { throw error }
      throw error.with(hint: "did you mean \(near)?")
    }
  }

  mutating func matchBody(optional: Bool, _ start: SourcePosition) throws -> MatchClause {
    let patterns = try patternList()
    var predicate: Expr?
    if acceptKeyword("WHERE") { predicate = try expression() }
    return MatchClause(optional: optional, patterns: patterns, predicate: predicate, position: start)
  }

  mutating func projection(_ start: SourcePosition, isReturn: Bool) throws -> Projection {
    var p = Projection(position: start)
    p.distinct = acceptKeyword("DISTINCT")
    if acceptSymbol("*") {
      p.star = true
      if acceptSymbol(",") { p.items = try projectionItems() }
    } else {
      p.items = try projectionItems()
    }
    try orderSkipLimit(&p)
    return p
  }

  /// A projection's `ORDER BY ... SKIP|OFFSET n LIMIT m` (each optional), also read alone as
  /// a clause.
  mutating func orderSkipLimit(_ p: inout Projection) throws {
    if acceptKeyword("ORDER") {
      try expectKeyword("BY")
      repeat {
        let e = try expression()
        var ascending = true
        if acceptKeyword("DESC") || acceptKeyword("DESCENDING") {
          ascending = false
        } else if acceptKeyword("ASC") || acceptKeyword("ASCENDING") {
          ascending = true
        }
        var item = SortItem(expression: e, ascending: ascending)
        if acceptKeyword("NULLS") {
          if acceptKeyword("FIRST") {
            item.nullsFirst = true
          } else {
            try expectKeyword("LAST")
            item.nullsFirst = false
          }
        }
        p.orderBy.append(item)
      } while acceptSymbol(",")
    }
    // OFFSET is GQL's (and Neo4j 5's) word for SKIP.
    if acceptKeyword("SKIP") || acceptKeyword("OFFSET") { p.skip = try expression() }
    if acceptKeyword("LIMIT") { p.limit = try expression() }
    // SQL's order, LIMIT n OFFSET m, reads the same.
    if p.skip == nil, acceptKeyword("SKIP") || acceptKeyword("OFFSET") { p.skip = try expression() }
  }

  mutating func projectionItems() throws -> [ProjectionItem] {
    var items: [ProjectionItem] = []
    repeat {
      let startIndex = index
      let e = try expression()
      let text = source(from: startIndex, to: index)
      if acceptKeyword("AS") {
        items.append(ProjectionItem(expression: e, name: try name("a name after AS"), hasAlias: true))
      } else {
        items.append(ProjectionItem(expression: e, name: text, hasAlias: false))
      }
    } while acceptSymbol(",")
    return items
  }
}

import KnowledgeGraph

/// CALL procedures, CALL { } and EXISTS { } / COUNT { } subqueries.
extension Parser {
  /// After CALL: `ns.name`, optional `(args)`, optional `YIELD * | out [AS v], ... [WHERE e]`.
  mutating func callBody(_ start: SourcePosition) throws -> CallClause {
    var name = try name("a procedure name")
    while acceptSymbol(".") { name += "." + (try self.name("a procedure name")) }
    var clause = CallClause(
      name: name, arguments: nil, yields: nil, yieldAll: false, predicate: nil, position: start)
    if acceptSymbol("(") {
      var args: [Expr] = []
      if !isSymbol(")") {
        repeat { args.append(try expression()) } while acceptSymbol(",")
      }
      try expectSymbol(")")
      clause.arguments = args
    }
    guard acceptKeyword("YIELD") else { return clause }
    if acceptSymbol("*") {
      clause.yieldAll = true
      return clause
    }
    var yields: [(output: String, variable: String, SourcePosition)] = []
    repeat {
      let pos = position
      let output = try self.name("a procedure output name")
      let variable = acceptKeyword("AS") ? try self.name("a variable name after AS") : output
      yields.append((output, variable, pos))
    } while acceptSymbol(",")
    clause.yields = yields
    if acceptKeyword("WHERE") { clause.predicate = try expression() }
    return clause
  }

  /// `{ pattern [WHERE e] }` or `{ clauses }` after EXISTS or COUNT; `{ clauses RETURN x }`
  /// after COLLECT.
  mutating func subqueryBody(_ start: SourcePosition, _ kind: SubqueryKind) throws -> Query {
    try expectSymbol("{")
    var clauses: [Clause] = []
    if let word = current.keyword,
      [
        "MATCH", "OPTIONAL", "WITH", "UNWIND", "CALL", "RETURN", "CREATE", "MERGE", "SET", "REMOVE", "DELETE",
        "DETACH",
      ].contains(word)
    {
      while !isSymbol("}") && current.kind != .end { clauses += try self.clauses() }
    } else {
      let patterns = try patternList()
      var predicate: Expr?
      if acceptKeyword("WHERE") { predicate = try expression() }
      clauses = [
        .match(MatchClause(optional: false, patterns: patterns, predicate: predicate, position: start))
      ]
    }
    if clauses.contains(where: \.isWrite) {
      throw KgshError.semantic(
        "\(kind == .exists ? "an" : "a") \(kind.rawValue) subquery cannot change the graph",
        code: "InvalidClauseComposition", at: start)
    }
    if kind == .collect {
      guard case .return(let p)? = clauses.last, !p.star, p.items.count == 1 else {
        throw KgshError.semantic(
          "a COLLECT subquery ends with RETURN of one column, e.g. COLLECT { MATCH (n)-->(m) RETURN m.name }",
          code: "InvalidClauseComposition", at: start)
      }
    }
    try expectSymbol("}")
    return Query(clauses: clauses)
  }

  /// After CALL: `[(a, b) | (*)] { clauses [UNION [ALL] clauses]... }`.
  mutating func subqueryCall(_ start: SourcePosition) throws -> SubqueryCall {
    var imports: [String]?
    var all = false
    if acceptSymbol("(") {
      var names: [String] = []
      if acceptSymbol("*") {
        all = true
      } else if !isSymbol(")") {
        repeat { names.append(try name("a variable name")) } while acceptSymbol(",")
      }
      try expectSymbol(")")
      imports = names
    }
    try expectSymbol("{")
    func part() throws -> [Clause] {
      var clauses: [Clause] = []
      while !isSymbol("}") && !isKeyword("UNION") && current.kind != .end { clauses += try self.clauses() }
      guard !clauses.isEmpty else { throw unexpected("expected a clause in CALL { }") }
      return clauses
    }
    var body = Query(clauses: try part())
    try unionParts(onto: &body, until: "}")
    try expectSymbol("}")
    if isKeyword("IN") { try inTransactions() }
    return SubqueryCall(body: body, imports: imports, importsAll: all, position: start)
  }

  /// `IN [n CONCURRENT] TRANSACTIONS [OF n ROWS] [ON ERROR FAIL]` after a CALL { }: Neo4j
  /// commits every n rows; kgsh runs the whole statement as one transaction, so the answer is
  /// the same and a failure leaves nothing half written. Only what would differ is refused:
  /// ON ERROR CONTINUE, BREAK or RETRY (they keep the batches that worked) and REPORT STATUS.
  mutating func inTransactions() throws {
    let start = position
    advance()  // IN
    if !isKeyword("TRANSACTIONS") {
      _ = try expression()  // how many at once: one transaction needs no concurrency
      try expectKeyword("CONCURRENT")
    }
    try expectKeyword("TRANSACTIONS")
    if acceptKeyword("OF") {
      let at = position
      var valid: Bool {
        switch current.kind {
        case .integer(let n): n >= 1
        case .parameter: true  // its value sizes batches, which one transaction does not have
        default: false
        }
      }
      guard valid else {
        throw KgshError.syntax(
          "OF takes how many rows each transaction holds, a whole number of at least 1", at: at,
          code: "InvalidArgumentValue")
      }
      advance()
      guard acceptKeyword("ROWS") || acceptKeyword("ROW") else { throw unexpected("expected ROWS") }
    }
    if acceptKeyword("ON") {
      try expectKeyword("ERROR")
      guard acceptKeyword("FAIL") else {
        guard let word = current.keyword, ["CONTINUE", "BREAK", "RETRY"].contains(word) else {
          throw unexpected("expected CONTINUE, BREAK, FAIL or RETRY after ON ERROR")
        }
        throw KgshError.semantic(
          "ON ERROR \(word) keeps the batches that worked, and kgsh runs the whole statement as one "
            + "transaction; leave it out (ON ERROR FAIL): a failure then changes nothing",
          code: "UnsupportedTransactionOption", at: start)
      }
    }
    if isKeyword("REPORT") {
      throw KgshError.semantic(
        "REPORT STATUS describes each batch, and kgsh runs the whole statement as one transaction; leave it out",
        code: "UnsupportedTransactionOption", at: start)
    }
  }

  /// After FOREACH: `(x IN list | updates)`, read as a unit subquery that sees every outer
  /// variable: `CALL { WITH * UNWIND list AS x updates }`.
  mutating func foreachBody(_ start: SourcePosition) throws -> SubqueryCall {
    try expectSymbol("(")
    let variable = try name("a variable name")
    try expectKeyword("IN")
    let from = index
    let list = try until(bar: true) { try $0.expression() }
    let text = source(from: from, to: index)
    try expectSymbol("|")
    var clauses: [Clause] = []
    while !isSymbol(")") && current.kind != .end {
      let at = position
      let clause = try clause()
      guard clause.isWrite else {
        throw KgshError.syntax(
          "FOREACH takes only CREATE, MERGE, SET, REMOVE, DELETE and FOREACH; use UNWIND to read",
          at: at, code: "InvalidClauseComposition")
      }
      clauses.append(clause)
    }
    guard !clauses.isEmpty else { throw unexpected("expected an update clause in FOREACH") }
    try expectSymbol(")")
    let importAll = Clause.with(Projection(star: true, position: start), where: nil)
    let body = [importAll, .unwind(list, alias: variable, start, text: text)] + clauses
    return SubqueryCall(body: Query(clauses: body), imports: nil, position: start, isForeach: true)
  }
}

/// GQL's clauses that Cypher 25 took, read as the Cypher that means the same.
extension Parser {
  /// The next clause; `LET a = e, b = f` is two, `WITH *, e AS a` then `WITH *, f AS b` (a
  /// later binding may read an earlier one).
  mutating func clauses() throws -> [Clause] {
    guard isKeyword("LET") else { return [try clause()] }
    advance()
    var bindings: [Clause] = []
    repeat {
      let at = position
      let variable = try name("a variable name")
      try expectSymbol("=")
      let item = ProjectionItem(expression: try expression(), name: variable, hasAlias: true)
      bindings.append(.with(Projection(star: true, items: [item], position: at), where: nil))
    } while acceptSymbol(",")
    return bindings
  }

  /// `FILTER [WHERE] p` is `WITH * WHERE p`; `ORDER BY`, `SKIP`/`OFFSET` and `LIMIT` standing
  /// alone (Neo4j 5.24, GQL) are `WITH *` with that tail; `FINISH` ends a query without a
  /// result, as a RETURN of nothing.
  mutating func gqlClause(_ word: String, _ start: SourcePosition) throws -> Clause {
    if ["ORDER", "SKIP", "OFFSET", "LIMIT"].contains(word) {
      var projection = Projection(star: true, position: start)
      try orderSkipLimit(&projection)
      return .with(projection, where: nil)
    }
    advance()
    if word == "FILTER" {
      _ = acceptKeyword("WHERE")
      return .with(Projection(star: true, position: start), where: try expression())
    }
    return .return(Projection(items: [], limit: .literal(.int(0)), position: start, isFinish: true))
  }
}

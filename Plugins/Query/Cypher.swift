import GraphQuery
import KnowledgeGraph
import ShellCore

/// Shared plumbing of the Cypher commands: running a query against the session's store,
/// binding `$name` parameters from shell variables, converting results and errors, and
/// deciding whether a statement typed so far is complete.
enum Cypher {
  /// The query text after the command word (declared for help and tool schemas; the
  /// command takes it raw, untokenised).
  static let query = Param<[String]>.arguments("query", .text, "the rest of the Cypher query")

  /// The help paragraph shared by the Cypher commands: how the knowledge base
  /// maps onto the property-graph model.
  static let mapping = """
    How the knowledge base maps onto Cypher:
      labels          node labels: Company, Lab, Investor, Fund, Person, Model, Product, Plan,
                      Platform, Exchange, Country, Event, Ranking, Organization, Group, Government
      n.name          the entity's display name; n.key its key; n.aliases its aliases (a list)
      n.<fact>        the latest value (by as-of date) of each fact about the entity
      relationships   edge types: INVESTS_IN, FOUNDED, CEO_OF, DEVELOPS, OFFERS, LISTED_ON,
                      COMPETES_WITH, INTEGRATES, RANKED_ON, MEMBER_OF, BASED_IN, WORKS_AT,
                      SUCCEEDS, OPERATES, SHAREHOLDER_OF, SUBSIDIARY_OF, EXECUTIVE_OF, ...
      $name           a parameter, bound from the shell variable of that name (let name = ...)

    Clauses: MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN (DISTINCT, ORDER BY, SKIP,
    LIMIT), UNION [ALL], CALL (db.labels(), db.relationshipTypes(), db.propertyKeys(),
    kgsh.shortestPath(from, to) and kgsh.allShortestPaths(from, to) YIELD path, length, where
    from and to are nodes or names), and the writes CREATE, MERGE, SET, REMOVE, DELETE, DETACH
    DELETE, FOREACH (x IN list | updates). Not here: LOAD CSV (import loads files), USE, and
    index or constraint commands (kgsh keeps its own indexes).

    From Neo4j 5, Cypher 25 and GQL:
      CALL { }        once per row (CALL { WITH n ... } or CALL (n) { ... } imports n; UNION
                      inside; one ending in a write returns nothing); IN TRANSACTIONS [OF n
                      ROWS] runs as one transaction (a failure changes nothing)
      subqueries      EXISTS { }, COUNT { } and COLLECT { ... RETURN x }
      labels          (n:Company|Lab), (n:Company&!Investor), (n:%); in WHERE n:Person|Lab (no
                      spaces around | at the end of a query); read when the query runs:
                      n:$(x), n:$any(x), [r:$(t)] (x a string or a list of strings) in patterns,
                      WHERE, CREATE, MERGE, SET and REMOVE
      inline WHERE    (n:Company WHERE n.founded_date > '2020'), -[r WHERE r.amount > 0]->; in a
                      variable-length relationship it holds for each one walked
      quantifiers     -[:SUCCEEDS]->{1,3}, ->+, ->* (as [*1..3]); path patterns (m)
                      ((a)-[:SUCCEEDS]->(b) WHERE a.x > b.x){1,3} (n): a, b are lists outside,
                      one item per repetition
      path selectors  before a pattern of one relationship: SHORTEST k and ANY k (k paths per
                      pair of ends, shortest first), ALL SHORTEST and SHORTEST k GROUPS (every
                      path of the k shortest lengths), ALL (every path); k a number or a parameter
      type tests      x IS :: INTEGER, x IS NOT :: STRING NOT NULL, x :: LIST<FLOAT>
      clauses         FILTER x.n > 1 (WITH * WHERE), LET y = x.n * 2 (WITH *, ... AS y), ORDER
                      BY, SKIP, OFFSET and LIMIT on their own, FINISH (no result)
      also            ORDER BY ... NULLS FIRST|LAST, OFFSET for SKIP, || joining strings or
                      lists, elementId()

    Every write is a record of the change log (history, undo): SET and REMOVE change an entity's
    labels and plain properties (a fact is changed with fact correct), DELETE retracts a node's
    facts with it. A statement may span several lines; it ends when the query is complete (a
    MATCH needs a RETURN or a write). Nodes in results are entity references.

    Expressions: = <> < <= > >=, AND OR XOR NOT, IN [..], STARTS WITH, ENDS WITH, CONTAINS, =~
    (regular expression), IS NULL, IS NOT NULL, CASE, list and pattern comprehensions, map
    projections (n {.name, .*, total: x}), reduce(acc = 0, x IN list | acc + x); functions
    count, collect, sum, avg, min, max, size, length, labels, type, keys, toLower, toUpper, trim,
    replace, split, round (round(x, 2, 'HALF_EVEN')), abs, toInteger, toFloat, toString and more,
    with Neo4j 5's lower, upper, btrim, char_length, atan2, degrees, toIntegerList, valueType,
    nullIf, randomUUID, timestamp, trim(BOTH 'x' FROM s); temporal values date(),
    localtime(), time(), localdatetime(), datetime(), duration() (a fact dated YYYY-MM-DD is a
    date: where m.release_date >= date('2025-07-01'); one known only in part, 2019 or 2021-12,
    is text: date(n.founded_date) reads it as a date, and a comparison of text with a date,
    null in Cypher, is reported with that hint). An amount is a map: n.revenue.amount and
    n.revenue.currency. range() makes at most 10 million numbers.
    Variable-length paths: (a)-[:INVESTS_IN*1..2]->(b); shortest ones:
    match p = shortestPath((a {name: 'Zhipu AI'})-[*..6]-(b {name: 'DeepSeek'})) return p
    (allShortestPaths for every shortest one; a WHERE on p is honoured during the search).
    """

  /// The query parameters: every session variable, converted for the engine.
  static func parameters(_ session: Session) -> [String: ResultValue] {
    session.variables.mapValues { ResultValue($0) }
  }

  /// Runs `query` and returns its rows as a table (with what it wrote as a note), or a
  /// message with the statistics when the query returns nothing.
  /// - Parameter writes: how its writes are recorded; by default a created node may not take
  ///   a name that already finds an entity.
  /// - Parameter profile: also list each clause with the rows it passed on.
  /// - Parameter prefix: how many characters the query's first line has before the text the
  ///   user typed (`MATCH ` before the rest of `match ...`): an error's position is counted
  ///   in what was typed.
  static func run(
    _ query: String, _ session: Session,
    writes: QueryWriteContext = QueryWriteContext(allowExistingNames: false), profile: Bool = false,
    prefix: Int = 0
  ) throws -> Output {
    session.store.queryWriteContext = writes
    defer { session.store.queryWriteContext = nil }
    var engine = QueryEngine(store: session.store)
    engine.profiling = profile
    engine.interrupt = {
      if interruptFlag.load(ordering: .relaxed) { throw KgshError.interrupted }
    }
    let result: QueryResult
    do {
      result = try engine.run(query, parameters: parameters(session))
    } catch let error as KgshError {
      throw shellError(error, prefix: prefix)
    }
    warn(result.notifications, session)
    warn(result.incomparable, session)
    for warning in result.warnings { session.diagnose("warning: " + warning) }
    if profile { return profiled(result) }
    let stats = result.statistics
    if result.columns.isEmpty {
      let text = summary(stats)
      return .message(text.isEmpty ? "no changes" : text)
    }
    let rows = result.rows.map { $0.map(\.value) }
    var notes = summary(stats).isEmpty ? [] : [summary(stats)]
    notes += aliasNotes(result.nameLiterals, session)
    notes += try result.nameSearches.compactMap { try aliasSearchNote($0, engine) }
    if let column = result.nullsLead {
      notes.append(
        "rows without \(column) come first: Cypher sorts null above every value; "
          + "ORDER BY \(column) DESC NULLS LAST puts them last")
    }
    return .table(Table(columns: result.columns, rows: rows, notes: notes))
  }

  /// The result table, then the rows each clause passed on (`profile`).
  static func profiled(_ result: QueryResult) -> Output {
    let table = Table(columns: result.columns, rows: result.rows.map { $0.map(\.value) })
    let multi = Set(result.profile.map(\.part)).count > 1
    let steps = Table(
      columns: ["step", "clause", "rows"],
      rows: result.profile.enumerated().map { i, s in
        [.int(Int64(i + 1)), .string(multi ? "\(s.clause) (part \(s.part))" : s.clause), .int(Int64(s.rows))]
      })
    return .sections([("result", .table(table)), ("profile", .table(steps))])
  }

  /// One stderr line per unknown label, relationship type or property key, with the
  /// closest known names (the query has still run).
  static func warn(_ notifications: [QueryNotification], _ session: Session) {
    // What SQL and other tools keep as columns, Cypher gives through functions.
    let functions = [
      "labels": "labels(n) gives a node's labels", "label": "labels(n) gives a node's labels",
      "type": "type(r) gives a relationship's type",
      "id": "id(n) gives an internal id; n.key is the entity's key",
    ]
    for n in notifications {
      // `(:公司)`, `[:投资]`: the Chinese word for a label or type the graph has.
      let word =
        n.kind == .label
        ? Session.labelWords[n.name] : n.kind == .relationshipType ? Names.relationWords[n.name] : nil
      let near =
        word.flatMap { n.known.contains($0) ? [$0] : nil } ?? Names.suggestions(for: n.name, among: n.known)
      var hint = near.isEmpty ? "" : "; did you mean \(near.joinedText(", "))?"
      if n.kind == .propertyKey, let function = functions[n.name.lowercased()] { hint = "; " + function }
      session.diagnose("warning: the knowledge base has no \(n.kind.rawValue) \(n.name)\(hint)")
    }
  }

  /// One stderr line per pair of types whose ordering comparisons were null (text against a
  /// date keeps every row out of a WHERE without a word), with what to compare instead.
  static func warn(_ comparisons: [IncomparableComparison], _ session: Session) {
    for c in comparisons {
      var text =
        "warning: \(c.count.counted("comparison")) of \(c.sides) "
        + "\(c.count == 1 ? "was" : "were") null (Cypher orders only values of one type)"
      if let conversion = c.conversion {
        let holder = c.key(ofSide: "String").map { "\($0) holds text; " } ?? ""
        let reads = conversion == "date()" ? ", which reads partial dates like 2019 and 2021-12" : ""
        text += "; \(holder)convert it with \(conversion)\(reads)"
      } else if let other = c.other(than: "Map"), other == "Integer" || other == "Float" {
        // Money reads as a map of amount and currency.
        let key = c.key(ofSide: "Map").map { "\($0)." } ?? ""
        text += "; an amount reads as a map of amount and currency: compare \(key)amount"
      }
      session.diagnose(text)
    }
  }

  /// For an empty result: the `name` values that are another entity's alias, and how to
  /// ask with its display name (or `show`).
  static func aliasNotes(_ names: [String], _ session: Session) -> [String] {
    names.compactMap { text in
      guard case .found(let node)? = try? session.store.resolve(text), node.name != text else { return nil }
      return "'\(text)' is an alias of \(node.name): match on {name: '\(node.name)'} or run show \(text)"
    }
  }

  /// For an empty result of `WHERE n.name CONTAINS '智'` when no entity's name does: other
  /// names are aliases, and the WHERE that looks at them.
  static func aliasSearchNote(_ search: NameSearch, _ engine: QueryEngine) throws -> String? {
    let probe = "MATCH (n) WHERE n.name \(search.op) $text RETURN n.key LIMIT 1"
    guard try engine.run(probe, parameters: ["text": .string(search.text)]).rows.isEmpty else { return nil }
    let quoted = "'" + search.text.replacingOccurrences(of: "'", with: "\\'") + "'"
    return "no name \(search.op) \(quoted); an entity's other names are its aliases: "
      + "WHERE any(a IN \(search.variable).aliases WHERE a \(search.op) \(quoted)) looks at them too"
  }

  /// "created 2 nodes, 1 relationship", "changed 1 property; added 1 label", "deleted 1 node,
  /// 3 relationships": what the statement wrote, in the order CREATE, SET/REMOVE, DELETE.
  static func summary(_ stats: QueryStatistics) -> String {
    func counts(_ verb: String, _ items: [(Int, String)]) -> String? {
      let parts = items.filter { $0.0 > 0 }.map {
        $0.0.counted($0.1, plural: $0.1 == "property" ? "properties" : nil)
      }
      return parts.isEmpty ? nil : verb + " " + parts.joinedText(", ")
    }
    return [
      counts("created", [(stats.nodesCreated, "node"), (stats.relationshipsCreated, "relationship")]),
      counts("changed", [(stats.propertiesChangedOnExisting, "property")]),
      counts("added", [(stats.labelsAddedToExisting, "label")]),
      counts("removed", [(stats.labelsRemoved, "label")]),
      counts("deleted", [(stats.nodesDeleted, "node"), (stats.relationshipsDeleted, "relationship")]),
      // An entity's facts go with it: say so, and where they are kept.
      counts("retracted", [(stats.factsRetracted, "fact")]).map {
        $0
          + " of the deleted \(stats.nodesDeleted == 1 ? "entity" : "entities"), which history ENTITY keeps and undo brings back"
      },
    ].compactMap { $0 }.joinedText("; ")
  }

  /// A query error with the hint of what to try; its kind and code are kept, and its position
  /// is counted from the end of `prefix` characters the command put before the typed text.
  static func shellError(_ error: KgshError, prefix: Int = 0) -> KgshError {
    var error = error
    if let p = error.position, p.line == 1, prefix != 0 {
      error.position = SourcePosition(line: 1, column: max(1, p.column - prefix))
    }
    // An error that already says what to do (a refused name, a did-you-mean) keeps its own hint.
    if error.hint != nil { return error }
    let hint: String
    switch (error.kind, error.code) {
    case (_, "ParameterMissing"?):
      hint = "set it with let NAME = VALUE before running the query"
    case (_, "ProcedureNotFound"?):
      hint = "see help call for the procedures"
    case (_, "InvalidClauseComposition"?):
      hint = "end a reading query with RETURN"
    case (_, "UndefinedVariable"?):
      hint = "name it in MATCH, WITH, UNWIND or a pattern before using it"
    case (_, "UnknownFunction"?), (_, "InvalidNumberOfArguments"?):
      hint = "see help match for the functions and what each takes"
    case (_, "DivisionByZero"?):
      hint =
        "a whole number divided by 0 has no value; divide by 0.0 for Infinity, or test the divisor with CASE"
    case (_, "IntegerOverflow"?):
      hint = "whole numbers stop at ±9223372036854775807; toFloat() trades exactness for range"
    case (.unsupported, _):
      hint = "see help match for the clauses and functions kgsh's Cypher supports"
    case (.syntax, _):
      hint = "see help match for the supported syntax"
    default:
      hint = "see help match for how the knowledge base maps onto Cypher"
    }
    var typed = error
    typed.hint = hint
    return typed
  }

  /// Whether `query` is complete: false only when parsing fails because the input ended
  /// early (an unfinished pattern, expression, string or comment at the end, or a reading
  /// query without RETURN). Any other error counts as complete, so it gets reported.
  static func isComplete(_ query: String) -> Bool {
    do {
      try QueryEngine.checkWhole(query)
      return true
    } catch let error as KgshError {
      return !endedEarly(error)
    } catch {
      return true
    }
  }

  static func endedEarly(_ error: KgshError) -> Bool {
    guard error.kind == .syntax else { return false }
    let m = error.message
    if m.hasSuffix("found end of input") { return true }
    if m.hasPrefix("unterminated ") { return true }
    if error.code == "InvalidClauseComposition", m.hasPrefix("a query cannot end with") { return true }
    return false
  }

  /// Whether raw text is only whitespace (a bare command word is reported, not continued).
  static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
}

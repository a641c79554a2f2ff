import Foundation
import KnowledgeGraph

/// Runs kgsh's Cypher (MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, UNION, CALL,
/// CREATE, MERGE, SET, REMOVE, DELETE) against a knowledge store.
///
/// Labels are node labels, relationship types are edge types; `n.prop` reads a node's plain
/// properties, then its display name (`name`), key (`key`, unless generated), aliases
/// (`aliases`) and the latest value of each fact (by as-of date). Writes go to the user's
/// layer in one transaction when the query has run without error; built-in elements are
/// not changed by queries.
///
/// ```swift
/// let engine = QueryEngine(store: store)
/// let result = try engine.run("MATCH (c:Company {name: 'Zhipu AI'})-[:invests_in]->(x) RETURN x.name")
/// ```
public struct QueryEngine: Sendable {
  public let store: KnowledgeStore
  /// Called every few hundred rows while a query runs; throw from it to stop the query
  /// (the shell's Ctrl-C and timeout). Nothing is written when it throws.
  public var interrupt: @Sendable () throws -> Void = {}
  /// Procedures a query can CALL besides `db.labels()`, `db.relationshipTypes()` and
  /// `db.propertyKeys()`, by full name (`test.my.proc`).
  public var procedures: [String: Procedure] = [:]
  /// When set, the result's `profile` lists each clause with the rows it passed on.
  public var profiling = false

  public init(store: KnowledgeStore) { self.store = store }

  /// Parses, plans and runs a query.
  /// - Parameters:
  ///   - text: the query (several lines are fine).
  ///   - parameters: values for `$name` parameters.
  /// - Throws: `KgshError` with a line and column for syntax and semantic errors, or
  ///   `KgshError` when the store fails.
  public func run(_ text: String, parameters: [String: ResultValue] = [:]) throws -> QueryResult {
    try StatementClock.$instant.withValue(Date()) { try runStatement(text, parameters: parameters) }
  }

  func runStatement(_ text: String, parameters: [String: ResultValue]) throws -> QueryResult {
    let query = try Parser.parse(text)
    let params = try parameters.mapValues(QValue.init)
    let graph = try QueryGraph(store: store)
    if !profiling, let counted = CountFromIndex.answer(query, graph) {
      return QueryResult(
        columns: [counted.column], rows: [[try graph.result(.int(Int64(counted.count)))]],
        statistics: QueryStatistics(), notifications: try notifications(query, graph),
        nameLiterals: Self.nameLiterals(query, params))
    }
    let parts = try buildParts(query, graph, params)
    var resultRows: [Row] = []
    for part in parts { resultRows += try part.run() }
    if !query.unionParts.isEmpty && !query.unionAll {
      var seen: Set<[QValue]> = []
      resultRows = resultRows.filter { seen.insert($0.map(\.groupKey)).inserted }
    }
    let columns = parts[0].columns
    let stats = graph.hasWrites ? try Self.commitWrites(graph) : QueryStatistics()
    let rows = try resultRows.map { row in try row.map { try graph.result($0) } }
    let notes = try notifications(query, graph)
    var result = QueryResult(
      columns: columns, rows: rows, statistics: stats, notifications: notes,
      nameLiterals: Self.nameLiterals(query, params))
    result.incomparable = graph.incomparable
    result.warnings = Self.warnings(query)
    if rows.isEmpty { result.nameSearches = Self.nameSearches(query, params) }
    if let column = Self.descendingColumn(query), let i = columns.firstIndex(of: column),
      case .null? = rows.first?[i]
    {
      result.nullsLead = column
    }
    if profiling {
      result.profile = parts.enumerated().flatMap { index, part in
        part.counters.map { ProfileStep(part: index + 1, clause: $0.0, rows: $0.1.count) }
      }
    }
    return result
  }

  /// One part of a query (a UNION has several), built and ready to run.
  struct BuiltPart {
    let first: Stage
    let collect: CollectStage
    let columns: [String]
    let query: Query
    /// Rows through each clause, for PROFILE.
    let counters: [(String, InterruptStage)]

    /// Runs the part; its rows when it ends in RETURN (or is a lone CALL).
    func run() throws -> [Row] {
      do {
        try first.push([])
        try first.finish()
      } catch is PipelineDone {}  // a LIMIT had its rows and finished the rest
      let returns: Bool
      switch query.clauses.last! {
      case .return: returns = true
      case .call where query.clauses.count == 1: returns = true
      default: returns = false
      }
      guard returns && !columns.isEmpty else { return [] }
      return collect.rows.map { Array($0.prefix(columns.count)) }
    }
  }

  /// Builds every part first, so that compile-time errors come before anything runs.
  func buildParts(_ query: Query, _ graph: QueryGraph, _ params: [String: QValue]) throws -> [BuiltPart] {
    var parts: [BuiltPart] = []
    for part in [query] + query.unionParts {
      var executor = Executor(graph: graph, parameters: params)
      executor.interrupt = interrupt
      executor.procedures = procedures
      let (first, collect, columns) = try executor.build(Query(clauses: part.clauses))
      if let expected = parts.first?.columns, expected != columns {
        throw KgshError.semantic(
          "every part of a UNION must return the same columns (\(expected.joinedText(", ")) vs \(columns.joinedText(", ")))",
          code: "DifferentColumnsInUnion")
      }
      parts.append(
        BuiltPart(first: first, collect: collect, columns: columns, query: part, counters: executor.counters))
    }
    return parts
  }

  /// Checks and commits the query's writes, and counts what it created.
  static func commitWrites(_ graph: QueryGraph) throws -> QueryStatistics {
    try graph.checkDeletes()
    var stats = try graph.commit()
    for n in Int(graph.firstCreatedNode)..<graph.nodeCount {
      stats.nodesCreated += 1
      stats.labelsAdded += graph.nodeLabels.size(n)
      stats.propertiesSet += graph.createdNodeProps[Int32(n)]?.count ?? 0
    }
    for e in Int(graph.firstCreatedEdge)..<graph.edgeCount {
      stats.relationshipsCreated += 1
      stats.propertiesSet += graph.createdEdgeProps[Int32(e)]?.count ?? 0
    }
    return stats
  }

  /// Checks that `text` is one whole query: it parses, and each part ends in a clause a
  /// query may end with. Needs no store, so the shell can ask it of every line it reads.
  /// - Throws: the parser's `KgshError` (an input that ends early says "found end of input"
  ///   or "unterminated ...") or `InvalidClauseComposition`.
  public static func checkWhole(_ text: String) throws {
    let query = try Parser.parse(text)
    for part in [query] + query.unionParts { try Executor.validate(Query(clauses: part.clauses)) }
  }

  /// The plan of a query, one line per step: start nodes, expansions and filters with
  /// estimated rows. Nothing is run and nothing is written.
  public func explain(_ text: String, parameters: [String: ResultValue] = [:]) throws -> String {
    let query = try Parser.parse(text)
    let params = try parameters.mapValues(QValue.init)
    let graph = try QueryGraph(store: store)
    var executor = Executor(graph: graph, parameters: params)
    executor.procedures = procedures
    let columns = try executor.build(query).2
    for part in query.unionParts {
      var other = Executor(graph: graph, parameters: params)
      other.procedures = procedures
      if try other.build(part).2 != columns {
        throw KgshError.semantic(
          "every part of a UNION must return the same columns", code: "DifferentColumnsInUnion")
      }
    }
    if let counted = CountFromIndex.answer(query, graph) {
      return
        "COUNT \(counted.what) from the graph index  [\(counted.count) counted, no rows]\nRETURN \(counted.column)"
    }
    var lines: [String] = []
    var matchIndex = 0
    for clause in query.clauses {
      switch clause {
      case .match(let m):
        let plan = executor.plans[matchIndex]
        matchIndex += 1
        lines.append("\(m.optional ? "OPTIONAL MATCH" : "MATCH") (\(m.position))")
        lines += plan.describe().map { "  " + $0 }
      case .create(let patterns, _): lines.append("CREATE \(patterns.count.counted("pattern"))")
      case .with(let p, let w): lines.append(Self.describe(p, "WITH") + (w == nil ? "" : " + WHERE"))
      case .unwind: lines.append(clause.profileName)
      case .set: lines.append("SET")
      case .remove: lines.append("REMOVE")
      case .delete(_, let detach, _): lines.append(detach ? "DETACH DELETE" : "DELETE")
      case .merge: lines.append("MERGE")
      case .call(let c): lines.append("CALL \(c.name)")
      case .subquery(let s) where s.isForeach: lines.append("FOREACH once per row")
      case .subquery(let s):
        lines.append(
          "CALL { } once per row\(s.parts.count > 1 ? ", \(s.parts.count) parts joined by UNION" : "")")
      case .return(let p): lines.append(p.isFinish ? "FINISH" : Self.describe(p, "RETURN"))
      }
    }
    return lines.joinedText("\n")
  }

  /// A WITH or RETURN as explain shows it: its items, DISTINCT, ORDER BY, SKIP, LIMIT.
  static func describe(_ p: Projection, _ clause: String) -> String {
    var parts = [
      "\(clause) \(p.star ? (p.items.isEmpty ? "*" : "*, ") : "")\(p.items.map(\.name).joinedText(", "))"
    ]
    if p.distinct { parts.append("DISTINCT") }
    if !p.orderBy.isEmpty { parts.append("ORDER BY \(p.orderBy.count.counted("key"))") }
    if p.skip != nil { parts.append("SKIP") }
    if p.limit != nil { parts.append("LIMIT") }
    return parts.joinedText(" ")
  }
}

extension MatchPlan {
  func describe() -> [String] {
    func show(_ name: String) -> String { name.hasPrefix(" ") ? "(anonymous)" : name }
    func rows(_ i: Int) -> String { "~" + Int(estimates[i].rounded(.up)).counted("row") }
    var lines: [String] = []
    for (i, step) in steps.enumerated() {
      switch step {
      case .scanAll(let n): lines.append("start \(show(n)): scan all nodes  [\(rows(i))]")
      case .scanLabel(let n, let l): lines.append("start \(show(n)): label :\(l)  [\(rows(i))]")
      case .scanLabels(let n, let ls):
        lines.append(
          "start \(show(n)): labels \(ls.map { ":" + $0 }.joined(separator: " or "))  [\(rows(i))]")
      case .lookup(let n, _): lines.append("start \(show(n)): key/name index lookup  [\(rows(i))]")
      case .checkBound(let n): lines.append("check bound \(show(n))  [\(rows(i))]")
      case .expand(let r, let forward, _) where rels[r].segment != nil:
        let rel = rels[r]
        let q = rel.length.map { "{\($0.min),\($0.max.map(String.init) ?? "")}" } ?? ""
        lines.append(
          "repeat (\(show(rel.left))) ((...))\(q) (\(show(rel.right))): the quantified path pattern, "
            + "each time from where it ended, \(forward ? "left to right" : "right to left")  [\(rows(i))]")
        if let segment = rel.segment {
          lines += (forward ? segment.forward : segment.backward).plan.describe().map { "    " + $0 }
        }
      case .expand(let r, let forward, let toBound):
        let rel = rels[r]
        let from = forward ? rel.left : rel.right, to = forward ? rel.right : rel.left
        let types = rel.types.isEmpty ? "" : ":" + rel.types.joinedText("|")
        let length =
          (rel.length.map { "*\($0.min)..\($0.max.map(String.init) ?? "")" } ?? "")
          + (rel.eachPredicate == nil ? "" : " WHERE ...")
        let arrow: String
        switch (rel.direction, forward) {
        case (.both, _): arrow = "-[\(types)\(length)]-"
        case (.outgoing, true), (.incoming, false): arrow = "-[\(types)\(length)]->"
        default: arrow = "<-[\(types)\(length)]-"
        }
        let how = pruneDuplicates.contains(r) ? "breadth-first, each end once" : "via adjacency"
        lines.append(
          "expand (\(show(from)))\(arrow)(\(show(to)))\(toBound ? " into bound node" : "") \(how)  [\(rows(i))]"
        )
      case .shortest(let r, _, let predicates):
        let rel = rels[r]
        let which = rel.shortest.map(\.summary) ?? "a shortest path"
        let checks =
          predicates.isEmpty
          ? "" : " where \(predicates.count.counted("condition")) \(predicates.count == 1 ? "holds" : "hold")"
        lines.append(
          "search \(which) (\(show(rel.left)))-(\(show(rel.right)))\(checks) by breadth-first search  [\(rows(i))]"
        )
      case .bindPaths: lines.append("bind paths \(paths.map(\.name).joinedText(", "))")
      case .filter(let e):
        lines.append("filter on \(e.variables.map(show).sorted().joinedText(", "))  [\(rows(i))]")
      }
    }
    return lines
  }
}

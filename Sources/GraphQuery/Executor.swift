import Foundation
import KnowledgeGraph

/// Builds the pipeline for a query and runs it.
struct Executor {
  let graph: QueryGraph
  let evaluator: Evaluator
  var planner: Planner
  /// Plans of the MATCH clauses, in order (for `explain`).
  var plans: [MatchPlan] = []

  /// Procedures CALL can use besides the built-in ones, by full name.
  var procedures: [String: Procedure] = [:]

  /// Called every few hundred rows and steps of a search; throws to stop the query (Ctrl-C,
  /// timeouts).
  var interrupt: () throws -> Void {
    get { evaluator.stop.check }
    set { evaluator.stop.check = newValue }
  }
  /// Each clause's name and the stage that counts the rows it passes on (for PROFILE).
  var counters: [(String, InterruptStage)] = []
  /// The variables after the last clause built (a CALL { } subquery reads its RETURN's kinds).
  var outputScope = Scope()

  init(graph: QueryGraph, parameters: [String: QValue], stop: StopCheck = StopCheck()) {
    self.graph = graph
    evaluator = Evaluator(graph: graph, parameters: parameters, stop: stop)
    planner = Planner(graph: graph, anonymousCounter: 0)
  }

  /// Checks clause order: RETURN last, and a query that reads must end in RETURN.
  static func validate(_ query: Query) throws {
    for (i, clause) in query.clauses.enumerated() {
      if case .return(let p) = clause, i != query.clauses.count - 1 {
        throw KgshError.syntax(
          "\(p.isFinish ? "FINISH" : "RETURN") must be the last clause", at: p.position,
          code: "InvalidClauseComposition")
      }
    }
    switch query.clauses.last! {
    case .return, .create, .set, .remove, .delete, .merge: break
    case .call(let c) where query.clauses.count == 1 || c.yields == nil: break
    case .subquery(let s) where s.isUnit: break
    case .subquery(let s):
      throw KgshError.syntax(
        "a query cannot end with CALL { }; add RETURN", at: s.position, code: "InvalidClauseComposition")
    case .call(let c):
      throw KgshError.syntax(
        "a query cannot end with CALL ... YIELD; add RETURN", at: c.position, code: "InvalidClauseComposition"
      )
    case .match(let m):
      throw KgshError.syntax(
        "a query cannot end with MATCH; add RETURN", at: m.position, code: "InvalidClauseComposition")
    case .with(let p, _):
      throw KgshError.syntax(
        "a query cannot end with WITH; add RETURN", at: p.position, code: "InvalidClauseComposition")
    case .unwind(_, _, let pos, _):
      throw KgshError.syntax(
        "a query cannot end with UNWIND; add RETURN", at: pos, code: "InvalidClauseComposition")
    }
  }

  /// Builds the stages; returns the first stage, the collector and the result columns.
  /// A subquery (EXISTS { }, COUNT { }) starts from the outer scope and may end in any
  /// reading clause; it may not write.
  mutating func build(_ query: Query, initial: Scope = Scope(), subquery: Bool = false) throws -> (
    Stage, CollectStage, [String]
  ) {
    // A subquery's clauses were checked by the parser (no writes) and may end in any clause.
    if !subquery { try Executor.validate(query) }
    var scope = initial
    var stages: [Stage] = []
    var columns: [String] = []
    for (index, clause) in query.clauses.enumerated() {
      switch clause {
      case .match(let m):
        stages.append(try matchStage(m, at: index, in: query, &scope))
      case .unwind(let e, let alias, let pos, _):
        stages.append(try unwindStage(e, alias, pos, &scope))
      case .create(let patterns, _):
        try declareCreate(patterns, &scope)
        stages.append(CreateStage(patterns: patterns, scope: scope, evaluator: evaluator))
      case .with(let p, let predicate):
        let stage = try ProjectionStage(
          projection: p, input: scope, evaluator: evaluator, isReturn: false, predicate: predicate)
        stage.stopsEarly = !subquery && Executor.onlyReads(query)
        scope = stage.output
        stages.append(stage)
      case .set, .remove, .delete, .merge:
        stages.append(try writeStage(clause, &scope))
      case .call(let c):
        let (stage, callColumns) = try callStage(c, &scope, standalone: query.clauses.count == 1)
        stages.append(stage)
        columns = callColumns
      case .subquery(let s):
        stages.append(try subqueryStage(s, &scope))
      case .return(let p):
        let stage = try ProjectionStage(
          projection: p, input: scope, evaluator: evaluator, isReturn: true, predicate: nil)
        stage.stopsEarly = !subquery && Executor.onlyReads(query)
        scope = stage.output
        columns = stage.output.names
        stages.append(stage)
      }
    }
    outputScope = scope
    counters = zip(query.clauses.map(\.profileName), stages).map { name, _ in
      (name, InterruptStage(interrupt))
    }
    stages = zip(stages, counters).flatMap { [$0, $1.1] }
    let collect = CollectStage()
    stages.append(collect)
    for i in 0..<(stages.count - 1) { stages[i].next = stages[i + 1] }
    return (stages[0], collect, columns)
  }

  /// A MATCH (or OPTIONAL MATCH): its plan, and the variables it binds added to `scope`.
  private mutating func matchStage(_ m: MatchClause, at index: Int, in query: Query, _ scope: inout Scope)
    throws -> Stage
  {
    var plan = try planner.plan(m, scope: scope)
    if Executor.onlyDistinctRowsMatter(after: index, in: query) { plan.allowPruning() }
    for (name, kind) in plan.newVariables { scope.add(name, kind) }
    if case .variable(let v, let pos)? = m.predicate, let kind = scope.kinds[v],
      kind == .node || kind == .relationship || kind == .path
    {
      throw KgshError.semantic(
        "WHERE needs a boolean, not the \(kind) '\(v)'", code: "InvalidArgumentType", at: pos)
    }
    plans.append(plan)
    return MatchStage(
      matcher: Matcher(plan: plan, scope: scope, evaluator: evaluator), optional: m.optional,
      width: scope.count)
  }

  /// `UNWIND e AS alias`, with `alias` added to `scope`.
  private func unwindStage(_ e: Expr, _ alias: String, _ pos: SourcePosition, _ scope: inout Scope)
    throws -> Stage
  {
    if scope.slots[alias] != nil {
      throw KgshError.semantic("variable '\(alias)' is already bound", code: "VariableAlreadyBound", at: pos)
    }
    try checkDefined(e, scope)
    try StaticCheck.check(e, scope)
    let before = scope
    let slot = scope.add(alias, .value)
    return UnwindStage(expression: e, scope: before, slot: slot, evaluator: evaluator)
  }

  /// Whether every clause only reads (MATCH, UNWIND, WITH, RETURN, a CALL { } that does not
  /// write): then a LIMIT may stop the
  /// clauses before it once it has its rows, as nothing they would still do is seen.
  static func onlyReads(_ query: Query) -> Bool {
    query.clauses.allSatisfy { clause in
      switch clause {
      case .match, .unwind, .with, .return: return true
      case .subquery: return !clause.isWrite
      case .create, .set, .remove, .delete, .merge, .call: return false
      }
    }
  }

  func checkDefined(_ e: Expr, _ scope: Scope) throws {
    if case .variable(let name, let pos)? = e.undefinedVariable(Set(scope.names)) {
      throw KgshError.semantic("variable '\(name)' is not defined", code: "UndefinedVariable", at: pos)
    }
  }

  func declareCreate(_ patterns: [PathPattern], _ scope: inout Scope) throws {
    try Executor.refuseMatchOnlySyntax(patterns, "CREATE")
    for pattern in patterns {
      for node in pattern.nodes {
        if let props = node.properties { try checkDefined(props, scope) }
        guard let v = node.variable else { continue }
        if let kind = scope.kinds[v] {
          if kind != .node && kind != .value {
            throw KgshError.semantic(
              "variable '\(v)' is not a node", code: "VariableTypeConflict", at: node.position)
          }
          if !node.labels.isEmpty || node.properties != nil || pattern.nodes.count == 1 {
            throw KgshError.semantic(
              "variable '\(v)' is already bound and cannot be created again", code: "VariableAlreadyBound",
              at: node.position)
          }
        } else {
          scope.add(v, .node)
        }
      }
      for rel in pattern.relationships {
        if let props = rel.properties { try checkDefined(props, scope) }
        if let v = rel.variable {
          if let kind = scope.kinds[v] {
            throw KgshError.semantic(
              "variable '\(v)' is already bound",
              code: kind == .relationship ? "VariableAlreadyBound" : "VariableTypeConflict",
              at: rel.position)
          }
          scope.add(v, .relationship)
        }
        if rel.length != nil {
          throw KgshError.semantic(
            "CREATE cannot create "
              + (rel.segment == nil ? "a variable-length relationship" : "a quantified path pattern"),
            code: "CreatingVarLength", at: rel.position
          )
        }
        if !rel.makesOneType {
          throw KgshError.semantic(
            "CREATE needs exactly one relationship type", code: "NoSingleRelationshipType", at: rel.position)
        }
        if rel.direction == .both {
          throw KgshError.semantic(
            "CREATE needs a directed relationship", code: "RequiresDirectedRelationship", at: rel.position)
        }
      }
      if let name = pattern.name {
        if scope.kinds[name] != nil {
          throw KgshError.semantic(
            "variable '\(name)' is already bound", code: "VariableAlreadyBound", at: pattern.position)
        }
        scope.add(name, .path)
      }
    }
  }
}

extension Executor {
  /// Whether the rows of clause `index` only matter as a set: the clauses after it are
  /// further MATCHes (which map each row to the same rows however often it comes) up to a
  /// projection that drops duplicates anyway — DISTINCT without aggregates, or aggregates
  /// that are all DISTINCT, min or max.
  static func onlyDistinctRowsMatter(after index: Int, in query: Query) -> Bool {
    for clause in query.clauses.dropFirst(index + 1) {
      switch clause {
      case .match: continue
      case .with(let p, _), .return(let p): return p.ignoresDuplicateRows
      default: return false
      }
    }
    return false
  }
}

extension Projection {
  /// True when feeding this projection the same row twice cannot change its result.
  var ignoresDuplicateRows: Bool {
    var aggregates: [Expr] = []
    for e in items.map(\.expression) + orderBy.map(\.expression) {
      e.visit { sub in
        switch sub {
        case .countStar: aggregates.append(sub)
        case .function(let name, _, _, _) where Expr.aggregateNames.contains(name.lowercased()):
          aggregates.append(sub)
        default: break
        }
      }
    }
    if aggregates.isEmpty { return distinct }
    return aggregates.allSatisfy {
      guard case .function(let name, let isDistinct, _, _) = $0 else { return false }
      return isDistinct || ["min", "max"].contains(name.lowercased())
    }
  }
}

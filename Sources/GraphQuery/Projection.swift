import Foundation
import KnowledgeGraph

/// WITH and RETURN: projection, implicit grouping with aggregates, DISTINCT, ORDER BY,
/// SKIP and LIMIT, and WITH's WHERE.
final class ProjectionStage: Stage {
  let input: Scope
  let output: Scope
  let evaluator: Evaluator
  /// Item expressions with aggregates replaced by ` aggN` variables.
  let items: [Expr]
  let aggregates: [Expr]
  let groupingItems: [Int]
  /// Grouping keys that are not columns: the variable of a map projection that aggregates
  /// (`RETURN p {.name, friends: collect(f.name)}` groups by `p`, as Neo4j does).
  let implicitKeys: [Expr]
  let distinct: Bool
  let order: [SortItem]
  let sortScope: Scope
  var skip: Int?
  var limit: Int?
  /// SKIP and LIMIT given by parameters: checked when the query runs, as the TCK expects.
  let runtimeSkip: Expr?
  let runtimeLimit: Expr?
  let predicate: Expr?
  let isAggregating: Bool
  var buffered: [Row] = []
  /// Set for a query that only reads: a LIMIT without ORDER BY, DISTINCT or aggregates passes
  /// rows on as they come and, with its last row, finishes the rest of the query and throws
  /// `PipelineDone`, so the clauses before it stop (`MATCH (n) RETURN n.name LIMIT 3` on a
  /// million nodes reads three).
  var stopsEarly = false
  private var pushed = 0
  private var done = false
  var groups: [[QValue]: (rep: Row, aggs: [Aggregator])] = [:]
  var groupOrder: [[QValue]] = []

  var streams: Bool {
    !isAggregating && !distinct && order.isEmpty && skip == nil && limit == nil && runtimeSkip == nil
      && runtimeLimit == nil
  }

  init(projection p: Projection, input: Scope, evaluator: Evaluator, isReturn: Bool, predicate: Expr?) throws
  {
    self.input = input
    self.evaluator = evaluator
    let plan = try ProjectionPlan(p, input: input, evaluator: evaluator, isReturn: isReturn)
    output = plan.output
    items = plan.items
    aggregates = plan.aggregates
    groupingItems = plan.groupingItems
    implicitKeys = plan.implicitKeys
    isAggregating = !plan.aggregates.isEmpty
    distinct = p.distinct
    order = plan.order
    sortScope = plan.sortScope
    self.predicate = predicate
    func usesParameter(_ e: Expr?) -> Bool {
      var found = false
      e?.visit { if case .parameter = $0 { found = true } }
      return found
    }
    runtimeSkip = usesParameter(p.skip) ? p.skip : nil
    runtimeLimit = usesParameter(p.limit) ? p.limit : nil
    skip = runtimeSkip == nil ? try ProjectionStage.count(p.skip, "SKIP", evaluator) : nil
    limit = runtimeLimit == nil ? try ProjectionStage.count(p.limit, "LIMIT", evaluator) : nil
    if let predicate {
      // WITH's WHERE sees the projected names and, unless the projection aggregates, the
      // variables from before the WITH.
      let seen = isAggregating ? Set(output.names) : Set(output.names).union(input.names)
      if case .variable(let name, let pos)? = predicate.undefinedVariable(seen) {
        throw KgshError.semantic("variable '\(name)' is not defined", code: "UndefinedVariable", at: pos)
      }
    }
  }

  /// The variable `n` of a map projection `n {...}`, the one grouping key it implies.
  static func projectedVariable(_ e: Expr) -> Expr? {
    guard case .function(Functions.mapProjection, _, let args, _) = e, let base = args.first,
      case .variable = base
    else { return nil }
    return base
  }

  /// SKIP and LIMIT take a constant non-negative integer.
  static func count(_ e: Expr?, _ what: String, _ evaluator: Evaluator) throws -> Int? {
    guard let e else { return nil }
    if !e.variables.isEmpty {
      throw KgshError.semantic(
        "\(what) must be a constant, not an expression over variables", code: "NonConstantExpression")
    }
    let v = try evaluator.eval(e, [], Scope())
    switch v {
    case .int(let i):
      if i < 0 {
        throw KgshError.semantic("\(what) must not be negative (got \(i))", code: "NegativeIntegerArgument")
      }
      return Int(i)
    default:
      throw KgshError.semantic(
        "\(what) must be an integer, got \(v.typeNameWithArticle)", code: "InvalidArgumentType")
    }
  }

  override func push(_ row: Row) throws {
    if isAggregating {
      var key: [QValue] = []
      for i in groupingItems { key.append(try evaluator.eval(items[i], row, input).groupKey) }
      for e in implicitKeys { key.append(try evaluator.eval(e, row, input).groupKey) }
      if groups[key] == nil {
        groups[key] = (row, aggregates.map(ProjectionStage.aggregator))
        groupOrder.append(key)
      }
      for (k, agg) in aggregates.enumerated() {
        switch agg {
        case .countStar: try groups[key]!.aggs[k].add(.null)
        case .function(_, _, let args, _):
          guard !args.isEmpty else { continue }
          let v = try evaluator.eval(args[0], row, input)
          let extra = args.count > 1 ? try evaluator.eval(args[1], row, input) : nil
          try groups[key]!.aggs[k].add(v, extra: extra)
        default: break
        }
      }
      return
    }
    if stopsEarly, !distinct, order.isEmpty, runtimeSkip == nil, runtimeLimit == nil, let limit, limit > 0 {
      pushed += 1
      if pushed <= skip ?? 0 { return }
      try emit(try items.map { try evaluator.eval($0, row, input) } + row)
      if pushed - (skip ?? 0) == limit {
        done = true
        try next!.finish()
        throw PipelineDone()
      }
      return
    }
    let out = try items.map { try evaluator.eval($0, row, input) }
    if streams {
      try emit(predicate == nil ? out : out + row)
    } else {
      buffered.append(out + row)
    }
  }

  static func aggregator(_ e: Expr) -> Aggregator {
    switch e {
    case .function(let name, let distinct, _, _):
      return Aggregator(name: name.lowercased(), distinct: distinct)
    default: return Aggregator(name: "count*", distinct: false)
    }
  }

  /// Passes on the projected columns of `row` (projected columns, then the input row) when
  /// WITH's WHERE holds.
  func emit(_ row: Row) throws {
    let width = output.count
    if let predicate {
      guard try evaluator.truth(try evaluator.eval(predicate, row, sortScope)) == .yes else { return }
    }
    try next!.push(row.count == width ? row : Array(row[0..<width]))
  }

  override func finish() throws {
    if done { return }
    if isAggregating {
      if groups.isEmpty && groupingItems.isEmpty && implicitKeys.isEmpty {
        groups[[]] = (Array(repeating: .null, count: input.count), aggregates.map(ProjectionStage.aggregator))
        groupOrder.append([])
      }
      var aggScope = input
      for k in 0..<aggregates.count { aggScope.add(" agg\(k)", .value) }
      for key in groupOrder {
        let group = groups[key]!
        var base = group.rep
        while base.count < input.count { base.append(.null) }
        base += group.aggs.map(\.result)
        let out = try items.map { try evaluator.eval($0, base, aggScope) }
        buffered.append(out + base)
      }
      groups = [:]
      groupOrder = []
    }
    var rows = buffered
    buffered = []
    let width = output.count
    if distinct {
      var seen: Set<[QValue]> = []
      rows = rows.filter { seen.insert($0[0..<width].map(\.groupKey)).inserted }
    }
    if !order.isEmpty {
      let keyed = try rows.map { row in
        (row, try order.map { try evaluator.eval($0.expression, row, sortScope) })
      }
      let sorted = keyed.enumerated().sorted { a, b in
        for (i, s) in order.enumerated() {
          let (x, y) = (a.element.1[i], b.element.1[i])
          if let first = s.nullsFirst, x.isNull != y.isNull { return x.isNull == first }
          let c = QValue.order(x, y)
          if c != .orderedSame { return s.ascending ? c == .orderedAscending : c == .orderedDescending }
        }
        return a.offset < b.offset
      }
      rows = sorted.map(\.element.0)
    }
    if let e = runtimeSkip { skip = try ProjectionStage.count(e, "SKIP", evaluator) }
    if let e = runtimeLimit { limit = try ProjectionStage.count(e, "LIMIT", evaluator) }
    var slice = rows[...]
    if let skip { slice = slice.dropFirst(skip) }
    if let limit { slice = slice.prefix(limit) }
    for row in slice { try emit(Array(row)) }
    try next!.finish()
  }
}

import Foundation
import KnowledgeGraph

/// A planned MATCH clause: the order in which pattern variables get bound, and where each
/// WHERE conjunct is checked (as soon as the variables it reads are bound).
///
/// Planning is greedy: start from the most selective node (a key/name lookup, else the
/// smallest label, else all nodes), then always expand a relationship with a bound end,
/// preferring relationships whose both ends are bound and then the lowest average degree.
struct MatchPlan {
  struct NodeSpec {
    var name: String
    var labels: [String] = []
    var props: [(String, Expr)] = []
    var propsExpr: Expr?
    /// `name` or `key` equalities of the WHERE (`n.name = 'text'`): a lookup may find the
    /// node from them, as from `{name: 'text'}`; they stay filters.
    var lookups: [(String, Expr)] = []
    /// From a label expression (`:A|B`): labels one of which the node carries.
    var anyOfLabels: [String]? = nil
  }

  struct RelSpec {
    var name: String
    var types: [String]
    var direction: Direction
    var props: [(String, Expr)] = []
    var propsExpr: Expr?
    var length: (min: Int, max: Int?)?
    var left: String
    var right: String
    /// A `shortestPath` / `allShortestPaths` relationship: searched once both ends are bound.
    var shortest: ShortestMode? = nil
    /// `-[r WHERE r.x > 0]->{1,3}`: a condition each relationship of a variable-length one
    /// meets, read with `name` bound to that one relationship.
    var eachPredicate: Expr? = nil
    /// A quantified path pattern standing in this relationship's place (`length` is its
    /// quantifier; the relationship's value is every edge walked).
    var segment: SegmentPlan? = nil
  }

  enum Step {
    case scanAll(String)
    case scanLabel(String, String)
    /// The members of any of the labels (`(n:A|B)`), each node once, in id order.
    case scanLabels(String, [String])
    case lookup(String, Expr)
    case checkBound(String)
    /// Expands relationship `rel` from the bound node `from`; `forward` when from is its left end.
    case expand(rel: Int, forward: Bool, toBound: Bool)
    /// The shortest paths of relationship `rel` between its two bound ends; `path` indexes
    /// `paths` when the pattern is named; `predicates` are the WHERE parts that read the
    /// path or its relationships, checked during the search (shortest among those that hold).
    case shortest(rel: Int, path: Int?, predicates: [Expr])
    case bindPaths
    case filter(Expr)
  }

  struct PathSpec {
    var name: String
    var nodes: [String]
    var rels: [Int]
  }

  var nodes: [String: NodeSpec] = [:]
  var rels: [RelSpec] = []
  var paths: [PathSpec] = []
  var steps: [Step] = []
  var estimates: [Double] = []
  /// Variables this clause binds, in order of first appearance.
  var newVariables: [(String, Scope.Kind)] = []
  /// Variable-length relationships expanded by reachability, each end once (`Matcher.reach`).
  var pruneDuplicates: Set<Int> = []

  /// Called when only distinct rows of this clause matter (the next projection is DISTINCT
  /// or aggregates only with DISTINCT, min or max): the last expansion, when it is a
  /// variable-length relationship nothing reads, at least 0 or 1 long, may produce each end
  /// once. It must be the last expansion so that every other relationship of the pattern is
  /// already fixed (they are excluded from its search, as relationship uniqueness asks).
  mutating func allowPruning() {
    guard
      let last = steps.lastIndex(where: {
        switch $0 {
        case .expand, .shortest: return true
        default: return false
        }
      }),
      case .expand(let r, _, _) = steps[last], let length = rels[r].length, length.min <= 1,
      rels[r].shortest == nil, rels[r].segment == nil, rels[r].name.hasPrefix(" anon"),
      !paths.contains(where: { $0.rels.contains(r) })
    else { return }
    pruneDuplicates.insert(r)
  }

  /// Splits a predicate into its AND-ed parts.
  static func conjuncts(_ e: Expr) -> [Expr] {
    if case .binary(.and, let l, let r) = e { return conjuncts(l) + conjuncts(r) }
    return [e]
  }
}

/// Builds match plans; also performs the semantic checks on patterns.
struct Planner {
  let graph: QueryGraph
  var anonymousCounter: Int

  static func propertyEntries(_ e: Expr?) -> ([(String, Expr)], Expr?) {
    guard let e else { return ([], nil) }
    if case .map(let entries) = e { return (entries, nil) }
    return ([], e)
  }

  mutating func anonymous() -> String {
    anonymousCounter += 1
    return " anon\(anonymousCounter)"
  }

  mutating func plan(_ clause: MatchClause, scope: Scope) throws -> MatchPlan {
    var patterns = PatternCollector(scope: scope, groups: Planner.groupNames(clause))
    for pattern in clause.patterns { try patterns.add(pattern, &self) }
    var plan = patterns.plan
    var visible = Set(scope.names)
    visible.formUnion(patterns.kinds.keys)
    let filters =
      (clause.predicate.map(MatchPlan.conjuncts) ?? []) + patterns.inline.flatMap(MatchPlan.conjuncts)
    var checkScope = scope
    for (name, kind) in plan.newVariables { checkScope.add(name, kind) }
    for f in filters {
      if case .variable(let name, let pos)? = f.undefinedVariable(visible) {
        throw KgshError.semantic("variable '\(name)' is not defined", code: "UndefinedVariable", at: pos)
      }
      try StaticCheck.check(f, checkScope)
      if f.containsAggregate {
        throw KgshError.semantic("aggregates are not allowed in WHERE", code: "InvalidAggregation")
      }
    }
    for rel in plan.rels {
      if let p = rel.eachPredicate { try Planner.checkEach(p, rel.name, patterns.kinds, scope) }
    }
    for f in filters { Planner.noteLookup(f, in: &plan, scope: scope) }
    var order = StepOrder(planner: self, plan: plan, filters: filters, bound: Set(scope.names))
    order.run(clause, shortestPaths: patterns.shortestPaths)
    return order.plan
  }

  func orderedNodeNames(_ clause: MatchClause, _ plan: MatchPlan) -> [String] {
    var seen: [String] = []
    for name in plan.nodes.keys.sorted() where !seen.contains(name) { seen.append(name) }
    return seen
  }

  func averageDegree(_ rel: MatchPlan.RelSpec) -> Double {
    let n = Double(max(graph.nodeCount, 1))
    var edges = 0
    if rel.types.isEmpty {
      edges = graph.edgeCount
    } else {
      for t in rel.types { if let id = graph.typeIndex[t] { edges += graph.typeCounts[Int(id)] } }
    }
    var degree = Double(edges) / n
    if rel.direction == .both { degree *= 2 }
    if let length = rel.length { degree = pow(max(degree, 1), Double(min(length.max ?? 3, 3))) }
    return degree
  }

  func labelSelectivity(_ labels: [String]) -> Double {
    let n = Double(max(graph.nodeCount, 1))
    let counts = labels.map { graph.labelIndex[$0].map { graph.labelMembers.size(Int($0)) } ?? 0 }
    return Double(counts.min() ?? 0) / n
  }

  func relCost(_ rel: MatchPlan.RelSpec, _ bound: Set<String>) -> Double {
    if bound.contains(rel.left) && bound.contains(rel.right) { return -1 }
    return averageDegree(rel)
  }

  /// Records `n.name = 'text'` or `n.key = 'text'` (either way round) on the node `n` this
  /// MATCH binds, so that planning may start from a lookup instead of scanning every node.
  static func noteLookup(_ f: Expr, in plan: inout MatchPlan, scope: Scope) {
    guard case .binary(.eq, let l, let r) = f else { return }
    for (side, other) in [(l, r), (r, l)] {
      guard case .property(.variable(let v, _), let key) = side, key == "name" || key == "key",
        case .literal(.string) = other, scope.slots[v] == nil, plan.nodes[v] != nil
      else { continue }
      plan.nodes[v]!.lookups.append((key, other))
    }
  }

  /// The cheapest way to find candidates for a node, and how many it yields.
  func scanCost(_ spec: MatchPlan.NodeSpec) -> (Double, MatchPlan.Step) {
    for (key, value) in spec.props + spec.lookups where key == "name" || key == "key" {
      switch value {
      case .literal(.string), .parameter: return (1, .lookup(spec.name, value))
      default: break
      }
    }
    if !spec.labels.isEmpty {
      let smallest = spec.labels.min {
        (graph.labelIndex[$0].map { graph.labelMembers.size(Int($0)) } ?? 0)
          < (graph.labelIndex[$1].map { graph.labelMembers.size(Int($0)) } ?? 0)
      }!
      let count = graph.labelIndex[smallest].map { graph.labelMembers.size(Int($0)) } ?? 0
      return (Double(count), .scanLabel(spec.name, smallest))
    }
    if let labels = spec.anyOfLabels {
      let count = labels.reduce(0) {
        $0 + (graph.labelIndex[$1].map { graph.labelMembers.size(Int($0)) } ?? 0)
      }
      if count < graph.nodeCount {
        return (
          Double(count), labels.count == 1 ? .scanLabel(spec.name, labels[0]) : .scanLabels(spec.name, labels)
        )
      }
    }
    return (Double(graph.nodeCount), .scanAll(spec.name))
  }
}

extension Expr {
  /// The first variable reference not in `visible`, if any.
  func undefinedVariable(_ visible: Set<String>) -> Expr? {
    var found: Expr?
    var local: Set<String> = []
    visit { e in
      switch e {
      case .listComprehension(let v, _, _, _), .quantifier(_, let v, _, _): local.insert(v)
      case .reduce(let acc, _, let v, _, _): local.formUnion([acc, v])
      case .subquery(let q, _, _):
        // The subquery checks its own variables when it is built.
        for case .match(let m) in q.clauses {
          for p in m.patterns {
            local.formUnion(p.nodes.compactMap(\.variable) + p.relationships.compactMap(\.variable))
          }
          m.predicate?.visit { if case .variable(let n, _) = $0 { local.insert(n) } }
        }
      case .patternComprehension(let p, _, _):
        // Variables the pattern introduces are local to it.
        let names =
          p.nodes.compactMap(\.variable) + p.relationships.compactMap(\.variable) + [p.name].compactMap { $0 }
        local.formUnion(names.filter { !visible.contains($0) })
      case .variable(let n, _):
        if found == nil, !visible.contains(n), !local.contains(n) { found = e }
      default: break
      }
    }
    return found
  }
}

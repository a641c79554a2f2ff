import KnowledgeGraph

/// The second part of planning a MATCH: the order of its steps. Start from the most
/// selective node, then always expand a relationship with a bound end (cycles first, then
/// from the node bound earliest, then the lowest average degree); each WHERE part is
/// checked as soon as the variables it reads are bound.
struct StepOrder {
  let planner: Planner
  var plan: MatchPlan
  var filters: [Expr]
  var bound: Set<String>
  var bindOrder: [String: Int] = [:]
  var estimate = 1.0

  init(planner: Planner, plan: MatchPlan, filters: [Expr], bound: Set<String>) {
    self.planner = planner
    self.plan = plan
    self.filters = filters
    self.bound = bound
  }

  mutating func addStep(_ step: MatchPlan.Step) {
    plan.steps.append(step)
    plan.estimates.append(estimate)
  }

  mutating func placeFilters() {
    var rest: [Expr] = []
    for f in filters {
      if f.variables.isSubset(of: bound) {
        estimate *= 0.5
        addStep(.filter(f))
      } else {
        rest.append(f)
      }
    }
    filters = rest
  }

  /// Whether relationship `r` can be expanded now.
  func isReady(_ r: Int) -> Bool {
    let rel = plan.rels[r]
    return rel.shortest == nil
      ? bound.contains(rel.left) || bound.contains(rel.right)
      : bound.contains(rel.left) && bound.contains(rel.right)
  }

  /// Close cycles first (both ends bound: a cheap check), then expand from the node bound
  /// earliest (breadth-first from the selective start: nodes reached through hubs have far
  /// more edges than the average degree suggests), then the lowest average degree.
  func rank(_ r: Int) -> (Int, Int, Double) {
    let rel = plan.rels[r]
    if bound.contains(rel.left) && bound.contains(rel.right) { return (0, 0, 0) }
    let from = bound.contains(rel.left) ? rel.left : rel.right
    return (1, bindOrder[from] ?? -1, planner.relCost(rel, bound))
  }

  mutating func run(_ clause: MatchClause, shortestPaths: [Int: Int]) {
    for name in plan.nodes.keys.sorted() where bound.contains(name) { addStep(.checkBound(name)) }
    placeFilters()
    var remaining = Array(plan.rels.indices)
    let nodeOrder = planner.orderedNodeNames(clause, plan)
    while true {
      if let pick = remaining.filter(isReady).min(by: { rank($0) < rank($1) }) {
        if plan.rels[pick].shortest != nil {
          shortest(pick, path: shortestPaths[pick])
        } else {
          expand(pick)
        }
        remaining.removeAll { $0 == pick }
        placeFilters()
        continue
      }
      let unbound = nodeOrder.filter { !bound.contains($0) }
      guard !unbound.isEmpty else { break }
      let best = unbound.min { planner.scanCost(plan.nodes[$0]!).0 < planner.scanCost(plan.nodes[$1]!).0 }!
      let (cost, step) = planner.scanCost(plan.nodes[best]!)
      estimate *= cost
      addStep(step)
      bound.insert(best)
      bindOrder[best] = bindOrder.count
      placeFilters()
    }
    if !plan.paths.isEmpty {
      addStep(.bindPaths)
      for p in plan.paths { bound.insert(p.name) }
      placeFilters()
    }
    for f in filters { addStep(.filter(f)) }
  }

  /// A shortestPath relationship: WHERE parts about the path are checked during the search,
  /// not after it.
  mutating func shortest(_ pick: Int, path: Int?) {
    let rel = plan.rels[pick]
    bound.insert(rel.name)
    if let path { bound.insert(plan.paths[path].name) }
    let own = Set([rel.name] + (path.map { [plan.paths[$0].name] } ?? []))
    let bound = self.bound
    func mine(_ f: Expr) -> Bool { f.variables.isSubset(of: bound) && !f.variables.isDisjoint(with: own) }
    let predicates = filters.filter(mine)
    filters.removeAll(where: mine)
    estimate *= 0.5
    addStep(.shortest(rel: pick, path: path, predicates: predicates))
  }

  mutating func expand(_ pick: Int) {
    let rel = plan.rels[pick]
    let forward = bound.contains(rel.left)
    let to = forward ? rel.right : rel.left
    let toBound = bound.contains(to)
    estimate *= toBound ? 0.1 : max(planner.averageDegree(rel), 0.01)
    if !toBound, let spec = plan.nodes[to], !spec.labels.isEmpty {
      estimate *= planner.labelSelectivity(spec.labels)
    }
    addStep(.expand(rel: pick, forward: forward, toBound: toBound))
    bound.insert(to)
    bound.insert(rel.name)
    bound.formUnion(rel.segment?.groups ?? [])
    if bindOrder[to] == nil { bindOrder[to] = bindOrder.count }
  }
}

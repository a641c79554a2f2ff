import KnowledgeGraph

extension Planner {
  /// `-[r:T WHERE r.amount > 0]->{1,3}`: the condition is read once per relationship of the
  /// walk, with `rel` bound to that relationship. It may read what earlier clauses bound,
  /// not the other variables of its own MATCH (they are not bound while the walk runs).
  static func checkEach(_ p: Expr, _ rel: String, _ kinds: [String: Scope.Kind], _ scope: Scope) throws {
    var visible = Set(scope.names)
    visible.insert(rel)
    if case .variable(let name, let pos)? = p.undefinedVariable(visible) {
      guard kinds[name] != nil else {
        throw KgshError.semantic("variable '\(name)' is not defined", code: "UndefinedVariable", at: pos)
      }
      throw KgshError.semantic(
        "a WHERE inside the variable-length relationship '\(rel)' reads each of its relationships "
          + "and what earlier clauses bound, not '\(name)' of the same MATCH; "
          + "move that condition to the MATCH's WHERE", code: "InvalidReference", at: pos)
    }
    var each = scope
    if each.slots[rel] == nil { each.add(rel, .relationship) } else { each.kinds[rel] = .relationship }
    try StaticCheck.check(p, each)
    if p.containsAggregate {
      throw KgshError.semantic("aggregates are not allowed in WHERE", code: "InvalidAggregation")
    }
  }
}

import KnowledgeGraph

/// A query that only counts the matches of one node pattern or one relationship pattern,
/// `MATCH (n:Company) RETURN count(n)` or `MATCH ()-[r:invests_in]->() RETURN count(*)`,
/// answered from the counts the graph index keeps (nodes, members of each label, edges of
/// each type) instead of producing every row: on the benchmark's L graph (1M nodes, 5M
/// edges) counting every relationship took 1.6 s through the pipeline. Anything more (a
/// WHERE, properties, two labels, a label expression, labelled ends, an undirected or variable-length
/// relationship, DISTINCT, another item) runs as usual.
enum CountFromIndex {
  struct Answer {
    var column: String
    var count: Int
    /// What was counted, for `explain`.
    var what: String
  }

  static func answer(_ query: Query, _ graph: QueryGraph) -> Answer? {
    guard query.unionParts.isEmpty, query.clauses.count == 2,
      case .match(let match) = query.clauses[0], !match.optional, match.predicate == nil,
      match.patterns.count == 1, case .return(let projection) = query.clauses[1], !projection.distinct,
      !projection.star, projection.items.count == 1, projection.orderBy.isEmpty, projection.skip == nil,
      projection.limit == nil
    else { return nil }
    let pattern = match.patterns[0]
    guard pattern.name == nil, pattern.shortest == nil,
      pattern.nodes.allSatisfy({ $0.properties == nil && !$0.onlyMatches && $0.dynamicLabels.isEmpty }),
      pattern.relationships.allSatisfy({ $0.predicate == nil && $0.dynamicType == nil }),
      let item = projection.items.first, counts(item.expression, of: pattern)
    else { return nil }
    if pattern.relationships.isEmpty, let node = pattern.nodes.first {
      switch node.labels.count {
      case 0: return Answer(column: item.name, count: graph.nodeCount, what: "all nodes")
      case 1:
        let label = node.labels[0]
        let count = graph.labelIndex[label].map { graph.labelMembers.size(Int($0)) } ?? 0
        return Answer(column: item.name, count: count, what: "nodes labelled :\(label)")
      default: return nil
      }
    }
    guard pattern.relationships.count == 1, pattern.nodes.count == 2, let rel = pattern.relationships.first,
      rel.length == nil, rel.properties == nil, rel.direction != .both,
      pattern.nodes.allSatisfy({ $0.labels.isEmpty })
    else { return nil }
    // One variable at both ends asks for loops; a name used twice is an error the planner reports.
    let names = pattern.nodes.compactMap(\.variable) + [rel.variable].compactMap { $0 }
    guard Set(names).count == names.count else { return nil }
    if rel.types.isEmpty {
      return Answer(column: item.name, count: graph.edgeCount, what: "all relationships")
    }
    let types = Array(Set(rel.types)).sorted()
    let count = types.reduce(0) { sum, type in
      sum + (graph.typeIndex[type].map { graph.typeCounts[Int($0)] } ?? 0)
    }
    return Answer(
      column: item.name, count: count, what: "relationships :" + types.joinedText("|"))
  }

  /// Whether `expression` is `count(*)` or `count(v)` of a variable the pattern binds
  /// (never null in a match, so it counts every row).
  private static func counts(_ expression: Expr, of pattern: PathPattern) -> Bool {
    switch expression {
    case .countStar: return true
    case .function(let name, let distinct, let args, _) where name.lowercased() == "count" && !distinct:
      guard args.count == 1, case .variable(let v, _) = args[0] else { return false }
      return pattern.nodes.contains { $0.variable == v }
        || pattern.relationships.contains { $0.variable == v }
    default: return false
    }
  }
}

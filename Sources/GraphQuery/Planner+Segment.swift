import KnowledgeGraph

extension MatchPlan {
  /// A quantified path pattern, planned as a MATCH of its own that starts from a bound node:
  /// the matcher runs it once per repetition, from where the last one ended.
  struct SegmentPlan {
    var plan: MatchPlan
    /// The clause's incoming variables, then the pattern's own (as single values).
    var scope: Scope
    /// How many of `scope`'s slots are the clause's incoming variables.
    var incoming: Int
    var firstSlot: Int
    var lastSlot: Int
    /// The inner relationships' slots, in path order (their edges make up the walk).
    var relSlots: [Int]
    /// Each variable the pattern names: its list outside, its slot inside.
    var groups: [(outer: String, inner: Int)]
  }
}

extension Planner {
  /// The variables a quantified path pattern names, with what each is outside it: a list
  /// of nodes, or of relationships.
  static func groupVariables(_ segment: QuantifiedSegment) -> [(String, Scope.Kind, SourcePosition)] {
    let nodes = segment.pattern.nodes.compactMap { n in n.variable.map { ($0, Scope.Kind.value, n.position) }
    }
    let rels = segment.pattern.relationships.compactMap { r in
      r.variable.map { ($0, r.length == nil ? Scope.Kind.relationshipList : .value, r.position) }
    }
    var seen: Set<String> = []
    return (nodes + rels).filter { seen.insert($0.0).inserted }
  }

  /// Every group variable of the clause's quantified path patterns.
  static func groupNames(_ clause: MatchClause) -> Set<String> {
    Set(
      clause.patterns.flatMap(\.relationships).compactMap(\.segment).flatMap {
        groupVariables($0).map(\.0)
      })
  }

  mutating func planSegment(_ segment: QuantifiedSegment, scope: Scope) throws -> MatchPlan.SegmentPlan {
    var inner = segment.pattern
    for i in inner.nodes.indices where inner.nodes[i].variable == nil {
      inner.nodes[i].variable = anonymous()
    }
    for i in inner.relationships.indices where inner.relationships[i].variable == nil {
      inner.relationships[i].variable = anonymous()
    }
    var base = scope
    base.add(inner.nodes[0].variable!, .node)
    let plan = try self.plan(
      MatchClause(optional: false, patterns: [inner], predicate: segment.predicate, position: inner.position),
      scope: base)
    var full = base
    for (name, kind) in plan.newVariables { full.add(name, kind) }
    return MatchPlan.SegmentPlan(
      plan: plan, scope: full, incoming: scope.count, firstSlot: full.slots[inner.nodes[0].variable!]!,
      lastSlot: full.slots[inner.nodes.last!.variable!]!,
      relSlots: inner.relationships.map { full.slots[$0.variable!]! },
      groups: Planner.groupVariables(segment).map { ($0.0, full.slots[$0.0]!) })
  }
}

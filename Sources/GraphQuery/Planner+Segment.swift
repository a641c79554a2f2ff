import KnowledgeGraph

extension MatchPlan {
  /// A quantified path pattern, planned as a MATCH of its own that starts from a bound node:
  /// the matcher runs it once per repetition, from where the last one ended, walking from
  /// whichever end of the pattern is bound first.
  struct SegmentPlan {
    /// The walk from the left end (the inside's first node bound) and from the right end.
    var forward: Walk
    var backward: Walk
    /// How many slots of each walk's scope are the clause's incoming variables.
    var incoming: Int
    /// The variables the pattern names, each a list outside it.
    var groups: [String]
  }

  struct Walk {
    var plan: MatchPlan
    /// The clause's incoming variables, then the pattern's own (as single values).
    var scope: Scope
    /// The inside's node bound at the start of a repetition, and the one it ends at.
    var startSlot: Int
    var endSlot: Int
    /// The inner relationships' slots, in the pattern's order (left to right).
    var relSlots: [Int]
    /// Per group variable, its slot inside.
    var groupSlots: [Int]
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
    let groups = Planner.groupVariables(segment).map(\.0)
    func walk(from start: String, to end: String) throws -> MatchPlan.Walk {
      var base = scope
      base.add(start, .node)
      let plan = try self.plan(
        MatchClause(
          optional: false, patterns: [inner], predicate: segment.predicate, position: inner.position),
        scope: base)
      var full = base
      for (name, kind) in plan.newVariables { full.add(name, kind) }
      return MatchPlan.Walk(
        plan: plan, scope: full, startSlot: full.slots[start]!, endSlot: full.slots[end]!,
        relSlots: inner.relationships.map { full.slots[$0.variable!]! },
        groupSlots: groups.map { full.slots[$0]! })
    }
    let first = inner.nodes[0].variable!, last = inner.nodes.last!.variable!
    return MatchPlan.SegmentPlan(
      forward: try walk(from: first, to: last), backward: try walk(from: last, to: first),
      incoming: scope.count,
      groups: groups)
  }
}

import KnowledgeGraph

/// The first part of planning a MATCH: each pattern's nodes, relationships and paths, with
/// their variables declared (and checked against what they were before), the conditions
/// written inside the patterns, and the quantified path patterns planned.
struct PatternCollector {
  let scope: Scope
  /// Variables named inside quantified path patterns (lists outside them).
  let groups: Set<String>
  var plan = MatchPlan()
  var kinds: [String: Scope.Kind] = [:]
  var relNames: Set<String> = []
  /// Per shortestPath relationship, the index of its named path.
  var shortestPaths: [Int: Int] = [:]
  /// Label expressions and WHERE written inside the patterns: conditions like the WHERE's.
  var inline: [Expr] = []

  init(scope: Scope, groups: Set<String>) {
    self.scope = scope
    self.groups = groups
  }

  mutating func declare(_ name: String, _ kind: Scope.Kind, _ pos: SourcePosition, group: Bool = false) throws
  {
    if !group, groups.contains(name) {
      throw KgshError.semantic(
        "'\(name)' is named inside a quantified path pattern, where it is a list of its values; "
          + "use another name outside it", code: "VariableAlreadyBound", at: pos)
    }
    let existing = kinds[name] ?? scope.kinds[name]
    if let existing, existing != kind {
      let compatible =
        (existing == .value && kind != .path) || (existing == .relationshipList && kind == .relationship)
        || (existing == .scalar && kind == .relationshipList)
        || (existing == .map && kind == .relationshipList)
      if !compatible {
        throw KgshError.semantic(
          "variable '\(name)' is already used for a \(existing), it cannot be a \(kind)",
          code: "VariableTypeConflict", at: pos)
      }
    }
    if kinds[name] == nil && scope.slots[name] == nil { plan.newVariables.append((name, kind)) }
    kinds[name] = kinds[name] ?? kind
  }

  mutating func add(_ pattern: PathPattern, _ planner: inout Planner) throws {
    var nodeNames: [String] = []
    var relIndexes: [Int] = []
    for node in pattern.nodes { nodeNames.append(try add(node, &planner)) }
    for (i, rel) in pattern.relationships.enumerated() {
      try add(rel, from: nodeNames[i], to: nodeNames[i + 1], shortest: pattern.shortest, &planner)
      relIndexes.append(plan.rels.count - 1)
    }
    if let pathName = pattern.name {
      try declare(pathName, .path, pattern.position)
      if scope.slots[pathName] != nil {
        throw KgshError.semantic(
          "path '\(pathName)' is already bound", code: "VariableAlreadyBound", at: pattern.position)
      }
      plan.paths.append(MatchPlan.PathSpec(name: pathName, nodes: nodeNames, rels: relIndexes))
      if pattern.shortest != nil { shortestPaths[relIndexes[0]] = plan.paths.count - 1 }
    }
  }

  /// Declares a node pattern's variable and merges its labels and properties; its name.
  mutating func add(_ node: NodePattern, _ planner: inout Planner) throws -> String {
    let name = node.variable ?? planner.anonymous()
    try declare(name, .node, node.position)
    if let test = node.labelTest { inline.append(test.test(.variable(name, node.position))) }
    for names in node.dynamicLabels {
      inline.append(LabelExpression.dynamic(names, all: true).test(.variable(name, node.position)))
    }
    if let predicate = node.predicate { inline.append(predicate) }
    var spec = plan.nodes[name] ?? MatchPlan.NodeSpec(name: name)
    spec.labels += node.labels.filter { !spec.labels.contains($0) }
    if let candidates = node.labelTest?.candidates, candidates.count < spec.anyOfLabels?.count ?? .max {
      spec.anyOfLabels = candidates
    }
    let (entries, expr) = Planner.propertyEntries(node.properties)
    if expr != nil {
      throw KgshError.semantic(
        "MATCH needs a map literal for node properties, not a parameter", code: "InvalidParameterUse",
        at: node.position)
    }
    spec.props += entries
    plan.nodes[name] = spec
    return name
  }

  mutating func add(
    _ rel: RelationshipPattern, from left: String, to right: String, shortest: ShortestMode?,
    _ planner: inout Planner
  ) throws {
    let name = rel.variable ?? planner.anonymous()
    if relNames.contains(name) {
      throw KgshError.semantic(
        "relationship variable '\(name)' is used twice in one pattern",
        code: "RelationshipUniquenessViolation",
        at: rel.position)
    }
    relNames.insert(name)
    try declare(name, rel.length == nil ? .relationship : .relationshipList, rel.position)
    // A dynamic type (`[r:$(t)]`) is tested with the pattern's own conditions.
    let typeTest = rel.dynamicType.map { $0.test(.variable(name, rel.position)) }
    let predicate = [typeTest, rel.predicate].compactMap { $0 }.reduce(nil) { all, e in
      all.map { .binary(.and, $0, e) } ?? e
    }
    if let predicate, rel.length == nil { inline.append(predicate) }
    let (entries, expr) = Planner.propertyEntries(rel.properties)
    if expr != nil {
      throw KgshError.semantic(
        "MATCH needs a map literal for relationship properties, not a parameter", code: "InvalidParameterUse",
        at: rel.position)
    }
    var spec = MatchPlan.RelSpec(
      name: name, types: rel.types, direction: rel.direction, props: entries, propsExpr: expr,
      length: rel.length, left: left, right: right, shortest: shortest,
      eachPredicate: rel.length == nil ? nil : predicate)
    if let segment = rel.segment {
      for (group, kind, pos) in Planner.groupVariables(segment) {
        if scope.slots[group] != nil {
          throw KgshError.semantic(
            "'\(group)' is already bound; a variable inside a quantified path pattern is new there "
              + "(outside it is the list of its values), so give it another name",
            code: "VariableAlreadyBound", at: pos)
        }
        if kinds[group] != nil {
          throw KgshError.semantic(
            "'\(group)' is named in two quantified path patterns; give each its own names",
            code: "VariableAlreadyBound", at: pos)
        }
        try declare(group, kind, pos, group: true)
      }
      spec.segment = try planner.planSegment(segment, scope: scope)
    }
    plan.rels.append(spec)
  }
}

import Foundation
import KnowledgeGraph

/// SET and REMOVE: change each row's nodes and relationships, then pass the row on.
final class UpdateStage: Stage {
  enum Item {
    case set(SetItem)
    case remove(RemoveItem)
  }
  let items: [Item]
  let scope: Scope
  let evaluator: Evaluator

  init(items: [Item], scope: Scope, evaluator: Evaluator) {
    self.items = items
    self.scope = scope
    self.evaluator = evaluator
  }

  override func push(_ row: Row) throws {
    for item in items {
      switch item {
      case .set(let s): try UpdateStage.apply(s, row, scope, evaluator)
      case .remove(let r): try UpdateStage.apply(r, row, scope, evaluator)
      }
    }
    try next!.push(row)
  }

  static func apply(_ item: SetItem, _ row: Row, _ scope: Scope, _ evaluator: Evaluator) throws {
    let graph = evaluator.graph
    switch item {
    case .property(let target, let key, let value):
      let element = try evaluator.eval(target, row, scope)
      let v = try evaluator.eval(value, row, scope)
      try checkStorable(key, v)
      try graph.setProperty(of: element, key, v)
    case .properties(let variable, let value, let merge, _):
      let element = row[scope.slots[variable]!]
      if element.isNull { return }
      var props: [String: QValue]
      switch try evaluator.eval(value, row, scope) {
      case .map(let m): props = m
      case .null: props = [:]
      case let other:
        guard let p = try graph.properties(of: other) else {
          throw KgshError.runtime(
            "SET \(variable) = needs a map, a node or a relationship, not a \(other.typeName)",
            code: "InvalidArgumentType")
        }
        props = p
      }
      for (k, v) in props { try checkStorable(k, v) }
      if merge, let existing = try graph.properties(of: element) {
        props = existing.merging(props) { _, new in new }
      }
      try graph.setProperties(of: element, props)
    case .labels(let variable, let labels, _):
      switch row[scope.slots[variable]!] {
      case .null: return
      case .node(let n): graph.addLabels(n, try evaluator.labelNames(labels, row, scope))
      case let other:
        throw KgshError.runtime(
          "only a node has labels, not a \(other.typeName)", code: "InvalidArgumentType")
      }
    }
  }

  static func apply(_ item: RemoveItem, _ row: Row, _ scope: Scope, _ evaluator: Evaluator) throws {
    let graph = evaluator.graph
    switch item {
    case .property(let target, let key):
      let element = try evaluator.eval(target, row, scope)
      guard let props = try graph.properties(of: element) else {
        if element.isNull { return }
        throw KgshError.runtime(
          "only a node or a relationship has properties to remove, not a \(element.typeName)",
          code: "InvalidArgumentType")
      }
      if props[key] != nil { try graph.setProperty(of: element, key, .null) }
    case .labels(let variable, let labels, _):
      switch row[scope.slots[variable]!] {
      case .null: return
      case .node(let n): graph.removeLabels(n, try evaluator.labelNames(labels, row, scope))
      case let other:
        throw KgshError.runtime(
          "only a node has labels, not a \(other.typeName)", code: "InvalidArgumentType")
      }
    }
  }

  /// A property value must be storable: no maps, nodes or mixed lists.
  static func checkStorable(_ key: String, _ value: QValue) throws {
    if value.isNull { return }
    guard value.storable != nil else {
      throw KgshError.runtime(
        "property '\(key)' cannot hold \(value.typeNameWithArticle)", code: "InvalidPropertyType")
    }
    if case .list(let items) = value, items.contains(where: \.isNull) || Set(items.map(\.typeName)).count > 1
    {
      throw KgshError.runtime(
        "a list property must hold values of one type and no nulls", code: "InvalidPropertyType")
    }
  }
}

/// DELETE and DETACH DELETE.
final class DeleteStage: Stage {
  let targets: [Expr]
  let detach: Bool
  let scope: Scope
  let evaluator: Evaluator

  init(targets: [Expr], detach: Bool, scope: Scope, evaluator: Evaluator) {
    self.targets = targets
    self.detach = detach
    self.scope = scope
    self.evaluator = evaluator
  }

  /// What to delete and the rows, held until every row is in: deleting happens at the end
  /// so that earlier clauses never read a deleted element and later ones see all deletes.
  var pending: [QValue] = []
  var buffered: [Row] = []

  override func push(_ row: Row) throws {
    for target in targets { pending.append(try evaluator.eval(target, row, scope)) }
    buffered.append(row)
  }

  override func finish() throws {
    for value in pending { try evaluator.graph.delete(value, detach: detach) }
    pending = []
    for row in buffered { try next!.push(row) }
    buffered = []
    try next!.finish()
  }
}

/// MERGE: per row, the pattern's matches (then ON MATCH), or the pattern created (then ON CREATE).
final class MergeStage: Stage {
  let clause: MergeClause
  let plan: MatchPlan
  let scope: Scope
  let evaluator: Evaluator
  let creator: CreateStage
  /// Slots of the variables the pattern binds (not those bound before).
  let newSlots: [Int]

  init(clause: MergeClause, plan: MatchPlan, scope: Scope, evaluator: Evaluator) {
    newSlots = plan.newVariables.compactMap { scope.slots[$0.0] }
    self.clause = clause
    self.plan = plan
    self.scope = scope
    self.evaluator = evaluator
    creator = CreateStage(patterns: [clause.pattern], scope: scope, evaluator: evaluator)
  }

  override func push(_ input: Row) throws {
    var row = input
    while row.count < scope.count { row.append(.null) }
    try checkNoNullProperties(row)
    // Built per row so that what earlier rows created is seen.
    let matcher = Matcher(plan: plan, scope: scope, evaluator: evaluator)
    var matches: [Row] = []
    let graph = evaluator.graph
    try matcher.run(row) { match in
      if graph.deletedNodes.isEmpty && graph.deletedEdges.isEmpty
        || !graph.touchesDeleted(newSlots.map { match[$0] })
      {
        matches.append(match)
      }
    }
    if matches.isEmpty {
      try creator.create(clause.pattern, &row)
      for item in clause.onCreate { try UpdateStage.apply(item, row, scope, evaluator) }
      try next!.push(row)
      return
    }
    for match in matches {
      for item in clause.onMatch { try UpdateStage.apply(item, match, scope, evaluator) }
      try next!.push(match)
    }
  }

  func checkNoNullProperties(_ row: Row) throws {
    let maps =
      clause.pattern.nodes.compactMap(\.properties) + clause.pattern.relationships.compactMap(\.properties)
    for map in maps {
      guard case .map(let m) = try evaluator.eval(map, row, scope) else { continue }
      if let key = m.first(where: { $0.value.isNull })?.key {
        throw KgshError.runtime(
          "MERGE cannot match or create with a null value for property '\(key)'", code: "MergeReadOwnWrites")
      }
    }
  }
}

extension Executor {
  /// The stage of a SET, REMOVE, DELETE or MERGE clause, after checking its variables.
  mutating func writeStage(_ clause: Clause, _ scope: inout Scope) throws -> Stage {
    switch clause {
    case .set(let items, _):
      for item in items { try checkDefined(item, scope) }
      return UpdateStage(items: items.map { .set($0) }, scope: scope, evaluator: evaluator)
    case .remove(let items, _):
      for item in items {
        switch item {
        case .property(let target, _): try checkDefined(target, scope)
        case .labels(let v, _, let pos): try checkDefined(.variable(v, pos), scope)
        }
      }
      return UpdateStage(items: items.map { .remove($0) }, scope: scope, evaluator: evaluator)
    case .delete(let targets, let detach, _):
      for t in targets {
        try checkDefined(t, scope)
        try StaticCheck.check(t, scope)
        if case .hasLabels(_, _) = t {
          throw KgshError.syntax(
            "DELETE removes nodes and relationships; use REMOVE n:Label to remove a label", at: nil,
            code: "InvalidDelete")
        }
        if [.scalar, .map].contains(StaticCheck.kind(of: t, scope)), !isContainerAccess(t) {
          throw KgshError.semantic(
            "DELETE needs a node, a relationship or a path", code: "InvalidArgumentType")
        }
      }
      return DeleteStage(targets: targets, detach: detach, scope: scope, evaluator: evaluator)
    case .merge(let m):
      try Executor.refuseMatchOnlySyntax([m.pattern], "MERGE")
      try checkMergePattern(m.pattern, scope)
      let plan = try planner.plan(
        MatchClause(optional: false, patterns: [m.pattern], predicate: nil, position: m.position),
        scope: scope)
      for (name, kind) in plan.newVariables { scope.add(name, kind) }
      for item in m.onCreate + m.onMatch { try checkDefined(item, scope) }
      return MergeStage(clause: m, plan: plan, scope: scope, evaluator: evaluator)
    default:
      throw KgshError.runtime("not a write clause")
    }
  }

  func checkDefined(_ item: SetItem, _ scope: Scope) throws {
    switch item {
    case .property(_, _, .pattern(let pattern)), .properties(_, .pattern(let pattern), _, _):
      throw KgshError.syntax(
        "a pattern cannot be a property value", at: pattern.position, code: "UnexpectedSyntax")
    case .property(let target, _, let value):
      try checkDefined(target, scope)
      try checkDefined(value, scope)
      try StaticCheck.check(value, scope)
    case .properties(let v, let value, _, let pos):
      try checkDefined(.variable(v, pos), scope)
      try checkDefined(value, scope)
    case .labels(let v, _, let pos): try checkDefined(.variable(v, pos), scope)
    }
  }

  /// `list[i]` and `map.key` may hold nodes even though the container is not one.
  func isContainerAccess(_ e: Expr) -> Bool {
    switch e {
    case .index, .property, .function: return true
    default: return false
    }
  }

  func checkMergePattern(_ pattern: PathPattern, _ scope: Scope) throws {
    for node in pattern.nodes {
      if let v = node.variable, scope.kinds[v] != nil, !node.labels.isEmpty || node.properties != nil {
        throw KgshError.semantic(
          "variable '\(v)' is already bound; MERGE cannot add labels or properties to it",
          code: "VariableAlreadyBound", at: node.position)
      }
    }
    for rel in pattern.relationships {
      if let v = rel.variable, scope.kinds[v] != nil {
        throw KgshError.semantic(
          "variable '\(v)' is already bound", code: "VariableAlreadyBound", at: rel.position)
      }
      if rel.length != nil {
        throw KgshError.semantic(
          "MERGE cannot create "
            + (rel.segment == nil ? "a variable-length relationship" : "a quantified path pattern"),
          code: "CreatingVarLength", at: rel.position)
      }
      if !rel.makesOneType {
        throw KgshError.semantic(
          "MERGE needs exactly one relationship type", code: "NoSingleRelationshipType", at: rel.position)
      }
    }
    if pattern.nodes.count == 1, let v = pattern.nodes[0].variable, scope.kinds[v] != nil {
      throw KgshError.semantic(
        "variable '\(v)' is already bound and cannot be merged again", code: "VariableAlreadyBound",
        at: pattern.nodes[0].position)
    }
  }
}

extension Executor {
  /// Label expressions and WHERE inside a pattern select what exists: CREATE and MERGE,
  /// which may make the pattern, cannot use them.
  static func refuseMatchOnlySyntax(_ patterns: [PathPattern], _ clause: String) throws {
    for pattern in patterns {
      if let node = pattern.nodes.first(where: \.onlyMatches) {
        throw KgshError.syntax(
          "\(clause) cannot use a label expression (|, &, !, %) or WHERE inside a node pattern; "
            + "give the labels as :A:B or :$(x)", at: node.position, code: "InvalidNodePattern")
      }
      if let rel = pattern.relationships.first(where: { $0.predicate != nil }) {
        throw KgshError.syntax(
          "\(clause) cannot use WHERE inside a relationship pattern", at: rel.position,
          code: "InvalidRelationshipPattern")
      }
    }
  }
}

import Foundation
import KnowledgeGraph

/// A step of the running pipeline: rows are pushed in, `finish` flushes what it buffered.
class Stage {
  var next: Stage?
  func push(_ row: Row) throws { try next?.push(row) }
  func finish() throws { try next?.finish() }
}

/// Passes rows on, calling `interrupt` every 256 rows so Ctrl-C and timeouts can stop a
/// query that produces or filters many rows.
final class InterruptStage: Stage {
  let interrupt: () throws -> Void
  var count = 0

  init(_ interrupt: @escaping () throws -> Void) { self.interrupt = interrupt }

  override func push(_ row: Row) throws {
    count &+= 1
    if count & 255 == 0 { try interrupt() }
    try next?.push(row)
  }
}

/// Ctrl-C and timeouts inside a clause: the matcher's and the evaluator's loops call `tick`
/// at each step, which calls `check` every 1,024 steps, so a search that finds nothing for a
/// long time (a variable-length walk whose ends never match, a product of two scans filtered
/// to nothing) stops as one that produces rows does. One per query, shared by its subqueries.
final class StopCheck: @unchecked Sendable {
  var check: () throws -> Void = {}
  private var count = 0

  @inline(__always) func tick() throws {
    count &+= 1
    if count & 1023 == 0 { try check() }
  }
}

/// Thrown by a LIMIT that has passed on all its rows (`ProjectionStage.stopsEarly`), to stop
/// the clauses before it from producing more; whoever runs the pipeline catches it.
struct PipelineDone: Error {}

/// Collects the rows that leave the last clause.
final class CollectStage: Stage {
  var rows: [Row] = []
  override func push(_ row: Row) throws { rows.append(row) }
  override func finish() throws {}
}

final class MatchStage: Stage {
  let matcher: Matcher
  let optional: Bool
  let width: Int

  init(matcher: Matcher, optional: Bool, width: Int) {
    self.matcher = matcher
    self.optional = optional
    self.width = width
  }

  override func push(_ row: Row) throws {
    var found = false
    try matcher.run(row) { out in
      found = true
      try next!.push(out)
    }
    if optional && !found {
      var padded = row
      while padded.count < width { padded.append(.null) }
      try next!.push(padded)
    }
  }
}

final class UnwindStage: Stage {
  let expression: Expr
  let scope: Scope
  let slot: Int
  let evaluator: Evaluator

  init(expression: Expr, scope: Scope, slot: Int, evaluator: Evaluator) {
    self.expression = expression
    self.scope = scope
    self.slot = slot
    self.evaluator = evaluator
  }

  override func push(_ row: Row) throws {
    let v = try evaluator.eval(expression, row, scope)
    let items: [QValue]
    switch v {
    case .null: items = []
    case .list(let l): items = l
    default: items = [v]
    }
    for item in items {
      var out = row
      while out.count <= slot { out.append(.null) }
      out[slot] = item
      try next!.push(out)
    }
  }
}

/// CREATE: buffers its input so that every row's pattern is created before later
/// clauses read the graph.
final class CreateStage: Stage {
  let patterns: [PathPattern]
  let scope: Scope
  let evaluator: Evaluator
  var buffered: [Row] = []

  init(patterns: [PathPattern], scope: Scope, evaluator: Evaluator) {
    self.patterns = patterns
    self.scope = scope
    self.evaluator = evaluator
  }

  override func push(_ row: Row) throws { buffered.append(row) }

  override func finish() throws {
    var created: [Row] = []
    for input in buffered {
      var row = input
      while row.count < scope.count { row.append(.null) }
      for pattern in patterns { try create(pattern, &row) }
      created.append(row)
    }
    buffered = []
    for row in created { try next!.push(row) }
    try next!.finish()
  }

  /// Creates one pattern's new nodes and relationships, binding its variables in `row`.
  func create(_ pattern: PathPattern, _ row: inout Row) throws {
    let graph = evaluator.graph
    var nodes: [Int32] = []
    for node in pattern.nodes {
      if let v = node.variable, case .node(let n) = row[scope.slots[v]!] {
        try graph.checkNotDeleted(node: n)
        nodes.append(n)
        continue
      }
      let props = try properties(node.properties, row)
      let labels = try evaluator.labelNames(
        node.labels.map(LabelName.fixed) + node.dynamicLabels.map(LabelName.dynamic), row, scope)
      let n = graph.createNode(labels: labels, props: props)
      if let v = node.variable { row[scope.slots[v]!] = .node(n) }
      nodes.append(n)
    }
    var rels: [Int32] = []
    for (i, rel) in pattern.relationships.enumerated() {
      let props = try properties(rel.properties, row)
      let (src, dst) = rel.direction == .incoming ? (nodes[i + 1], nodes[i]) : (nodes[i], nodes[i + 1])
      let e = graph.createEdge(src, try evaluator.relationshipType(rel, row, scope), dst, props: props)
      if let v = rel.variable { row[scope.slots[v]!] = .relationship(e) }
      rels.append(e)
    }
    if let name = pattern.name { row[scope.slots[name]!] = .path(nodes: nodes, relationships: rels) }
  }

  func properties(_ e: Expr?, _ row: Row) throws -> [String: QValue] {
    guard let e else { return [:] }
    let v = try evaluator.eval(e, row, scope)
    guard case .map(let m) = v else {
      throw KgshError.runtime("properties in CREATE must be a map", code: "InvalidArgumentType")
    }
    var out: [String: QValue] = [:]
    for (k, value) in m where !value.isNull {
      guard value.storable != nil else {
        throw KgshError.runtime(
          "property '\(k)' cannot hold \(value.typeNameWithArticle)", code: "InvalidPropertyType")
      }
      if case .list(let items) = value,
        items.contains(where: \.isNull) || Set(items.map(\.typeName)).count > 1
      {
        throw KgshError.runtime(
          "a list property must hold values of one type and no nulls", code: "InvalidPropertyType")
      }
      out[k] = value
    }
    return out
  }
}

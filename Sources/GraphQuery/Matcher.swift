import Foundation
import KnowledgeGraph

/// Runs a `MatchPlan` for one input row, calling `emit` with every extended row.
///
/// Relationships are matched isomorphically: within one MATCH clause no edge is used twice.
struct Matcher {
  let plan: MatchPlan
  let scope: Scope
  let evaluator: Evaluator
  var graph: QueryGraph { evaluator.graph }
  /// Edge type ids per relationship (nil = any type; empty = a type that does not exist).
  let typeSets: [[Int32]?]
  let labelIDs: [String: [Int32]?]
  // The graph's topology held directly: the hot loops read these arrays without going
  // through the graph object (no reference counting or exclusivity checks per access).
  let edgeSrc: Grown<IndexColumn>
  let edgeDst: Grown<IndexColumn>
  let edgeType: Grown<IndexColumn>
  let outRows: EdgeRows
  let inRows: EdgeRows
  /// The same rows read without reference counting (valid while `outRows`/`inRows` live).
  let outView: EdgeRowsView
  let inView: EdgeRowsView
  /// Edges the query created before this clause was planned, per node.
  let createdOut: [Int32: [Int32]]
  let createdIn: [Int32: [Int32]]
  /// No edges were created by this query, so every edge list is sorted by (type, other end).
  let sortedEdges: Bool
  /// Per relationship of the pattern, resolved once: row slots, the single type (when it has
  /// exactly one), and whether each end's check passes every node — so inner loops do no
  /// string hashing.
  let relInfo: [RelInfo]
  /// Per relationship, the checks of its two ends (`endCheck`).
  let relChecks: [(left: NodeCheck, right: NodeCheck)]
  /// Per step of the plan, resolved once: the slot and checks of the node it binds or checks
  /// (nil for other steps); per relationship, whether its duplicates are pruned.
  let stepNodes: [(slot: Int, check: NodeCheck)?]
  let pruned: [Bool]
  /// Per quantified path pattern (by relationship index), the matchers of its inside, from
  /// the left end and from the right: made once, not once per row.
  let segmentMatchers: [Int: (forward: Matcher, backward: Matcher)]

  init(plan: MatchPlan, scope: Scope, evaluator: Evaluator) {
    self.plan = plan
    self.scope = scope
    self.evaluator = evaluator
    let g = evaluator.graph
    edgeSrc = g.edgeSrc
    edgeDst = g.edgeDst
    edgeType = g.edgeType
    outRows = g.index.outRows
    inRows = g.index.inRows
    outView = EdgeRowsView(outRows)
    inView = EdgeRowsView(inRows)
    createdOut = g.createdOut
    createdIn = g.createdIn
    sortedEdges = g.edgeCount == Int(g.firstCreatedEdge)
    typeSets = plan.rels.map { rel in rel.types.isEmpty ? nil : rel.types.compactMap { g.typeIndex[$0] } }
    var labels: [String: [Int32]?] = [:]
    for (name, spec) in plan.nodes {
      let ids = spec.labels.compactMap { g.labelIndex[$0] }
      labels[name] = ids.count == spec.labels.count ? ids : nil
    }
    labelIDs = labels
    func nodeCheck(_ name: String) -> NodeCheck {
      let spec = plan.nodes[name]
      return NodeCheck(
        labels: labels[name] ?? [], spec: spec,
        needsProperties: spec.map { !$0.props.isEmpty || $0.propsExpr != nil } ?? false)
    }
    let checks = plan.rels.map { (left: nodeCheck($0.left), right: nodeCheck($0.right)) }
    var info: [RelInfo] = []
    for (r, rel) in plan.rels.enumerated() {
      let types = typeSets[r]
      info.append(
        RelInfo(
          slot: scope.slots[rel.name]!, leftSlot: scope.slots[rel.left]!, rightSlot: scope.slots[rel.right]!,
          singleType: types?.count == 1 ? types![0] : nil, direction: rel.direction,
          fixedLength: rel.length == nil,
          plain: rel.props.isEmpty && rel.propsExpr == nil && rel.eachPredicate == nil,
          leftPasses: checks[r].left.passesAll, rightPasses: checks[r].right.passesAll))
    }
    relChecks = checks
    relInfo = info
    stepNodes = plan.steps.map { step in
      switch step {
      case .scanAll(let name), .scanLabel(let name, _), .scanLabels(let name, _), .lookup(let name, _),
        .checkBound(let name):
        return (scope.slots[name]!, nodeCheck(name))
      default: return nil
      }
    }
    pruned = plan.rels.indices.map { plan.pruneDuplicates.contains($0) }
    var inner: [Int: (forward: Matcher, backward: Matcher)] = [:]
    for (r, rel) in plan.rels.enumerated() {
      guard let segment = rel.segment else { continue }
      inner[r] = (
        Matcher(plan: segment.forward.plan, scope: segment.forward.scope, evaluator: evaluator),
        Matcher(plan: segment.backward.plan, scope: segment.backward.scope, evaluator: evaluator)
      )
    }
    segmentMatchers = inner
  }

  func slot(_ name: String) -> Int { scope.slots[name]! }

  func run(_ input: Row, emit: (Row) throws -> Void) throws {
    var row = input
    while row.count < scope.count { row.append(.null) }
    var used: [Int32] = []
    try step(0, &row, &used, emit)
  }

  func step(_ i: Int, _ row: inout Row, _ used: inout [Int32], _ emit: (Row) throws -> Void) throws {
    try evaluator.stop.tick()
    if i == plan.steps.count {
      try emit(row)
      return
    }
    switch plan.steps[i] {
    case .scanAll(let name):
      let (s, check) = stepNodes[i]!
      let count = Int32(graph.nodeCount)
      try prefetch(name, Array(0..<count))
      for n in 0..<count where try nodeMatches(check, n, row) {
        row[s] = .node(n)
        try step(i + 1, &row, &used, emit)
      }
      row[s] = .null
    case .scanLabel(let name, let label):
      let (s, check) = stepNodes[i]!
      guard let l = graph.labelIndex[label] else { return }
      let members = graph.labelMembers[Int(l)]
      try prefetch(name, members)
      for n in members where try nodeMatches(check, n, row) {
        row[s] = .node(n)
        try step(i + 1, &row, &used, emit)
      }
      row[s] = .null
    case .scanLabels(let name, let labels):
      let (s, check) = stepNodes[i]!
      var members: [Int32] = []
      for label in labels { if let l = graph.labelIndex[label] { members += graph.labelMembers[Int(l)] } }
      members = Array(Set(members)).sorted()
      try prefetch(name, members)
      for n in members where try nodeMatches(check, n, row) {
        row[s] = .node(n)
        try step(i + 1, &row, &used, emit)
      }
      row[s] = .null
    case .lookup(_, let valueExpr):
      let (s, check) = stepNodes[i]!
      guard case .string(let text) = try evaluator.eval(valueExpr, row, scope) else { return }
      var candidates = try graph.store.queryNodeIDs(keyOrName: text).compactMap { graph.indexOfID($0) }
      // Nodes this query created or changed: their names are not in the store yet.
      candidates += Array(graph.firstCreatedNode..<Int32(graph.nodeCount)) + graph.changedNodeProps.keys
      for n in Set(candidates).sorted() where try nodeMatches(check, n, row) {
        row[s] = .node(n)
        try step(i + 1, &row, &used, emit)
      }
      row[s] = .null
    case .checkBound:
      let (s, check) = stepNodes[i]!
      guard case .node(let n) = row[s], try nodeMatches(check, n, row) else { return }
      try step(i + 1, &row, &used, emit)
    case .expand(let r, let forward, let toBound):
      if plan.rels[r].segment != nil { return try segment(i, r, forward, toBound, &row, &used, emit) }
      if pruned[r] { return try reach(i, r, forward, toBound, &row, &used, emit) }
      if !toBound, try intersect(i, r, forward, &row, &used, emit) { return }
      try expand(i, r, forward, toBound, &row, &used, emit)
    case .shortest(let r, let path, let predicates):
      try shortest(i, r, path, predicates, &row, &used, emit)
    case .bindPaths:
      for p in plan.paths { row[slot(p.name)] = path(p, row) }
      try step(i + 1, &row, &used, emit)
    case .filter(let e):
      guard try evaluator.truth(try evaluator.eval(e, row, scope)) == .yes else { return }
      try step(i + 1, &row, &used, emit)
    }
  }

  /// Loads the details of many candidates at once when the node's constraints need properties.
  func prefetch(_ name: String, _ nodes: [Int32]) throws {
    guard let spec = plan.nodes[name], !spec.props.isEmpty || spec.propsExpr != nil, nodes.count > 1 else {
      return
    }
    try graph.loadNodes(nodes)
  }

  func check(_ name: String) -> NodeCheck {
    let spec = plan.nodes[name]
    let labels = labelIDs[name] ?? []
    return NodeCheck(
      labels: labels, spec: spec,
      needsProperties: spec.map { !$0.props.isEmpty || $0.propsExpr != nil } ?? false)
  }

  func nodeMatches(_ name: String, _ n: Int32, _ row: Row) throws -> Bool {
    try nodeMatches(check(name), n, row)
  }

  @inline(__always)
  func nodeMatches(_ check: NodeCheck, _ n: Int32, _ row: Row) throws -> Bool {
    if check.passesAll { return true }
    guard let labels = check.labels else { return false }
    for l in labels where !graph.hasLabel(n, l) { return false }
    guard check.needsProperties, let spec = check.spec else { return true }
    let props = try graph.properties(ofNode: n)
    return try propsMatch(props, spec.props, spec.propsExpr, row)
  }

  func propsMatch(_ props: [String: QValue], _ entries: [(String, Expr)], _ expr: Expr?, _ row: Row) throws
    -> Bool
  {
    for (key, e) in entries {
      let want = try evaluator.eval(e, row, scope)
      guard QValue.equals(props[key] ?? .null, want) == .yes else { return false }
    }
    if let expr {
      let m = try evaluator.eval(expr, row, scope)
      guard case .map(let wanted) = m else {
        if m.isNull { return false }
        throw KgshError.runtime("a pattern's properties must be a map", code: "InvalidArgumentType")
      }
      for (key, want) in wanted where QValue.equals(props[key] ?? .null, want) != .yes { return false }
    }
    return true
  }

  func relMatches(_ r: Int, _ e: Int32, _ row: Row) throws -> Bool {
    if let types = typeSets[r], !types.contains(edgeType[Int(e)]) { return false }
    let rel = plan.rels[r]
    if let each = rel.eachPredicate {
      var one = row
      one[relInfo[r].slot] = .relationship(e)
      guard try evaluator.truth(try evaluator.eval(each, one, scope)) == .yes else { return false }
    }
    if rel.props.isEmpty && rel.propsExpr == nil { return true }
    return try propsMatch(try graph.properties(ofEdge: e), rel.props, rel.propsExpr, row)
  }

  /// A node's outgoing and incoming edges: its row in the graph index, then created ones.
  @inline(__always) func outEdges(_ n: Int32) -> EdgeList {
    EdgeList(base: outRows.edges(n), extra: createdOut.isEmpty ? [] : createdOut[n] ?? [])
  }
  @inline(__always) func inEdges(_ n: Int32) -> EdgeList {
    EdgeList(base: inRows.edges(n), extra: createdIn.isEmpty ? [] : createdIn[n] ?? [])
  }

  static func follow(_ direction: Direction, forward: Bool) -> (out: Bool, in: Bool) {
    switch direction {
    case .both: return (true, true)
    case .outgoing: return (forward, !forward)
    case .incoming: return (!forward, forward)
    }
  }

  /// Calls `body(edge, otherEnd)` for each edge of `node` in the pattern's direction.
  func neighbors(_ node: Int32, _ direction: Direction, forward: Bool, _ body: (Int32, Int32) throws -> Void)
    rethrows
  {
    let (followOut, followIn) = Matcher.follow(direction, forward: forward)
    if followOut {
      for e in outEdges(node) { try body(e, edgeDst[Int(e)]) }
    }
    if followIn {
      for e in inEdges(node) {
        let other = edgeSrc[Int(e)]
        if followOut && other == node { continue }  // a self-loop was already seen outgoing
        try body(e, other)
      }
    }
  }

  func expand(
    _ i: Int, _ r: Int, _ forward: Bool, _ toBound: Bool, _ row: inout Row, _ used: inout [Int32],
    _ emit: (Row) throws -> Void
  ) throws {
    let info = relInfo[r]
    guard case .node(let from) = row[forward ? info.leftSlot : info.rightSlot] else { return }
    let toSlot = forward ? info.rightSlot : info.leftSlot, relSlot = info.slot
    let toCheck = endCheck(r, forward)
    var target: Int32 = -1
    if toBound {
      guard case .node(let t) = row[toSlot] else { return }
      target = t
    }
    let boundEdge: Int32?
    if case .relationship(let e) = row[relSlot] { boundEdge = e } else { boundEdge = nil }
    if !toBound, boundEdge == nil, try expandRun(i, r, forward, from, &row, &used, emit) { return }
    let rel = plan.rels[r]
    if rel.length != nil, case .list(let bound) = row[relSlot] {
      try followBound(bound, from, rel, r, forward, toBound ? target : nil, toSlot, &row, &used) {
        row, used in
        try step(i + 1, &row, &used, emit)
      }
      return
    }
    if let length = rel.length {
      try walk(from, length, r, forward, toBound, target, &row, &used) { row, used in
        try step(i + 1, &row, &used, emit)
      }
      if !toBound { row[toSlot] = .null }
      row[relSlot] = .null
      return
    }
    let (followOut, followIn) = Matcher.follow(rel.direction, forward: forward)
    func attempt(_ e: Int32, _ other: Int32) throws {
      if let boundEdge, boundEdge != e { return }
      if used.contains(e) { return }
      if toBound { if other != target { return } } else if try !nodeMatches(toCheck, other, row) { return }
      guard try relMatches(r, e, row) else { return }
      row[relSlot] = .relationship(e)
      if !toBound { row[toSlot] = .node(other) }
      used.append(e)
      try step(i + 1, &row, &used, emit)
      used.removeLast()
    }
    if toBound {
      // Into a bound node: scan whichever end has fewer candidate edges.
      let fromCount =
        (followOut ? outEdges(from).count : 0) + (followIn ? inEdges(from).count : 0)
      let toCount =
        (followOut ? inEdges(target).count : 0)
        + (followIn ? outEdges(target).count : 0)
      if toCount < fromCount {
        if followOut {
          for e in inEdges(target) where edgeSrc[Int(e)] == from { try attempt(e, target) }
        }
        if followIn {
          for e in outEdges(target) where edgeDst[Int(e)] == from {
            if followOut && from == target { continue }
            try attempt(e, target)
          }
        }
        if boundEdge == nil { row[relSlot] = .null }
        return
      }
    }
    if boundEdge == nil, let (rows, range) = typedRange(r, from, forward: forward) {
      for k in range { try attempt(rows.edge(k), Int32(bitPattern: rows.otherEnd(k))) }
    } else {
      if followOut {
        for e in outEdges(from) { try attempt(e, edgeDst[Int(e)]) }
      }
      if followIn {
        for e in inEdges(from) {
          let other = edgeSrc[Int(e)]
          if followOut && other == from { continue }  // a self-loop was already seen outgoing
          try attempt(e, other)
        }
      }
    }
    if boundEdge == nil { row[relSlot] = .null }
    if !toBound { row[toSlot] = .null }
  }

  func path(_ p: MatchPlan.PathSpec, _ row: Row) -> QValue {
    guard case .node(var current) = row[slot(p.nodes[0])] else { return .null }
    var nodes = [current]
    var rels: [Int32] = []
    for r in p.rels {
      var edges: [Int32] = []
      switch row[slot(plan.rels[r].name)] {
      case .relationship(let e): edges = [e]
      case .list(let items):
        edges = items.compactMap { if case .relationship(let e) = $0 { return e } else { return nil } }
      default: return .null
      }
      for e in edges {
        current = edgeSrc[Int(e)] == current ? edgeDst[Int(e)] : edgeSrc[Int(e)]
        nodes.append(current)
        rels.append(e)
      }
    }
    return .path(nodes: nodes, relationships: rels)
  }
}

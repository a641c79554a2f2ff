import KnowledgeGraph
import ShellCore

/// `common A B`: entities connected to both.
struct CommonCommand: Command {
  static let a = Param<String>.argument("a", .entity, "first entity")
  static let b = Param<String>.argument("b", .entity, "second entity")

  let signature = Signature(
    "common", summary: "Entities directly connected to both of two entities",
    parameters: [a.spec, b.spec, GraphParams.rel.spec, GraphParams.dir.spec, GraphParams.label.spec],
    help: """
      `via_a` and `via_b` list the edges to the common entity, seen from A and from B: \
      -[TYPE]-> when the edge points at the common entity, <-[TYPE]- when it points back.
      """,
    examples: [
      Example(
        "common Zhipu MiniMax", "shared investors, exchanges, groups", expect: "Hong Kong Stock Exchange"),
      Example("common Zhipu MiniMax --label Investor", "only the shared investors", expect: "Hillhouse"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var g = try GraphContext(session)
    let a = try g.index(call[Self.a])
    let b = try g.index(call[Self.b])
    if a == b {
      throw KgshError(
        .usage, "common: '\(call[Self.a])' and '\(call[Self.b])' are the same entity, \(try g.name(a))",
        hint: "give two different entities; neighbors \(try g.node(a).key) lists its own")
    }
    let filter = try g.filter(call)
    // Each side's edges, read once and grouped by the entity they reach: a hub has tens of
    // thousands, and scanning them again for every common entity was quadratic.
    func edgesByEntity(_ from: Int32) -> [Int32: [Step]] {
      Dictionary(grouping: Traversal.steps(g.adj, from, filter), by: \.other)
    }
    let (viaA, viaB) = (edgesByEntity(a), edgesByEntity(b))
    func via(_ steps: [Step]) -> Value {
      .list(steps.map { g.pattern($0.type, pointsAway: $0.forward) })
    }
    var common = viaA.keys.filter { viaB[$0] != nil && $0 != a && $0 != b }.sorted()
    if let label = try call[GraphParams.label].map(session.resolveLabel) {
      let members = try g.nodes(withLabel: label)
      common = common.filter(members.contains)
    }
    try g.prefetch(common)
    var rows: [(Node, [Value])] = []
    for c in common {
      let n = try g.node(c)
      rows.append((n, [.entity(n.ref), .list(n.labels.map { .string($0) }), via(viaA[c]!), via(viaB[c]!)]))
    }
    rows.sort { $0.0.name < $1.0.name }
    return .table(
      Table(
        columns: ["entity", "labels", "via_a", "via_b"], rows: rows.map(\.1),
        notes: ["a = \(try g.name(a)), b = \(try g.name(b))"]))
  }
}

import KnowledgeGraph
import ShellCore

/// `neighbors ENTITY`: entities within N hops, each with its distance and the edge it was
/// reached by.
struct NeighborsCommand: Command {
  static let entity = Param<String>.argument("entity", .entity, "a name, alias or key")
  static let depth = Param.option("depth", .integer(min: 1, max: 10), default: 1, "how many hops")
  static let label = GraphParams.label
  static let limit = Param.option("limit", .integer(min: 1), default: 100, "at most this many rows")
  static let count = Param.toggle("count", "only count the entities reached (fast on big graphs)")

  let signature = Signature(
    "neighbors",
    summary: "Entities within N hops of one entity, with distance and the edge that reached them",
    parameters: [
      entity.spec, depth.spec, GraphParams.rel.spec, GraphParams.dir.spec, label.spec, limit.spec, count.spec,
    ],
    help: """
      Each entity is visited once, at its shortest distance. `via` is the entity it was first \
      reached from and `relation` that edge, seen from the entity: `<-[T]-` when the edge points \
      at it (via -[T]-> entity), `-[T]->` when it points at `via`.
      """,
    examples: [
      Example("neighbors Zhipu", "everything one hop from Zhipu AI", expect: "Hong Kong Stock Exchange"),
      Example("neighbors 智谱 --depth 2 --label Company", "companies within two hops", expect: "MiniMax"),
      Example(
        "neighbors Zhipu --rel LISTED_ON --dir out", "where Zhipu is listed",
        expect: "Hong Kong Stock Exchange"),
      Example("neighbors Zhipu --depth 3 --count", "how many entities are within three hops"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var g = try GraphContext(session)
    let start = try g.index(call[Self.entity])
    let depth = call[Self.depth]
    let limit = call[Self.limit]
    let filter = try g.filter(call)
    let label = try call[Self.label].map(session.resolveLabel)
    if call[Self.count] && label == nil {
      let n = try Traversal.reachCount(
        g.adj, from: start, maxDepth: depth, filter: filter, interrupt: session.checkInterrupt)
      return .table(Table(columns: ["count"], rows: [[.int(Int64(n))]]))
    }
    var reached = try Traversal.bfs(
      g.adj, from: start, maxDepth: depth, filter: filter, interrupt: session.checkInterrupt)
    if let label {
      let keep = try g.nodes(withLabel: label)
      reached = reached.filter { keep.contains($0.node) }
    }
    if call[Self.count] { return .table(Table(columns: ["count"], rows: [[.int(Int64(reached.count))]])) }
    // Rows go by distance, then name: only the entities nearer than the distance where the
    // limit falls, and the ties at it, can be shown, so only their names are read (on a hub
    // of a big graph: the 78,000 at one hop, not the 700,000 within two).
    let candidates = Self.nearest(reached, limit: limit)
    try g.prefetch(candidates.map(\.node))
    var rows: [(node: Node, r: Reached)] = []
    for r in candidates { rows.append((try g.node(r.node), r)) }
    rows.sort { $0.r.distance != $1.r.distance ? $0.r.distance < $1.r.distance : $0.node.name < $1.node.name }
    let shown = rows.prefix(limit)
    try g.prefetch(shown.map(\.r.parent))
    var out: [[Value]] = []
    for (node, r) in shown {
      out.append([
        .entity(node.ref), .list(node.labels.map { .string($0) }), .int(Int64(r.distance)),
        g.pattern(r.type, pointsAway: !r.forward), .entity(try g.node(r.parent).ref),
      ])
    }
    return .table(
      Table(
        columns: ["entity", "labels", "distance", "relation", "via"], rows: out,
        limitCut: reached.count > limit ? .of(reached.count) : nil))
  }

  /// The entities that can be among the first `limit` by distance: all of them up to the
  /// nearest distance at which `limit` are reached.
  static func nearest(_ reached: [Reached], limit: Int) -> [Reached] {
    guard reached.count > limit else { return reached }
    var perDistance: [Int: Int] = [:]
    for r in reached { perDistance[r.distance, default: 0] += 1 }
    var within = 0
    var cut = 0
    for (distance, count) in perDistance.sorted(by: { $0.key < $1.key }) {
      within += count
      cut = distance
      if within >= limit { break }
    }
    return reached.filter { $0.distance <= cut }
  }
}

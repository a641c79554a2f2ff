import KnowledgeGraph
import ShellCore

/// `neighbors ENTITY`: entities within N hops, each with its distance and the edge it was
/// reached by.
struct NeighborsCommand: Command {
  let signature = Signature(
    "neighbors",
    summary: "Entities within N hops of one entity, with distance and the edge that reached them",
    arguments: [Argument("entity", "a name, alias or key", completion: .entity)],
    flags: [
      Flag("depth", "how many hops (1-10)", kind: .int, default: "1"), relFlag, dirFlag,
      Flag("label", "only show entities with this label", completion: .label),
      Flag("limit", "at most this many rows", kind: .int, default: "100"),
      Flag("count", "only count the entities reached (fast on big graphs)", kind: .bool),
    ],
    help: "Each entity is visited once, at its shortest distance; `via` is the edge that first reached it.",
    examples: [
      Example("neighbors Zhipu", "everything one hop from Zhipu AI", expect: "Hong Kong Stock Exchange"),
      Example("neighbors 智谱 --depth 2 --label Company", "companies within two hops", expect: "MiniMax"),
      Example("neighbors Zhipu --rel LISTED_ON --dir out", "where Zhipu is listed", expect: "LISTED_ON"),
      Example(
        "neighbors Zhipu --depth 3 --count", "how many entities are within three hops", expect: "count"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var g = try GraphContext(session)
    let start = try g.index(call.arguments[0])
    let depth = try boundedInt(call, "depth", 1...10)
    let limit = max(0, call.int("limit") ?? 100)
    let filter = try g.filter(call)
    if call.has("count") && call.flag("label") == nil {
      let n = try Traversal.reachCount(
        g.adj, from: start, maxDepth: depth, filter: filter, interrupt: session.checkInterrupt)
      return .table(Table(columns: ["count"], rows: [[.int(Int64(n))]]))
    }
    var reached = try Traversal.bfs(
      g.adj, from: start, maxDepth: depth, filter: filter, interrupt: session.checkInterrupt)
    if let label = call.flag("label") {
      let keep = try g.nodes(withLabel: label)
      reached = reached.filter { keep.contains($0.node) }
    }
    if call.has("count") { return .table(Table(columns: ["count"], rows: [[.int(Int64(reached.count))]])) }
    try g.prefetch(reached.map(\.node))
    var rows: [(node: Node, r: Reached)] = []
    for r in reached { rows.append((try g.node(r.node), r)) }
    rows.sort { $0.r.distance != $1.r.distance ? $0.r.distance < $1.r.distance : $0.node.name < $1.node.name }
    let total = rows.count
    var out: [[Value]] = []
    for (node, r) in rows.prefix(limit) {
      let t = g.typeName(r.type)
      let via = (r.forward ? "<-[\(t)]- " : "-[\(t)]-> ") + (try g.name(r.parent))
      out.append([
        .entity(node.ref), .string(node.labels.joined(separator: ",")), .int(Int64(r.distance)), .string(via),
      ])
    }
    return .table(
      Table(
        columns: ["entity", "label", "distance", "via"], rows: out,
        notes: total > limit ? [Table.limitNote(shown: limit, of: total)] : []))
  }
}

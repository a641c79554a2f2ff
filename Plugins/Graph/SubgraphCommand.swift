import KnowledgeGraph
import ShellCore

/// The nodes and edges `subgraph` selected, kept in `session.extensions["graph.subgraph"]`
/// for `export`.
struct Subgraph: Sendable {
  static let key = "graph.subgraph"
  /// Node ids, in graph index order.
  var nodeIDs: [Int64]
  /// Edges as (source id, type name, target id); parallel edges of one type fold.
  var edges: [(src: Int64, type: String, dst: Int64)]
  /// The store generation it was taken at (a later write makes it stale).
  var generation: Int
  /// How many parallel edges folded into one (the same type between the same two entities,
  /// each from its own source).
  var folded = 0
  /// The entities it was selected around (`subgraph ENTITY...`), which pictures mark.
  var seeds: Set<Int64> = []

  /// The subgraph induced by `nodes` (edges among them, of `types` when given).
  static func induced(by nodes: [Int32], in adj: GraphIndex, types: Set<Int32>?, generation: Int) -> Subgraph
  {
    let sorted = Array(Set(nodes)).sorted()
    let member = Set(sorted)
    var edges: [(src: Int64, type: String, dst: Int64)] = []
    var folded = 0
    for n in sorted {
      var seen = Set<Step>()
      for (d, t) in adj.outgoing(n) where member.contains(d) && (types?.contains(t) ?? true) {
        guard seen.insert(Step(other: d, type: t, forward: true)).inserted else {
          folded += 1
          continue
        }
        edges.append((adj.nodeIDs[Int(n)], adj.typeName(t), adj.nodeIDs[Int(d)]))
      }
    }
    return Subgraph(
      nodeIDs: sorted.map { adj.nodeIDs[Int($0)] }, edges: edges, generation: generation, folded: folded)
  }
}

/// `subgraph ENTITY...`: selects the neighbourhood of some entities for `export`.
struct SubgraphCommand: Command {
  static let entities = Param<[String]>.arguments("entity", .entity, minimum: 0, "names, aliases or keys")
  static let depth = Param.option("depth", .integer(min: 0, max: 10), default: 1, "how many hops")
  static let clear = Param.toggle("clear", "forget the selection (export then covers the whole graph)")

  let signature = Signature(
    "subgraph", summary: "Select the entities within N hops of some entities (for export)",
    parameters: [entities.spec, depth.spec, GraphParams.rel.spec, GraphParams.dir.spec, clear.spec],
    help: "The selection holds every entity reached and every edge among them; `export` writes it.",
    examples: [
      Example("subgraph Zhipu MiniMax", "Zhipu AI and MiniMax with their neighbours"),
      Example("subgraph Zhipu --depth 0", "Zhipu AI alone"),
      Example("subgraph --clear", "export the whole graph again", expect: "cleared"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    if call[Self.clear] {
      session.extensions[Subgraph.key] = nil
      return .message("subgraph cleared; export covers the whole graph")
    }
    let names = call[Self.entities]
    guard !names.isEmpty else { throw KgshError.usage("subgraph: missing ENTITY", signature) }
    let g = try GraphContext(session)
    let depth = call[Self.depth]
    let filter = try g.filter(call)
    var nodes: [Int32] = []
    for name in names {
      let seed = try g.index(name)
      nodes.append(seed)
      if depth > 0 {
        nodes += try Traversal.bfs(
          g.adj, from: seed, maxDepth: depth, filter: filter, interrupt: session.checkInterrupt
        ).map(\.node)
      }
    }
    var sub = Subgraph.induced(
      by: nodes, in: g.adj, types: filter.types, generation: session.store.generation)
    sub.seeds = Set(try names.map { g.adj.nodeIDs[Int(try g.index($0))] })
    session.extensions[Subgraph.key] = sub
    return .record([
      ("seeds", .int(Int64(names.count))), ("nodes", .int(Int64(sub.nodeIDs.count))),
      ("edges", .int(Int64(sub.edges.count))),
    ])
  }
}

import KnowledgeGraph
import ShellCore

/// `path FROM TO`: the shortest path between two entities, or all simple paths.
struct PathCommand: Command {
  static let from = Param<String>.argument("from", .entity, "where the path starts")
  static let to = Param<String>.argument("to", .entity, "where the path ends")
  static let all = Param.toggle("all", "all simple paths up to --max-length, shortest first")
  static let maxLength = Param.option(
    "max-length", .integer(min: 1, max: 10), default: 6, "at most this many hops")
  static let limit = Param.option(
    "limit", .integer(min: 1), default: 100, "with --all: at most this many paths")

  let signature = Signature(
    "path", summary: "Shortest path (or all simple paths) between two entities",
    parameters: [
      from.spec, to.spec, GraphParams.rel.spec, GraphParams.dir.spec, all.spec, maxLength.spec, limit.spec,
    ],
    help: """
      One row per path: its length and the chain of entities and relationships (Zhipu AI \
      -[DEVELOPS]-> GLM-4.6), each relationship seen from the entity before it: -[TYPE]-> (the \
      edge points forward) or <-[TYPE]- (it points back). JSON, CSV and pipelines also get the \
      chain as two lists: nodes (the entities in order) and relations (one per hop).
      """,
    examples: [
      Example("path Zhipu MiniMax", "how Zhipu AI and MiniMax connect", expect: "MiniMax"),
      Example("path Zhipu MiniMax --all --max-length 2", "every route of at most two hops"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var g = try GraphContext(session)
    let from = try g.index(call[Self.from])
    let to = try g.index(call[Self.to])
    let maxLength = call[Self.maxLength]
    let filter = try g.filter(call)
    var paths: [GraphPath] = []
    var notes: [String] = []
    var cut: LimitCut?
    if call[Self.all] {
      let limit = call[Self.limit]
      let result = try Traversal.allPaths(
        g.adj, from: from, to: to, filter: filter, maxLength: maxLength, limit: limit,
        interrupt: session.checkInterrupt)
      paths = result.paths
      if result.truncated { cut = .moreExist(shown: "\(limit) paths") }
    } else if let p = try Traversal.shortestPath(
      g.adj, from: from, to: to, filter: filter, maxLength: maxLength, interrupt: session.checkInterrupt)
    {
      paths = [p]
    }
    if paths.isEmpty { notes.append(try Self.noPath(from, to, filter, maxLength, &g, session)) }
    try g.prefetch(paths.flatMap(\.nodes))
    var rows: [[Value]] = []
    for p in paths {
      let nodes = try p.nodes.map { Value.entity(try g.node($0).ref) }
      let relations = p.hops.map { g.pattern($0.type, pointsAway: $0.forward) }
      var chain = nodes[0].plainText
      for (relation, node) in zip(relations, nodes.dropFirst()) {
        chain += " \(relation.plainText) \(node.plainText)"
      }
      rows.append([.int(Int64(p.length)), .string(chain), .list(nodes), .list(relations)])
    }
    var table = Table(
      columns: ["length", "path", "nodes", "relations"], rows: rows, notes: notes, limitCut: cut)
    table.screenColumns = ["length", "path"]
    return .table(table)
  }

  /// "no path ...", with what would find one: the path without --rel/--dir, or beyond
  /// --max-length (up to 10 hops), or that the two are not connected at all.
  static func noPath(
    _ from: Int32, _ to: Int32, _ filter: EdgeFilter, _ maxLength: Int, _ g: inout GraphContext,
    _ session: Session
  ) throws -> String {
    let none =
      "no path between \(try g.name(from)) and \(try g.name(to)) (within \(maxLength.counted("hop")))"
    let wider = try Traversal.shortestPath(
      g.adj, from: from, to: to, filter: EdgeFilter(), maxLength: 10, interrupt: session.checkInterrupt)
    guard let wider else { return none + "; they are not connected within 10 hops of any relation" }
    let length = wider.hops.count
    let narrowed = [
      filter.types != nil ? "--rel" : nil, filter.direction != .both ? "--dir" : nil,
    ].compactMap { $0 }
    let raise = length > maxLength ? "--max-length \(length)" : nil
    if narrowed.isEmpty { return none + "; one of \(length) hops exists: add \(raise ?? "--max-length 10")" }
    return none + "; without \(narrowed.joinedText(" and ")) there is one of \(length) hops"
      + (raise.map { " (with \($0))" } ?? "")
  }
}

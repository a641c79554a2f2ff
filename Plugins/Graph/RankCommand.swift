import Foundation
import KnowledgeGraph
import ShellCore

/// `rank`: the most connected or most central entities.
struct RankCommand: Command {
  static let by = Param.option(
    "by", .choice(["degree", "in-degree", "pagerank"]), default: "degree", "what to rank by")
  static let label = GraphParams.label
  static let limit = Param.option("limit", .integer(min: 1), default: 20, "at most this many rows")

  let signature = Signature(
    "rank", summary: "Entities ranked by degree, in-degree or PageRank",
    parameters: [by.spec, GraphParams.rel.spec, label.spec, limit.spec],
    help: "PageRank runs 20 iterations with damping 0.85 over directed edges.",
    examples: [
      Example("rank --limit 5", "the five most connected entities"),
      Example("rank --by pagerank --label Company --limit 5", "the most central companies"),
      Example("rank --by in-degree --rel INVESTS_IN --limit 3", "the most invested-in entities"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var g = try GraphContext(session)
    let types = try g.types(call)
    let limit = call[Self.limit]
    var order: [Int32]
    var score: (Int32) -> Value
    // Without a label filter only the first `limit` are needed: select them, do not sort all.
    let top = call[Self.label] == nil ? limit : nil
    switch call[Self.by] {
    case "pagerank":
      let pr = try Traversal.pageRank(g.adj, types: types, interrupt: session.checkInterrupt)
      order = Traversal.ranking(pr, top: top)
      score = { .double((pr[Int($0)] * 1e6).rounded() / 1e6) }
    case "in-degree":
      let d = Traversal.degrees(g.adj, types: types, direction: .in)
      order = Traversal.ranking(d, top: top)
      score = { .int(Int64(d[Int($0)])) }
    default:
      let d = Traversal.degrees(g.adj, types: types, direction: .both)
      order = Traversal.ranking(d, top: top)
      score = { .int(Int64(d[Int($0)])) }
    }
    if let label = try call[Self.label].map(session.resolveLabel) {
      let keep = try g.nodes(withLabel: label)
      order = order.filter { keep.contains($0) }
    }
    let total = top == nil ? order.count : g.adj.nodeCount
    var rows: [[Value]] = []
    try g.prefetch(Array(order.prefix(limit)))
    for (k, i) in order.prefix(limit).enumerated() {
      let n = try g.node(i)
      rows.append([.int(Int64(k + 1)), .entity(n.ref), .list(n.labels.map { .string($0) }), score(i)])
    }
    return .table(
      Table(
        columns: ["rank", "entity", "labels", "score"], rows: rows,
        limitCut: total > limit ? .of(total) : nil))
  }
}

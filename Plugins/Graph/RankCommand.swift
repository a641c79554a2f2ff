import Foundation
import KnowledgeGraph
import ShellCore

/// `rank`: the most connected or most central entities.
struct RankCommand: Command {
  let signature = Signature(
    "rank", summary: "Entities ranked by degree, in-degree or PageRank",
    flags: [
      Flag("by", "what to rank by", kind: .choice(["degree", "in-degree", "pagerank"]), default: "degree"),
      relFlag, Flag("label", "only entities with this label", completion: .label),
      Flag("limit", "at most this many rows", kind: .int, default: "20"),
    ],
    help: "PageRank runs 20 iterations with damping 0.85 over directed edges.",
    examples: [
      Example("rank --limit 5", "the five most connected entities", expect: "score"),
      Example("rank --by pagerank --label Company --limit 5", "the most central companies", expect: "score"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var g = try GraphContext(session)
    let types = try g.types(call)
    let limit = max(0, call.int("limit") ?? 20)
    var order: [Int32]
    var score: (Int32) -> Value
    // Without a label filter only the first `limit` are needed: select them, do not sort all.
    let top = call.flag("label") == nil ? limit : nil
    switch call.flag("by") ?? "degree" {
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
    if let label = call.flag("label") {
      let keep = try g.nodes(withLabel: label)
      order = order.filter { keep.contains($0) }
    }
    let total = top == nil ? order.count : g.adj.nodeCount
    var rows: [[Value]] = []
    try g.prefetch(Array(order.prefix(limit)))
    for (k, i) in order.prefix(limit).enumerated() {
      let n = try g.node(i)
      rows.append([.int(Int64(k + 1)), .entity(n.ref), .string(n.labels.joined(separator: ",")), score(i)])
    }
    return .table(
      Table(
        columns: ["rank", "entity", "label", "score"], rows: rows,
        notes: total > limit ? [Table.limitNote(shown: limit, of: total)] : []))
  }
}

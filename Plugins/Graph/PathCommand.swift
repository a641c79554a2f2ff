import KnowledgeGraph
import ShellCore

/// `path FROM TO`: the shortest path between two entities, or all simple paths.
struct PathCommand: Command {
  let signature = Signature(
    "path", summary: "Shortest path (or all simple paths) between two entities",
    arguments: [
      Argument("from", "where the path starts", completion: .entity),
      Argument("to", "where the path ends", completion: .entity),
    ],
    flags: [
      relFlag, dirFlag, Flag("all", "all simple paths up to --max-length, shortest first", kind: .bool),
      Flag("max-length", "at most this many hops (1-10)", kind: .int, default: "6"),
      Flag("limit", "with --all: at most this many paths", kind: .int, default: "100"),
    ],
    help: "Edges are printed as A -[TYPE]-> B (edge points right) or A <-[TYPE]- B (edge points left).",
    examples: [
      Example("path Zhipu MiniMax", "how Zhipu AI and MiniMax connect", expect: "MiniMax"),
      Example("path Zhipu MiniMax --all --max-length 2", "every route of at most two hops", expect: "length"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var g = try GraphContext(session)
    let from = try g.index(call.arguments[0])
    let to = try g.index(call.arguments[1])
    let maxLength = try boundedInt(call, "max-length", 1...10)
    let filter = try g.filter(call)
    var paths: [GraphPath] = []
    var notes: [String] = []
    if call.has("all") {
      let limit = max(1, call.int("limit") ?? 100)
      let result = try Traversal.allPaths(
        g.adj, from: from, to: to, filter: filter, maxLength: maxLength, limit: limit,
        interrupt: session.checkInterrupt)
      paths = result.paths
      if result.truncated { notes.append("limit reached: \(limit) paths shown, more exist; raise --limit") }
    } else if let p = try Traversal.shortestPath(
      g.adj, from: from, to: to, filter: filter, maxLength: maxLength, interrupt: session.checkInterrupt)
    {
      paths = [p]
    }
    if paths.isEmpty {
      return .message("no path between \(try g.name(from)) and \(try g.name(to)) (within \(maxLength) hops)")
    }
    var rows: [[Value]] = []
    for p in paths { rows.append([.string(try g.describe(p)), .int(Int64(p.length))]) }
    return .table(Table(columns: ["path", "length"], rows: rows, notes: notes))
  }
}

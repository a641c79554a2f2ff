import KnowledgeGraph
import ShellCore

/// `common A B`: entities connected to both.
struct CommonCommand: Command {
  let signature = Signature(
    "common", summary: "Entities directly connected to both of two entities",
    arguments: [
      Argument("a", "first entity", completion: .entity), Argument("b", "second entity", completion: .entity),
    ],
    flags: [relFlag, dirFlag],
    examples: [
      Example(
        "common Zhipu MiniMax", "shared investors, exchanges, groups", expect: "Hong Kong Stock Exchange")
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var g = try GraphContext(session)
    let a = try g.index(call.arguments[0])
    let b = try g.index(call.arguments[1])
    let filter = try g.filter(call)
    func via(_ from: Int32, _ to: Int32) -> String {
      Traversal.steps(g.adj, from, filter).filter { $0.other == to }
        .map { ($0.forward ? "-[" : "<-[") + g.typeName($0.type) + ($0.forward ? "]->" : "]-") }
        .joined(separator: ", ")
    }
    var rows: [(Node, [Value])] = []
    for c in Traversal.commonNeighbors(g.adj, a, b, filter: filter) {
      let n = try g.node(c)
      rows.append(
        (
          n,
          [.entity(n.ref), .string(n.labels.joined(separator: ",")), .string(via(a, c)), .string(via(b, c))]
        ))
    }
    rows.sort { $0.0.name < $1.0.name }
    return .table(
      Table(
        columns: ["entity", "label", "via \(try g.name(a))", "via \(try g.name(b))"], rows: rows.map(\.1)))
  }
}

import ShellCore

/// `degree ENTITY [--rel TYPES]`: how many edges leave, enter and touch one entity.
struct DegreeCommand: Command {
  static let entity = Param<String>.argument("entity", .entity, "a name, alias or key")

  let signature = Signature(
    "degree", summary: "Number of outgoing, incoming and all edges of an entity",
    parameters: [entity.spec, GraphParams.rel.spec],
    examples: [
      Example("degree Zhipu", "Zhipu AI's edge counts", expect: "total"),
      Example("degree Zhipu --rel INVESTS_IN", "only the INVESTS_IN edges", expect: "total"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let g = try GraphContext(session)
    let i = try g.index(call[Self.entity])
    let out: Int, inn: Int
    if let types = try g.types(call) {
      out = g.adj.outgoing(i).reduce(0) { $0 + (types.contains($1.1) ? 1 : 0) }
      inn = g.adj.incoming(i).reduce(0) { $0 + (types.contains($1.1) ? 1 : 0) }
    } else {
      out = g.adj.outDegree(i)
      inn = g.adj.inDegree(i)
    }
    return .record([("out", .int(Int64(out))), ("in", .int(Int64(inn))), ("total", .int(Int64(out + inn)))])
  }
}

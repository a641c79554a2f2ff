import ShellCore

/// `degree ENTITY`: how many edges leave, enter and touch one entity.
struct DegreeCommand: Command {
  static let entity = Param<String>.argument("entity", .entity, "a name, alias or key")

  let signature = Signature(
    "degree", summary: "Number of outgoing, incoming and all edges of an entity",
    parameters: [entity.spec],
    examples: [Example("degree Zhipu", "Zhipu AI's edge counts")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let g = try GraphContext(session)
    let i = try g.index(call[Self.entity])
    let out = g.adj.outDegree(i), inn = g.adj.inDegree(i)
    return .record([("out", .int(Int64(out))), ("in", .int(Int64(inn))), ("total", .int(Int64(out + inn)))])
  }
}

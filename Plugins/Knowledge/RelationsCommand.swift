import KnowledgeGraph
import ShellCore

/// `relations [ENTITY]`: edge types with counts, across the graph or around one entity.
struct RelationsCommand: Command {
  static let entity: Param<String?> = .optionalArgument(
    "entity", .entity, "only the edges of this entity, by direction")

  let signature = Signature(
    "relations", aliases: ["types"],
    summary: "Relation (edge) types with counts, overall or around one entity",
    parameters: [entity.spec],
    examples: [
      Example("relations", "INVESTS_IN, LISTED_ON ...", expect: "LISTED_ON"),
      Example("relations Zhipu", "Zhipu AI's edge types, outgoing and incoming", expect: "LISTED_ON"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let name = call[Self.entity] else {
      return .table(
        Table(
          columns: ["type", "count"],
          rows: try session.store.edgeTypeCounts().map { [.string($0.type), .int(Int64($0.count))] }))
    }
    let node = try session.resolve(name)
    let adj = try session.store.graphIndex()
    guard let i = adj.index(of: node.id) else {
      return .table(Table(columns: ["type", "direction", "count"], rows: []))
    }
    var counts: [String: (out: Int, in: Int)] = [:]
    for (_, t) in adj.outgoing(i) { counts[adj.typeName(t), default: (0, 0)].out += 1 }
    for (_, t) in adj.incoming(i) { counts[adj.typeName(t), default: (0, 0)].in += 1 }
    var rows: [[Value]] = []
    for (type, c) in counts.sorted(by: { $0.key < $1.key }) {
      if c.out > 0 { rows.append([.string(type), .string("out"), .int(Int64(c.out))]) }
      if c.in > 0 { rows.append([.string(type), .string("in"), .int(Int64(c.in))]) }
    }
    return .table(Table(columns: ["type", "direction", "count"], rows: rows))
  }
}

import KnowledgeGraph
import ShellCore

/// `conflicts [ENTITY]`: facts two people corrected to different values.
struct ConflictsCommand: Command {
  static let entity = Param<String?>.optionalArgument("entity", .entity, "only this entity's facts")
  let signature = Signature(
    "conflicts", summary: "List facts whose corrections disagree, with each side and its source",
    parameters: [entity.spec],
    help: "A conflict stays until someone corrects the fact with fact correct FACT-ID VALUE --resolve.",
    examples: [Example("conflicts", "every open conflict")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var conflicts = try session.store.conflicts()
    if let name = call[Self.entity] {
      let node = try session.resolve(name)
      conflicts = conflicts.filter { $0.entity == node.key }
    }
    let rows: [[Value]] = conflicts.flatMap { c in
      c.claims.map { r in
        [
          .string(c.fact), c.entity.map(Value.string) ?? .null, .string(r.author),
          .string(r.payload.field("original") ?? r.payload.field("value") ?? ""),
          FactText.text(r.payload.field("source")), .string(r.time),
        ]
      }
    }
    return .table(
      Table(
        columns: ["fact", "entity", "author", "value", "source", "time"], rows: rows,
        notes: conflicts.isEmpty ? ["no conflicts"] : ["settle one with fact correct FACT-ID VALUE --resolve"]
      ))
  }
}

import KnowledgeGraph
import ShellCore

/// `conflicts [ENTITY]`: facts two people corrected to different values.
struct ConflictsCommand: Command {
  static let entity = Param<String?>.optionalArgument("entity", .entity, "only this entity's facts")
  let signature = Signature(
    "conflicts", summary: "List facts whose corrections disagree, with each side and its source",
    parameters: [entity.spec],
    help: """
      Two people who correct one fact to different values make a conflict; it stays until someone \
      corrects the fact with fact correct FACT-ID VALUE --resolve. Sources that give a predicate \
      different values are not a conflict of corrections: show ENTITY --section conflicts lists \
      them, and conflicts ENTITY names their predicates.
      """,
    examples: [Example("conflicts", "every open conflict")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var conflicts = try session.store.conflicts()
    let node = try call[Self.entity].map(session.resolve)
    if let node { conflicts = conflicts.filter { $0.entity == node.key } }
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
        notes: try Self.notes(corrections: conflicts.isEmpty, node, session)))
  }

  /// What the list means, and the other kind of disagreement `show` marks: sources that give
  /// one predicate different values (not a conflict of corrections, so not listed here).
  static func notes(corrections none: Bool, _ node: Node?, _ session: Session) throws -> [String] {
    var notes = [none ? "no conflicting corrections" : "settle one with fact correct FACT-ID VALUE --resolve"]
    guard let node else {
      if none { notes.append("where sources disagree about an entity: show ENTITY --section conflicts") }
      return notes
    }
    let predicates = FactText.conflicts(try session.store.facts(of: node.id)).keys.sorted()
    if !predicates.isEmpty {
      notes.append(
        "\(node.name)'s sources disagree on \(predicates.joinedText(", ")): "
          + "show \(Shell.quoteIfNeeded(node.key)) --section conflicts lists each side")
    }
    return notes
  }
}

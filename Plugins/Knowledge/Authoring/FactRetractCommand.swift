import KnowledgeGraph
import ShellCore

/// `fact retract FACT-ID --reason TEXT`: withdraws a fact from every card; its history
/// keeps it, with the reason.
struct FactRetractCommand: Command {
  static let fact = Param<String>.argument("fact", .factId, "the id of the fact to withdraw")
  static let reason: Param<String?> = .option("reason", .text, "why it is withdrawn (required)")
  let signature = Signature(
    "fact retract", summary: "Withdraw a fact, with the reason (it stays in the history)",
    parameters: [fact.spec, reason.spec],
    help:
      "The fact disappears from show, facts and every other command; history FACT-ID still lists it. undo takes it back.",
    examples: [
      Example("fact retract F0001 --reason 'restated by the issuer'", "withdraw a fact with its reason")
    ],
    writes: true)

  func refusal(forMisfit words: [String], _ session: Session) -> KgshError? {
    session.factIDRefusal(command: signature.name, words: words)
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    let key = call[Self.fact]
    // The fact is checked first: a wrong id is the mistake to hear about before the reason.
    let fact = try FactCorrectCommand.fact(key, session, command: "fact retract")
    guard let reason = call[Self.reason], !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw KgshError(
        .usage, "fact retract: --reason is required", hint: "say why, e.g. --reason 'the source corrected it'"
      )
    }
    let node = try session.store.node(id: fact.nodeID)
    let record = try session.store.write { w in
      try w.record(
        ChangeDraft(
          kind: .retract, targetType: .fact, target: key, entity: node?.key,
          payload: .map(["reason": .string(reason)])))
    }
    return .record([
      ("retracted", .string(key)), ("entity", node.map { .entity($0.ref) } ?? .null),
      ("predicate", .string(fact.predicate)), ("value", FactText.value(fact)), ("reason", .string(reason)),
      ("author", .string(record.author)),
    ])
  }
}

import Foundation
import KnowledgeGraph
import ShellCore

/// `fact correct FACT-ID VALUE --source ID --quote TEXT [--resolve]`: a new value that
/// supersedes a fact's, with its own source; the old value stays in the history.
struct FactCorrectCommand: Command {
  static let fact = Param<String>.argument("fact", .factId, "the id of the fact to correct, e.g. F0007")
  static let value = Param<String>.argument("value", .text, "the right value as written: HK$4.3 bn, 73.1%")
  static let qualifier: Param<String?> = .option(
    "qualifier", .choice(FactAddCommand.qualifiers), "when the value is not exact")
  static let resolve = Param.toggle(
    "resolve", "settle a conflict: this value stands, whoever corrected it before")
  let signature = Signature(
    "fact correct",
    summary: "Correct a fact's value, with the source that says so (recorded in the change log)",
    parameters: [fact.spec, value.spec, qualifier.spec] + Sourcing.specs + [resolve.spec],
    help: """
      The fact keeps its id; its value, source and quote become the correction's, and the \
      earlier value stays in its history (history FACT-ID). When two people correct one fact \
      to different values, the fact shows status "conflict" until someone corrects it with \
      --resolve. undo takes a correction back.
      """,
    examples: [
      Example(
        "fact correct F0001 2026-01-08 --source article --quote '2026年1月8日' --resolve",
        "restate a date from the article, settling any conflict")
    ],
    writes: true, misplacedFlags: PastedValue.misplacedFlags)

  func refusal(forMisfit words: [String], _ session: Session) -> KgshError? {
    session.factIDRefusal(command: signature.name, words: words)
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    let key = call[Self.fact]
    let current = try Self.fact(key, session, command: "fact correct", rest: [call[Self.value]])
    let text = call[Self.value]
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw KgshError(
        .usage, "fact correct: VALUE is empty", hint: "give the right value as the source writes it")
    }
    let provenance = try Sourcing.provenance(call, session, command: "fact correct")
    let parsed = try PastedValue.checked(text, command: "fact correct")
    if parsed.value == current.rawValue, parsed.currency == current.currency,
      provenance.source == current.provenance.source, !call[Self.resolve]
    {
      throw KgshError(
        .invalidValue, "fact correct: \(key) already says \(text) from \(provenance.source ?? "no source")",
        hint: "nothing to correct; cite another source to confirm it with fact add")
    }
    var fields: [String: Value] = [:]
    if call[Self.resolve] { fields["resolve"] = .bool(true) }
    let payload = Value.payload(
      [
        ("type", parsed.type), ("value", parsed.value), ("unit", parsed.unit), ("currency", parsed.currency),
        ("original", text), ("qualifier", call[Self.qualifier] ?? parsed.qualifier),
        ("as_of", provenance.asOf),
        ("source", provenance.source), ("quote", provenance.quote), ("status", provenance.status),
      ], extra: fields)
    let node = try session.store.node(id: current.nodeID)
    let record = try session.store.write { w in
      try w.record(
        ChangeDraft(kind: .correct, targetType: .fact, target: key, entity: node?.key, payload: payload))
    }
    let stored = try session.store.facts(key: key).first
    var out: [(String, Value)] = [
      ("fact", .string(key)), ("entity", node.map { .entity($0.ref) } ?? .null),
      ("predicate", .string(current.predicate)), ("was", FactText.value(current)),
      ("now", stored.map(FactText.value) ?? .string(text)), ("source", FactText.text(provenance.source)),
      ("quote", FactText.text(provenance.quote)),
      ("status", FactText.text(stored?.provenance.status)), ("author", .string(record.author)),
    ]
    if let conflict = try session.store.conflicts(fact: key).first {
      out.append(("conflict", .string(Self.describe(conflict))))
    }
    return .record(out)
  }

  /// The fact with this id, or a refusal that says where it went (retracted) or how to find ids.
  static func fact(_ key: String, _ session: Session, command: String, rest: [String] = []) throws -> Fact {
    if let fact = try session.store.facts(key: key).first { return fact }
    if let refusal = session.factIDRefusal(command: command, words: [key] + rest) { throw refusal }
    if let last = try session.store.changes(about: key, limit: 1).first, last.kind == .retract {
      throw KgshError(
        .notFound,
        "\(command): fact \(key) was retracted (\(last.payload.field("reason") ?? "no reason given"))",
        hint: "see history \(key); undo takes the retraction back in the session that made it")
    }
    throw KgshError(
      .notFound, "\(command): no fact \(key)", hint: "fact ids are in the first column of facts ENTITY")
  }

  /// `alice: 4.3 bn HKD (S1); bob: 4.4 bn HKD (S2)`.
  static func describe(_ c: FactConflict) -> String {
    c.claims.map { r in
      "\(r.author): \(r.payload.field("original") ?? r.payload.field("value") ?? "?")"
        + (r.payload.field("source").map { " (\($0))" } ?? "")
    }.joinedText("; ") + "; settle it with fact correct \(c.fact) VALUE --resolve"
  }
}

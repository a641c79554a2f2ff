import KnowledgeGraph
import ShellCore

/// `unlink EDGE-ID --reason TEXT`: withdraws a relation; its history keeps it.
struct UnlinkCommand: Command {
  static let edge = Param<String>.argument("edge", .text, "the id of the relation, e.g. E0001 or UE-…")
  static let reason: Param<String?> = .option("reason", .text, "why it is withdrawn (required)")
  let signature = Signature(
    "unlink", summary: "Withdraw a relation, with the reason (it stays in the history)",
    parameters: [edge.spec, reason.spec],
    help: "Relation ids are shown by relations ENTITY --explain and by link. undo takes it back.",
    examples: [Example("unlink E0002 --reason 'headquarters moved'", "withdraw a relation")],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let key = call[Self.edge]
    guard let reason = call[Self.reason], !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw KgshError(.usage, "unlink: --reason is required", hint: "say why, e.g. --reason 'never happened'")
    }
    guard let edge = try session.store.snapshot(.edge, key) else {
      if let last = try session.store.changes(about: key, limit: 1).first, last.kind == .retract {
        throw KgshError(
          .notFound, "unlink: \(key) was already withdrawn (\(last.payload.field("reason") ?? "no reason"))",
          hint: "see history \(key)")
      }
      throw KgshError(
        .notFound, "unlink: no relation \(key)", hint: "relations ENTITY --explain lists the ids")
    }
    let record = try session.store.write { w in
      try w.record(
        ChangeDraft(
          kind: .retract, targetType: .edge, target: key, entity: edge.field("src"),
          payload: .map(["reason": .string(reason)])))
    }
    return .record([
      ("unlinked", .string(key)), ("from", .string(edge.field("src") ?? "")),
      ("type", .string(edge.field("type") ?? "")), ("to", .string(edge.field("dst") ?? "")),
      ("reason", .string(reason)), ("author", .string(record.author)),
    ])
  }
}

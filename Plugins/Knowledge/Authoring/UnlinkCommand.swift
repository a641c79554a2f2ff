import KnowledgeGraph
import ShellCore

/// `unlink EDGE-ID --reason TEXT`: withdraws a relation; its history keeps it.
struct UnlinkCommand: Command {
  static let edge = Param<String>.argument("edge", .text, "the id of the relation, e.g. E0001 or UE-…")
  static let reason: Param<String?> = .option("reason", .text, "why it is withdrawn (required)")
  let signature = Signature(
    "unlink", summary: "Withdraw a relation, with the reason (it stays in the history)",
    parameters: [edge.spec, reason.spec],
    help: "Relation ids are listed by relations ENTITY --explain and shown by link. undo takes it back.",
    examples: [Example("unlink E0002 --reason 'headquarters moved'", "withdraw a relation")],
    writes: true)

  func refusal(forMisfit words: [String], _ session: Session) -> KgshError? {
    Self.edgeIDRefusal(words, session)
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    let key = call[Self.edge]
    // The relation is checked first: a wrong id is the mistake to hear about before the reason.
    guard let edge = try session.store.snapshot(.edge, key) else {
      if let last = try session.store.changes(about: key, limit: 1).first, last.kind == .retract {
        throw KgshError(
          .notFound, "unlink: \(key) was already withdrawn (\(last.payload.field("reason") ?? "no reason"))",
          hint: "see history \(key)")
      }
      if let refusal = Self.edgeIDRefusal([key], session) { throw refusal }
      throw KgshError(
        .notFound, "unlink: no relation \(key)", hint: "relations ENTITY --explain lists the ids")
    }
    guard let reason = call[Self.reason], !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw KgshError(.usage, "unlink: --reason is required", hint: "say why, e.g. --reason 'never happened'")
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

  /// `unlink zhipu minimax` (or `unlink zhipu COMPETES_WITH minimax`): entities where a
  /// relation id belongs. The refusal names the relations between them with their ids and
  /// rewrites the line with the first; nil when the first word is no entity.
  static func edgeIDRefusal(_ words: [String], _ session: Session) -> KgshError? {
    guard let first = words.first, ((try? session.store.snapshot(.edge, first)) ?? nil) == nil,
      let a = try? session.resolve(first)
    else { return nil }
    let message = "unlink: EDGE is a relation id, and '\(first)' names the entity \(a.name)"
    let listing = "relations \(Shell.quoteIfNeeded(a.name)) --explain lists its relations with their ids"
    // The other entity is the next word, or the one after a relation type.
    let at = (1..<min(words.count, 3)).first { (try? session.resolve(words[$0])) != nil }
    guard let at, let b = try? session.resolve(words[at]), let edges = try? session.store.edges(of: a.id)
    else {
      return KgshError(.usage, message, hint: listing)
    }
    let type = at == 2 ? Names.relationType(words[1]) : nil
    let between =
      edges.outgoing.filter { $0.1.id == b.id }.map { ($0.0, "-[\($0.0.type)]->") }
      + edges.incoming.filter { $0.1.id == b.id }.map { ($0.0, "<-[\($0.0.type)]-") }
    let named = between.filter { type == nil || $0.0.type == type }.compactMap { edge, arrow in
      edge.key.map { ($0, "\($0) (\(a.name) \(arrow) \(b.name))") }
    }
    guard let id = named.first?.0 else {
      return KgshError(
        .usage, message + "; it has no \(type.map { "\($0) " } ?? "")relation with \(b.name)", hint: listing)
    }
    let line = (["unlink", id] + words.dropFirst(at + 1).map(Shell.quoteIfNeeded)).joinedText(" ")
    return KgshError(
      .usage,
      message + "; "
        + (named.count == 1 ? "its relation with \(b.name) is " : "its relations with \(b.name) are ")
        + named.map(\.1).joinedText(", "),
      hint: "e.g. \(line)")
  }
}

import KnowledgeGraph
import ShellCore

/// `entity retract ENTITY --reason TEXT`: withdraws an entity with its facts and relations;
/// the history keeps all of them, and undo brings them back.
struct EntityRetractCommand: Command {
  static let entity = Param<String>.argument(
    "entity", .entity, "the entity to withdraw: a name, alias or key")
  static let reason: Param<String?> = .option("reason", .text, "why it is withdrawn (required)")
  let signature = Signature(
    "entity retract",
    summary: "Withdraw an entity with its facts and relations, with the reason (they stay in the history)",
    parameters: [entity.spec, reason.spec],
    help: """
      The entity leaves every card, search and graph command, and so do its facts and the \
      relations that touch it; history ENTITY still lists each, with the reason. undo takes \
      the whole retraction back.
      """,
    examples: [
      Example(
        "entity add acme --label Company --name 'Acme AI'; entity retract acme --reason 'added by mistake'",
        "add an entity, then withdraw it", expect: "retracted")
    ],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    // The entity is checked first: a wrong name is the mistake to hear about before the reason.
    let node = try session.resolve(call[Self.entity])
    guard let reason = call[Self.reason], !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw KgshError(
        .usage, "entity retract: --reason is required", hint: "say why, e.g. --reason 'a duplicate of zhipu'")
    }
    // Facts of other entities whose value is this one (GLM-4.6's developer) stay, naming its key.
    let naming = try session.store.select(
      """
      SELECT n.name AS entity, f.predicate FROM fact f JOIN node n ON n.id = f.node_id
      WHERE f.value_type = 'entity' AND f.value = ? AND f.node_id <> ? ORDER BY n.name, f.predicate
      """, [.string(node.key), .int(node.id)])
    let done = try session.store.write { w in try w.retractEntity(node.id, reason: reason) }
    let fields: [(String, Value)] = [
      ("retracted", .string(node.key)), ("name", .string(node.name)),
      ("relations", .int(Int64(done.relations))), ("facts", .int(Int64(done.facts))),
      ("reason", .string(reason)), ("author", .string(done.record.author)),
    ]
    guard !naming.isEmpty else { return .record(fields) }
    let listed = naming.prefix(3).map {
      "\($0["entity"]?.plainText ?? "")'s \($0["predicate"]?.plainText ?? "")"
    }
    let one = naming.count == 1
    let note =
      "\(naming.count.counted("fact")) of other entities \(one ? "has" : "have") \(node.name) as "
      + "\(one ? "its" : "their") value (" + listed.joinedText(", ") + (naming.count > 3 ? ", ..." : "")
      + "): they stay and show its key \(node.key); fact correct or fact retract changes them"
    return .sections([("", .record(fields)), ("", .message(note))])
  }
}

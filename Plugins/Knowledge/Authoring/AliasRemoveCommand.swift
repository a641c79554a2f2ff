import KnowledgeGraph
import ShellCore

/// `alias remove ENTITY ALIAS [--reason TEXT]`: takes a name away from an entity; the history keeps it.
struct AliasRemoveCommand: Command {
  static let entity = Param<String>.argument("entity", .entity, "the entity (any of its names)")
  static let alias = Param<String>.argument("alias", .text, "the name to take away, as show ENTITY lists it")
  static let reason: Param<String?> = .option("reason", .text, "why the name goes (kept in the history)")
  let signature = Signature(
    "alias remove", summary: "Take a name away from an entity (recorded in the change log)",
    parameters: [entity.spec, alias.spec, reason.spec],
    help: """
      For a name that belongs to another entity: remove it here, then alias add it there. \
      Lookups fold case, width and script, so 智譜 removes 智谱. The entity's own name and key stay; \
      undo gives the name back.
      """,
    examples: [
      Example(
        "alias add Zhipu 'Beijing Zhipu'; alias remove Zhipu 'beijing zhipu' --reason 'not a name in use'",
        "add a name, then take it away again")
    ],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let node = try session.resolve(call[Self.entity])
    let text = call[Self.alias].trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty else {
      throw KgshError(.usage, "alias remove: ALIAS is empty", hint: "give the name in quotes")
    }
    let wanted = Names.normalize(text)
    if Names.normalize(node.name) == wanted || Names.normalize(node.key) == wanted {
      throw KgshError(
        .invalidValue, "alias remove: '\(text)' is the name of \(node.name), which it keeps",
        hint: "an entity's name and key cannot be removed; add the right name with alias add")
    }
    let alias = try Self.alias(text, of: node, session)
    var payload: [String: Value] = ["entity": .string(node.key), "alias": .string(alias)]
    if let reason = call[Self.reason]?.trimmingCharacters(in: .whitespaces), !reason.isEmpty {
      payload["reason"] = .string(reason)
    }
    let record = try session.store.write { w in
      try w.record(
        ChangeDraft(
          kind: .retract, targetType: .alias, target: node.key + "|" + alias, entity: node.key,
          payload: .map(payload)))
    }
    return .record([
      ("entity", .entity(node.ref)), ("removed", .string(alias)), ("author", .string(record.author)),
    ])
  }

  /// The alias `text` names: the one spelled exactly so, else the one it matches with case,
  /// width and simplified/traditional Chinese folded (`智谱` never removes `智譜` while both exist).
  static func alias(_ text: String, of node: Node, _ session: Session) throws -> String {
    let aliases = try session.store.aliases(of: node.id)
    if aliases.contains(text) { return text }
    let wanted = Names.normalize(text)
    let matches = aliases.filter { Names.normalize($0) == wanted }
    guard let first = matches.first else {
      throw KgshError(
        .notFound, "alias remove: \(node.name) has no alias '\(text)'",
        hint: "show \(node.key) lists its names")
    }
    if matches.count > 1 {
      throw KgshError(
        .usage,
        "alias remove: '\(text)' matches \(matches.count) aliases of \(node.name): "
          + matches.joined(separator: ", "),
        hint: "give the one to remove exactly as written")
    }
    return first
  }
}

import KnowledgeGraph
import ShellCore

/// `alias add ENTITY ALIAS`: one more name that finds an entity.
struct AliasAddCommand: Command {
  static let entity = Param<String>.argument("entity", .entity, "the entity (any of its names)")
  static let alias = Param<String>.argument("alias", .text, "the new name, e.g. 百度 or a former name")
  let signature = Signature(
    "alias add", summary: "Give an entity another name people type (recorded in the change log)",
    parameters: [entity.spec, alias.spec],
    help:
      "Lookups fold case, width and script, so 智谱 and 智譜 are one alias. A name that already finds another entity is refused.",
    examples: [Example("alias add Zhipu 'Beijing Zhipu'", "find Zhipu AI by one more name")],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let node = try session.resolve(call[Self.entity])
    let alias = call[Self.alias].trimmingCharacters(in: .whitespaces)
    guard !alias.isEmpty else {
      throw KgshError(.usage, "alias add: ALIAS is empty", hint: "give the name in quotes")
    }
    if case .found(let other) = try session.store.resolve(alias), other.id == node.id {
      throw KgshError(
        .invalidValue, "alias add: '\(alias)' already finds \(node.name)", hint: "nothing to add")
    }
    try Authoring.refuseTaken(alias, session, command: "alias add", offersNew: false)
    let record = try session.store.write { w in
      try w.record(
        ChangeDraft(
          kind: .assert, targetType: .alias, target: node.key + "|" + alias, entity: node.key,
          payload: .map(["entity": .string(node.key), "alias": .string(alias)])))
    }
    return .record([
      ("entity", .entity(node.ref)), ("alias", .string(alias)), ("author", .string(record.author)),
    ])
  }
}

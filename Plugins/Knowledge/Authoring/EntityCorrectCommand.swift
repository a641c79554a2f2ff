import KnowledgeGraph
import ShellCore

/// `entity correct ENTITY [--name N] [--description D] [--label L]...`: an entity's own
/// fields, recorded in the change log; undo brings the earlier ones back.
struct EntityCorrectCommand: Command {
  static let entity = Param<String>.argument("entity", .entity, "the entity to correct: a name, alias or key")
  static let name: Param<String?> = .option("name", .text, "the name cards show from now on")
  static let description: Param<String?> = .option(
    "description", .text, "one line about it ('' removes the description)")
  static let labels = Param<[String]>.repeated(
    "label", .label, "its labels from now on, replacing the old ones (once or more)")
  let signature = Signature(
    "entity correct",
    summary: "Correct an entity's name, description or labels (recorded in the change log)",
    parameters: [entity.spec, name.spec, description.spec, labels.spec],
    help: """
      The old name stays as an alias, so what finds the entity still does (alias remove takes \
      it away); a name that already finds another entity is refused. Facts are corrected with fact correct, \
      relations with unlink and link. history ENTITY lists the correction; undo takes it back.
      """,
    examples: [
      Example(
        "entity correct baai --description 'Beijing non-profit AI research institute'",
        "restate a description", expect: "Beijing Academy of Artificial Intelligence")
    ],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let node = try session.resolve(call[Self.entity])
    let newName = call[Self.name].map { $0.trimmingCharacters(in: .whitespaces) }
    guard newName != nil || call[Self.description] != nil || !call[Self.labels].isEmpty else {
      throw KgshError(
        .usage, "entity correct: give --name, --description or --label",
        hint: "e.g. entity correct \(Shell.quoteIfNeeded(node.key)) --description 'one line about it'")
    }
    var changes: [String: Value] = [:]
    if let newName {
      guard !newName.isEmpty else {
        throw KgshError(.usage, "entity correct: --name is empty", hint: "give the name cards should show")
      }
      if newName != node.name {
        if case .found(let other) = try session.store.resolve(newName), other.id != node.id {
          throw KgshError(
            .invalidValue, "entity correct: '\(newName)' already names \(other.name) (\(other.key))",
            hint: "one name cannot find two entities; pick another")
        }
        changes["name"] = .string(newName)
      }
    }
    if let description = call[Self.description] {
      let text = description.trimmingCharacters(in: .whitespaces)
      if text != (node.description ?? "") { changes["description"] = text.isEmpty ? .null : .string(text) }
    }
    var labels = node.labels
    var notes: [String] = []
    if !call[Self.labels].isEmpty {
      (labels, notes) = try Authoring.labels(call[Self.labels], session, command: "entity correct")
    }
    guard !changes.isEmpty || Set(labels) != Set(node.labels) else {
      throw KgshError(
        .invalidValue, "entity correct: \(node.name) already reads so; nothing to correct",
        hint: "show \(Shell.quoteIfNeeded(node.key)) --section entity shows its fields")
    }
    let record = try session.store.write { w in
      try w.updateQueryNode(node.id, labels: labels, props: changes.isEmpty ? nil : changes)
      let corrected = w.lastRecord
      // The old name keeps finding the entity: it becomes an alias (alias remove takes it away).
      if changes["name"] != nil {
        try w.record(
          ChangeDraft(
            kind: .assert, targetType: .alias, target: node.key + "|" + node.name, entity: node.key,
            payload: .map(["entity": .string(node.key), "alias": .string(node.name)])))
      }
      return corrected
    }
    guard let now = try session.store.node(id: node.id) else {
      throw KgshError(
        .failed, "entity correct: \(node.key) was recorded but cannot be read back", hint: "run check")
    }
    let fields: [(String, Value)] = [
      ("entity", .entity(now.ref)), ("key", .string(now.key)), ("labels", FactText.labels(now)),
      ("description", FactText.text(now.description)), ("author", .string(record?.author ?? "")),
    ]
    if notes.isEmpty { return .record(fields) }
    return .sections([("", .record(fields)), ("", .message(notes.joinedText("\n")))])
  }
}

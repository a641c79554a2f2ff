import KnowledgeGraph
import ShellCore

/// `entity add KEY --label L [--label L2] --name NAME [--alias A]...`: a new entity that
/// facts and links can be about.
struct EntityAddCommand: Command {
  static let key = Param<String>.argument("key", .text, "the new entity's key, e.g. kuaishou or ernie-4.5")
  static let labels = Param<[String]>.repeated(
    "label", .label, "what it is: Company, Model, Person... (once or more)")
  static let name: Param<String?> = .option("name", .text, "the name cards show (required)")
  static let aliases = Param<[String]>.repeated("alias", .text, "another name people type (once or more)")
  static let description: Param<String?> = .option("description", .text, "one line about it")
  static let new = Param.toggle("new", "add it even though its name already names an entity")
  let signature = Signature(
    "entity add", summary: "Add an entity with its labels, name and aliases (recorded in the change log)",
    parameters: [key.spec, labels.spec, name.spec, aliases.spec, description.spec, new.spec],
    help: """
      An existing KEY is refused. A name or alias that already names an entity is refused too \
      (two entities with one name make every lookup ambiguous) unless --new says it is really \
      another one; to give an existing entity another name use alias add. Labels are matched \
      to the existing ones whatever their case (company -> Company).
      """,
    examples: [
      Example(
        "entity add kuaishou --label Company --name Kuaishou --alias 快手 --alias 'Kuaishou Technology'",
        "a company reachable by its English and Chinese names")
    ],
    writes: true)

  /// `entity add Company "Acme AI"`: a label and a name where the key goes; the command
  /// they meant, with a key made of the name.
  func refusal(forMisfit words: [String], _ session: Session) -> KgshError? {
    let given = words.prefix { !$0.hasPrefix("--") }
    guard given.count == 2, let labels = try? session.store.labelCounts(),
      let label = labels.first(where: { $0.label.lowercased() == given[0].lowercased() })?.label
    else { return nil }
    let name = given[1]
    let key = Authoring.keyLike(name) ?? "KEY"
    return KgshError(
      .usage, "entity add: the key comes first; '\(given[0])' is a label and '\(name)' a name",
      hint: "write entity add \(key) --label \(label) --name \(Shell.quoteIfNeeded(name))")
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    let key = call[Self.key]
    try Authoring.checkKey(key, command: "entity add", field: "KEY") { made in
      // "Acme AI" was most likely meant as the name: offer a key and keep the name.
      guard let made else { return "e.g. kuaishou or ernie-4.5" }
      let named = call[Self.name] == nil && made != key ? " --name '\(key)'" : ""
      return "e.g. entity add \(made)\(named)"
    }
    if let existing = try session.store.node(key: key) {
      throw KgshError(
        .invalidValue, "entity add: \(key) already exists (\(existing.name))",
        hint: "give it another name with alias add \(key) NAME, or state facts with fact add \(key) ...")
    }
    guard let name = call[Self.name], !name.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw Self.nameMissing(call)
    }
    let (labels, notes) = try Authoring.labels(call[Self.labels], session, command: "entity add")
    let aliases = call[Self.aliases].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    if !call[Self.new] {
      for word in [name] + aliases {
        try Authoring.refuseTaken(word, session, command: "entity add", offersNew: true)
      }
    }
    var extra: [String: Value] = [
      "labels": .list(labels.map(Value.string)), "aliases": .list(aliases.map(Value.string)),
    ]
    if call[Self.new] { extra["new"] = .bool(true) }
    let payload = Value.payload(
      [("key", key), ("name", name), ("description", call[Self.description])], extra: extra)
    let record = try session.store.write { w in
      try w.record(
        ChangeDraft(kind: .assert, targetType: .entity, target: key, entity: key, payload: payload))
    }
    guard let node = try session.store.node(key: key) else {
      throw KgshError(.failed, "entity add: \(key) was recorded but cannot be read back", hint: "run check")
    }
    let fields: [(String, Value)] = [
      ("entity", .entity(node.ref)), ("key", .string(key)), ("labels", FactText.labels(node)),
      (
        "aliases",
        .list(
          try session.store.aliases(of: node.id).filter { $0 != node.name && $0 != key }.map(Value.string))
      ),
      ("author", .string(record.author)),
    ]
    if notes.isEmpty { return .record(fields) }
    return .sections([("", .record(fields)), ("", .message(notes.joinedText("\n")))])
  }

  /// `entity add DeepSeek-V4 --label Model`: no --name, and the KEY is written like a name
  /// (capitals, spaces); the line with a key made of it and the KEY as the name.
  static func nameMissing(_ call: Call) -> KgshError {
    let key = call[Self.key]
    guard let made = Authoring.keyLike(key), made != key else {
      return KgshError(.usage, "entity add: --name is required", hint: "add --name 'the name cards show'")
    }
    var words = ["entity add", made]
    words += call[Self.labels].flatMap { ["--label", Shell.quoteIfNeeded($0)] }
    words += ["--name", Shell.quoteIfNeeded(key)]
    words += call[Self.aliases].flatMap { ["--alias", Shell.quoteIfNeeded($0)] }
    if let description = call[Self.description] {
      words += ["--description", Shell.quoteIfNeeded(description)]
    }
    if call[Self.new] { words.append("--new") }
    return KgshError(
      .usage, "entity add: --name is required, and '\(key)' reads as the name",
      hint: "write \(words.joinedText(" "))")
  }
}

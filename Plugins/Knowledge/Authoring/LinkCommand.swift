import KnowledgeGraph
import ShellCore

/// `link A TYPE B --source ID [--quote TEXT] [--as-of DATE]`: a sourced relation.
struct LinkCommand: Command {
  static let from = Param<String>.argument("from", .entity, "the entity the relation starts at")
  static let type = Param<String>.argument("type", .relationType, "the relation, e.g. INVESTS_IN")
  static let to = Param<String>.argument("to", .entity, "the entity it points to")
  let signature = Signature(
    "link", summary: "Relate two entities, with the source that says so (recorded in the change log)",
    parameters: [from.spec, type.spec, to.spec] + Sourcing.specs,
    help: """
      TYPE is written in capitals with '_' (invests_in becomes INVESTS_IN). The same link from \
      the same source is refused; unlink EDGE-ID takes one away, undo the last one.
      """,
    examples: [
      Example(
        "link Zhipu LISTED_ON HKEX --source article --quote '正式在港交所掛牌上市' --as-of 2026-01-08",
        "a sourced listing")
    ],
    writes: true)

  /// `link 智谱 invests in MiniMax`: a relation written in words between the two names; the
  /// same link with the words as one TYPE (the knowledge base's type when it has one).
  func refusal(forMisfit words: [String], _ session: Session) -> KgshError? {
    let given = Array(words.prefix { !$0.hasPrefix("--") })
    let flags = words.dropFirst(given.count).map(Shell.quoteIfNeeded)
    guard given.count > 3, let types = try? session.store.edgeTypes() else { return nil }
    // FROM and TO may be several words each; the split whose middle is a type the knowledge
    // base has wins.
    for typeStart in 1..<(given.count - 1) {
      for typeEnd in (typeStart + 1)..<given.count where typeEnd - typeStart <= 4 {
        let made = given[typeStart..<typeEnd].map { $0.uppercased() }.joined(separator: "_")
        guard let type = types.first(where: { $0.uppercased() == made }) else { continue }
        let from = given[..<typeStart].joined(separator: " "), to = given[typeEnd...].joined(separator: " ")
        guard !to.isEmpty, (try? session.resolve(from)) != nil, (try? session.resolve(to)) != nil else {
          continue
        }
        let line = ["link", Shell.quoteIfNeeded(from), type, Shell.quoteIfNeeded(to)] + flags
        return KgshError(
          .usage,
          "link: TYPE is one word, and '\(given[typeStart..<typeEnd].joined(separator: " "))' is \(type) in words",
          hint: "write \(line.joinedText(" "))")
      }
    }
    return nil
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    let a = try session.resolve(call[Self.from])
    let type = Names.relationType(call[Self.type])
    let b: Node
    do {
      b = try session.resolve(call[Self.to])
    } catch {
      try Self.refuseTypeLast(call, session)
      throw error
    }
    guard type.range(of: #"^[A-Z][A-Z0-9_]*$"#, options: .regularExpression) != nil else {
      // `invests in` written as a type: the words in capitals joined by '_'.
      let words = call[Self.type].split { !$0.isLetter && !$0.isNumber }.map { $0.uppercased() }
      let made = words.joined(separator: "_")
      let fits = made.range(of: #"^[A-Z][A-Z0-9_]*$"#, options: .regularExpression) != nil
      throw KgshError.invalidValue(
        "link", "TYPE", expected: "a word in capitals joined by '_'", got: call[Self.type],
        hint: fits ? "write \(made)" : "e.g. INVESTS_IN")
    }
    guard a.id != b.id else {
      throw KgshError(
        .invalidValue, "link: both ends are \(a.name); a relation joins two different entities",
        hint: "check the names: link FROM TYPE TO")
    }
    let provenance = try Sourcing.provenance(call, session, command: "link", quoteRequired: false)
    let key = Sourcing.key("UE-", [a.key, type, b.key, provenance.source ?? "", provenance.asOf ?? ""])
    if try session.store.snapshot(.edge, key) != nil {
      throw KgshError(
        .invalidValue,
        "link: \(a.name) -[\(type)]-> \(b.name) is already there from the same source, as \(key)",
        hint: "see it with relations \(a.key)")
    }
    var notes: [String] = []
    let types = try session.store.edgeTypes()
    if let inverse = Self.activeType(of: type, among: types) {
      notes.append(
        "new relation type \(type); the knowledge base says it the other way round, \(inverse): "
          + "undo, then link \(Shell.quoteIfNeeded(b.key)) \(inverse) \(Shell.quoteIfNeeded(a.key)) with the same source"
      )
    } else if let note = Authoring.newName("relation type", type, among: types) {
      notes.append(note)
    }
    let payload = Value.payload([
      ("key", key), ("src", a.key), ("type", type), ("dst", b.key), ("as_of", provenance.asOf),
      ("source", provenance.source), ("quote", provenance.quote), ("status", provenance.status),
    ])
    let record = try session.store.write { w in
      try w.record(
        ChangeDraft(kind: .assert, targetType: .edge, target: key, entity: a.key, payload: payload))
    }
    let fields: [(String, Value)] = [
      ("edge", .string(key)), ("from", .entity(a.ref)), ("type", .string(type)), ("to", .entity(b.ref)),
      ("source", FactText.text(provenance.source)), ("status", FactText.text(provenance.status)),
      ("author", .string(record.author)),
    ]
    if notes.isEmpty { return .record(fields) }
    return .sections([("", .record(fields)), ("", .message(notes.joinedText("\n")))])
  }

  /// `link acme zhipu competes_with`: the last word is a relation type and the middle one an
  /// entity, so the words are in the wrong order; say which order, with the line rewritten.
  static func refuseTypeLast(_ call: Call, _ session: Session) throws {
    let last = Names.relationType(call[Self.to])
    guard try session.store.edgeTypes().contains(last), (try? session.resolve(call[Self.type])) != nil else {
      return
    }
    let words = [call[Self.from], last, call[Self.type]].map(Shell.quoteIfNeeded)
    throw KgshError(
      .usage, "link: \(last) is a relation type, and the TYPE goes between the two entities",
      hint: "e.g. link \(words.joinedText(" "))")
  }

  /// `DEVELOPED_BY` when the knowledge base has `DEVELOPS`: a new type in the passive voice
  /// whose verb a known type has in the active; that type, or nil.
  static func activeType(of type: String, among known: [String]) -> String? {
    guard !known.contains(type), type.hasSuffix("_BY"), let verb = type.split(separator: "_").first,
      verb != "BY"
    else { return nil }
    let stem = Self.stem(verb)
    return known.first {
      $0 != type && !$0.hasSuffix("_BY") && $0.split(separator: "_").first.map(Self.stem) == stem
    }
  }

  /// A verb without its ending: DEVELOPED, DEVELOPS -> DEVELOP; SUPPLIED, SUPPLIES -> SUPPL.
  static func stem(_ verb: Substring) -> String {
    for ending in ["IED", "IES", "ED", "ES", "S", "D"]
    where verb.count > ending.count + 2 && verb.hasSuffix(ending) {
      return String(verb.dropLast(ending.count))
    }
    return String(verb)
  }
}

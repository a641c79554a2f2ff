import KnowledgeGraph
import ShellCore

/// `cite FACT-OR-ENTITY`: the exact quotes and sources behind a fact or an entity.
struct CiteCommand: Command {
  static let target = Param<String>.argument(
    "target", .entity, "a fact id (F0001), reference-row id (I017), an entity, or a source"
  ).completing(.factId)

  let signature = Signature(
    "cite", summary: "The exact quotes and sources behind a fact (F0001, I017) or an entity",
    parameters: [target.spec],
    help: "Given a source's key (sources lists them on a card), every fact that cites it, with its entity.",
    examples: [
      Example("cite F0001", "the quote behind fact F0001"),
      Example("cite MiniMax", "every quote about MiniMax with its source"),
      Example("cite ref-forfunds-zhipu | first 3", "what one source is cited for"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let target = call[Self.target]
    var facts = try session.store.facts(key: target)
    if facts.isEmpty, !Self.looksLikeFactID(target), case .notFound = try session.store.resolve(target),
      try session.store.source(key: target) != nil
    {
      return try citing(target, session)
    }
    if facts.isEmpty {
      do {
        facts = try session.store.facts(of: session.resolve(target).id)
      } catch let error as KgshError where error.kind == .notFound && Self.looksLikeFactID(target) {
        throw KgshError(
          .notFound, "cite: no fact \(target)",
          hint: "facts ENTITY lists the ids of an entity's facts, e.g. facts Zhipu")
      }
    }
    let rows: [[Value]] = try facts.map { f in
      let source = try f.provenance.source.flatMap { try session.store.source(key: $0) }
      return [
        .string(f.key ?? "#\(f.id)"), .string(f.predicate), FactText.value(f), FactText.unit(f),
        FactText.text(f.qualifier), FactText.text(f.provenance.quote), FactText.text(f.provenance.source),
        FactText.text(source?.publisher), FactText.date(source?.published), FactText.text(source?.url),
      ]
    }
    return .table(
      Table(
        columns: [
          "fact", "predicate", "value", "unit", "qualifier", "quote", "source", "publisher", "published",
          "url",
        ], rows: rows))
  }

  /// `cite SOURCE`: the facts that cite it, each with the entity it is about.
  func citing(_ source: String, _ session: Session) throws -> Output {
    let facts = try session.store.facts(citing: source)
    let entities = try session.store.nodeHeads(ids: Array(Set(facts.map(\.nodeID))))
    let rows: [[Value]] = facts.map { f in
      [
        .string(f.key ?? "#\(f.id)"), entities[f.nodeID].map { .entity($0.ref) } ?? .null,
        .string(f.predicate),
        FactText.value(f), FactText.unit(f), FactText.text(f.qualifier), FactText.text(f.provenance.quote),
      ]
    }
    var table = Table(
      columns: ["fact", "entity", "predicate", "value", "unit", "qualifier", "quote"], rows: rows)
    if rows.isEmpty { table.notes = ["no fact cites \(source) yet"] }
    return .table(table)
  }

  /// Whether `text` is spelled like a fact id: F0001, I017, UF-90EB2DE76654.
  static func looksLikeFactID(_ text: String) -> Bool {
    text.wholeMatch(of: /(F|I)[0-9]+|UF-[0-9A-F]+/) != nil
  }
}

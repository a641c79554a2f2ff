import KnowledgeGraph
import ShellCore

/// `cite FACT-OR-ENTITY`: the exact quotes and sources behind a fact or an entity.
struct CiteCommand: Command {
  let signature = Signature(
    "cite", summary: "The exact quotes and sources behind a fact (F0001, I017) or an entity",
    arguments: [Argument("fact or entity", "a fact id, reference-row id, or an entity", completion: .entity)],
    examples: [Example("cite F0001", "the quote behind fact F0001", expect: "article")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let target = call.arguments[0]
    var facts = try session.store.facts(key: target)
    if facts.isEmpty { facts = try session.store.facts(of: session.resolve(target).id) }
    let rows: [[Value]] = try facts.map { f in
      let source = try f.provenance.source.flatMap { try session.store.source(key: $0) }
      return [
        .string(f.key ?? "#\(f.id)"), .string(f.predicate), .string(FactText.value(f)),
        .string(f.provenance.quote ?? ""),
        .string(
          source.map { [$0.publisher, $0.published, $0.url].compactMap { $0 }.joined(separator: ", ") } ?? ""),
        .string(f.provenance.source ?? ""),
      ]
    }
    return .table(Table(columns: ["fact", "predicate", "value", "quote", "published", "source"], rows: rows))
  }
}

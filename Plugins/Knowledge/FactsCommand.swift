import KnowledgeGraph
import ShellCore

/// `facts ENTITY [--predicate P] [--since DATE]`: every fact with value, as-of and source.
struct FactsCommand: Command {
  static let entity = Param<String>.argument("entity", .entity, "a name, alias or key")
  static let predicate: Param<String?> = .option("predicate", .predicate, "only this predicate")
  static let since: Param<String?> = .option("since", .date, "only facts as of this date or later")

  let signature = Signature(
    "facts", summary: "Every fact about an entity with its value, date and source",
    parameters: [entity.spec, predicate.spec, since.spec],
    examples: [
      Example("facts Zhipu --predicate listing_date", "when Zhipu listed", expect: "2026-01-08"),
      Example("facts MiniMax --predicate ipo_raise", "MiniMax's IPO raise, money with its currency"),
      Example("facts Zhipu --since 2026", "what is known about Zhipu AI as of 2026"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let node = try session.resolve(call[Self.entity])
    var facts = try session.store.facts(of: node.id, predicate: call[Self.predicate])
    if let since = call[Self.since] {
      facts = facts.filter { ($0.provenance.asOf ?? "") >= since }
    }
    return .table(Table(columns: FactText.columns, rows: facts.map(FactText.row)))
  }
}

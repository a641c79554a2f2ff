import KnowledgeGraph
import ShellCore

/// `timeline [ENTITY] [--from DATE] [--to DATE]`: dated events in order.
struct TimelineCommand: Command {
  static let entity: Param<String?> = .optionalArgument("entity", .entity, "only events of this entity")
  static let from: Param<String?> = .option("from", .date, "from this date")
  static let to: Param<String?> = .option("to", .date, "up to this date (a month or year includes all of it)")

  let signature = Signature(
    "timeline", summary: "Dated events (releases, listings, rounds) in order",
    parameters: [entity.spec, from.spec, to.spec],
    examples: [
      Example("timeline --from 2026-01", "what happened from January 2026", expect: "listing_date"),
      Example("timeline Zhipu --to 2024", "Zhipu AI's events up to the end of 2024"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let node = try call[Self.entity].map { try session.resolve($0) }
    let facts = try node.map { try session.store.facts(of: $0.id) } ?? session.store.allFacts()
    let from = call[Self.from] ?? ""
    let to = (call[Self.to] ?? "") + "\u{10FFFF}"
    var refs: [Int64: Value] = [:]
    var rows: [(date: String, name: String, row: [Value])] = []
    for f in facts where f.valueType == "date" {
      let date = f.rawValue
      guard date >= from, date <= to else { continue }
      if refs[f.nodeID] == nil {
        refs[f.nodeID] = try session.store.node(id: f.nodeID).map { .entity($0.ref) } ?? .null
      }
      let entity = refs[f.nodeID]!
      rows.append(
        (
          date, entity.plainText,
          [.date(date), entity, .string(f.predicate), FactText.text(f.provenance.source)]
        ))
    }
    rows.sort { $0.date != $1.date ? $0.date < $1.date : $0.name < $1.name }
    return .table(Table(columns: ["date", "entity", "event", "source"], rows: rows.map(\.row)))
  }
}

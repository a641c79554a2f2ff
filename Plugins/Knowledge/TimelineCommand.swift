import KnowledgeGraph
import ShellCore

/// `timeline [ENTITY] [--from DATE] [--to DATE]`: dated events in order.
struct TimelineCommand: Command {
  let signature = Signature(
    "timeline", summary: "Dated events (releases, listings, rounds) in order",
    arguments: [Argument("entity", "only events of this entity", completion: .entity, optional: true)],
    flags: [Flag("from", "from this date (YYYY[-MM[-DD]])"), Flag("to", "up to this date")],
    examples: [Example("timeline --from 2026-01", "what happened from January 2026", expect: "listing_date")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let node = try call.argument(0).map { try session.resolve($0) }
    let facts = try node.map { try session.store.facts(of: $0.id) } ?? session.store.allFacts()
    let from = call.flag("from") ?? "", to = call.flag("to").map { $0 + "\u{10FFFF}" } ?? "\u{10FFFF}"
    var names: [Int64: String] = [:]
    var rows: [(String, [Value])] = []
    for f in facts where f.valueType == "date" {
      let date = f.rawValue
      guard date >= from, date <= to else { continue }
      if names[f.nodeID] == nil { names[f.nodeID] = try session.store.node(id: f.nodeID)?.name ?? "" }
      rows.append(
        (
          date,
          [.date(date), .string(names[f.nodeID]!), .string(f.predicate), .string(f.provenance.source ?? "")]
        ))
    }
    rows.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1[1].plainText < $1.1[1].plainText }
    return .table(Table(columns: ["date", "entity", "event", "source"], rows: rows.map(\.1)))
  }
}

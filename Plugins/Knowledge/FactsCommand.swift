import ShellCore

/// `facts ENTITY [--predicate P] [--since DATE]`: every fact with value, as-of and source.
struct FactsCommand: Command {
  let signature = Signature(
    "facts", summary: "Every fact about an entity with its value, date and source",
    arguments: [Argument("entity", "a name, alias or key", completion: .entity)],
    flags: [Flag("predicate", "only this predicate"), Flag("since", "only facts as of this date or later (YYYY[-MM[-DD]])")],
    examples: [Example("facts Zhipu --predicate listing_date", "when Zhipu listed", expect: "2026-01-08")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let node = try session.resolve(call.arguments[0])
    var facts = try session.store.facts(of: node.id, predicate: call.flag("predicate"))
    if let since = call.flag("since") {
      guard since.range(of: #"^\d{4}(-\d{2}){0,2}$"#, options: .regularExpression) != nil else {
        throw ShellError("facts: --since takes a date like 2025 or 2025-07 or 2025-07-28, not '\(since)'")
      }
      facts = facts.filter { ($0.provenance.asOf ?? "") >= since }
    }
    return .table(Table(columns: FactText.columns, rows: facts.map(FactText.row)))
  }
}

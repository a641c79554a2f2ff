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
    var table = FactText.table(facts)
    if facts.isEmpty { table.notes = try Self.emptyNote(node, call, session) }
    return .table(table)
  }

  /// Why the table is empty and what to try: predicates of this entity that contain the
  /// text asked for (or the closest ones), or a wider --since.
  static func emptyNote(_ node: Node, _ call: Call, _ session: Session) throws -> [String] {
    guard let asked = call[Self.predicate] else {
      if let since = call[Self.since] {
        return ["no facts about \(node.name) as of \(since) or later; try an earlier --since"]
      }
      return ["no facts about \(node.name); try show \(node.name) for its relations"]
    }
    let withdrawn = try Self.retracted(asked, of: node, session)
    if !withdrawn.isEmpty {
      return [
        "no '\(asked)' facts about \(node.name): " + withdrawn.map(\.text).joinedText("; ") + "; history "
          + (withdrawn.count == 1
            ? "\(withdrawn[0].fact) shows its changes" : "FACT-ID shows each one's changes")
          + ", and undo takes a retraction back in the session that made it"
      ]
    }
    let known = Array(Set(try session.store.facts(of: node.id).map(\.predicate))).sorted()
    if known.contains(asked) {
      return [
        "no '\(asked)' facts about \(node.name) as of \(call[Self.since] ?? "") or later; try an earlier --since"
      ]
    }
    return [Self.unknownPredicate(asked, of: node, known: known) { "facts \(node.key) --predicate \($0)" }]
  }

  /// The entity's facts of `predicate` whose last change is a retraction: "F0325 (¥312.4 m)
  /// was retracted (wrong year)".
  static func retracted(_ predicate: String, of node: Node, _ session: Session) throws -> [(
    fact: String, text: String
  )] {
    let records = try session.store.changes(about: node.key).filter { $0.targetType == .fact }
    var seen: Set<String> = []
    var out: [(fact: String, text: String)] = []
    for record in records where seen.insert(record.target).inserted && record.kind == .retract {
      // The predicate is in the fact's first statement; its value in its last (a correction's).
      let statements = records.filter { $0.target == record.target && $0.kind != .retract }
      guard
        statements.first(where: { $0.payload.field("predicate") != nil })?.payload.field("predicate")
          == predicate,
        let last = statements.first(where: { $0.payload.field("value") != nil })
      else { continue }
      let value = Self.shown(last.payload)
      out.append(
        (
          record.target,
          "\(record.target) (\(value)) was retracted (\(record.payload.field("reason") ?? "no reason given"))"
        ))
    }
    return out
  }

  /// A recorded value as tables show it: money with its symbol (`¥312.4 m`), else as written.
  static func shown(_ payload: Value) -> String {
    let raw = payload.field("value") ?? "?"
    if payload.field("type") == "money", let currency = payload.field("currency"),
      let d = PlainDecimal.parse(raw)
    {
      return ValueFormat.human(.money(Money(d, currency)))
    }
    return payload.field("original") ?? raw
  }

  /// For a predicate an entity has no facts of: the predicates of its facts that contain the
  /// text (or the closest), and the command (`retry`) that reads the first of them.
  static func unknownPredicate(_ asked: String, of node: Node, known: [String], retry: (String) -> String)
    -> String
  {
    // `估值`: the predicates named in English after what the Chinese word says.
    let word = Names.predicateWords[asked.trimmingCharacters(in: .whitespaces)]
    let needle = (word ?? asked).lowercased()
    // The predicate that is the word itself first, then the shortest (valuation before
    // market_cap_multiple_of_prior_valuation).
    var near = known.filter { $0.lowercased().contains(needle) }.sorted {
      ($0.lowercased() == needle ? 0 : 1, $0.count, $0) < ($1.lowercased() == needle ? 0 : 1, $1.count, $1)
    }
    if near.isEmpty && word == nil { near = Names.suggestions(for: asked, among: known) }
    let what = "no '\(asked)' facts about \(node.name)"
    guard let first = near.first else { return "\(what); list its predicates with facts \(node.key)" }
    let which = word.map { "predicates for \(asked) (\($0))" } ?? "predicates containing it"
    return "\(what); \(which): \(near.prefix(8).joinedText(", ")); try \(retry(first))"
  }
}

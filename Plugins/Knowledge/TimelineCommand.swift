import KnowledgeGraph
import ShellCore

/// `timeline [ENTITY] [--from DATE] [--to DATE] [--label L] [--limit N]`: dated events in order; a family or group
/// includes the events of its members.
struct TimelineCommand: Command {
  static let entity: Param<String?> = .optionalArgument(
    "entity", .entity, "only events of this entity (and of its members, for a family or group)")
  static let from: Param<String?> = .option("from", .date, "from this date")
  static let to: Param<String?> = .option("to", .date, "up to this date (a month or year includes all of it)")
  static let label: Param<String?> = .option("label", .label, "only events of entities with this label")
  static let limit = Param.option("limit", .integer(min: 1), default: 1000, "at most N events, the earliest")

  let signature = Signature(
    "timeline", summary: "Dated events (releases, listings, rounds) in order",
    parameters: [entity.spec, from.spec, to.spec, label.spec, limit.spec],
    examples: [
      Example("timeline --from 2026-01", "what happened from January 2026", expect: "listing_date"),
      Example("timeline Zhipu --to 2024", "Zhipu AI's events up to the end of 2024"),
      Example("timeline GLM", "the GLM family's releases, member by member", expect: "GLM-4.5"),
      Example(
        "timeline Mistral", "Mistral AI's funding rounds, each with its amount", expect: "round_amount"),
      Example(
        "timeline --label Model --from 2026-06", "model releases from June 2026", expect: "release_date"),
      Example(
        "timeline --label Company --limit 2", "the two earliest events of companies", expect: "iFlytek"),
      Example("timeline --label Exchange", "exchanges have no dated events: the note says where to look"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let node = try call[Self.entity].map { word in
      do {
        return try session.resolve(word)
      } catch let error as KgshError
        where error.kind == .notFound
        && (try? ParameterType.date.parse(word, name: "from", command: "timeline")) != nil
      {
        // `timeline 2025`: a date, not a name.
        throw KgshError(
          .notFound, "timeline: no entity named '\(word)'",
          hint: "a date goes after --from and --to: timeline --from \(word) --to \(word)")
      }
    }
    let members = try node.map { try Self.members(of: $0.id, session.store) } ?? []
    let facts: [Fact]
    if let node {
      facts = try ([node.id] + members).flatMap { try session.store.facts(of: $0) }
    } else {
      facts = try session.store.allFacts()
    }
    let from = call[Self.from] ?? ""
    let to = (call[Self.to] ?? "") + "\u{10FFFF}"
    if let first = call[Self.from], let last = call[Self.to], from > to {
      throw KgshError(
        .usage, "timeline: --from \(first) is after --to \(last)",
        hint: "swap them: --from \(last) --to \(first)")
    }
    let label = try call[Self.label].map(session.resolveLabel)
    var refs: [Int64: (entity: Value, labelled: Bool)] = [:]
    var rows: [(date: String, name: String, row: [Value])] = []
    // One event that several sources give (MiniMax listed 2026-01-09) is one row, its sources
    // together in name order.
    var rowOfEvent: [String: Int] = [:]
    var dated = 0
    for f in facts {
      guard let (date, event, amount) = Self.event(f) else { continue }
      if refs[f.nodeID] == nil {
        let node = try session.store.node(id: f.nodeID)
        refs[f.nodeID] = (
          node.map { .entity($0.ref) } ?? .null, label.map { node?.labels.contains($0) ?? false } ?? true
        )
      }
      guard refs[f.nodeID]!.labelled else { continue }
      dated += 1
      guard date >= from, date <= to else { continue }
      let entity = refs[f.nodeID]!.entity
      let same = "\(date)\u{1}\(f.nodeID)\u{1}\(event)\u{1}\(amount.plainText)"
      if let i = rowOfEvent[same] {
        var sources = rows[i].row[4].plainText.components(separatedBy: ", ").filter { !$0.isEmpty }
        if let source = f.provenance.source, !sources.contains(source) {
          sources.append(source)
          rows[i].row[4] = .string(sources.sorted().joinedText(", "))
        }
        continue
      }
      rowOfEvent[same] = rows.count
      rows.append(
        (
          date, entity.plainText,
          [.date(date), entity, .string(event), amount, FactText.text(f.provenance.source)]
        ))
    }
    rows.sort { $0.date != $1.date ? $0.date < $1.date : $0.name < $1.name }
    let limit = call[Self.limit]
    var table = Table(
      columns: ["date", "entity", "event", "amount", "source"], rows: rows.prefix(limit).map(\.row),
      limitCut: rows.count > limit ? .of(rows.count) : nil)
    if rows.isEmpty {
      table.notes = [Self.emptyNote(node, members: members.count, dated: dated, label: label)]
    }
    return .table(table)
  }

  /// A fact's place on the timeline: a date fact on its value (`release_date`, no amount), a
  /// funding round on its as-of date with its amount (`round_amount`, US$40 bn); nil for other
  /// facts.
  static func event(_ f: Fact) -> (date: String, event: String, amount: Value)? {
    if f.valueType == "date" { return (f.rawValue, f.predicate, .null) }
    guard f.predicate == "round_amount", let asOf = f.provenance.asOf,
      asOf.range(of: #"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"#, options: .regularExpression) != nil
    else { return nil }
    return (asOf, f.predicate, FactText.value(f))
  }

  /// The members of a family or group: nodes with a MEMBER_OF edge to it, transitively.
  static func members(of id: Int64, _ store: KnowledgeStore) throws -> [Int64] {
    let g = try store.graphIndex()
    guard let start = g.index(of: id), let memberOf = g.typeID("MEMBER_OF") else { return [] }
    var seen: Set<Int32> = [start]
    var queue = [start]
    var out: [Int64] = []
    while let n = queue.popLast() {
      for (other, type) in g.incoming(n) where type == memberOf && !seen.contains(other) {
        seen.insert(other)
        queue.append(other)
        out.append(g.nodeIDs[Int(other)])
      }
    }
    return out
  }

  /// Why a timeline is empty and what to try.
  static func emptyNote(_ node: Node?, members: Int, dated: Int, label: String?) -> String {
    var whose =
      node.map { members > 0 ? "\($0.name) or its \(members) members" : $0.name } ?? "the knowledge base"
    if let label { whose += " labelled \(label)" }
    if dated > 0 {
      return "none of the \(dated) dated events of \(whose) fall in the range; widen --from/--to"
    }
    guard let name = node?.key else {
      let list = label.map { "list \($0) shows those entities, " } ?? ""
      return "no dated events of \(whose); \(list)facts ENTITY shows what is known about one"
    }
    return "no dated events of \(whose); try facts \(name) or show \(name) for what is known"
  }
}

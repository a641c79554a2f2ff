import KnowledgeGraph
import ShellCore

/// `show ENTITY`: the entity card — names, key facts, relations, conflicts and sources, as
/// typed sections (each a record or table), so every format carries all of them.
struct ShowCommand: Command {
  static let entity = Param<String>.argument("entity", .entity, "a name, alias or key in any script or case")
  static let section: Param<String?> = .option(
    "section", .choice(["entity", "facts", "group-facts", "relations", "conflicts", "sources"]),
    "only this part of the card"
  )
  static let limit = Param.option(
    "limit", .integer(min: 1), default: 200,
    "at most N related entities on the card; a hub of a big graph has tens of thousands")

  /// The facts people ask for first, in this order; the others follow alphabetically.
  static let keyPredicates = [
    "founded_date", "headquarters", "ceo", "founder", "listing_date", "ipo_raise", "market_cap", "valuation",
    "total_funding", "funding_rounds", "round_amount", "revenue", "arr", "gross_margin", "release_date",
    "price", "input_price", "output_price",
  ]
  /// Each key predicate's place in `keyPredicates`, looked up once per fact, not per comparison.
  static let keyRank = Dictionary(uniqueKeysWithValues: keyPredicates.enumerated().map { ($1, $0) })

  let signature = Signature(
    "show", summary: "Show an entity's card: names, facts, relations, conflicts, sources",
    parameters: [entity.spec, section.spec, limit.spec],
    help: """
      The card shows the latest value of each fact; `older_values` counts the earlier ones \
      (see facts ENTITY --predicate P) and `conflict` marks sources that disagree. The facts \
      people ask for first (founding, listing, valuation, funding, revenue, release, price) come \
      first. A "1/N of X" claim reads as written ("1/6 of Claude Code"). Facts about a group the \
      entity is a member of (combined figures of two companies) follow as group facts. \
      --section shows one part of the card. The relations stop at --limit, with a note saying \
      how many there are; the sources still count every fact and relation.
      """,
    examples: [
      Example("show Zhipu", "the card of Zhipu AI", expect: "Zhipu AI"),
      Example("show 智譜", "the same card through a traditional-Chinese alias", expect: "Zhipu AI"),
      Example("show MiniMax --section relations", "only who it is related to, and how"),
      Example("show Zhipu --section relations --limit 3", "its first three relations, and how many it has"),
    ])

  /// Neo4j's `SHOW FUNCTIONS`, `SHOW PROCEDURES`, ..., MySQL's `SHOW TABLES`: what kgsh has in
  /// their place.
  static let cypherShows = [
    "FUNCTIONS": "the functions are listed by help match",
    "PROCEDURES": "the procedures are listed by help call",
    "INDEXES": "kgsh keeps its own indexes and has none to show or create",
    "CONSTRAINTS": "kgsh has no constraints; check-knowledge checks Knowledge/",
    "DATABASES": "stats names the knowledge base open", "SETTINGS": "set lists the settings",
    // MySQL's and PostgreSQL's.
    "TABLES":
      "sql .tables lists the tables and their columns; labels and relations list what the graph holds",
    "COLUMNS": "sql .tables lists the tables and their columns",
    "SOURCES": "sources lists the knowledge base's sources",
    "LABELS": "labels lists the labels with their counts",
  ]

  func run(_ call: Call, _ session: Session) throws -> Output {
    let node: Node
    do {
      node = try session.resolve(call[Self.entity])
    } catch let error as KgshError where error.kind == .notFound {
      guard let instead = Self.cypherShows[call[Self.entity].uppercased()] else { throw error }
      throw KgshError(
        .notFound,
        "show: no entity named '\(call[Self.entity])', and kgsh's show is not Cypher's or SQL's SHOW",
        hint: instead)
    }
    let card = ShowCard(node: node, session: session, limit: call[Self.limit])
    guard let wanted = call[Self.section] else { return .sections(try card.sections()) }
    // One section reads only what that section shows: `--section entity` of a hub reads no edges.
    switch wanted {
    case "entity": return .record(try card.entity())
    case "facts": return .table(try card.facts())
    case "relations": return .table(try card.relations())
    case "group-facts":
      let groupFacts = try card.groupFacts()
      if !groupFacts.rows.isEmpty { return .table(groupFacts) }
      return .table(
        Table(
          columns: groupFacts.columns, rows: [], notes: ["\(card.node.name) belongs to no group with facts"]))
    case "conflicts":
      if let conflicts = try card.conflictTable() { return .table(conflicts) }
      return .table(
        FactText.table([], notes: ["\(card.node.name): sources agree, no conflicts"]))
    default: return .table(try card.sources())
    }
  }

  /// Commands that answer the next question about this entity, from the plugins that know
  /// one (pricing: a plan's or model's prices).
  static func related(_ node: Node, _ session: Session) -> Table {
    let rows = session.seeAlso.sorted { $0.key < $1.key }.flatMap { $0.value(session, node) }
    return Table(columns: ["command", "shows"], rows: rows.map { [.string($0.command), .string($0.shows)] })
  }

  /// Key, name, labels, aliases, description and properties.
  static func entityFields(_ node: Node, _ store: KnowledgeStore) throws -> [(String, Value)] {
    let aliases = try store.aliases(of: node.id).filter { $0 != node.name && $0 != node.key }
    var entity: [(String, Value)] = [
      ("key", .string(node.key)), ("name", .string(node.name)), ("labels", FactText.labels(node)),
      ("aliases", .list(aliases.map { .string($0) })),
    ]
    if let d = node.description { entity.append(("description", .string(d))) }
    // A property named as a field above (a Cypher CREATE keeps `name` among them) is not repeated.
    let shown = Set(entity.map(\.0)).union(["description"])
    for (k, v) in node.props.sorted(by: { $0.key < $1.key }) where !shown.contains(k) {
      entity.append((k, v))
    }
    return entity
  }

  /// The latest fact of each predicate, with how many older values it has and whether
  /// sources disagree about it.
  static func latestFacts(
    _ facts: [Fact], conflicts: [String: [Fact]], key: String, store: KnowledgeStore
  ) -> Table {
    // One slot per predicate: its latest fact (the first of the newest date; undated last)
    // and how many facts it has; each predicate is hashed once per fact.
    var slot: [String: Int] = [:]
    var latest: [Fact] = []
    var counts: [Int] = []
    for f in facts {
      // Each statement (`said`) is a row of its own; other predicates show their latest.
      guard let i = slot[f.predicate], !FactText.statementPredicates.contains(f.predicate) else {
        slot[f.predicate] = latest.count
        latest.append(f)
        counts.append(1)
        continue
      }
      counts[i] += 1
      if (latest[i].provenance.asOf ?? "") < (f.provenance.asOf ?? "") { latest[i] = f }
    }
    let rank = latest.map { keyRank[$0.predicate] ?? keyPredicates.count }
    let order = latest.indices.sorted { a, b in
      rank[a] != rank[b]
        ? rank[a] < rank[b]
        : latest[a].predicate != latest[b].predicate ? latest[a].predicate < latest[b].predicate : a < b
    }
    let rows: [[Value]] = order.map { i in
      let f = latest[i]
      let (value, unit) = Self.reading(f, store)
      return [
        .string(f.predicate), value, unit, FactText.text(f.qualifier),
        FactText.date(f.provenance.asOf), FactText.text(f.provenance.source),
        .int(Int64(counts[i] - 1)), .bool(conflicts[f.predicate] != nil),
      ]
    }
    let older = counts.contains { $0 > 1 }
    var table = Table(
      columns: ["predicate", "value", "unit", "qualifier", "as_of", "source", "older_values", "conflict"],
      rows: rows, notes: older ? ["older values: facts \(key) --predicate PREDICATE"] : [])
    table.narrowColumns = ["predicate", "value", "unit", "qualifier", "as_of", "source", "conflict"]
    return table
  }

  /// The value and unit as the card shows them: a "1/N of X" claim reads as the source
  /// writes it, with no unit.
  static func reading(_ f: Fact, _ store: KnowledgeStore) -> (Value, Value) {
    if let text = FactText.fraction(f, name: { key in (try? store.node(key: key))??.name }) {
      return (.string(text), .null)
    }
    return (FactText.value(f), FactText.unit(f))
  }

  /// Facts about the groups the entity is a member of (`MEMBER_OF` a `Group`, such as the
  /// combined figures of two companies), each marked with its group; `candidates` are the
  /// entities it has a `MEMBER_OF` edge to.
  static func groupFacts(_ candidates: [EntityRef], _ store: KnowledgeStore) throws -> Table {
    var rows: [[Value]] = []
    var seen: [Int64] = []  // a handful of groups at most
    for group in candidates where !seen.contains(group.id) {
      seen.append(group.id)
      guard try store.node(id: group.id)?.labels.contains("Group") == true else { continue }
      for f in try store.facts(of: group.id) {
        let (value, unit) = Self.reading(f, store)
        rows.append([
          .entity(group), .string(f.predicate), value, unit, FactText.text(f.qualifier),
          FactText.date(f.provenance.asOf), FactText.text(f.provenance.source),
        ])
      }
    }
    var table = Table(
      columns: ["group", "predicate", "value", "unit", "qualifier", "as_of", "source"], rows: rows,
      notes: rows.isEmpty ? [] : ["facts about a group this entity belongs to, not about it alone"])
    table.narrowColumns = ["group", "predicate", "value", "unit", "qualifier", "as_of", "source"]
    return table
  }

  /// Edges out of and into the entity: one row per related entity and type, with the
  /// sources of every edge that records it listed together.
  static func relations(_ relations: [Relation]) -> Table {
    /// One row of the table: the same direction, type and entity.
    struct Key: Hashable {
      var outgoing: Bool
      var type: String
      var other: Int64
    }
    // Rows in the order their first edge comes; each key hashed once per edge.
    var rowOf: [Key: Int] = [:]
    var rows: [(row: [Value], sources: [String])] = []
    for r in relations {
      let key = Key(outgoing: r.outgoing, type: r.type, other: r.other.id)
      let i = rowOf[key, default: rows.count]
      if i == rows.count {
        rowOf[key] = i
        rows.append(([.string(r.outgoing ? "out" : "in"), .string(r.type), .entity(r.other)], []))
      }
      if let source = r.source, !source.isEmpty, !rows[i].sources.contains(source) {
        rows[i].sources.append(source)
      }
    }
    return Table(
      columns: ["direction", "type", "entity", "source"],
      rows: rows.map { $0.row + [FactText.text($0.sources.joinedText(", "))] })
  }
}

import KnowledgeGraph
import ShellCore

/// `show ENTITY`: the entity card — names, key facts, relations, conflicts and sources.
struct ShowCommand: Command {
  let signature = Signature(
    "show", summary: "Show an entity's card: names, facts, relations, conflicts, sources",
    arguments: [Argument("entity", "a name, alias or key in any script or case", completion: .entity)],
    help: "The card shows the latest value of each fact; older values are hinted (see facts ENTITY).",
    examples: [
      Example("show Zhipu", "the card of Zhipu AI", expect: "Zhipu AI"),
      Example("show 智譜", "the same card through a traditional-Chinese alias", expect: "Zhipu AI"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let node = try session.resolve(call.arguments[0])
    let store = session.store
    let facts = try store.facts(of: node.id)
    let (outgoing, incoming) = try store.edges(of: node.id)
    let aliases = try store.aliases(of: node.id).filter { $0 != node.name && $0 != node.key }
    var sections: [(String, Output)] = []
    var entity: [(String, Value)] = [
      ("key", .string(node.key)), ("name", .string(node.name)),
      ("labels", .list(node.labels.map { .string($0) })), ("aliases", .list(aliases.map { .string($0) })),
    ]
    if let d = node.description { entity.append(("description", .string(d))) }
    for (k, v) in node.props.sorted(by: { $0.key < $1.key }) { entity.append((k, v)) }
    sections.append(("entity", .record(entity)))

    let conflicts = FactText.conflicts(facts)
    var latest: [String: Fact] = [:]
    var counts: [String: Int] = [:]
    for f in facts {
      counts[f.predicate, default: 0] += 1
      if let current = latest[f.predicate], (current.provenance.asOf ?? "") >= (f.provenance.asOf ?? "") {
        continue
      }
      latest[f.predicate] = f
    }
    let factRows: [[Value]] = latest.values.sorted { $0.predicate < $1.predicate }.map { f in
      var note = ""
      if conflicts[f.predicate] != nil {
        note = "CONFLICT: sources disagree"
      } else if counts[f.predicate, default: 1] > 1 {
        note = "\(counts[f.predicate]! - 1) older value(s): facts \(node.key) --predicate \(f.predicate)"
      }
      return [
        .string(f.predicate), .string(FactText.value(f)), .string(f.provenance.asOf ?? ""),
        .string(f.provenance.source ?? ""), .string(note),
      ]
    }
    sections.append(
      ("facts", .table(Table(columns: ["predicate", "value", "as of", "source", "note"], rows: factRows))))

    var relRows: [[Value]] = []
    for (e, other) in outgoing {
      relRows.append([.string("→"), .string(e.type), .entity(other.ref), .string(e.provenance.source ?? "")])
    }
    for (e, other) in incoming {
      relRows.append([.string("←"), .string(e.type), .entity(other.ref), .string(e.provenance.source ?? "")])
    }
    sections.append(
      ("relations", .table(Table(columns: ["dir", "type", "entity", "source"], rows: relRows))))

    if !conflicts.isEmpty {
      let rows = conflicts.keys.sorted().flatMap { p in conflicts[p]!.map(FactText.row) }
      sections.append(("conflicts", .table(Table(columns: FactText.columns, rows: rows))))
    }
    let sources = try store.sources(of: node.id)
    sections.append(
      (
        "sources",
        .table(
          Table(
            columns: ["source", "title", "publisher", "published", "citations"],
            rows: sources.map { s, c in
              [
                .string(s.key), .string(s.title ?? s.url ?? ""), .string(s.publisher ?? ""),
                .string(s.published ?? ""), .int(Int64(c)),
              ]
            }))
      ))
    return .sections(sections)
  }
}

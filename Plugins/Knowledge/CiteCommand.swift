import KnowledgeGraph
import ShellCore

/// `cite FACT-OR-ENTITY`: the exact quotes and sources behind a fact or an entity.
struct CiteCommand: Command {
  static let target = Param<String>.argument(
    "target", .entity,
    "a fact id (F0001), reference-row id (I017), relation id (E0007), an entity, or a source"
  ).completing(.factId)
  static let predicate: Param<String?> = .optionalArgument(
    "predicate", .predicate, "with an entity: only the quotes behind its facts of this predicate")

  let signature = Signature(
    "cite",
    summary: "The exact quotes and sources behind a fact (F0001, I017), a relation (E0007) or an entity",
    parameters: [target.spec, predicate.spec],
    help:
      "Given a source's key (the sources command lists them all, a card those it cites), every fact that "
      + "cites it, with its entity, then every relation.",
    examples: [
      Example("cite F0001", "the quote behind fact F0001"),
      Example("cite MiniMax", "every quote about MiniMax with its source"),
      Example("cite Zhipu revenue", "the quotes behind Zhipu AI's revenue figures", expect: "312"),
      Example("cite ref-forfunds-zhipu | first 3", "what one source is cited for"),
      Example("cite E0007", "the source and quote behind a relation", expect: "COMPETES_WITH"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let target = call[Self.target]
    if let predicate = call[Self.predicate] { return try cite(target, predicate, session) }
    var facts = try session.store.facts(key: target)
    if facts.isEmpty, !Self.looksLikeFactID(target), case .notFound = try session.store.resolve(target),
      try session.store.source(key: target) != nil
    {
      return try citing(target, session)
    }
    if facts.isEmpty, Self.looksLikeEdgeID(target), let edge = try session.store.snapshot(.edge, target) {
      return try relation(target, edge, session)
    }
    if facts.isEmpty {
      do {
        facts = try session.store.facts(of: session.resolve(target).id)
      } catch let error as KgshError where error.kind == .notFound && Self.looksLikeEdgeID(target) {
        throw KgshError(
          .notFound, "cite: no relation \(target)",
          hint: "relations ENTITY --explain lists an entity's relations with their ids")
      } catch let error as KgshError where error.kind == .notFound && Self.looksLikeFactID(target) {
        throw KgshError(
          .notFound, "cite: no fact \(target)",
          hint: "facts ENTITY lists the ids of an entity's facts, e.g. facts Zhipu")
      }
    }
    return .table(try quotes(facts, session))
  }

  /// `cite ENTITY PREDICATE`: the quotes behind one entity's facts of one predicate. Two words
  /// that together name an entity (`cite Zhipu AI`) are read as that name.
  func cite(_ target: String, _ predicate: String, _ session: Session) throws -> Output {
    let joined = target + " " + predicate
    let node = try session.resolve(target)
    let facts = try session.store.facts(of: node.id, predicate: predicate)
    if facts.isEmpty {
      if case .found(let named) = try session.store.resolve(joined) {
        return .table(try quotes(session.store.facts(of: named.id), session))
      }
      let known = Array(Set(try session.store.facts(of: node.id).map(\.predicate))).sorted()
      var table = try quotes([], session)
      table.notes = [
        FactsCommand.unknownPredicate(predicate, of: node, known: known) { "cite \(node.key) \($0)" }
      ]
      return .table(table)
    }
    return .table(try quotes(facts, session))
  }

  /// The facts with their quotes and sources, one row each.
  func quotes(_ facts: [Fact], _ session: Session) throws -> Table {
    let rows: [[Value]] = try facts.map { f in
      let source = try f.provenance.source.flatMap { try session.store.source(key: $0) }
      return [
        .string(f.key ?? "#\(f.id)"), .string(f.predicate), FactText.value(f), FactText.unit(f),
        FactText.text(f.qualifier), FactText.text(f.provenance.quote), FactText.text(f.provenance.source),
        FactText.text(source?.publisher), FactText.date(source?.published), FactText.text(source?.url),
      ]
    }
    var table = Table(
      columns: [
        "fact", "predicate", "value", "unit", "qualifier", "quote", "source", "publisher", "published", "url",
      ], rows: rows)
    table.narrowColumns = ["predicate", "value", "quote", "source", "unit", "fact", "qualifier", "published"]
    return table
  }

  /// `cite SOURCE`: the facts that cite it, each with the entity it is about, then the
  /// relations (by their E id: the type as predicate, the other end as value).
  func citing(_ source: String, _ session: Session) throws -> Output {
    let facts = try session.store.facts(citing: source)
    let edges = try session.store.edges(citing: source)
    let entities = try session.store.nodeHeads(
      ids: Array(Set(facts.map(\.nodeID) + edges.flatMap { [$0.src, $0.dst] })))
    func entity(_ id: Int64) -> Value { entities[id].map { .entity($0.ref) } ?? .null }
    var rows: [[Value]] = facts.map { f in
      [
        .string(f.key ?? "#\(f.id)"), entity(f.nodeID), .string(f.predicate),
        FactText.value(f), FactText.unit(f), FactText.text(f.qualifier), FactText.text(f.provenance.quote),
      ]
    }
    rows += edges.map { e in
      [
        .string(e.key ?? "#\(e.id)"), entity(e.src), .string(e.type), entity(e.dst), .null, .null,
        FactText.text(e.provenance.quote),
      ]
    }
    var table = Table(
      columns: ["fact", "entity", "predicate", "value", "unit", "qualifier", "quote"], rows: rows)
    table.narrowColumns = ["entity", "predicate", "value", "quote", "unit", "fact", "qualifier"]
    if rows.isEmpty {
      table.notes = ["no fact or relation cites \(source) yet"]
    } else if !edges.isEmpty {
      table.notes = [
        "\(facts.count.counted("fact")), then \(edges.count.counted("relation")) (E ids: the type, then the other end)"
      ]
    }
    return .table(table)
  }

  /// `cite E0007`: the source and quote behind a relation.
  func relation(_ key: String, _ edge: Value, _ session: Session) throws -> Output {
    let sourceKey = edge.field("source")
    let source = try sourceKey.flatMap { try session.store.source(key: $0) }
    func entity(_ key: String?) throws -> Value {
      guard let key, let node = try session.store.node(key: key) else { return FactText.text(key) }
      return .entity(node.ref)
    }
    return .record([
      ("edge", .string(key)), ("from", try entity(edge.field("src"))),
      ("type", FactText.text(edge.field("type"))),
      ("to", try entity(edge.field("dst"))), ("as_of", FactText.date(edge.field("as_of"))),
      ("quote", FactText.text(edge.field("quote"))), ("source", FactText.text(sourceKey)),
      ("publisher", FactText.text(source?.publisher)), ("published", FactText.date(source?.published)),
      ("url", FactText.text(source?.url)),
    ])
  }

  /// Whether `text` is spelled like a relation id: E0007, UE-B64EE4685775.
  static func looksLikeEdgeID(_ text: String) -> Bool {
    text.wholeMatch(of: /E[0-9]+|UE-[0-9A-F]+/) != nil
  }

  /// Whether `text` is spelled like a fact id: F0001, I017, UF-90EB2DE76654.
  static func looksLikeFactID(_ text: String) -> Bool {
    text.wholeMatch(of: /(F|I)[0-9]+|UF-[0-9A-F]+/) != nil
  }
}

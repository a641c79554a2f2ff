import KnowledgeGraph

/// The vocabulary of a knowledge base in one document, so an assistant knows what to ask
/// for without a round trip per list: labels, relation types, fact predicates and sources,
/// each with its count.
///
/// ```json
/// {"labels": [{"label": "Company", "count": 61}, ...],
///  "relation_types": [{"type": "INVESTS_IN", "count": 120}, ...],
///  "predicates": [{"predicate": "valuation", "facts": 40}, ...],
///  "sources": [{"key": "zhipu-prospectus", "title": "...", "facts": 12, "relations": 3}, ...]}
/// ```
enum SchemaSummary {
  static let predicatesSQL = """
    SELECT predicate, count(*) AS facts FROM fact GROUP BY predicate ORDER BY facts DESC, predicate
    """

  /// The document for `store`, with the `sources` most used sources; when there are more,
  /// `sources_cut` says how many and how to see more.
  /// - Throws: `KgshError` when the store cannot be read.
  static func document(_ store: KnowledgeStore, sources limit: Int = ToolCatalog.defaultRows) throws -> Value
  {
    let labels = try store.labelCounts().map {
      Value.map(["label": .string($0.label), "count": count($0.count)])
    }
    let types = try store.edgeTypeCounts().map {
      Value.map(["type": .string($0.type), "count": count($0.count)])
    }
    let sources = try store.sourceUses().map { use in
      var object: [String: Value] = [
        "key": .string(use.source.key), "facts": count(use.facts), "relations": count(use.relations),
      ]
      for (name, text) in [
        ("title", use.source.title), ("publisher", use.source.publisher), ("published", use.source.published),
      ] {
        if let text { object[name] = .string(text) }
      }
      return Value.map(object)
    }
    var document: [String: Value] = [
      "labels": .list(labels), "relation_types": .list(types),
      "predicates": .list(try objects(store.readOnlyQuery(predicatesSQL))),
      "sources": .list(Array(sources.prefix(limit))),
      "entities": count(try store.nodeCount()),
    ]
    if sources.count > limit {
      document["sources_cut"] = .map([
        "shown": count(limit), "total": count(sources.count),
        "hint": .string(
          "the most used sources come first; schema with max_rows up to \(ToolCatalog.maximumRows) lists more, "
            + "and cite shows the sources behind an entity or a fact"),
      ])
    }
    return .map(document)
  }

  static func count(_ n: Int) -> Value { .int(Int64(n)) }

  /// Query rows as objects keyed by column, leaving out empty cells.
  static func objects(_ result: (columns: [String], rows: [[Value]])) -> [Value] {
    result.rows.map { row in
      .map(
        Dictionary(uniqueKeysWithValues: zip(result.columns, row).filter { !$0.1.isNull }.map { ($0, $1) }))
    }
  }
}

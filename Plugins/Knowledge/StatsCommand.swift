import KnowledgeGraph
import ShellCore

/// `stats`: the size of the knowledge base.
struct StatsCommand: Command {
  let signature = Signature(
    "stats", summary: "Counts of entities, edges, facts, sources and aliases", parameters: [],
    examples: [Example("stats", "how big the knowledge base is")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let names = [
      "node": "entities", "edge": "edges", "fact": "facts", "source": "sources", "alias": "aliases",
    ]
    var fields: [(String, Value)] = [("knowledge_base", .string(session.store.path ?? "memory"))]
    for (table, count) in try session.store.counts() {
      fields.append((names[table] ?? table, .int(Int64(count))))
    }
    fields.append(("labels", .int(Int64(try session.store.labelCounts().count))))
    fields.append(("relation_types", .int(Int64(try session.store.edgeTypeCounts().count))))
    return .record(fields)
  }
}

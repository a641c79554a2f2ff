import KnowledgeGraph
import ShellCore

extension RelationsCommand {
  /// The graph's shape: for each relation type, the label sets of its two ends and how many
  /// edges join them (Neo4j's `db.schema.visualization()` as a table). A node's labels are
  /// named together (`Company, Lab`), so each edge is counted once; most edges first.
  static func schema(_ graph: GraphIndex, type: String?) -> Table {
    var labels = [[String]](repeating: [], count: graph.nodeCount)
    for (l, name) in graph.labelNames.enumerated() {
      for n in graph.labelMembers[l] { labels[Int(n)].append(name) }
    }
    let names = labels.map { $0.isEmpty ? "(no label)" : $0.sorted().joined(separator: ", ") }
    struct Key: Hashable {
      let from: String, type: Int32, to: String
    }
    var counts: [Key: Int] = [:]
    for n in 0..<Int32(graph.nodeCount) {
      for (other, t) in graph.outgoing(n) where type == nil || graph.typeName(t) == type {
        counts[Key(from: names[Int(n)], type: t, to: names[Int(other)]), default: 0] += 1
      }
    }
    let rows = counts.sorted { a, b in
      a.value != b.value
        ? a.value > b.value
        : (a.key.from, graph.typeName(a.key.type), a.key.to) < (
          b.key.from, graph.typeName(b.key.type), b.key.to
        )
    }.map { key, count -> [Value] in
      [.string(key.from), .string(graph.typeName(key.type)), .string(key.to), .int(Int64(count))]
    }
    return Table(columns: ["from", "type", "to", "count"], rows: rows)
  }
}

import KnowledgeGraph
import ShellCore

extension RelationsCommand {
  /// The graph's shape: for each relation type, the label sets of its two ends and how many
  /// edges join them (Neo4j's `db.schema.visualization()` as a table). A node's labels are
  /// named together (`Company, Lab`), so each edge is counted once; most edges first.
  static func schema(_ graph: GraphIndex, type: String?) -> Table {
    // Each node's label set, as bits of one word (up to 64 labels) or as its names.
    let sets = LabelSets(graph)
    struct Key: Hashable {
      let from: Int, type: Int32, to: Int
    }
    var counts: [Key: Int] = [:]
    for n in 0..<Int32(graph.nodeCount) {
      let from = sets.id(of: n)
      for (other, t) in graph.outgoing(n) where type == nil || graph.typeName(t) == type {
        counts[Key(from: from, type: t, to: sets.id(of: other)), default: 0] += 1
      }
    }
    let rows = counts.map { key, count in
      (from: sets.name(key.from), type: graph.typeName(key.type), to: sets.name(key.to), count: count)
    }.sorted { a, b in
      a.count != b.count ? a.count > b.count : (a.from, a.type, a.to) < (b.from, b.type, b.to)
    }
    return Table(
      columns: ["from", "type", "to", "count"],
      rows: rows.map { [.string($0.from), .string($0.type), .string($0.to), .int(Int64($0.count))] })
  }
}

/// The distinct label sets of a graph's nodes, each with a number: a node's set is found by
/// its number, and named once per set (`Company, Lab`; `(no label)` for none).
struct LabelSets {
  private var ids: [Int32]
  private var names: [String] = []

  init(_ graph: GraphIndex) {
    var bits = [UInt64](repeating: 0, count: graph.nodeCount)
    var names = [[String]]()
    let many = graph.labelNames.count > 64
    if many { names = [[String]](repeating: [], count: graph.nodeCount) }
    for (l, name) in graph.labelNames.enumerated() {
      for n in graph.labelMembers[l] {
        if many { names[Int(n)].append(name) } else { bits[Int(n)] |= 1 << UInt64(l) }
      }
    }
    var numbers: [String: Int32] = [:]
    var seen: [UInt64: Int32] = [:]
    ids = []
    ids.reserveCapacity(graph.nodeCount)
    for n in 0..<graph.nodeCount {
      if !many, let known = seen[bits[n]] {
        ids.append(known)
        continue
      }
      let labels =
        many
        ? names[n].sorted()
        : graph.labelNames.indices.filter { bits[n] & (1 << UInt64($0)) != 0 }.map {
          graph.labelNames[$0]
        }.sorted()
      let text = labels.isEmpty ? "(no label)" : labels.joined(separator: ", ")
      let id = numbers[text] ?? Int32(self.names.count)
      if numbers[text] == nil {
        numbers[text] = id
        self.names.append(text)
      }
      if !many { seen[bits[n]] = id }
      ids.append(id)
    }
  }

  func id(of node: Int32) -> Int { Int(ids[Int(node)]) }
  func name(_ id: Int) -> String { names[id] }
}

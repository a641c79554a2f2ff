import KnowledgeGraph
import PluginProtocol
import ShellCore

/// Neighbourhoods and shortest paths for the `neighbors` and `path` engine calls, over the
/// store's adjacency index.
///
/// Small breadth-first searches of its own: ExternalPlugins may not import the Graph plugin.
/// When the graph algorithms move into KnowledgeGraph next to the index, call those instead.
struct PluginGraph {
  let adj: Adjacency
  let store: KnowledgeStore

  init(_ store: KnowledgeStore) throws {
    self.store = store
    adj = try store.adjacency()
  }

  /// A node reached by a search: the edge it was first reached by, from `parent`.
  struct Reached {
    var node: Int32
    var distance: Int
    var parent: Int32
    var type: Int32
    var forward: Bool
  }

  /// The dense index of a resolved node.
  func index(_ node: Node) throws -> Int32 {
    guard let i = adj.index(of: node.id) else { throw ShellError("'\(node.name)' is not in the graph index") }
    return i
  }

  /// Type ids of relation names (nil: every type); an unknown name is an error with a suggestion.
  func types(_ names: [String]?) throws -> Set<Int32>? {
    guard let names, !names.isEmpty else { return nil }
    return Set(
      try names.map { name in
        guard let id = adj.typeID(name) ?? adj.typeID(name.uppercased()) else {
          let near = Names.suggestions(for: name, among: Array(adj.typeNames.values))
          throw ShellError(
            "no relation type '\(name)'", hint: near.first.map { "did you mean \($0)?" } ?? "see relations")
        }
        return Int32(id)
      })
  }

  /// The edges to follow from `node`: (other end, type, whether the edge points away from `node`).
  func steps(_ node: Int32, _ types: Set<Int32>?, _ direction: WireDirection) -> [(Int32, Int32, Bool)] {
    var out: [(Int32, Int32, Bool)] = []
    if direction != .in {
      for (n, t) in adj.outgoing(node) where types?.contains(t) ?? true { out.append((n, t, true)) }
    }
    if direction != .out {
      for (n, t) in adj.incoming(node) where types?.contains(t) ?? true { out.append((n, t, false)) }
    }
    return out
  }

  /// Every node within `depth` hops of `start`, each once at its shortest distance, in
  /// breadth-first order.
  func bfs(from start: Int32, depth: Int, types: Set<Int32>?, direction: WireDirection) throws -> [Reached] {
    var seen = Set<Int32>([start])
    var frontier = [start]
    var reached: [Reached] = []
    for distance in 1...max(1, depth) {
      var next: [Int32] = []
      for node in frontier {
        try checkInterrupt()
        for (other, type, forward) in steps(node, types, direction) where seen.insert(other).inserted {
          next.append(other)
          reached.append(Reached(node: other, distance: distance, parent: node, type: type, forward: forward))
        }
      }
      if next.isEmpty { break }
      frontier = next
    }
    return reached
  }

  /// A shortest path from `from` to `to` of at most `maxLength` hops, or nil.
  func shortestPath(from: Int32, to: Int32, maxLength: Int, types: Set<Int32>?, direction: WireDirection)
    throws -> (nodes: [Int32], hops: [(type: Int32, forward: Bool)])?
  {
    if from == to { return ([from], []) }
    let reached = try bfs(from: from, depth: maxLength, types: types, direction: direction)
    var parent: [Int32: Reached] = [:]
    for r in reached { parent[r.node] = r }
    guard parent[to] != nil else { return nil }
    var nodes = [to]
    var hops: [(type: Int32, forward: Bool)] = []
    var at = to
    while let r = parent[at] {
      hops.insert((r.type, r.forward), at: 0)
      nodes.insert(r.parent, at: 0)
      at = r.parent
    }
    return (nodes, hops)
  }

  /// The nodes of dense indices, with labels, in one query.
  func nodes(_ indices: [Int32]) throws -> [Int32: Node] {
    let heads = try store.nodeHeads(ids: indices.map { adj.nodeIDs[Int($0)] })
    var out: [Int32: Node] = [:]
    for i in indices { out[i] = heads[adj.nodeIDs[Int(i)]] }
    return out
  }

  func typeName(_ t: Int32) -> String { adj.typeNames[Int64(t)] ?? "?" }

  private func checkInterrupt() throws {
    if interruptFlag.load(ordering: .relaxed) { throw ShellError("interrupted", hint: "nothing was changed") }
  }
}

import KnowledgeGraph
import PluginProtocol
import ShellCore

/// The `neighbors` and `path` engine calls' view of the one graph index: name and type
/// lookups around the shared algorithms in `Traversal`.
struct PluginGraph {
  let adj: GraphIndex
  let store: KnowledgeStore

  init(_ store: KnowledgeStore) throws {
    self.store = store
    adj = try store.graphIndex()
  }

  /// The dense index of a resolved node.
  func index(_ node: Node) throws -> Int32 {
    guard let i = adj.index(of: node.id) else {
      throw KgshError(.notFound, "'\(node.name)' is not in the graph index", hint: "it has no relations")
    }
    return i
  }

  /// Type ids of relation names (nil: every type); an unknown name is an error with a suggestion.
  func types(_ names: [String]?) throws -> Set<Int32>? {
    guard let names, !names.isEmpty else { return nil }
    return Set(
      try names.map { name in
        guard let id = adj.typeID(name) ?? adj.typeID(Names.relationType(name)) else {
          throw KgshError.notFound(
            "relation type", name, suggestions: Names.suggestions(for: name, among: adj.typeNames, limit: 1),
            hint: "relations lists them")
        }
        return id
      })
  }

  static func filter(_ types: Set<Int32>?, _ direction: WireDirection) -> EdgeFilter {
    EdgeFilter(types: types, direction: TraversalDirection(rawValue: direction.rawValue) ?? .both)
  }

  /// Every node within `depth` hops of `start`, each once at its shortest distance.
  func bfs(from start: Int32, depth: Int, types: Set<Int32>?, direction: WireDirection) throws -> [Reached] {
    try Traversal.bfs(
      adj, from: start, maxDepth: max(1, depth), filter: Self.filter(types, direction),
      interrupt: checkInterrupt)
  }

  /// A shortest path from `from` to `to` of at most `maxLength` hops, or nil.
  func shortestPath(from: Int32, to: Int32, maxLength: Int, types: Set<Int32>?, direction: WireDirection)
    throws -> GraphPath?
  {
    try Traversal.shortestPath(
      adj, from: from, to: to, filter: Self.filter(types, direction), maxLength: maxLength,
      interrupt: checkInterrupt)
  }

  /// The nodes of dense indices, with labels, in one query.
  func nodes(_ indices: [Int32]) throws -> [Int32: Node] {
    let heads = try store.nodeHeads(ids: indices.map { adj.nodeIDs[Int($0)] })
    var out: [Int32: Node] = [:]
    for i in indices { out[i] = heads[adj.nodeIDs[Int(i)]] }
    return out
  }

  func typeName(_ t: Int32) -> String { adj.typeName(t) }

  private func checkInterrupt() throws {
    if interruptFlag.load(ordering: .relaxed) { throw KgshError.interrupted }
  }
}

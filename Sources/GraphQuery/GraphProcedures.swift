import KnowledgeGraph

/// kgsh's own procedures, which work on the graph rather than on values:
///
///     CALL kgsh.shortestPath('Zhipu', 'Tencent') YIELD path, length
///     CALL kgsh.allShortestPaths(a, b) YIELD path
///
/// Each end is a node or a name (key, name or alias, as `show` resolves it); relationships
/// of any type are followed in either direction. They run the same search as the
/// `shortestPath((a)-[*]-(b))` pattern.
enum GraphProcedures {
  /// The names as written in queries (matched in any case).
  static let names = ["kgsh.shortestPath", "kgsh.allShortestPaths"]

  static func mode(_ name: String) -> ShortestMode? {
    switch name.lowercased() {
    case "kgsh.shortestpath": return .one
    case "kgsh.allshortestpaths": return .all
    default: return nil
    }
  }

  /// The contract `CALL` checks arguments and `YIELD` against.
  static func signature(_ name: String) -> Procedure? {
    guard mode(name) != nil else { return nil }
    return Procedure(
      name: name, inputs: [.init("from", "ANY"), .init("to", "ANY")],
      outputs: [.init("path", "PATH"), .init("length", "INTEGER")]
    ) { _ in [] }
  }

  /// The output rows for one call: one per shortest path (none when the ends do not connect).
  static func rows(_ mode: ShortestMode, _ name: String, _ args: [QValue], _ evaluator: Evaluator) throws
    -> [[QValue]]
  {
    guard let from = try end(args[0], "from", name, evaluator),
      let to = try end(args[1], "to", name, evaluator)
    else { return [] }
    let at = SourcePosition(line: 0, column: 0)
    let pattern = PathPattern(
      name: " path",
      nodes: [
        NodePattern(variable: " from", labels: [], properties: nil, position: at),
        NodePattern(variable: " to", labels: [], properties: nil, position: at),
      ],
      relationships: [
        RelationshipPattern(
          variable: nil, types: [], direction: .both, properties: nil, length: (min: 0, max: nil),
          position: at)
      ],
      position: at, shortest: mode)
    var scope = Scope()
    _ = scope.add(" from", .node)
    _ = scope.add(" to", .node)
    let found = try evaluator.comprehension(
      pattern, nil, .variable(" path", at), [.node(from), .node(to)], scope)
    guard case .list(let paths) = found else { return [] }
    return paths.map { path in
      guard case .path(_, let relationships) = path else { return [path, .null] }
      return [path, .int(Int64(relationships.count))]
    }
  }

  /// A node argument as a node of the graph: a node, or a name that finds exactly one.
  static func end(_ value: QValue, _ field: String, _ procedure: String, _ evaluator: Evaluator) throws
    -> Int32?
  {
    switch value {
    case .null: return nil
    case .node(let n): return n
    case .string(let text):
      let graph = evaluator.graph
      let found = Set(try graph.store.queryNodeIDs(keyOrName: text).compactMap { graph.indexOfID($0) })
      guard found.count == 1, let node = found.first else {
        let problem = found.isEmpty ? "finds no entity" : "finds \(found.count) entities"
        throw KgshError.runtime(
          "\(procedure): '\(field)' = '\(text)' \(problem); give its key or a node from MATCH",
          code: "InvalidArgumentValue")
      }
      return node
    default:
      throw KgshError.runtime(
        "\(procedure) takes a node or a name for '\(field)', not \(value.typeNameWithArticle)",
        code: "InvalidArgumentType")
    }
  }
}

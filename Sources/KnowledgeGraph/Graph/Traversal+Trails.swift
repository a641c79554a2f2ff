extension Traversal {
  /// Depth-first enumeration of trails (walks that use no edge twice) from `start`, of at
  /// most `maxLength` edges (nil: unbounded, ends when every edge is used). Cypher's
  /// variable-length relationships (`-[*1..3]->`) are such trails.
  ///
  /// - Parameters:
  ///   - edges: a node's (edge, other end) pairs that may be followed.
  ///   - enter: whether an edge may extend the trail (it may record it in `state`); an
  ///     edge already on the trail is refused before `enter` is asked.
  ///   - leave: undoes what `enter` recorded, after the trails through that edge are done.
  ///   - visit: called for every trail, the empty one first, with its last node and edges.
  public static func trails<State>(
    from start: Int32, maxLength: Int?, state: inout State,
    edges: (Int32) -> [(edge: Int32, other: Int32)],
    enter: (Int32, inout State) throws -> Bool, leave: (Int32, inout State) -> Void,
    visit: (Int32, [Int32], inout State) throws -> Void
  ) throws {
    var trail: [Int32] = []
    func walk(_ node: Int32) throws {
      try visit(node, trail, &state)
      if let maxLength, trail.count >= maxLength { return }
      for (e, other) in edges(node) where !trail.contains(e) {
        guard try enter(e, &state) else { continue }
        trail.append(e)
        try walk(other)
        trail.removeLast()
        leave(e, &state)
      }
    }
    try walk(start)
  }
}

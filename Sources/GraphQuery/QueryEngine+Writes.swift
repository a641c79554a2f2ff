import KnowledgeGraph

extension QueryEngine {
  /// Whether a query would write (CREATE, MERGE, SET, REMOVE or DELETE), without running it.
  ///
  /// Used to keep callers that may only read (plugins without the `write` feature) read-only.
  /// - Throws: `KgshError` when the query does not parse.
  public static func writes(_ text: String) throws -> Bool {
    let query = try Parser.parse(text)
    return ([query] + query.unionParts).contains { $0.clauses.contains(where: \.isWrite) }
  }
}

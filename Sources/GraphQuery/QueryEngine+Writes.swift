import KnowledgeGraph

extension QueryEngine {
  /// Whether a query would write (has a CREATE clause), without running it.
  ///
  /// Used to keep callers that may only read (plugins without the `write` feature) read-only.
  /// - Throws: `KgshError` when the query does not parse.
  public static func writes(_ text: String) throws -> Bool {
    try Parser.parse(text).clauses.contains(where: \.isWrite)
  }
}

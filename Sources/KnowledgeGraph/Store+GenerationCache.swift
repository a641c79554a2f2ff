extension KnowledgeStore {
  /// A value computed from the whole knowledge base (such as every property key a query
  /// may use), built once and kept until any process commits a write (`generation`).
  public func cachedPerGeneration<T: Sendable>(_ key: String, _ build: () throws -> T) throws -> T {
    let current = generation
    if let hit = generationCache.withLock({ $0[key] }), hit.generation == current, let value = hit.value as? T {
      return value
    }
    let value = try build()
    generationCache.withLock { $0[key] = (current, value) }
    return value
  }
}

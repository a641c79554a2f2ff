import KnowledgeGraph

extension Session {
  /// The refusal for a FACT argument given an entity, and maybe a predicate, where a fact id
  /// belongs (`fact correct Zhipu employees 850`): it names the entity's facts of that
  /// predicate with their values, and the line rewritten with the first id. Nil when the
  /// first word is a fact id or names no entity.
  public func factIDRefusal(command: String, words: [String]) -> KgshError? {
    guard let first = words.first, ((try? store.facts(key: first)) ?? []).isEmpty,
      let node = try? resolve(first)
    else { return nil }
    let named = "'\(first)' names the entity \(node.name)"
    let predicate = words.dropFirst().first
    let facts = predicate.map { (try? store.facts(of: node.id, predicate: $0)) ?? [] } ?? []
    guard let id = facts.first?.key, let predicate else {
      return KgshError(
        .usage, "\(command): FACT is a fact id, and \(named)",
        hint: "its fact ids are in the first column of facts \(Shell.quoteIfNeeded(node.name))")
    }
    let listed = facts.prefix(5).compactMap { f in f.key.map { "\($0) (\(ValueFormat.human(f.value)))" } }
    let more = facts.count > listed.count ? ", and \(facts.count - listed.count) more" : ""
    let line = ([command, id] + words.dropFirst(2).map(Shell.quoteIfNeeded)).joinedText(" ")
    return KgshError(
      .usage,
      "\(command): FACT is a fact id, and \(named); its \(predicate) "
        + (facts.count == 1 ? "fact is " : "facts are ") + listed.joinedText(", ") + more,
      hint: "e.g. \(line)")
  }
}

import KnowledgeGraph
import ShellCore

/// `find TEXT`: ranked search over names, aliases and quotes.
struct FindCommand: Command {
  static let text = Param<[String]>.arguments("text", .entity, "words to look for (Chinese works too)")
  static let limit = Param.option("limit", .integer(min: 1), default: 20, "at most N results")
  static let prefix = Param.toggle(
    "prefix", "only names and aliases that start with the text, in name order (fast)")
  static let count = Param.toggle("count", "with --prefix: only count the entities")

  let signature = Signature(
    "find", aliases: ["search"], summary: "Search entities by name, alias or quoted text",
    parameters: [text.spec, limit.spec, prefix.spec, count.spec],
    examples: [
      Example("find GLM", "entities named like GLM", expect: "GLM-4.5"),
      Example("find zhi --prefix", "names starting with Zhi (case and script folded)", expect: "Zhipu AI"),
      Example("find zhi --prefix --count", "how many names start with Zhi"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let text = call[Self.text].joinedText(" ")
    guard !Trim.spacesAndNewlines(text).isEmpty else {
      throw KgshError.usage("find: the text to look for is empty", signature)
    }
    let limit = call[Self.limit]
    if call[Self.count] {
      guard call[Self.prefix] else {
        throw KgshError(
          .usage, "find: --count needs --prefix",
          hint: "find \(text) --prefix --count, or find \(text) | count")
      }
      let total = try session.store.nodes(namePrefix: text, limit: 0).total
      return .table(Table(columns: ["count"], rows: [[.int(Int64(total))]]))
    }
    if call[Self.prefix] {
      let (nodes, total) = try session.store.nodes(namePrefix: text, limit: limit)
      return .table(
        Table(
          columns: ["name", "key", "labels"],
          rows: nodes.map { [.entity($0.ref), .string($0.key), FactText.labels($0)] },
          notes: total == 0 ? ["no name starts with '\(text)'"] : [],
          limitCut: total > nodes.count ? .of(total) : nil))
    }
    // The first search after a big import writes the names' search entries first (seconds
    // for a million entities): a progress bar on a terminal says so.
    let bar = ProgressBar(session, title: "find")
    defer { bar.finish() }
    let (hits, matched, atLeast) = try session.store.searchCounting(
      text, limit: limit, progress: { bar.update($0.phase, done: $0.done, total: $0.total) })
    return .table(
      Table(
        columns: ["name", "key", "labels", "matched", "score"],
        rows: hits.map { h in
          [
            .entity(h.node.ref), .string(h.node.key), FactText.labels(h.node), .string(h.matched),
            .int(Int64(h.score)),
          ]
        },
        notes: hits.isEmpty ? [Self.noMatch(text)] : [],
        limitCut: matched > hits.count ? .of(matched, atLeast: atLeast) : nil))
  }

  /// `no match for 'x'`; text with no letter or digit (`*`, `?`) is read as text, not a pattern: the
  /// note says what lists everything.
  static func noMatch(_ text: String) -> String {
    guard !text.contains(where: { $0.isLetter || $0.isNumber }) else { return "no match for '\(text)'" }
    return
      "no match for '\(text)': find looks for text in names and facts, not a pattern; list shows every entity, "
      + "list LABEL those of one label"
  }
}

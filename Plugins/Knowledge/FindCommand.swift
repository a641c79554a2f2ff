import KnowledgeGraph
import ShellCore

/// `find TEXT`: ranked search over names, aliases and quotes.
struct FindCommand: Command {
  static let text = Param<[String]>.arguments("text", .entity, "words to look for (Chinese works too)")
  static let limit = Param.option("limit", .integer(min: 1), default: 20, "at most N results")
  static let prefix = Param.toggle(
    "prefix", "only names and aliases that start with the text, in name order (fast)")
  static let count = Param.toggle("count", "only count the matching entities")
  static let label: Param<String?> = .option("label", .label, "only entities with this label")
  /// How many matches a search with --label reads before it keeps the label's.
  static let labelledWindow = 500

  let signature = Signature(
    "find", aliases: ["search"], summary: "Search entities by name, alias or quoted text",
    parameters: [text.spec, limit.spec, prefix.spec, count.spec, label.spec],
    examples: [
      Example("find GLM", "entities named like GLM", expect: "GLM-4.5"),
      Example("find zhi --prefix", "names starting with Zhi (case and script folded)", expect: "Zhipu AI"),
      Example("find zhi --prefix --count", "how many names start with Zhi"),
      Example("find GLM --label Company", "only the companies among the matches", expect: "Zhipu AI"),
      Example("find 智谱 --count", "how many entities the search finds"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let text = call[Self.text].joinedText(" ")
    guard !Trim.spacesAndNewlines(text).isEmpty else {
      throw KgshError.usage("find: the text to look for is empty", signature)
    }
    let limit = call[Self.limit]
    let label = try call[Self.label].map(session.resolveLabel)
    if call[Self.count] { return try count(text, label: label, prefix: call[Self.prefix], session) }
    if call[Self.prefix] { return try Self.prefixed(text, label: label, limit: limit, session) }
    // The first search after a big import writes the names' search entries first (seconds
    // for a million entities): a progress bar on a terminal says so.
    let bar = ProgressBar(session, title: "find")
    defer { bar.finish() }
    let (read, matched, atLeast) = try session.store.searchCounting(
      text, limit: label == nil ? limit : Self.labelledWindow,
      progress: { bar.update($0.phase, done: $0.done, total: $0.total) })
    var hits = read
    var cut: LimitCut? = matched > read.count ? .of(matched, atLeast: atLeast) : nil
    var notes = hits.isEmpty ? [try Self.noMatch(text, session)] : []
    if let label {
      (hits, cut, notes) = Self.labelled(
        read, label, limit: limit, unread: matched > read.count, what: "best matches of '\(text)'"
      ) { $0.node.labels }
      if read.isEmpty { notes = [try Self.noMatch(text, session)] }
    }
    return .table(
      Table(
        columns: ["name", "key", "labels", "matched", "score"],
        rows: hits.map { h in
          [
            .entity(h.node.ref), .string(h.node.key), FactText.labels(h.node), .string(h.matched),
            .int(Int64(h.score)),
          ]
        },
        notes: notes, limitCut: cut))
  }

  /// `find TEXT --count`: how many entities match (every name with --prefix; a search
  /// reads at most 500 matches of each kind, so a larger count is a lower bound, said so).
  private func count(_ text: String, label: String?, prefix: Bool, _ session: Session) throws -> Output {
    guard label == nil else {
      throw KgshError(
        .usage, "find: --count counts every match, not one label's",
        hint:
          "find \(text)\(prefix ? " --prefix" : "") --label \(label!) --limit \(Self.labelledWindow) | count")
    }
    if prefix {
      let total = try session.store.nodes(namePrefix: text, limit: 0).total
      return .table(Table(columns: ["count"], rows: [[.int(Int64(total))]]))
    }
    let (_, matched, atLeast) = try session.store.searchCounting(text, limit: 1)
    let notes =
      atLeast
      ? ["at least \(matched): the search stops at 500 matches of a kind; a longer text narrows it"] : []
    return .table(Table(columns: ["count"], rows: [[.int(Int64(matched))]], notes: notes))
  }

  /// `find TEXT --prefix`: names starting with the text, in folded-name order.
  static func prefixed(_ text: String, label: String?, limit: Int, _ session: Session) throws -> Output {
    let (read, total) = try session.store.nodes(
      namePrefix: text, limit: label == nil ? limit : Self.labelledWindow)
    var nodes = read
    var cut: LimitCut? = total > read.count ? .of(total) : nil
    var notes = total == 0 ? ["no name starts with '\(text)'"] : []
    if let label {
      (nodes, cut, notes) = Self.labelled(
        read, label, limit: limit, unread: total > read.count, what: "names starting with '\(text)'"
      ) { $0.labels }
    }
    return .table(
      Table(
        columns: ["name", "key", "labels"],
        rows: nodes.map { [.entity($0.ref), .string($0.key), FactText.labels($0)] },
        notes: notes, limitCut: cut))
  }

  /// The rows of `read` (the first `labelledWindow` of a search or a prefix) that carry
  /// `label`, the first `limit` of them, the cut that says how many there were, and a note when
  /// more rows than were read matched, so more of the label's may exist.
  static func labelled<Row>(
    _ read: [Row], _ label: String, limit: Int, unread: Bool, what: String, labels: (Row) -> [String]
  ) -> ([Row], LimitCut?, [String]) {
    let kept = read.filter { labels($0).contains(label) }
    let cut: LimitCut? = kept.count > limit ? .of(kept.count, atLeast: unread) : nil
    var notes: [String] = []
    if kept.isEmpty {
      notes.append("none of the \(read.count.counted("match", plural: "matches")) is labelled \(label)")
    }
    if unread {
      notes.append(
        "--label looked at the first \(read.count) \(what); a longer text narrows the search")
    }
    return (Array(kept.prefix(limit)), cut, notes)
  }

  /// `no match for 'x'`; text with no letter or digit (`*`, `?`) is read as text, not a pattern: the
  /// note says what lists everything.
  /// A typo (`find 智普`) gets the nearest names, as `show` offers them.
  static func noMatch(_ text: String, _ session: Session) throws -> String {
    if case .notFound(let near) = try session.store.resolve(text), !near.isEmpty {
      let quoted = near.map { "'\($0)'" }
      let listed = quoted.count == 1 ? quoted[0] : quoted.dropLast().joinedText(", ") + " or " + quoted.last!
      return "no match for '\(text)'; did you mean \(listed)?"
    }
    return noMatch(text)
  }

  static func noMatch(_ text: String) -> String {
    guard !text.contains(where: { $0.isLetter || $0.isNumber }) else { return "no match for '\(text)'" }
    return
      "no match for '\(text)': find looks for text in names and facts, not a pattern; list shows every entity, "
      + "list LABEL those of one label"
  }
}

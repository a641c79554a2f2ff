import KnowledgeGraph
import ShellCore

/// `history [N]`: the statements run in this interactive session, or re-run entry N (echoed
/// first). `history ENTITY|FACT-ID|SOURCE [--author A] [--since DATE]` lists the knowledge
/// base's change records instead, newest first.
struct HistoryCommand: Command {
  static let what: Param<String?> = .optionalArgument(
    "what", .text, "N runs entry N again; an entity, fact id or source key lists its changes")
  static let author: Param<String?> = .option("author", .text, "only changes by this author")
  static let since: Param<String?> = .option("since", .date, "only changes made on or after this date")
  static let changes = Param.toggle("changes", "list every change record of the knowledge base")
  static let limit: Param<Int?> = .option("limit", .integer(min: 1), "only the N newest change records")
  static let layer: Param<String?> = .option(
    "layer", .choice(["user", "imported", "team", "builtin", "people", "all"]),
    "only this layer's records (default: people's changes for the whole log, all layers for one target)")
  let signature = Signature(
    "history",
    summary:
      "Statements run in this session (history N runs entry N again), or the change log of an entity or fact",
    parameters: [what.spec, author.spec, since.spec, changes.spec, layer.spec, limit.spec],
    help: """
      With no argument, the statements typed in this session. With an entity, fact id or source \
      key, or with --author, --since or --changes, the change records of the knowledge base \
      (who changed what, when, from which source), newest first. The whole log leaves out the \
      built-in layer (the records of Knowledge/) unless --layer builtin or all asks for it.
      """,
    examples: [
      Example("history", "what you typed so far"),
      Example("history F0001", "where a built-in fact comes from: its record from Knowledge/"),
      Example(
        "history --changes --layer builtin --limit 2", "the two newest records of the built-in layer",
        expect: "limit reached"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let what = call[Self.what]
    let wantsLog =
      call[Self.changes] || call[Self.author] != nil || call[Self.since] != nil || call[Self.layer] != nil
      || call[Self.limit] != nil
    if let what, let n = Int(what), !wantsLog { return try rerun(n, session) }
    guard what != nil || wantsLog else { return .table(Self.statements(session)) }
    return .table(
      try ChangeHistory.table(
        about: what, author: call[Self.author], since: call[Self.since],
        layers: ChangeHistory.layers(call[Self.layer] ?? (what == nil ? "people" : "all")),
        limit: call[Self.limit], session: session))
  }

  func rerun(_ n: Int, _ session: Session) throws -> Output {
    guard n >= 1, n <= session.history.count else {
      throw KgshError(
        .notFound, "history: no entry \(n)",
        hint: session.history.isEmpty ? "history is empty" : "pick 1 to \(session.history.count)")
    }
    let statement = session.history[n - 1]
    guard !statement.hasPrefix("history") else {
      throw KgshError(
        .invalidValue, "history: entry \(n) is itself a history command", hint: "pick another entry")
    }
    // Like a shell's !N: show what runs before its output.
    session.out.write(statement + "\n")
    return try session.shell?.evaluate(text: statement) ?? .empty
  }

  static func statements(_ session: Session) -> Table {
    Table(
      columns: ["#", "statement"],
      rows: session.history.enumerated().map { [.int(Int64($0.offset + 1)), .string($0.element)] },
      notes: session.history.isEmpty ? ["no history yet (only interactive statements are kept)"] : [])
  }
}

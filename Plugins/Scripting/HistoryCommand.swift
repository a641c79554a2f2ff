import ShellCore

/// `history [N]`: the statements run in this interactive session, or re-run entry N.
struct HistoryCommand: Command {
  let signature = Signature(
    "history", summary: "Statements run in this session; history N runs entry N again",
    arguments: [Argument("n", "the entry to run again", optional: true)],
    examples: [Example("history", "what you typed so far", expect: "history")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    if let text = call.argument(0) {
      guard let n = Int(text), n >= 1, n <= session.history.count else {
        throw ShellError(
          "history: no entry '\(text)'",
          hint: session.history.isEmpty ? "history is empty" : "pick 1 to \(session.history.count)")
      }
      let statement = session.history[n - 1]
      guard !statement.hasPrefix("history") else {
        throw ShellError("history: entry \(n) is itself a history command")
      }
      return try session.shell?.evaluate(text: statement) ?? .empty
    }
    return .table(
      Table(
        columns: ["#", "statement"],
        rows: session.history.enumerated().map { [.int(Int64($0.offset + 1)), .string($0.element)] },
        notes: session.history.isEmpty ? ["no history yet (only interactive statements are kept)"] : []))
  }
}

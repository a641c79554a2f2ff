import ShellCore

/// `history`: the statements run in this interactive session.
struct HistoryCommand: Command {
  let signature = Signature(
    "history", summary: "Statements run in this session",
    examples: [Example("history", "what you typed so far", expect: "history")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    .table(
      Table(
        columns: ["#", "statement"],
        rows: session.history.enumerated().map { [.int(Int64($0.offset + 1)), .string($0.element)] },
        notes: session.history.isEmpty ? ["no history yet (only interactive statements are kept)"] : []))
  }
}

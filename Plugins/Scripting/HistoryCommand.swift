import KnowledgeGraph
import ShellCore

/// `history [N]`: the statements run in this interactive session, or re-run entry N (echoed first).
struct HistoryCommand: Command {
  static let n: Param<Int?> = .optionalArgument("n", .integer(min: 1), "the entry to run again")
  let signature = Signature(
    "history", summary: "Statements run in this session; history N runs entry N again",
    parameters: [n.spec],
    examples: [Example("history", "what you typed so far")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    if let n = call[Self.n] {
      guard n <= session.history.count else {
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
    return .table(
      Table(
        columns: ["#", "statement"],
        rows: session.history.enumerated().map { [.int(Int64($0.offset + 1)), .string($0.element)] },
        notes: session.history.isEmpty ? ["no history yet (only interactive statements are kept)"] : []))
  }
}

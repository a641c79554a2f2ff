/// `quit [STATUS]` / `exit`: leave the shell.
struct QuitCommand: Command {
  static let status: Param<Int?> = .optionalArgument(
    "status", .integer(min: 0, max: 255), "exit status (default 0)")
  let signature = Signature(
    "quit", aliases: ["exit"], summary: "Leave the shell",
    parameters: [status.spec],
    examples: [Example("quit", "leave kgsh")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let shell = session.shell else { return .empty }
    if let status = call[Self.status] { shell.exitStatus = Int32(status) }
    shell.shouldExit = true
    return .empty
  }
}

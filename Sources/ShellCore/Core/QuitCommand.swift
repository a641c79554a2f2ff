/// `quit [STATUS]` / `exit`: leave the shell.
struct QuitCommand: Command {
  let signature = Signature(
    "quit", aliases: ["exit"], summary: "Leave the shell",
    arguments: [Argument("status", "exit status (default 0)", optional: true)],
    examples: [Example("quit", "leave kgsh")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard let shell = session.shell else { return .empty }
    if let text = call.argument(0) {
      guard let status = Int32(text) else { throw ShellError("quit takes a number, not '\(text)'") }
      shell.exitStatus = status
    }
    shell.shouldExit = true
    return .empty
  }
}

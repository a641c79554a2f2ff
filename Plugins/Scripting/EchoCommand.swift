import ShellCore

/// `echo TEXT...`: prints its arguments (variables expanded).
struct EchoCommand: Command {
  static let text = Param<[String]>.arguments("text", .text, minimum: 0, "words to print; $var is expanded")
  let signature = Signature(
    "echo", summary: "Print text",
    parameters: [text.spec],
    examples: [Example("echo hello world", "print a line")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    .message(call[Self.text].joinedText(" "))
  }
}

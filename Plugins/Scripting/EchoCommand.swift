import ShellCore

/// `echo TEXT...`: prints its arguments (variables expanded).
struct EchoCommand: Command {
  let signature = Signature(
    "echo", summary: "Print text",
    arguments: [Argument("text", "words to print; $var is expanded", optional: true, variadic: true)],
    examples: [Example("echo hello world", "print a line", expect: "hello world")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    .message(call.arguments.joined(separator: " "))
  }
}

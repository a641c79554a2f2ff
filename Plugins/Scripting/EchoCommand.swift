import ShellCore

/// `echo TEXT...`: prints its arguments (variables expanded).
struct EchoCommand: Command {
  static let text = Param<[String]>.arguments("text", .text, minimum: 0, "words to print; $var is expanded")
  let signature = Signature(
    "echo", summary: "Print text",
    parameters: [text.spec],
    examples: [Example("echo hello world", "print a line")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    // `echo $rows`: a stored table (or a row of one) prints as a table, as print shows it,
    // not as its rows' text run together.
    if !call.argumentValues.isEmpty, call.argumentValues.allSatisfy(PrintCommand.isRow) {
      return PrintCommand.output(call.argumentValues, session)
    }
    return .message(call[Self.text].joinedText(" "))
  }
}

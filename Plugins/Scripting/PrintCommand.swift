import ShellCore

/// `print $var`: a variable's value in the session's format (a stored table as a table).
struct PrintCommand: Command {
  let signature = Signature(
    "print", summary: "Show a variable's value in the output format",
    arguments: [Argument("value", "$var, or text with $vars in it", completion: .variable)],
    examples: [Example("let n = 42; print $n", "print a number", expect: "42")],
    takesRawText: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let text = call.rawText.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { throw ShellError("print needs a value", hint: "e.g. print $rows") }
    var name = text.dropFirst()
    if name.hasPrefix("{"), name.hasSuffix("}") { name = name.dropFirst().dropLast() }
    if text.hasPrefix("$"), !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
      return ScriptValues.output(
        of: try session.variable(String(name)),
        columns: ScriptValues.columns(String(name), session))
    }
    return .message(ScriptValues.unquote(try ScriptValues.expand(text, session)))
  }
}

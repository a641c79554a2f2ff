import ShellCore

/// `assert A OP B`: fails the script unless the comparison holds.
struct AssertCommand: Command {
  static let operators = ["==", "!=", ">=", "<=", ">", "<"]

  let signature = Signature(
    "assert", summary: "Fail unless A == B (or !=, <, >, <=, >=) holds",
    arguments: [
      Argument("expression", "A OP B over numbers or strings; $vars are expanded", completion: .variable)
    ],
    help: "Numbers compare as numbers, anything else as text. Quote strings with spaces.",
    examples: [Example("let n = 3; assert $n >= 2; echo ok", "check a value", expect: "ok")],
    takesRawText: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let text = call.rawText.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let (range, op) = ScriptValues.findOperator(text, Self.operators) else {
      throw ShellError("assert needs A OP B", hint: "OP is one of ==, !=, <, >, <=, >=; e.g. assert $n == 3")
    }
    let a = ScriptValues.unquote(try ScriptValues.expand(String(text[..<range.lowerBound]), session))
    let b = ScriptValues.unquote(try ScriptValues.expand(String(text[range.upperBound...]), session))
    if ScriptValues.holds(op, .string(a), .string(b)) { return .empty }
    let expected = op == "==" ? b : op == "!=" ? "anything but \(b)" : "\(op) \(b)"
    throw ShellError("assertion failed: got \(a), expected \(expected)")
  }
}

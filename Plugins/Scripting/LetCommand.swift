import KnowledgeGraph
import ShellCore

/// `let NAME = VALUE`: a string, number, list or a command's structured output.
struct LetCommand: Command {
  let signature = Signature(
    "let", summary: "Set a variable to a value or to a command's output",
    arguments: [
      Argument("assignment", "NAME = \"text\" | NUMBER | [a, b] | $var | COMMAND", completion: .command)
    ],
    help: "A table is stored as a list of rows (maps); print $NAME shows it again.",
    examples: [
      Example("let company = \"Zhipu AI\"; print $company", "store a string", expect: "Zhipu AI"),
      Example("let rows = find GLM; print $rows", "store a command's table", expect: "GLM"),
    ],
    takesRawText: true, takesPipeline: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let text = call.rawText.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let eq = text.firstIndex(of: "=") else {
      throw ShellError("let needs NAME = VALUE", hint: "e.g. let company = \"Zhipu AI\"")
    }
    var name = text[..<eq].trimmingCharacters(in: .whitespaces)
    if name.hasPrefix("$") { name.removeFirst() }
    guard let first = name.first, first.isLetter || first == "_",
      name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
    else {
      throw ShellError(
        "let: '\(name)' is not a variable name", hint: "use letters, digits and _, e.g. let rows = find GLM")
    }
    let rest = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces)
    guard !rest.isEmpty else {
      throw ShellError("let \(name): missing the value after =", hint: "e.g. let \(name) = 42")
    }
    let (value, columns) = try value(rest, session)
    session.variables[name] = value
    ScriptValues.setColumns(name, columns, session)
    return .empty
  }

  /// The value, with the column order when it came from a table.
  func value(_ text: String, _ session: Session) throws -> (Value, [String]) {
    if text.hasPrefix("$"), text.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
      let other = String(text.dropFirst())
      return (try session.variable(other), ScriptValues.columns(other, session))
    }
    if let scalar = try scalar(text, session) { return (scalar, []) }
    guard let shell = Shell.of(session) else { throw ShellError("let: no shell to run '\(text)'") }
    let output = try shell.evaluate(text: text)
    return (ScriptValues.value(of: output), output.asTable?.columns ?? [])
  }

  func scalar(_ text: String, _ session: Session) throws -> Value? {
    if text.hasPrefix("\"") {
      guard case .string(let s)? = ScriptValues.literal(text) else {
        throw ShellError("let: unterminated string \(text)", hint: "close it with \"")
      }
      return .string(try ScriptValues.expand(s, session))
    }
    if text.hasPrefix("[") {
      return ScriptValues.literal(try ScriptValues.expand(text, session)) ?? .string(text)
    }
    return ScriptValues.literal(text)
  }
}

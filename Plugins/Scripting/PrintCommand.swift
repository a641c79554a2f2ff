import KnowledgeGraph
import ShellCore

/// `print $var`: a variable's value in the session's format (a stored table as a table).
struct PrintCommand: Command {
  let signature = Signature(
    "print", summary: "Show a variable's value in the output format",
    arguments: [
      Argument(
        "value", "$var, or text with $vars in it", completion: .variable, optional: true, variadic: true)
    ],
    examples: [Example("let n = 42; print $n", "print a number", expect: "42")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let values = call.argumentValues
    guard !values.isEmpty else { throw ShellError("print needs a value", hint: "e.g. print $rows") }
    // A stored table arrives as its rows, one word each.
    if values.allSatisfy({ if case .map = $0 { true } else { false } }) {
      let table = Value.list(values)
      let name = session.variables.first { $0.value == table }?.key
      return ScriptValues.output(of: table, columns: name.map { ScriptValues.columns($0, session) } ?? [])
    }
    if values.count == 1 { return ScriptValues.output(of: values[0]) }
    return .message(call.arguments.joined(separator: " "))
  }
}

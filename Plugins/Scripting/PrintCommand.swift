import KnowledgeGraph
import ShellCore

/// `print $var`: a variable's value in the session's format (a stored table as a table).
struct PrintCommand: Command {
  static let value = Param<[Value]>.arguments(
    "value", .variable, minimum: 0, "$var, or text with $vars in it")
  let signature = Signature(
    "print", summary: "Show a variable's value in the output format",
    parameters: [value.spec],
    examples: [Example("let n = 42; print $n", "print a number")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let values = call[Self.value]
    guard !values.isEmpty else { throw KgshError.usage("print needs a value", signature) }
    // A stored table arrives as its rows, one word each.
    if values.allSatisfy({ if case .map = $0 { true } else { false } }) {
      let table = Value.list(values)
      let name = session.variables.first { $0.value == table }?.key
      return ScriptValues.output(of: table, columns: name.map { ScriptValues.columns($0, session) } ?? [])
    }
    if values.count == 1 { return ScriptValues.output(of: values[0]) }
    return .message(values.map(\.plainText).joinedText(" "))
  }
}

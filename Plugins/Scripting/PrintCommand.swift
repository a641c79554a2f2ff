import KnowledgeGraph
import ShellCore

/// `print $var`: a variable's value in the session's format (a stored table as a table).
struct PrintCommand: Command {
  static let value = Param<[Value]>.arguments(
    "value", .variable, minimum: 0, "$var, or text with $vars in it")
  let signature = Signature(
    "print", summary: "Show a variable's value in the output format",
    parameters: [value.spec],
    help: """
      A single word that names a variable prints that variable: print n is print $n, \
      print rows.name is print $rows.name (a column), print rows[0] a row (from 0; [-1] is the last).
      """,
    examples: [
      Example("let n = 42; print $n", "print a number"),
      Example("let models = list Model --limit 2; print models", "a stored table, by its name"),
      Example(
        "let top = rank --limit 3; print top[0].entity", "one cell: the first row's entity",
        expect: "Zhipu AI"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var values = call[Self.value]
    guard !values.isEmpty else { throw KgshError.usage("print needs a value", signature) }
    // `print x` names the variable as completion offers it (`print $x` is the same); echo
    // prints words as they are.
    if values.count == 1, case .string(let word) = values[0],
      let variable = try session.variables[word] ?? VariableColumn.value(of: word, in: session.variables)
    {
      values = [variable]
    }
    return Self.output(values, session)
  }

  /// Values as print shows them: a stored table or record as a table or record in its
  /// variable's column order, rows as a table, one value in the output format, else text.
  static func output(_ values: [Value], _ session: Session) -> Output {
    var values = values
    // A stored table (`print $rows`) prints as its rows.
    if values.count == 1, case .list(let items) = values[0], !items.isEmpty,
      items.allSatisfy(Self.isRow)
    {
      values = items
    }
    // A stored record (`let x = stats`) prints as the record, its fields in their order; a
    // stored table without rows as its columns.
    if values.count == 1, values[0] == .list([]) || Self.isRow(values[0]),
      let name = session.variables.first(where: { $0.value == values[0] })?.key
    {
      return ScriptValues.output(of: values[0], columns: ScriptValues.columns(name, session))
    }
    // A stored table arrives as its rows, one word each; a row of one (`print $rows[0]`)
    // keeps its table's column order.
    if values.allSatisfy(Self.isRow) { return Self.table(ofRows: values, session) }
    if values.count == 1 { return ScriptValues.output(of: values[0]) }
    return .message(values.map(\.plainText).joinedText(" "))
  }

  /// Rows of a stored table as a table, in the column order of the variable they came from.
  static func table(ofRows values: [Value], _ session: Session) -> Output {
    let table = Value.list(values)
    let name =
      session.variables.first { $0.value == table }?.key
      ?? session.variables.first { _, value in
        guard case .list(let rows) = value else { return false }
        return values.allSatisfy(rows.contains)
      }?.key
    return ScriptValues.output(of: table, columns: name.map { ScriptValues.columns($0, session) } ?? [])
  }

  static func isRow(_ value: Value) -> Bool {
    if case .map = value { true } else { false }
  }
}

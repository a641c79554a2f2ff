import KnowledgeGraph
import ShellCore

/// `... | where COLUMN OP VALUE`: keeps the rows that match.
struct WhereCommand: Command {
  static let operators = ["=", "==", "!=", "<", ">", "<=", ">=", "contains"]

  let signature = Signature(
    "where", summary: "Keep the rows of a table where COLUMN OP VALUE (pipeline)",
    arguments: [
      Argument("column", "a column of the table"),
      Argument(
        "op", "=, !=, <, >, <=, >= or contains",
        completion: .values(["=", "!=", "<", ">", "<=", ">=", "contains"])),
      Argument("value", "a number or text", variadic: true),
    ],
    examples: [Example("find GLM | where labels contains Model", "only the models", expect: "GLM")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var table = try ScriptValues.inputTable(call, example: "find GLM | where labels contains Model")
    let column = try ScriptValues.column(call.arguments[0], in: table, verb: "where")
    let op = call.arguments[1].lowercased()
    guard Self.operators.contains(op) else {
      throw ShellError(
        "where: unknown operator '\(op)'", hint: "use one of \(Self.operators.joined(separator: ", "))")
    }
    let value = Value.string(call.arguments[2...].joined(separator: " "))
    table.rows = table.rows.filter { ScriptValues.holds(op, $0[column], value) }
    return .table(table)
  }
}

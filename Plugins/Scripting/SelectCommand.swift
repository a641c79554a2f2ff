import ShellCore

/// `... | select COLUMN,...`: keeps some columns, in the order given.
struct SelectCommand: Command {
  let signature = Signature(
    "select", summary: "Keep only some columns of a table (pipeline)",
    arguments: [Argument("columns", "column names, separated by commas or spaces", variadic: true)],
    examples: [Example("find GLM | select name,score", "just names and scores", expect: "score")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let table = try ScriptValues.inputTable(call, example: "find GLM | select name,key")
    let names = call.arguments.flatMap { $0.split(separator: ",") }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    .filter { !$0.isEmpty }
    guard !names.isEmpty else { throw ShellError("select needs column names", hint: "e.g. select name,key") }
    let indexes = try names.map { try ScriptValues.column($0, in: table, verb: "select") }
    return .table(
      Table(
        columns: indexes.map { table.columns[$0] }, rows: table.rows.map { row in indexes.map { row[$0] } },
        notes: table.notes))
  }
}

import ShellCore

/// `... | first N`: the first N rows.
struct FirstCommand: Command {
  let signature = Signature(
    "first", aliases: ["head"], summary: "Keep the first N rows of a table (pipeline)",
    arguments: [Argument("n", "how many rows (default 10)", optional: true)],
    examples: [Example("find GLM | first 1", "the best match", expect: "GLM")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var table = try ScriptValues.inputTable(call, example: "find GLM | first 3")
    let text = call.argument(0) ?? "10"
    guard let n = Int(text), n >= 0 else {
      throw ShellError("first: N must be a whole number ≥ 0, not '\(text)'")
    }
    let total = table.rows.count
    table.rows = Array(table.rows.prefix(n))
    table.notes = total > n ? ["first \(n) of \(total) rows"] : []
    return .table(table)
  }
}

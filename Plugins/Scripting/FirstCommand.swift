import ShellCore

/// `... | first N`: the first N rows.
struct FirstCommand: Command {
  static let n: Param<Int?> = .optionalArgument("n", .integer(min: 0), "how many rows (default 10)")
  let signature = Signature(
    "first", aliases: ["head"], summary: "Keep the first N rows of a table (pipeline)",
    parameters: [n.spec],
    examples: [Example("find GLM | first 1", "the best match")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var table = try ScriptValues.inputTable(call, example: "find GLM | first 3")
    let n = call[Self.n] ?? 10
    let total = table.rows.count
    table.rows = Array(table.rows.prefix(n))
    // The command's footnotes described all its rows: kept only when no row was dropped.
    if total > n {
      table.notes = ["first \(n) of \(total) rows"]
      table.clearCut()  // the rows left are what was asked for
    }
    return .table(table)
  }
}

import ShellCore

/// `... | count`: the number of rows.
struct CountCommand: Command {
  let signature = Signature(
    "count", summary: "Count the rows of a table (pipeline)",
    examples: [Example("labels | count", "how many labels there are")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let table = try ScriptValues.inputTable(call, example: "find GLM | count")
    var count = Table(columns: ["count"], rows: [[.int(Int64(table.rows.count))]])
    if let cut = table.limitCut {
      count.markConsumed(cut, "counted", rows: table.rows.count, letThrough: table.letThrough)
    }
    return .table(count)
  }
}

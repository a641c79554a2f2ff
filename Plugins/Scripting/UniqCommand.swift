import KnowledgeGraph
import ShellCore

/// `... | uniq COLUMN`: the distinct values of a column with how often each occurs.
struct UniqCommand: Command {
  static let column = Param<String>.argument("column", .text, "a column of the table")
    .completing(.column)
  let signature = Signature(
    "uniq", summary: "Distinct values of a column with counts (pipeline)",
    parameters: [column.spec],
    help: """
      One row per distinct value, in the order each first appears, with how many rows hold it;
      add | sort count desc for the most common first.
      """,
    examples: [
      Example("find GLM | uniq labels", "which labels the matches have", expect: "count"),
      Example(
        "list Model | uniq labels | sort count desc | first 1", "the most common labels of models",
        expect: "194"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let table = try ScriptValues.inputTable(call, example: "find GLM | uniq labels")
    let column = try ScriptValues.column(call[Self.column], in: table, verb: "uniq")
    var order: [Value] = []
    var counts: [Value: Int] = [:]
    for row in table.rows {
      if counts[row[column]] == nil { order.append(row[column]) }
      counts[row[column], default: 0] += 1
    }
    var uniq = Table(
      columns: [table.columns[column], "count"], rows: order.map { [$0, .int(Int64(counts[$0]!))] })
    if let cut = table.limitCut {
      uniq.markConsumed(cut, "counted", rows: table.rows.count, letThrough: table.letThrough)
    }
    return .table(uniq)
  }
}

import KnowledgeGraph
import ShellCore

/// `... | where COLUMN OP VALUE`: keeps the rows that match (empty cells never do; money
/// compares within one currency).
struct WhereCommand: Command {
  static let operators = [
    "=", "==", "!=", "<", ">", "<=", ">=", "contains", "starts-with", "ends-with", "=~", "!~", "in", "not-in",
  ]

  static let column = Param<String>.argument("column", .text, "a column of the table")
    .completing(.column)
  static let op = Param<String>.argument(
    "op", .choice(operators),
    "=, ==, !=, <, >, <=, >=; contains, starts-with, ends-with (any case); =~ or !~ a regular expression; in or not-in a list A, B"
  )
  static let value = Param<[String]>.arguments("value", .text, "a number or text")
  let signature = Signature(
    "where", summary: "Keep the rows of a table where COLUMN OP VALUE (pipeline)",
    parameters: [column.spec, op.spec, value.spec],
    examples: [
      Example("find GLM | where labels contains Model", "only the models"),
      Example("list Company | where name =~ '^(Zhipu|Mini)'", "companies whose names start with either"),
      Example("list Company | where key in zhipu, minimax, deepseek", "three companies by key"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var table = try ScriptValues.inputTable(call, example: "find GLM | where labels contains Model")
    let column = try ScriptValues.column(call[Self.column], in: table, verb: "where")
    let op = call[Self.op]
    let total = table.rows.count
    table.rows = try CellComparison.filter(
      table.rows, column: column, name: call[Self.column], op: op,
      operand: call[Self.value].joinedText(" "))
    // The command's footnotes described all its rows; they no longer hold for fewer.
    if table.rows.count < total {
      table.notes = []
      if let cut = table.limitCut { table.markConsumed(cut, "filtered", rows: total) }
    }
    return .table(table)
  }
}

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
    try Self.refuseSecondCondition(call[Self.value], table, first: "\(call[Self.column]) \(op)")
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

  /// `where score > 50 and name contains 4`: a second condition (a column and an operator
  /// after `and`/`or`) in the value; where takes one, so say how to write both.
  static func refuseSecondCondition(_ words: [String], _ table: Table, first: String) throws {
    guard
      let i = words.firstIndex(where: { ["and", "or", "&&", "||"].contains($0.lowercased()) }),
      i + 2 < words.count, table.column(words[i + 1]) != nil, operators.contains(words[i + 2].lowercased())
    else { return }
    let joiner = words[i].lowercased()
    let firstValue = words[..<i].joinedText(" ")
    let second = words[(i + 1)...].joinedText(" ")
    throw KgshError(
      .usage, "where: one condition each; '\(words[i])' starts a second (\(second))",
      hint: joiner == "and" || joiner == "&&"
        ? "chain them: | where \(first) \(firstValue) | where \(second)"
        : "for one of several values of a column use in (where COLUMN in A, B) or =~ 'A|B'; "
          + "a Cypher WHERE takes OR across properties")
  }
}

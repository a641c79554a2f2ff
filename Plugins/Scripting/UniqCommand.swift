import KnowledgeGraph
import ShellCore

/// `... | uniq [COLUMN...]`: the distinct values of some columns (or of whole rows) with how
/// often each occurs.
struct UniqCommand: Command {
  static let columns = Param<[String]>.arguments(
    "columns", .text, minimum: 0, "columns of the table, separated by commas or spaces; none: whole rows"
  )
  .completing(.column)
  let signature = Signature(
    "uniq", summary: "Distinct values of columns, or distinct rows, with counts (pipeline)",
    parameters: [columns.spec],
    help: """
      One row per distinct value (or combination of values, with several columns; or whole row,
      with none), in the order each first appears, with how many rows hold it; add
      | sort count desc for the most common first.
      """,
    examples: [
      Example("find GLM | uniq labels", "which labels the matches have", expect: "count"),
      Example(
        "list Model | uniq labels | sort count desc | first 1", "the most common labels of models",
        expect: "194"),
      Example(
        "prices --kind api | uniq vendor sold_on | where vendor contains OpenRouter",
        "which vendor sells on which site, and how many price rows each has", expect: "openrouter.ai"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let table = try ScriptValues.inputTable(call, example: "find GLM | uniq labels")
    let named = try ScriptValues.columns(call[Self.columns], in: table, verb: "uniq")
    if named.isEmpty && !call[Self.columns].isEmpty {
      throw KgshError(
        .usage, "uniq: the column name is empty", hint: "name a column, or none to count whole rows")
    }
    let indexes = named.isEmpty ? Array(table.columns.indices) : named
    if table.columns.contains("count") && indexes.contains(table.column("count")!) {
      throw KgshError(
        .usage, "uniq: the table already has a column named count, which uniq adds",
        hint:
          "name the columns to count by, leaving out count: uniq \(table.columns.filter { $0 != "count" }.prefix(2).joinedText(" "))"
      )
    }
    var order: [[Value]] = []
    var counts: [[Value]: Int] = [:]
    for row in table.rows {
      let key = indexes.map { row[$0] }
      if counts[key] == nil { order.append(key) }
      counts[key, default: 0] += 1
    }
    var uniq = Table(
      columns: indexes.map { table.columns[$0] } + ["count"],
      rows: order.map { $0 + [.int(Int64(counts[$0]!))] })
    if let cut = table.limitCut {
      uniq.markConsumed(cut, "counted", rows: table.rows.count, letThrough: table.letThrough)
    }
    return .table(uniq)
  }
}

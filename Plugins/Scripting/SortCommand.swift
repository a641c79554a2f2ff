import KnowledgeGraph
import ShellCore

/// `... | sort COLUMN [desc]`: orders the rows (numbers as numbers, money within one
/// currency, empty cells last).
struct SortCommand: Command {
  static let column = Param<String>.argument("column", .text, "a column of the table")
  static let order: Param<String?> = .optionalArgument(
    "order", .choice(["asc", "desc"]), "asc (default) or desc")
  let signature = Signature(
    "sort", summary: "Sort a table by a column (pipeline)",
    parameters: [column.spec, order.spec],
    examples: [Example("find GLM | sort name desc", "search results by name, Z to A")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var table = try ScriptValues.inputTable(call, example: "find GLM | sort name")
    let name = call[Self.column]
    // `sort -value` (a leading minus for descending, as in other tools) names no column.
    if name.hasPrefix("-"), table.column(name) == nil, table.column(String(name.dropFirst())) != nil {
      throw KgshError(
        .notFound, "sort: no column '\(name)'",
        hint: "to sort from the largest, write the order after the column: sort \(name.dropFirst()) desc")
    }
    let column = try ScriptValues.column(name, in: table, verb: "sort")
    let descending = call[Self.order] == "desc"
    try CellComparison.requireOneCurrency(
      table.rows.map { $0[column] }, column: call[Self.column], verb: "sort")
    let indexed = table.rows.enumerated().sorted { a, b in
      let x = a.element[column], y = b.element[column]
      let xEmpty = CellComparison.isEmpty(x), yEmpty = CellComparison.isEmpty(y)
      if xEmpty != yEmpty { return yEmpty }
      let r = ScriptValues.compare(x, y)
      if r == .orderedSame { return a.offset < b.offset }
      return descending ? r == .orderedDescending : r == .orderedAscending
    }
    table.rows = indexed.map(\.element)
    return .table(table)
  }
}

import ShellCore

/// `... | sort COLUMN [desc]`: orders the rows (numbers as numbers, empty cells last).
struct SortCommand: Command {
  let signature = Signature(
    "sort", summary: "Sort a table by a column (pipeline)",
    arguments: [
      Argument("column", "a column of the table"),
      Argument("order", "asc (default) or desc", completion: .values(["asc", "desc"]), optional: true),
    ],
    examples: [Example("find GLM | sort name desc", "search results by name, Z to A", expect: "GLM")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var table = try ScriptValues.inputTable(call, example: "find GLM | sort name")
    let column = try ScriptValues.column(call.arguments[0], in: table, verb: "sort")
    let order = call.argument(1)?.lowercased() ?? "asc"
    guard order == "asc" || order == "desc" else {
      throw ShellError("sort: order must be asc or desc, not '\(order)'")
    }
    let descending = order == "desc"
    let indexed = table.rows.enumerated().sorted { a, b in
      let x = a.element[column], y = b.element[column]
      if x.isNull != y.isNull { return y.isNull }
      let r = ScriptValues.compare(x, y)
      if r == .orderedSame { return a.offset < b.offset }
      return descending ? r == .orderedDescending : r == .orderedAscending
    }
    table.rows = indexed.map(\.element)
    return .table(table)
  }
}

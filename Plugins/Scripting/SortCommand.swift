import KnowledgeGraph
import ShellCore

/// `... | sort COLUMN [desc][, COLUMN [desc]]...`: orders the rows by one column, then by
/// the next for ties (numbers as numbers, money within one currency, empty cells last).
struct SortCommand: Command {
  static let keys = Param<[String]>.arguments(
    "keys", .text, minimum: 1, "COLUMN [asc|desc]; more columns after it (or a comma) break ties"
  )
  .completing(.column)
  let signature = Signature(
    "sort", summary: "Sort a table by a column (pipeline)",
    parameters: [keys.spec],
    help: """
      Rows that are equal in every column named keep their order. Numbers sort as numbers and \
      money within one currency; empty cells come last either way.
      """,
    examples: [
      Example("find GLM | sort name desc", "search results by name, Z to A"),
      Example(
        "find GLM | sort score desc, name | first 2", "best score first, then by name",
        expect: "GLM model family"),
    ])

  /// One column to order by, and which way.
  struct Key {
    var column: Int
    var name: String
    var descending: Bool
    /// Whether an order was written after the column (a second one is a mistake).
    var ordered = false
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    var table = try ScriptValues.inputTable(call, example: "find GLM | sort name")
    let keys = try Self.keys(call[Self.keys], in: table)
    for key in keys {
      try CellComparison.requireOneCurrency(table.rows.map { $0[key.column] }, column: key.name, verb: "sort")
    }
    let indexed = table.rows.enumerated().sorted { a, b in
      for key in keys {
        let x = a.element[key.column], y = b.element[key.column]
        let xEmpty = CellComparison.isEmpty(x), yEmpty = CellComparison.isEmpty(y)
        if xEmpty != yEmpty { return yEmpty }
        let r = ScriptValues.compare(x, y)
        if r != .orderedSame { return key.descending ? r == .orderedDescending : r == .orderedAscending }
      }
      return a.offset < b.offset
    }
    table.rows = indexed.map(\.element)
    return .table(table)
  }

  /// `score desc, name` (commas optional): each column with the order after it.
  static func keys(_ words: [String], in table: Table) throws -> [Key] {
    let parts = words.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    var keys: [Key] = []
    for part in parts where !part.isEmpty {
      let word = part.lowercased()
      if ["asc", "desc", "ascending", "descending"].contains(word) {
        guard let last = keys.last else {
          throw KgshError(
            .usage, "sort: '\(part)' has no column before it",
            hint: "write the order after its column: sort COLUMN \(word)")
        }
        guard !last.ordered else {
          throw KgshError(
            .usage, "sort: \(last.name) has two orders",
            hint: "write one after each column: sort \(last.name) \(word)")
        }
        keys[keys.count - 1].descending = word.hasPrefix("desc")
        keys[keys.count - 1].ordered = true
        continue
      }
      // `sort -value` (a leading minus for descending, as in other tools) names no column.
      if part.hasPrefix("-"), table.column(part) == nil, table.column(String(part.dropFirst())) != nil {
        throw KgshError(
          .notFound, "sort: no column '\(part)'",
          hint: "to sort from the largest, write the order after the column: sort \(part.dropFirst()) desc")
      }
      keys.append(
        Key(column: try ScriptValues.column(part, in: table, verb: "sort"), name: part, descending: false))
    }
    guard !keys.isEmpty else {
      throw KgshError(.usage, "sort needs a column", hint: "e.g. find GLM | sort name")
    }
    return keys
  }
}

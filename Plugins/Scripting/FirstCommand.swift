import KnowledgeGraph
import ShellCore

/// `... | first N`: the first N rows.
struct FirstCommand: Command {
  static let n: Param<Int?> = .optionalArgument("n", .integer(min: 0), "how many rows (default 10)")
  let signature = Signature(
    "first", aliases: ["head"], summary: "Keep the first N rows of a table (pipeline)",
    parameters: [n.spec],
    examples: [Example("find GLM | first 1", "the best match")])

  /// `head -5` and `head -n 5`, as in a Unix shell: say how kgsh writes it.
  func refusal(forMisfit words: [String], _ session: Session) -> KgshError? {
    let count: String?
    switch words.count {
    case 1 where words[0].hasPrefix("-"): count = String(words[0].dropFirst())
    case 2 where words[0] == "-n" || words[0] == "--lines": count = words[1]
    default: count = nil
    }
    guard let count, let n = Int(count), n >= 0 else { return nil }
    return KgshError(
      .usage, "first: write the count without a dash: first \(n)", hint: "head \(n) is the same")
  }

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

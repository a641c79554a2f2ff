import KnowledgeGraph
import ShellCore

/// `... | select COLUMN,...`: keeps some columns, in the order given.
struct SelectCommand: Command {
  static let columns = Param<[String]>.arguments(
    "columns", .text, "column names, separated by commas or spaces"
  )
  .completing(.column)
  let signature = Signature(
    "select", summary: "Keep only some columns of a table (pipeline)",
    parameters: [columns.spec],
    examples: [Example("find GLM | select name,score", "just names and scores")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    // `select name from node` on its own (or after `;` ended an sql command) is SQL.
    if call.input == nil, call[Self.columns].contains(where: { $0.lowercased() == "from" }) {
      throw KgshError(
        .usage, "select here keeps columns of the table piped into it; this looks like SQL",
        hint: "run SQL with sql: sql select ... from ... (one statement; ; ends the command)")
    }
    let table = try ScriptValues.inputTable(call, example: "find GLM | select name,key")
    let names = call[Self.columns].flatMap { $0.split(separator: ",") }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    .filter { !$0.isEmpty }
    guard !names.isEmpty else { throw KgshError.usage("select needs column names", signature) }
    let indexes = try names.map { try ScriptValues.column($0, in: table, verb: "select") }
    if let twice = indexes.indices.first(where: { indexes[..<$0].contains(indexes[$0]) }) {
      throw KgshError(
        .usage, "select: \(table.columns[indexes[twice]]) is named twice", hint: "name each column once")
    }
    // A copy keeps the notes and the limit's cut; the narrow columns may be gone.
    var selected = table
    selected.columns = indexes.map { table.columns[$0] }
    selected.rows = table.rows.map { row in indexes.map { row[$0] } }
    selected.narrowColumns = []
    selected.screenColumns = []
    return .table(selected)
  }
}

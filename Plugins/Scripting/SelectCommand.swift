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
    let indexes = try ScriptValues.columns(call[Self.columns], in: table, verb: "select")
    guard !indexes.isEmpty else { throw KgshError.usage("select needs column names", signature) }
    // A copy keeps the notes and the limit's cut; the narrow columns may be gone.
    var selected = table.keeping(indexes)
    selected.narrowColumns = []
    selected.screenColumns = []
    return .table(selected)
  }
}

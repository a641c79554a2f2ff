import Foundation
import KnowledgeGraph
import ShellCore

/// `... | chart COLUMN`: a horizontal bar chart of a numeric column.
struct ChartCommand: Command {
  static let column = Param<String>.argument("column", .text, "a numeric column")
  static let width = Param.option("width", .integer(min: 1), default: 40, "longest bar in characters")
  let signature = Signature(
    "chart", summary: "Bar chart of a numeric column, labelled by the first other column (pipeline)",
    parameters: [column.spec, width.spec],
    examples: [Example("labels | chart count", "entities per label", expect: "█")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let table = try ScriptValues.inputTable(call, example: "labels | chart count")
    let column = try ScriptValues.column(call[Self.column], in: table, verb: "chart")
    let labelColumn = table.columns.indices.first { $0 != column }
    let width = call[Self.width]
    let rows = table.rows.compactMap { row -> (String, Double, String)? in
      guard let n = row[column].number ?? Double(row[column].plainText) else { return nil }
      let label = labelColumn.map { TextWidth.sanitize(row[$0].plainText) } ?? ""
      return (label, n, row[column].plainText)
    }
    guard !rows.isEmpty else {
      throw KgshError(
        .invalidValue, "chart: column '\(table.columns[column])' has no numbers",
        hint: "chart a column of numbers, e.g. labels | chart count")
    }
    let lines = BarChart.lines(rows.map { (label: $0.0, value: $0.1, text: $0.2) }, width: width)
    return .message(lines.joinedText("\n"))
  }
}

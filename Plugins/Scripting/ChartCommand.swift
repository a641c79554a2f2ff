import Foundation
import ShellCore

/// `... | chart COLUMN`: a horizontal bar chart of a numeric column.
struct ChartCommand: Command {
  let signature = Signature(
    "chart", summary: "Bar chart of a numeric column, labelled by the first other column (pipeline)",
    arguments: [Argument("column", "a numeric column")],
    flags: [Flag("width", "longest bar in characters", kind: .int, default: "40")],
    examples: [Example("labels | chart count", "entities per label", expect: "█")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let table = try ScriptValues.inputTable(call, example: "labels | chart count")
    let column = try ScriptValues.column(call.arguments[0], in: table, verb: "chart")
    let labelColumn = table.columns.indices.first { $0 != column }
    let width = max(1, call.int("width") ?? 40)
    let rows = table.rows.compactMap { row -> (String, Double, String)? in
      guard let n = row[column].number ?? Double(row[column].plainText) else { return nil }
      let label = labelColumn.map { TextWidth.sanitize(row[$0].plainText) } ?? ""
      return (label, n, row[column].plainText)
    }
    guard !rows.isEmpty else { throw ShellError("chart: column '\(table.columns[column])' has no numbers") }
    let lines = BarChart.lines(rows.map { (label: $0.0, value: $0.1, text: $0.2) }, width: width)
    return .message(lines.joined(separator: "\n"))
  }
}

import Foundation
import KnowledgeGraph
import ShellCore

/// `... | chart COLUMN`: a horizontal bar chart of a numeric column.
struct ChartCommand: Command {
  static let column = Param<String>.argument("column", .text, "a numeric column")
    .completing(.column)
  static let width = Param.option("width", .integer(min: 1), default: 40, "longest bar in characters")
  let signature = Signature(
    "chart", summary: "Bar chart of a numeric column, labelled by the first column of names (pipeline)",
    parameters: [column.spec, width.spec],
    examples: [Example("labels | chart count", "entities per label", expect: "█")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let table = try ScriptValues.inputTable(call, example: "labels | chart count")
    let column = try ScriptValues.column(call[Self.column], in: table, verb: "chart")
    // The bars are named by the first column of names (rank's entity, not its rank number),
    // else by the first other column.
    let others = table.columns.indices.filter { $0 != column }
    let labelColumn =
      others.first { i in table.rows.contains { $0[i].number == nil && !$0[i].isNull } } ?? others.first
    let width = call[Self.width]
    let rows = table.rows.compactMap { row -> (String, Double, String)? in
      guard let n = row[column].number ?? Double(row[column].plainText) else { return nil }
      let label = labelColumn.map { TextWidth.sanitize(row[$0].plainText) } ?? ""
      // Each bar's figure as the table shows it (`US$4.20`, `1,234`), not as JSON writes it.
      let text =
        row[column].number != nil ? ValueFormat.human(row[column], rounded: true) : row[column].plainText
      return (label, n, text)
    }
    // A column of dates or names is not charted from the few cells that read as numbers
    // (a timeline's `2026` among `2025-01`s drew one bar).
    if let (index, row) = table.rows.enumerated().first(where: { _, row in
      !row[column].isNull && row[column].number == nil && Double(row[column].plainText) == nil
    }) {
      let name = table.columns[column]
      throw KgshError(
        .invalidValue,
        "chart: column '\(name)' is not numeric (row \(index + 1) has '\(TextWidth.sanitize(row[column].plainText))')",
        hint:
          "chart a column of numbers; to chart how often each value occurs: ... | uniq \(name) | chart count")
    }
    // Bars of money in two currencies would compare ¥4 with US$0.6 as 4 and 0.6.
    try CellComparison.requireOneCurrency(
      table.rows.map { $0[column] }, column: table.columns[column], verb: "chart")
    guard !rows.isEmpty else {
      throw KgshError(
        .invalidValue, "chart: column '\(table.columns[column])' has no numbers",
        hint: "chart a column of numbers, e.g. labels | chart count")
    }
    let lines = BarChart.lines(rows.map { (label: $0.0, value: $0.1, text: $0.2) }, width: width)
    // Bars of a table --limit cut stand for only part of it: the chart says so.
    let note =
      table.limitCut.map {
        "\n" + $0.consumedNote("charted", rows: table.rows.count, letThrough: table.letThrough)
      } ?? ""
    return .message(lines.joinedText("\n") + note)
  }
}

/// Writes the lines of one box-drawn table: its rules, and each row's cells cut to the
/// column widths (text wraps inside its cell; numbers are right-aligned; the header is bold
/// on a colour terminal).
struct BoxWriter {
  let widths: [Int]
  let numeric: [Bool]
  let maxLines: Int?
  // What comes before, between and after the cells of a line, each appended in one copy.
  private let open = "│ ", between = " │ ", close = " │\n"
  private let openBold: String, betweenBold: String, closeBold: String

  init(widths: [Int], numeric: [Bool], maxLines: Int?, color: Bool) {
    self.widths = widths
    self.numeric = numeric
    self.maxLines = maxLines
    let bold = color ? "\u{1B}[1m" : "", plain = color ? "\u{1B}[0m" : ""
    (openBold, betweenBold, closeBold) = ("│ " + bold, plain + " │ " + bold, plain + " │\n")
  }

  /// A horizontal rule: `l`, the columns' widths joined by `m`, then `r`.
  func rule(_ l: String, _ m: String, _ r: String, into out: inout [UInt8]) {
    TextWidth.appendUTF8(l, into: &out)
    for (i, w) in widths.enumerated() {
      if i > 0 { TextWidth.appendUTF8(m, into: &out) }
      TextWidth.appendRule(w + 2, into: &out)
    }
    TextWidth.appendUTF8(r, into: &out)
    out.append(UInt8(ascii: "\n"))
  }

  /// A row's cells cut into the lines they take: its height is the most lines of any cell.
  func layout(_ values: [String], _ valueWidths: [Int], header: Bool) -> BoxRow {
    var row = BoxRow(height: widths.isEmpty ? 1 : 0)
    row.cells.reserveCapacity(widths.count)
    for i in widths.indices {
      let text = i < values.count ? values[i] : ""
      let width = i < valueWidths.count ? valueWidths[i] : 0
      if width <= widths[i] {
        row.cells.append(.fits(text, width: width))
        row.height = max(row.height, 1)
      } else {
        let lines = TextWrap.lines(text, width: widths[i], maxLines: header ? nil : maxLines)
        row.cells.append(.wrapped(lines))
        row.height = max(row.height, lines.count)
      }
    }
    return row
  }

  /// The lines of one laid-out row.
  func emit(_ row: BoxRow, header: Bool, into out: inout [UInt8]) {
    for n in 0..<row.height {
      if widths.isEmpty {
        TextWidth.appendUTF8("││\n", into: &out)
        continue
      }
      for i in widths.indices {
        TextWidth.appendUTF8(
          i == 0 ? (header ? openBold : open) : (header ? betweenBold : between), into: &out)
        let (text, width) = row.cells[i].line(n)
        TextWidth.appendPadded(text, width: width, to: widths[i], right: numeric[i] && !header, into: &out)
      }
      TextWidth.appendUTF8(header ? closeBold : close, into: &out)
    }
  }
}

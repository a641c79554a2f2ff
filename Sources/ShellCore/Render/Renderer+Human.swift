import KnowledgeGraph

/// The human table format: box-drawn tables, vertical records, headings and messages.
extension Renderer {
  func human(_ output: Output) -> String {
    var out: [UInt8] = []
    human(output, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the human text of an output to `out`: a card's sections and their tables are
  /// written into one buffer, which becomes a string once (a 60 KB card was copied four times).
  func human(_ output: Output, into out: inout [UInt8]) {
    switch output {
    case .empty: return
    case .message(let m): TextWidth.appendUTF8(message(m), into: &out)
    case .table(let t): tableText(t.onScreen, into: &out)
    case .record(let fields):
      if fields.isEmpty { return out.append(UInt8(ascii: "\n")) }
      vertical(
        Table(columns: fields.map(\.0), rows: [fields.map(\.1)]), [fields.map { cellText($0.1) }], into: &out)
    case .sections(let parts):
      for (i, (title, part)) in parts.enumerated() {
        if i > 0 { out.append(UInt8(ascii: "\n")) }
        // An untitled part (a record and the note after it) has no title line to leave empty.
        if !title.isEmpty {
          let title = TextWidth.sanitize(title)
          TextWidth.appendUTF8(color ? "\u{1B}[1m\(title)\u{1B}[0m" : title, into: &out)
          // An empty part that says nothing else is one line (`relations: none`), not a
          // title over an empty frame.
          if case .table(let t) = part, t.rows.isEmpty, t.notes.isEmpty, t.limitCut == nil {
            TextWidth.appendUTF8(": none\n", into: &out)
            continue
          }
          out.append(UInt8(ascii: "\n"))
        }
        human(part, into: &out)
      }
    }
  }

  /// Cell text as shown: money with its currency's usual decimals in a terminal.
  func cellText(_ value: Value) -> String {
    ValueFormat.human(value, rounded: width != nil)
  }

  /// The cells' texts. A column of numbers that has one of five digits or more groups the
  /// four-digit ones too (`8,000` above `16,000`, not `8000`); a column of years stays as is.
  func cellTexts(_ t: Table) -> [[String]] {
    var cells = t.rows.map { $0.map(cellText) }
    for column in t.columns.indices {
      var numbers = true
      var large = false
      for row in t.rows where column < row.count {
        switch row[column] {
        case .int(let v): large = large || v.magnitude >= 10_000
        case .double(let v): large = large || abs(v) >= 10_000
        case .null: continue
        default: numbers = false
        }
        if !numbers { break }
      }
      guard numbers && large else { continue }
      for r in cells.indices where column < cells[r].count {
        cells[r][column] = ValueFormat.groupingFourDigits(cells[r][column])
      }
    }
    return cells
  }

  /// A table in the layout asked for, or in `auto` the one that fits.
  func tableText(_ t: Table, into out: inout [UInt8]) {
    if t.columns.isEmpty { return }
    let cells = cellTexts(t)
    switch layout {
    case .vertical:
      return t.rows.isEmpty ? box(t, cells, widths: nil, into: &out) : vertical(t, cells, into: &out)
    case .table:
      return box(
        t, cells, widths: width.map { ColumnPlan.forcedWidths(plans(t, cells), budget: $0 - overhead(t)) },
        into: &out)
    case .auto:
      guard let width else { return box(t, cells, widths: nil, into: &out) }
      // A single record reads best as one field per line (cite F0001, a card).
      if t.rows.count == 1 && t.columns.count > 2 { return vertical(t, cells, into: &out) }
      let needs = plans(t, cells)
      // Wider than the terminal: a column empty in every row gives its room to the others.
      if needs.reduce(overhead(t), { $0 + $1.natural }) > width, let compact = withoutEmptyColumns(t) {
        return tableText(compact, into: &out)
      }
      if let widths = ColumnPlan.widths(needs, budget: width - overhead(t)) {
        return box(t, cells, widths: widths, into: &out)
      }
      if t.rows.isEmpty { return emptyTooWide(t, needs, width: width, into: &out) }
      // Too wide: as many of the command's narrow columns as fit, else one record per row.
      if t.rows.count > 1 {
        for narrow in narrowings(t) {
          let narrowCells = cellTexts(narrow)
          if let widths = ColumnPlan.widths(plans(narrow, narrowCells), budget: width - overhead(narrow)) {
            return box(narrow, narrowCells, widths: widths, into: &out)
          }
        }
      }
      vertical(t, cells, into: &out)
    }
  }

  /// The table without its columns that are empty in every row, or false in every row (a
  /// card's `conflict` when nothing conflicts), with a note naming them; nil when it has
  /// none, no rows, or would keep fewer than two columns.
  func withoutEmptyColumns(_ t: Table) -> Table? {
    guard !t.rows.isEmpty else { return nil }
    func every(_ i: Int, _ test: (Value) -> Bool) -> Bool {
      t.rows.allSatisfy { row in i < row.count ? test(row[i]) : true }
    }
    let empty = t.columns.indices.filter { i in
      every(i) { value in
        if case .string(let s) = value { return s.isEmpty }
        return value.isNull
      }
    }
    let allFalse = t.columns.indices.filter { !empty.contains($0) && every($0) { $0 == .bool(false) } }
    let dropped = empty + allFalse
    guard !dropped.isEmpty, t.columns.count - dropped.count >= 2 else { return nil }
    var compact = t.keeping(t.columns.indices.filter { !dropped.contains($0) })
    let groups = [(empty, "empty"), (allFalse, "false")].filter { !$0.0.isEmpty }.map { columns, what in
      (names: columns.map { TextWidth.sanitize(t.columns[$0]) }.joinedText(", "), what: what)
    }
    let said =
      groups.count == 1
      ? "(\(groups[0].names)): \(groups[0].what) in every row"
      : "(" + groups.map { "\($0.names): \($0.what) in every row" }.joinedText("; ") + ")"
    compact.notes.append("\(dropped.count) more \(dropped.count == 1 ? "column" : "columns") " + said)
    return compact
  }

  /// An empty table whose headers do not fit the terminal at their width: the command's
  /// narrow columns when they fit (no note about the others: there is nothing in them), else
  /// the headers squeezed, else, when not even that fits, the column names as text.
  func emptyTooWide(_ t: Table, _ needs: [ColumnPlan], width: Int, into out: inout [UInt8]) {
    for var narrow in narrowings(t) {
      guard let widths = ColumnPlan.widths(plans(narrow, []), budget: width - overhead(narrow)) else {
        continue
      }
      narrow.notes = t.notes
      return box(narrow, [], widths: widths, into: &out)
    }
    let forced = ColumnPlan.forcedWidths(needs, budget: width - overhead(t))
    if overhead(t) + forced.reduce(0, +) <= width { return box(t, [], widths: forced, into: &out) }
    let names = "no rows; columns: " + t.columns.map(TextWidth.sanitize).joinedText(", ")
    for line in TextWrap.lines(names, width: width)
      + t.notes.flatMap({ TextWrap.lines(TextWidth.sanitize($0), width: width) })
    {
      TextWidth.appendUTF8(line, into: &out)
      out.append(UInt8(ascii: "\n"))
    }
  }

  /// What each column needs, from its header, its cells as shown and its values.
  func plans(_ t: Table, _ cells: [[String]]) -> [ColumnPlan] {
    t.columns.indices.map { i in
      ColumnPlan(
        header: TextWidth.sanitize(t.columns[i]), cells: cells.map { i < $0.count ? $0[i] : "" },
        values: t.rows.map { i < $0.count ? $0[i] : .null })
    }
  }

  /// The table cut to its `narrowColumns`, then to fewer of them (the least important
  /// last in that list goes first) down to three, each with a note naming the columns it
  /// hides; none when the table names none of its columns as narrow.
  func narrowings(_ t: Table) -> [Table] {
    let ranked = t.narrowColumns.compactMap { name in
      t.columns.indices.first { t.columns[$0].lowercased() == name.lowercased() }
    }
    guard !ranked.isEmpty else { return [] }
    let fewest = min(3, ranked.count)
    return stride(from: ranked.count, through: fewest, by: -1).compactMap { count in
      let keep = ranked.prefix(count).sorted()
      guard keep.count < t.columns.count else { return nil }
      let hidden = t.columns.indices.filter { !keep.contains($0) }.map { TextWidth.sanitize(t.columns[$0]) }
      let note =
        "\(hidden.count) more \(hidden.count == 1 ? "column" : "columns") (\(hidden.joinedText(", "))): "
        + "see \(hidden.count == 1 ? "it" : "them") with set layout vertical, "
        + "select COLUMN..., or a wider terminal"
      return Table(
        columns: keep.map { t.columns[$0] },
        rows: t.rows.map { row in keep.map { $0 < row.count ? row[$0] : .null } },
        notes: t.notes + [note])
    }
  }

  /// Columns taken by borders and padding: `│ a │ b │`.
  func overhead(_ t: Table) -> Int { 3 * t.columns.count + 1 }

  /// A box-drawn table with these content widths (nil: every column at its natural width).
  /// Text wider than its column wraps inside the cell; numbers are right-aligned.
  func box(_ t: Table, _ cells: [[String]], widths given: [Int]?, into out: inout [UInt8]) {
    let columns = t.columns.map(TextWidth.sanitize)
    // Every cell's width is measured once, for the column widths and for its padding.
    let columnWidths = columns.map(TextWidth.of)
    let cellWidths = cells.map { $0.map(TextWidth.of) }
    let widths =
      given
      ?? columnWidths.enumerated().map { i, c in
        max(c, cellWidths.map { i < $0.count ? $0[i] : 0 }.max() ?? 0)
      }
    let writer = BoxWriter(widths: widths, numeric: Self.numericColumns(t), maxLines: maxLines, color: color)
    // The whole table is written as UTF-8 bytes into the output's buffer.
    out.reserveCapacity(out.count + (cells.count + 5) * 3 * (widths.reduce(0, +) + 3 * widths.count + 1))
    let body = cells.indices.map { writer.layout(cells[$0], cellWidths[$0], header: false) }
    // Rows that span several lines are told apart by a rule between them.
    let ruled = body.contains { $0.height > 1 }
    writer.rule("┌", "┬", "┐", into: &out)
    writer.emit(writer.layout(columns, columnWidths, header: true), header: true, into: &out)
    writer.rule("├", "┼", "┤", into: &out)
    for (i, row) in body.enumerated() {
      if ruled && i > 0 { writer.rule("├", "┼", "┤", into: &out) }
      writer.emit(row, header: false, into: &out)
    }
    writer.rule("└", "┴", "┘", into: &out)
    for note in notes(t) {
      TextWidth.appendUTF8(note, into: &out)
      out.append(UInt8(ascii: "\n"))
    }
  }

  /// One record per row: `field  value`, values wrapped beside their names; several rows
  /// are headed `─[ 2 of 5 ]───`.
  func vertical(_ t: Table, _ cells: [[String]], into bytes: inout [UInt8]) {
    let keys = t.columns.map(TextWidth.sanitize)
    let keyWidth = keys.map(TextWidth.of).max() ?? 0
    let valueWidth = width.map { max(10, $0 - keyWidth - 2) }
    var out: [String] = []
    for (n, row) in cells.enumerated() {
      if t.rows.count > 1 {
        let title = "─[ \(n + 1) of \(t.rows.count) ]"
        out.append(title + String(repeating: "─", count: max(3, min(width ?? 40, 40) - TextWidth.of(title))))
      }
      for (i, key) in keys.enumerated() {
        let text = i < row.count ? row[i] : ""
        let lines = valueWidth.map { TextWrap.lines(text, width: $0, maxLines: maxLines) } ?? [text]
        out.append(TextWidth.pad(key, to: keyWidth) + "  " + lines[0])
        let indent = String(repeating: " ", count: keyWidth + 2)
        out.append(contentsOf: lines.dropFirst().map { indent + $0 })
      }
    }
    out.append(contentsOf: notes(t))
    for line in out {
      TextWidth.appendUTF8(line, into: &bytes)
      bytes.append(UInt8(ascii: "\n"))
    }
  }

  /// The lines under a table, wrapped at words in a terminal; "(no rows)" under an empty
  /// table that says nothing of its own, as psql does.
  func notes(_ t: Table) -> [String] {
    if t.rows.isEmpty && t.notes.isEmpty { return ["(no rows)"] }
    return t.notes.map(TextWidth.sanitize).flatMap { note in
      width.map { TextWrap.lines(note, width: $0) } ?? [note]
    }
  }

  /// A message; in a terminal, lines wider than it wrap at words, keeping their indent.
  func message(_ m: String) -> String {
    let text = TextWidth.sanitizeKeepingNewlines(m)
    guard let width else { return text + "\n" }
    return
      text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
        let line = String(line)
        guard TextWidth.of(line) > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let room = max(10, width - indent.count)
        return TextWrap.lines(String(line.dropFirst(indent.count)), width: room).map { indent + $0 }
      }.joinedText("\n") + "\n"
  }
}

/// One row of a box-drawn table, laid out: each cell's lines, the width of a cell that
/// fits on one line (nil when it wraps), and the lines the row takes.
struct BoxRow {
  var cells: [BoxCell] = []
  var height: Int
}

/// A cell of a boxed row: one line that fits its column (no array of its own: a card has
/// a thousand of them), or the lines it wraps into.
enum BoxCell {
  case fits(String, width: Int)
  case wrapped([String])

  /// The text of line `n` and its width ("" past the cell's last line).
  func line(_ n: Int) -> (String, Int) {
    switch self {
    case .fits(let text, let width): return n == 0 ? (text, width) : ("", 0)
    case .wrapped(let lines): return n < lines.count ? (lines[n], TextWidth.of(lines[n])) : ("", 0)
    }
  }
}

import KnowledgeGraph

/// Turns structured output into text in the session's format.
///
/// With a `width` (a terminal) tables fit it: numbers, money, ids and dates are never cut,
/// text wraps inside its cell, and a table that cannot fit becomes one vertical record per
/// row. Without a width (a pipe, a file) every table keeps its full, unwrapped form.
public struct Renderer {
  public var format: OutputFormat
  /// Maximum line width for tables; nil means unlimited (not a terminal).
  public var width: Int?
  public var color: Bool
  /// Rows of boxes, vertical records, or whichever fits (`set layout`).
  public var layout: TableLayout = .auto
  /// At most this many lines per wrapped cell (`set wrap N`); nil for no limit.
  public var maxLines: Int?

  public init(
    format: OutputFormat, width: Int? = nil, color: Bool = false, layout: TableLayout = .auto,
    maxLines: Int? = nil
  ) {
    self.format = format
    self.width = width
    self.color = color
    self.layout = layout
    self.maxLines = maxLines
  }

  /// The text for an output, ending with a newline (empty for `.empty`).
  public func render(_ output: Output) -> String {
    switch format {
    case .json:
      if case .empty = output { return "" }
      var text = ""
      writeJSON(output, into: &text)
      return text + "\n"
    case .jsonl:
      if case .empty = output { return "" }
      if case .table(let t) = output {
        // JSON Lines of a table are its rows, one object a line, as jq -c, DuckDB and Nushell
        // read and write them (a table with no rows writes no line).
        let keys = Self.uniqueNames(t.columns)
        var text = ""
        for row in t.rows {
          var object = ""
          JSON.writeObject(Array(zip(keys, row)), into: &object, pretty: false, indent: 0)
          text += object + "\n"
        }
        return text
      }
      var text = ""
      writeJSON(output, into: &text)
      return Self.compact(text) + "\n"
    case .csv: return delimited(output, separator: ",")
    case .tsv: return delimited(output, separator: "\t")
    case .markdown: return markdown(output)
    case .table: return human(output)
    }
  }

  /// The bytes of the table, TSV and CSV formats, for a sink that writes them as they are:
  /// the text `render` returns, without checking again that the bytes it was made of are
  /// UTF-8 (0.6 M instructions for a 60 KB card). Nil for the other formats.
  public func renderUTF8(_ output: Output) -> [UInt8]? {
    var bytes: [UInt8] = []
    switch format {
    case .table: human(output, into: &bytes)
    case .tsv: delimited(output, separator: "\t", into: &bytes)
    case .csv: delimited(output, separator: ",", into: &bytes)
    case .json, .jsonl, .markdown: return nil
    }
    return bytes
  }

  func writeJSON(_ output: Output, into text: inout String) {
    switch output {
    case .table(let t):
      // Repeated column names (`select 1 as a, 2 as a`) become a, a_2: a JSON object has unique
      // keys. They come in the table's column order (as CSV has them, and as DuckDB or pandas
      // make columns of them), not sorted.
      let keys = Self.uniqueNames(t.columns)
      if t.rows.isEmpty {
        text += "[]"
        return
      }
      text += "["
      for (i, row) in t.rows.enumerated() {
        text += i == 0 ? "\n  " : ",\n  "
        JSON.writeObject(Array(zip(keys, row)), into: &text, pretty: true, indent: 1)
      }
      text += "\n]"
    case .record(let fields):
      JSON.writeObject(fields, into: &text, pretty: true, indent: 0)
    case .sections(let sections):
      let (parts, notes, notesKey) = Self.keyedSections(sections)
      let all = notes.isEmpty ? parts : parts + [(notesKey, .record([]))]
      text += "{"
      for (i, (title, part)) in all.enumerated() {
        text += i == 0 ? "\n  " : ",\n  "
        JSON.quote(title, into: &text)
        text += ": "
        var inner = ""
        if i == parts.count {
          inner = JSON.encode(.list(notes.map { .string($0) }), pretty: true)
        } else {
          writeJSON(part, into: &inner)
        }
        text += inner.replacingOccurrences(of: "\n", with: "\n  ")
      }
      text += "\n}"
    case .message(let m): JSON.writeObject([("message", .string(m))], into: &text, pretty: true, indent: 0)
    case .empty: text += "null"
    }
  }

  /// Pretty JSON on one line: strings never hold a raw line break, so every line break and
  /// the indentation after it are layout.
  static func compact(_ pretty: String) -> String {
    // Whitespace outside strings is layout only (`"a": 1` and `"a":1` are one document).
    var out = ""
    var inString = false, escaped = false
    for c in pretty {
      if inString {
        if escaped {
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c == "\"" {
          inString = false
        }
      } else if c == "\"" {
        inString = true
      } else if c == " " || c == "\n" || c == "\t" || c == "\r" {
        continue
      }
      out.append(c)
    }
    return out
  }

  /// Several rendered JSON documents as one: the document itself when there is one, else an array.
  public static func jsonDocument(_ documents: [String]) -> String {
    if documents.isEmpty { return "" }
    if documents.count == 1 { return documents[0] }
    let items = documents.map { doc in
      "  " + doc.trimmingCharacters(in: .newlines).replacingOccurrences(of: "\n", with: "\n  ")
    }
    return "[\n" + items.joinedText(",\n") + "\n]\n"
  }

  /// Sections as the structured formats (JSON, the MCP answer) key them: each part under its
  /// title, an untitled part under `result`, repeated titles numbered (`facts_2`); untitled
  /// messages (a write's remarks) are gathered under `notesKey` (`notes`, unless a part has
  /// that title).
  package static func keyedSections(_ parts: [(String, Output)]) -> (
    parts: [(String, Output)], notes: [String], notesKey: String
  ) {
    var kept: [(String, Output)] = []
    var notes: [String] = []
    for (title, part) in parts {
      if title.isEmpty, case .message(let text) = part {
        notes.append(text)
      } else {
        kept.append((title.isEmpty ? "result" : title, part))
      }
    }
    let keys = uniqueNames(kept.map(\.0) + ["notes"])
    return (zip(keys, kept.map(\.1)).map { ($0, $1) }, notes, keys.last!)
  }

  /// Names made unique by suffixing repeats: a, a, b → a, a_2, b.
  package static func uniqueNames(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.map { name in
      var candidate = name
      var n = 1
      while seen.contains(candidate) {
        n += 1
        candidate = "\(name)_\(n)"
      }
      seen.insert(candidate)
      return candidate
    }
  }

  /// CSV or TSV. A card's sections become blocks, each under a `# title` line and separated by
  /// an empty line (text-only sections are left out); a record becomes `field,value` rows
  /// (docs/OUTPUT.md).
  func delimited(_ output: Output, separator: String) -> String {
    var out: [UInt8] = []
    delimited(output, separator: separator, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends CSV or TSV to one buffer: most cells are copied as they are, and a record's
  /// fields are written as rows without making a table of them.
  func delimited(_ output: Output, separator: String, into out: inout [UInt8]) {
    switch output {
    case .sections(let parts):
      // A section that is only text for people (a bar chart, a remark) is left out: the data
      // behind it is in the other sections.
      var first = true
      for (title, part) in parts {
        if case .message = part { continue }
        if !first { out.append(10) }
        first = false
        if !title.isEmpty { TextWidth.appendUTF8("# " + TextWidth.sanitize(title) + "\n", into: &out) }
        delimited(part, separator: separator, into: &out)
      }
    case .message(let m): TextWidth.appendUTF8(TextWidth.sanitizeKeepingNewlines(m) + "\n", into: &out)
    case .empty: return
    case .record(let fields):
      out.reserveCapacity(out.count + 32 * (fields.count + 1))
      TextWidth.appendUTF8("field" + separator + "value\n", into: &out)
      for (name, value) in fields {
        Self.appendDelimited(name, separator: separator, to: &out)
        TextWidth.appendUTF8(separator, into: &out)
        Self.appendDelimited(plain(value), separator: separator, to: &out)
        out.append(10)
      }
    case .table(let table):
      out.reserveCapacity(out.count + 64 * (table.rows.count + 1))
      for (i, column) in table.columns.enumerated() {
        if i > 0 { TextWidth.appendUTF8(separator, into: &out) }
        Self.appendDelimited(column, separator: separator, to: &out)
      }
      out.append(10)
      for row in table.rows {
        for (i, cell) in row.enumerated() {
          if i > 0 { TextWidth.appendUTF8(separator, into: &out) }
          Self.appendDelimited(plain(cell), separator: separator, to: &out)
        }
        out.append(10)
      }
    }
  }

  /// A TSV or CSV cell: control characters and escape sequences shown, never sent to the
  /// terminal; in TSV tabs and line feeds become spaces; in CSV a cell with a comma, quote or
  /// line break is quoted, its quotes doubled.
  static func appendDelimited(_ raw: String, separator: String, to out: inout [UInt8]) {
    var s = TextWidth.sanitizeKeepingNewlines(raw)
    if separator == "\t" {
      // Tabs and newlines inside a value become spaces; most values have none and are
      // copied whole (a byte-by-byte append cost ~8 instructions a byte).
      s.withUTF8 { bytes in
        guard bytes.contains(where: { $0 == 9 || $0 == 10 }) else {
          out.append(contentsOf: bytes)
          return
        }
        for b in bytes { out.append(b == 9 || b == 10 ? 32 : b) }
      }
      return
    }
    let quote = UInt8(ascii: "\"")
    guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == quote || $0 == 10 || $0 == 13 }) else {
      out += s.utf8
      return
    }
    out.append(quote)
    for b in s.utf8 {
      if b == quote { out.append(quote) }
      out.append(b)
    }
    out.append(quote)
  }

  /// Machine formats print values unscaled: 24380000000, not 24.38 bn.
  func plain(_ value: Value) -> String {
    switch value {
    case .money(let m): return "\(m.amount) \(m.currency)"
    case .list(let items):
      if let path = value.graphText(plain) { return path }
      // Joined by hand: `joined(separator:)` costs ~1,000 instructions a list.
      var text = ""
      for (i, item) in items.enumerated() {
        if i > 0 { text += "; " }
        text += plain(item)
      }
      return text
    default: return value.plainText
    }
  }

  func markdown(_ output: Output) -> String {
    switch output {
    case .sections(let parts):
      return parts.map { ($0.0.isEmpty ? "" : "### \(TextWidth.sanitize($0.0))\n\n") + markdown($0.1) }
        .joinedText("\n")
    case .message(let m): return TextWidth.sanitizeKeepingNewlines(m) + "\n"
    case .empty: return ""
    default:
      guard let t = output.asTable else { return "" }
      func esc(_ s: String) -> String { TextWidth.sanitize(s).replacingOccurrences(of: "|", with: "\\|") }
      var lines = ["| " + t.columns.map(esc).joinedText(" | ") + " |"]
      lines.append("|" + Self.numericColumns(t).map { $0 ? " ---: |" : " --- |" }.joinedText())
      for row in t.rows {
        lines.append("| " + row.map { esc(ValueFormat.human($0)) }.joinedText(" | ") + " |")
      }
      return lines.joinedText("\n") + "\n" + t.notes.map { "\n" + TextWidth.sanitize($0) }.joinedText()
        + (t.notes.isEmpty ? "" : "\n")
    }
  }
}

extension Renderer {
  /// Which columns hold only numbers and money (and blanks): the ones a table aligns right,
  /// in a terminal and in Markdown alike.
  static func numericColumns(_ t: Table) -> [Bool] {
    t.columns.indices.map { i in
      !t.rows.isEmpty
        && t.rows.allSatisfy { row in
          guard i < row.count else { return true }
          switch row[i] {
          case .int, .double, .decimal, .money, .null: return true
          default: return false
          }
        }
    }
  }
}

extension TextWidth {
  /// Like `sanitize` but keeps line breaks (messages span lines).
  public static func sanitizeKeepingNewlines(_ text: String) -> String {
    // Most text has nothing to show differently: one pass over its bytes, no line splitting.
    guard hasControlCharacters(text, besidesNewlines: true) else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { sanitize(String($0)) }.joined(
      separator: "\n")
  }
}

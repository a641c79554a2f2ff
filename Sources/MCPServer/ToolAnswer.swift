import KnowledgeGraph
import ShellCore

/// What one tool call answers: the structured result (the `--format json` document, with
/// tables wrapped in an object), a short text rendering, and whether it failed.
public struct ToolAnswer: Sendable {
  /// The structured content: always a JSON object (nil for an error).
  public var structured: Value?
  /// For people and for clients that read text only: the shell's table rendering, or the
  /// one-line error.
  public var text: String
  public var isError: Bool

  /// A failed call: the shell's one-line message.
  static func failure(_ error: any Error, hint extra: String? = nil) -> ToolAnswer {
    var message = KgshError.describe(error)
    if let extra { message += "; " + extra }
    return ToolAnswer(structured: nil, text: message, isError: true)
  }
}

extension ToolAnswer {
  /// The answer with the command's warnings: a `warnings` list in the structured content
  /// (without the `warning: ` prefix) and the lines as written after the text.
  func adding(warnings lines: [String]) -> ToolAnswer {
    guard !lines.isEmpty, case .map(var object)? = structured else { return self }
    var answer = self
    object["warnings"] = .list(
      lines.map { .string($0.hasPrefix("warning: ") ? String($0.dropFirst("warning: ".count)) : $0) })
    answer.structured = .map(object)
    answer.text += lines.joinedText("\n") + "\n"
    return answer
  }
}

/// Bounds a command's output to a number of rows per table and turns it into an answer.
///
/// ```swift
/// ToolResult.answer(.table(big), rows: 50, signature: find.signature)
/// // structured: {"rows": [...50...], "columns": [...], "truncated": {"shown": 50, "total": 312, ...}}
/// ```
enum ToolResult {
  /// Where a result was cut: the section (nil for the whole output), rows shown and total.
  struct Cut: Equatable {
    var section: String?
    var shown: Int
    var total: Int
  }

  static func answer(_ output: Output, rows: Int, signature: Signature) -> ToolAnswer {
    var cuts: [Cut] = []
    let bounded = cut(output, rows: rows, section: nil, cuts: &cuts)
    var structured = structure(bounded)
    var text = Renderer(format: .table).render(bounded)
    if !cuts.isEmpty {
      let advice = narrowing(signature)
      let total = cuts.map(\.total).max() ?? 0
      structured["truncated"] = .map([
        "shown": .int(Int64(rows)), "total": .int(Int64(total)),
        "tables": .list(cuts.map { .string($0.section ?? "rows") }),
        "hint": .string(advice),
      ])
      let whereCut = cuts.map { cut in
        (cut.section.map { "\($0): " } ?? "") + "\(cut.shown) of \(cut.total) rows shown"
      }
      text += "result cut: \(whereCut.joinedText(", ")); \(advice)\n"
    }
    return ToolAnswer(structured: .map(structured), text: text, isError: false)
  }

  /// The output with every table cut to `rows` rows, noting each cut.
  static func cut(_ output: Output, rows: Int, section: String?, cuts: inout [Cut]) -> Output {
    switch output {
    case .table(var table) where table.rows.count > rows:
      cuts.append(Cut(section: section, shown: rows, total: table.rows.count))
      table.rows = Array(table.rows.prefix(rows))
      return .table(table)
    case .sections(let parts):
      return .sections(parts.map { ($0.0, cut($0.1, rows: rows, section: $0.0, cuts: &cuts)) })
    default:
      return output
    }
  }

  /// The structured form: what the JSON renderer writes (docs/OUTPUT.md), as a value, with a
  /// table wrapped as `{"columns": [...], "rows": [...]}` (with its notes, which JSON
  /// otherwise leaves out). Built directly rather than rendered and parsed again: money,
  /// entities and dates are encoded by the same `JSON` writer when the answer is sent.
  static func structure(_ output: Output) -> [String: Value] {
    switch output {
    case .table(let table):
      var object: [String: Value] = [
        "columns": .list(Renderer.uniqueNames(table.columns).map { .string($0) }), "rows": value(output),
      ]
      if !table.notes.isEmpty { object["notes"] = .list(table.notes.map { .string($0) }) }
      return object
    case .empty: return ["message": .string("no output")]
    default:
      if case .map(let object) = value(output) { return object }
      return ["value": value(output)]
    }
  }

  /// An output as the JSON renderer's document: a table as a list of row objects, a record
  /// as an object, sections as an object of their parts.
  static func value(_ output: Output) -> Value {
    switch output {
    case .table(let table):
      let keys = Renderer.uniqueNames(table.columns)
      return .list(
        table.rows.map { row in .map(Dictionary(zip(keys, row), uniquingKeysWith: { first, _ in first })) })
    case .record(let fields): return .map(Dictionary(fields, uniquingKeysWith: { first, _ in first }))
    case .sections(let sections):
      let (parts, notes, notesKey) = Renderer.keyedSections(sections)
      var object = Dictionary(parts.map { ($0.0, value($0.1)) }, uniquingKeysWith: { first, _ in first })
      if !notes.isEmpty { object[notesKey] = .list(notes.map { .string($0) }) }
      return .map(object)
    case .message(let text): return .map(["message": .string(text)])
    case .empty: return .null
    }
  }

  /// How to get a smaller answer from this command, for the note on a cut result.
  static func narrowing(_ signature: Signature) -> String {
    let rows = "or raise \(ToolCatalog.rowsArgument) (at most \(ToolCatalog.maximumRows))"
    if signature.takesRawText {
      return "narrow it with a WHERE clause or LIMIT in the query, \(rows)"
    }
    // Options and optional arguments narrow a result; required arguments name what it is about.
    let filters = signature.parameters.filter { parameter in
      if case .positional(false, _) = parameter.role { return false }
      return !["format", "limit"].contains(parameter.name)
    }.map(\.name)
    if filters.isEmpty { return "ask about fewer entities, \(rows)" }
    return "narrow it with \(filters.prefix(4).joinedText(", ")), \(rows)"
  }
}

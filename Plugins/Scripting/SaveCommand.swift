import Foundation
import KnowledgeGraph
import ShellCore

/// `... | save FILE`: writes a table as CSV, TSV, JSON, JSON Lines or Markdown (from the extension).
struct SaveCommand: Command {
  static let formats: [String: OutputFormat] = [
    "csv": .csv, "tsv": .tsv, "json": .json, "jsonl": .jsonl, "ndjson": .jsonl, "md": .markdown,
    "markdown": .markdown, "txt": .table,
  ]

  static let file = Param<String>.argument("file", .file, "where to write; the extension picks the format")
  let signature = Signature(
    "save", summary: "Write a table to a .csv, .tsv, .json, .jsonl, .md or .txt file (pipeline)",
    parameters: [file.spec],
    help: "A card (show ENTITY) is saved whole as .json, .md or .txt; .csv, .tsv and .jsonl take one table.",
    examples: [Example("labels | save /tmp/kgsh-labels.csv", "labels as CSV", expect: "saved")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let file = call[Self.file]
    try TextFile.checkWritable(file, command: "save", example: "table.csv")
    let ext = (file as NSString).pathExtension.lowercased()
    guard let format = Self.formats[ext] else {
      let spreadsheet = ["xlsx", "xls", "ods", "numbers"].contains(ext)
      throw KgshError(
        .invalidValue, "save: cannot tell the format of '\(file)'",
        hint: spreadsheet
          ? "kgsh writes no .\(ext) files; a .csv file opens in any spreadsheet: save "
            + (file as NSString).deletingPathExtension + ".csv"
          : "end the name with .csv, .tsv, .json, .jsonl, .md or .txt")
    }
    // A card (several tables) is one JSON document, or its sections one after another in
    // Markdown or text; CSV, TSV and JSON Lines hold one table.
    if case .sections(let parts)? = call.input, ![.json, .markdown, .table].contains(format) {
      throw KgshError(
        .usage,
        "save: a .\(ext) file holds one table, and the command before | gave \(parts.count.counted("part")) "
          + "(\(parts.map(\.0).joinedText(", ")))",
        hint: "save FILE.json or FILE.md keeps them all; or pipe one part, e.g. "
          + "show ENTITY --section facts | save \(file)")
    }
    if case .sections(let parts)? = call.input {
      let text = Renderer(format: format, width: nil, color: false).render(.sections(parts))
      try TextFile.write(text, to: file, command: "save")
      return .message("saved \(parts.count.counted("part")) (\(parts.map(\.0).joinedText(", "))) to \(file)")
    }
    let table = try ScriptValues.inputTable(call, example: "find GLM | save glm.csv")
    let text = Renderer(format: format, width: nil, color: false).render(.table(table))
    try TextFile.write(text, to: file, command: "save")
    let saved = "saved \(table.rows.count.counted("row")) to \(file)"
    // A file of 20 rows that stand for 27 must not pass for all of them.
    guard let cut = table.limitCut else { return .message(saved) }
    return .message(saved + ": only the rows --limit let through, \(cut.all); raise --limit")
  }
}

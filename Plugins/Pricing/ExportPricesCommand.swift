import Foundation
import KnowledgeGraph
import ShellCore

/// `export prices [FILE]`: the current price rows (built-in and user) with the prices.tsv
/// columns, shown or written as CSV, TSV or JSON by the file's extension.
struct ExportPricesCommand: Command {
  let signature = Signature(
    "export prices", aliases: ["export-prices"],
    summary: "The price rows with the prices.tsv columns, shown or written to a .csv, .tsv or .json file",
    arguments: [Argument("file", "write a .csv, .tsv or .json file here", completion: .file, optional: true)],
    flags: [
      Flag("kind", "plans or API models", kind: .choice(["plan", "api"])),
      Flag("layer", "only built-in or only user rows", kind: .choice(["built-in", "user"])),
      Flag("as-of", "the rows current at this date (YYYY[-MM[-DD]])"),
      Flag("explain", "say where the rows come from", kind: .bool),
    ],
    help: "The file can be imported again with import prices.",
    examples: [Example("export prices --kind api --format tsv", "API rows as TSV", expect: "price_id")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let asOf = try call.flag("as-of").map { try PriceDate.flag($0, command: "export prices") }
    var rows = try PriceBook.rows(session, asOf: asOf)
    if let kind = call.flag("kind") { rows = rows.filter { $0.kind == kind } }
    if let layer = call.flag("layer") { rows = rows.filter { $0.layer == layer } }
    let table = Table(columns: PriceRow.columns, rows: rows.map { $0.cells.map { .string($0) } })
    guard let path = call.argument(0) else {
      var notes: [String] = []
      if call.has("explain") {
        let user = rows.filter(\.isUser).count
        notes.append(
          "\(rows.count - user) rows from reference/prices.tsv, \(user) imported (kept in the knowledge base)"
        )
      }
      return .table(Table(columns: table.columns, rows: table.rows, notes: notes))
    }
    let format: OutputFormat
    switch (path as NSString).pathExtension.lowercased() {
    case "csv": format = .csv
    case "tsv": format = .tsv
    case "json": format = .json
    default:
      throw ShellError(
        "export prices: cannot tell the format of '\(path)'", hint: "name the file .csv, .tsv or .json")
    }
    do {
      try Renderer(format: format).render(.table(table)).write(
        toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw ShellError(
        "export prices: cannot write \(path)", hint: "check that the folder exists and is writable")
    }
    return .message("wrote \(rows.count) price rows to \(path)")
  }
}

import Foundation
import KnowledgeGraph
import ShellCore

/// `export prices [FILE]`: the current price rows (built-in and user) with the prices.tsv
/// columns, shown or written as CSV, TSV or JSON by the file's extension.
struct ExportPricesCommand: Command {
  static let file: Param<String?> = .optionalArgument("file", .file, "write a .csv, .tsv or .json file here")
  static let kind: Param<String?> = .option("kind", .choice(["plan", "api"]), "plans or API models")
  static let layer: Param<String?> = .option(
    "layer", .choice(["built-in", "user"]), "only built-in or only user rows")
  static let asOf: Param<String?> = .option("as-of", .date, "the rows current at this date")
  static let explain = Param.toggle("explain", "say where the rows come from")
  let signature = Signature(
    "export prices", aliases: ["export-prices"],
    summary: "The price rows with the prices.tsv columns, shown or written to a .csv, .tsv or .json file",
    parameters: [file.spec, kind.spec, layer.spec, asOf.spec, explain.spec],
    help: "The file can be imported again with import prices.",
    examples: [Example("export prices --kind api --format tsv", "API rows as TSV", expect: "P040")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let asOf = call[Self.asOf]
    var rows = try PriceBook.rows(session, asOf: asOf)
    if let kind = call[Self.kind] { rows = rows.filter { $0.kind == kind } }
    if let layer = call[Self.layer] { rows = rows.filter { $0.layer == layer } }
    let table = Table(columns: PriceRow.columns, rows: rows.map { $0.cells.map { .string($0) } })
    guard let path = call[Self.file] else {
      var notes: [String] = []
      if call[Self.explain] {
        let user = rows.filter(\.isUser).count
        notes.append(
          "\(rows.count - user) rows from reference/prices.tsv, \(user) imported (kept in the knowledge base)"
        )
      }
      return .table(Table(columns: table.columns, rows: table.rows, notes: notes))
    }
    try TextFile.checkWritable(path, command: "export prices", example: "prices.csv")
    let format: OutputFormat
    switch (path as NSString).pathExtension.lowercased() {
    case "csv": format = .csv
    case "tsv": format = .tsv
    case "json": format = .json
    default:
      throw KgshError(
        .invalidValue, "export prices: cannot tell the format of '\(path)'",
        hint: "name the file .csv, .tsv or .json")
    }
    try TextFile.write(Renderer(format: format).render(.table(table)), to: path, command: "export prices")
    return .message("wrote \(rows.count) price rows to \(path)")
  }
}

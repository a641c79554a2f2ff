import Foundation
import ShellCore

/// `import-prices FILE`: adds or replaces price rows for this session from a TSV file with
/// the prices.tsv columns; every row is checked before any is used.
struct ImportPricesCommand: Command {
  let signature = Signature(
    "import-prices",
    summary: "Add or replace price rows for this session from a TSV file with the prices.tsv columns",
    arguments: [Argument("file", "a .tsv file with a header line", completion: .file)],
    flags: [Flag("explain", "list the rows added and replaced", kind: .bool)],
    help: "Required columns: price_id, category (subscription or api_per_token), product_or_model, currency. "
      + "Prices must be plain decimals; rows with a known price_id replace it. The knowledge base is not changed."
  )

  func run(_ call: Call, _ session: Session) throws -> Output {
    let path = call.arguments[0]
    guard FileManager.default.fileExists(atPath: path) else {
      throw ShellError("import-prices: no file '\(path)'", hint: "give the path of a .tsv file")
    }
    let tsv = try TSV.read(path)
    let missing = ["price_id", "category", "product_or_model", "currency"].filter { !tsv.header.contains($0) }
    guard missing.isEmpty else {
      throw ShellError(
        "import-prices: \(path) lacks the column(s) \(missing.joined(separator: ", "))",
        hint: "export-prices shows the expected header")
    }
    var imported: [PriceRow] = []
    for line in tsv.rows {
      let r = PriceRow(line)
      let at = line.location
      guard !r.id.isEmpty else { throw ShellError("import-prices: \(at): empty price_id") }
      guard r.category == "subscription" || r.category.hasPrefix("api") else {
        throw ShellError(
          "import-prices: \(at): category must be subscription or api_per_token, not '\(r.category)'")
      }
      guard !r.product.isEmpty else { throw ShellError("import-prices: \(at): empty product_or_model") }
      _ = try FXBook.validate(r.currency, command: "import-prices: \(at)")
      for (column, text) in [
        ("input_per_1M", r.inputText), ("cached_input_per_1M", r.cachedText), ("output_per_1M", r.outputText),
        ("flat_price", r.flatText),
      ] where !text.isEmpty {
        guard let v = Money.parse(text), v >= 0 else {
          throw ShellError("import-prices: \(at): \(column) must be a decimal like 0.60, not '\(text)'")
        }
      }
      if r.isPlan && r.flat == nil {
        throw ShellError("import-prices: \(at): a subscription needs flat_price")
      }
      if r.isAPI && (r.input == nil || r.output == nil) {
        throw ShellError("import-prices: \(at): an API row needs input_per_1M and output_per_1M")
      }
      guard !imported.contains(where: { $0.id == r.id }) else {
        throw ShellError("import-prices: \(at): price_id \(r.id) appears twice")
      }
      imported.append(r)
    }
    var rows = try PriceBook.rows(session)
    var added: [String] = []
    var replaced: [String] = []
    for r in imported {
      if let i = rows.firstIndex(where: { $0.id == r.id }) {
        rows[i] = r
        replaced.append(r.id)
      } else {
        rows.append(r)
        added.append(r.id)
      }
    }
    session.extensions[PriceBook.key] = rows
    var notes: [String] = []
    if call.has("explain") {
      notes.append("added: " + (added.isEmpty ? "none" : added.joined(separator: ", ")))
      notes.append("replaced: " + (replaced.isEmpty ? "none" : replaced.joined(separator: ", ")))
      notes.append("rows live in this session only; reference/prices.tsv is unchanged")
    }
    return .table(
      Table(
        columns: ["file", "added", "replaced", "total"],
        rows: [
          [.string(path), .int(Int64(added.count)), .int(Int64(replaced.count)), .int(Int64(rows.count))]
        ],
        notes: notes))
  }
}

/// `export-prices [FILE]`: the session's price rows (built-in and imported) with the prices.tsv
/// columns, as a table or written to a TSV file.
struct ExportPricesCommand: Command {
  let signature = Signature(
    "export-prices",
    summary: "The session's price rows with the prices.tsv columns, shown or written to a TSV file",
    arguments: [Argument("file", "write a .tsv file here", completion: .file, optional: true)],
    flags: [
      Flag("kind", "plans or API models", kind: .choice(["plan", "api"])),
      Flag("explain", "say where the rows come from", kind: .bool),
    ],
    examples: [Example("export-prices --kind api --format tsv", "API rows as TSV", expect: "price_id")])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var rows = try PriceBook.rows(session)
    if let kind = call.flag("kind") { rows = rows.filter { $0.kind == kind } }
    if let path = call.argument(0) {
      let text =
        ([PriceRow.columns] + rows.map(\.cells)).map { cells in
          cells.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
            .joined(separator: "\t")
        }.joined(separator: "\n") + "\n"
      do {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
      } catch {
        throw ShellError(
          "export-prices: cannot write \(path)", hint: "check that the folder exists and is writable")
      }
      return .message("wrote \(rows.count) price rows to \(path)")
    }
    var notes: [String] = []
    if call.has("explain") {
      notes.append("rows from reference/prices.tsv plus any import-prices in this session")
    }
    return .table(
      Table(columns: PriceRow.columns, rows: rows.map { $0.cells.map { .string($0) } }, notes: notes))
  }
}

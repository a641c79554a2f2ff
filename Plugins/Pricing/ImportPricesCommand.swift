import Foundation
import KnowledgeGraph
import ShellCore

/// `import prices FILE.csv|.tsv|.json [--strict]`: adds price rows to the knowledge base
/// (user layer) in one transaction and reports each row added, changed, unchanged or rejected.
///
/// Rejected rows are skipped and listed with their line and reason; the command then fails
/// (exit status 1 in a script) after the good rows are committed. With `--strict` one bad
/// row means nothing is imported. A file that cannot be parsed, or lacks a required column,
/// changes nothing.
struct ImportPricesCommand: Command {
  static let file = Param<String>.argument(
    "file", .file, "a .csv, .tsv or .json file with the prices.tsv columns")
  static let strict = Param.toggle("strict", "import nothing when any row is rejected")
  static let explain = Param.toggle("explain", "list the unchanged rows too")
  static let asOf: Param<String?> = .option(
    "as-of", .date, "the date of a catalogue snapshot (default: today, the import date)")
  let signature = Signature(
    "import prices", aliases: ["import-prices"],
    summary:
      "Import price rows from CSV, TSV, JSON or a LiteLLM, OpenRouter or llm-prices catalogue; reports added/changed/rejected rows",
    parameters: [file.spec, strict.spec, explain.spec, asOf.spec],
    help:
      "The format comes from the content. Catalogues: LiteLLM model_prices_and_context_window.json, "
      + "OpenRouter's /api/v1/models response, simonw/llm-prices JSON, and a plain CSV "
      + "model,input_per_1M,output_per_1M,currency[,as_of] (a spreadsheet's names are read too: product, input, "
      + "output, provider, date; a file with ';' between columns has a decimal comma). Their prices become exact decimals per 1M tokens "
      + "(3e-06 per token is 3), keyed by catalogue and model id (litellm:gpt-4o), so a newer snapshot "
      + "reports the changed rows and keeps the older ones; a snapshot is dated today unless --as-of says "
      + "otherwise. Entries that are not per-token prices (images, embeddings, ...) are skipped and counted. "
      + "A kgsh price file needs the columns price_id, category (subscription or api_per_token), product_or_model, currency, as_of "
      + "(YYYY-MM-DD, YYYY-MM or YYYY). Prices are plain decimals, never negative. status starts with verified, "
      + "secondary, derived or unverified (default unverified); source defaults to the file name. "
      + "A row with a known price_id and other values is a change; the older observation stays for --as-of. "
      + "Imported rows are kept in the knowledge base and survive rebuilds of the built-in layer.",
    examples: [
      Example(
        "import prices shell-scripts/data/pricing-example.csv",
        "import the clearly labelled example file of the kgsh sources (two made-up rows)"),
      Example(
        "import prices shell-scripts/data/catalogues/llm-prices-anthropic.json --as-of 2026-08-05",
        "import an excerpt of simonw/llm-prices (per 1M tokens), dated by its snapshot"),
    ],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let name = call[Self.file]
    let path = Self.resolve(name, session: session)
    let catalogue = try PriceCatalog.read(
      path, command: "import prices", asOf: call[Self.asOf])
    let file = try catalogue?.file ?? PriceFile.read(path, command: "import prices")
    if catalogue == nil && call[Self.asOf] != nil {
      throw KgshError(
        .usage, "import prices: --as-of dates a catalogue snapshot; a kgsh price file has an as_of column",
        hint: "drop --as-of, or fill the file's as_of column")
    }
    let outcomes = PriceImport.check(
      file, source: "import: " + (name as NSString).lastPathComponent,
      existing: try PriceBook.history(session), snapshot: catalogue != nil)
    let rejected = outcomes.filter { $0.result == .rejected }
    let strict = call[Self.strict]
    let writes = outcomes.filter { $0.result == .added || $0.result == .changed }
    if !(strict && !rejected.isEmpty) && !writes.isEmpty {
      let stamp = ISO8601DateFormatter().string(from: Date())
      try session.store.write { w in
        for o in writes { try w.upsertPriceRow(o.record!, importedAt: stamp) }
      }
    }
    var report = Self.report(name, outcomes, strict: strict, explain: call[Self.explain])
    if let catalogue { report.notes.insert(catalogue.summary, at: 0) }
    guard !rejected.isEmpty else { return .table(report) }
    // Show the report, then fail so a script notices the rejected rows.
    let lines = rejected.prefix(3).map { "line \($0.line)" }.joinedText(", ")
    try session.reportThenFail(
      .table(report),
      KgshError(
        .invalidValue,
        "import prices: \(rejected.count) of \(outcomes.count) rows rejected (\(lines)\(rejected.count > 3 ? ", ..." : ""))"
          + (strict
            ? "; nothing was imported (--strict)"
            : rejected.count == outcomes.count ? "; nothing was imported" : "; the other rows were imported"),
        hint: "fix the rows listed above and import the file again"))
  }

  static func report(_ name: String, _ outcomes: [PriceImport.Outcome], strict: Bool, explain: Bool) -> Table
  {
    func count(_ r: PriceImport.Outcome.Result) -> Int { outcomes.filter { $0.result == r }.count }
    let rows: [[Value]] = outcomes.filter { explain || $0.result != .unchanged }.map {
      [.int(Int64($0.line)), .string($0.id), .string($0.result.rawValue), .string($0.detail)]
    }
    let aborted = strict && count(.rejected) > 0
    let counts =
      "\(count(.added)) added, \(count(.changed)) changed, \(count(.unchanged)) unchanged, \(count(.rejected)) rejected"
    let notes =
      aborted
      ? [
        "\(name): \(count(.rejected)) rejected, so nothing was imported (--strict); otherwise \(count(.added)) would be added, \(count(.changed)) changed"
      ]
      : [
        "\(name): \(counts)",
        count(.added) + count(.changed) > 0
          ? "kept in the knowledge base (user layer); built-in prices.tsv is unchanged"
          : count(.rejected) > 0
            ? "nothing was written"
              + (count(.unchanged) > 0 ? "; the other rows are in the knowledge base as they are" : "")
            : "nothing was written: every row is in the knowledge base as it is (--explain lists them)",
      ]
    return Table(columns: ["line", "price_id", "result", "detail"], rows: rows, notes: notes)
  }

  /// A relative path is looked up next to the running script first, then in the current folder.
  static func resolve(_ file: String, session: Session) -> String {
    guard !file.hasPrefix("/"),
      let script = session.shell?.origins.last(where: {
        FileManager.default.fileExists(atPath: $0)
      })
    else { return file }
    let candidate = ((script as NSString).deletingLastPathComponent as NSString).appendingPathComponent(file)
    return FileManager.default.fileExists(atPath: candidate) ? candidate : file
  }
}

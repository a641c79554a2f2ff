import Foundation
import KnowledgeGraph
import ShellCore

/// Price catalogues people already use, read by `import prices` and turned into ordinary
/// price rows (`PriceFile` records with the prices.tsv columns) so they go through the same
/// checks, the same added/changed/unchanged report and the same one-transaction write as a
/// kgsh price file.
///
/// The format comes from the content, not the file name: LiteLLM's
/// model_prices_and_context_window.json, OpenRouter's /api/v1/models response, simonw/llm-prices
/// JSON, or a plain CSV `model,input_per_1M,output_per_1M,currency[,as_of]`. Each row's price_id is
/// the catalogue plus the catalogue's model id (`litellm:gpt-4o`), so importing a newer snapshot
/// reports the rows whose prices changed and keeps the older ones with their dates.
enum PriceCatalog {
  enum Format: String {
    case litellm, openrouter
    case llmPrices = "llm-prices"
    case csv
  }

  /// A catalogue read and converted.
  struct Catalogue {
    var format: Format
    var file: PriceFile
    /// Entries that are not per-token model prices, as (why, how many), in first-seen order.
    var skipped: [(reason: String, count: Int)] = []
    var entries: Int

    /// "litellm catalogue: 30 entries, 12 skipped (1 sample_spec, 11 mode image_generation)", or
    /// "plain CSV: 2 entries, none skipped".
    var summary: String {
      let total = skipped.reduce(0) { $0 + $1.count }
      let name = format == .csv ? "plain CSV" : "\(format.rawValue) catalogue"
      guard total > 0 else { return "\(name): \(entries.counted("entry", plural: "entries")), none skipped" }
      let why = skipped.map { "\($0.count) \($0.reason)" }.joinedText(", ")
      return "\(name): \(entries.counted("entry", plural: "entries")), \(total) skipped (\(why))"
    }
  }

  /// Where each catalogue is published; the rows' source names it.
  static let urls: [Format: String] = [
    .litellm: "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json",
    .openrouter: "https://openrouter.ai/api/v1/models",
    .llmPrices: "https://www.llm-prices.com (https://github.com/simonw/llm-prices)",
  ]

  static func source(_ format: Format) -> String { "\(format.rawValue): \(urls[format] ?? "")" }

  /// Reads `path` as a catalogue; nil when it is a kgsh price file (a JSON array, or CSV/TSV
  /// with a price_id column). `asOf` (`--as-of`) dates rows the catalogue leaves undated;
  /// without it, llm-prices' `updated_at`, else today.
  /// - Throws: `KgshError` for a file that cannot be read or parsed (nothing is imported).
  static func read(_ path: String, command: String, asOf: String?) throws -> Catalogue? {
    guard let data = FileManager.default.contents(atPath: path),
      var text = String(data: data, encoding: .utf8)
    else { return nil }  // PriceFile.read says what is wrong
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let start = text.unicodeScalars.first { !$0.properties.isWhitespace }
    if start == "[" { return nil }
    if start == "{" { return try json(text, command: command, asOf: asOf) }
    let header = ((try? CSVReader(path: path))?.header() ?? []).map(csvColumn)
    guard !header.contains("price_id"), header.contains("model") || header.contains("input_per_1M") else {
      return nil
    }
    return try plainCSV(path, header: header, command: command, asOf: asOf ?? today())
  }

  /// A JSON object: LiteLLM (model id → entry), OpenRouter (`data`) or llm-prices (`prices`
  /// or `vendor` + `models`).
  static func json(_ text: String, command: String, asOf given: String?) throws -> Catalogue {
    let asOf = given ?? today()
    let value: Value
    do {
      value = try JSON.decode(text)
    } catch {
      throw KgshError(
        .invalidValue, "\(command): \(KgshError.describe(error)); nothing was imported",
        hint: "the file may be cut short; download the catalogue again")
    }
    guard case .map(let object) = value else { throw unknownShape(command) }
    if case .list(let models)? = object["data"] {
      return openRouter(models, lines: JSONLines.members(text, depth: 2), asOf: asOf)
    }
    if case .list(let prices)? = object["prices"] {
      let snapshot = given ?? object["updated_at"].map(\.plainText).flatMap(Dates.valid) ?? asOf
      return llmPrices(
        prices, vendor: nil, lines: JSONLines.members(text, depth: 2), asOf: snapshot)
    }
    if case .list(let models)? = object["models"], let vendor = object["vendor"]?.plainText {
      return llmPrices(models, vendor: vendor, lines: JSONLines.members(text, depth: 2), asOf: asOf)
    }
    let looksLiteLLM = object.values.contains {
      guard case .map(let entry) = $0 else { return false }
      return entry["litellm_provider"] != nil || entry["input_cost_per_token"] != nil
    }
    guard looksLiteLLM else { throw unknownShape(command) }
    return liteLLM(object, members: JSONLines.members(text, depth: 1), asOf: asOf)
  }

  static func unknownShape(_ command: String) -> KgshError {
    KgshError(
      .invalidValue, "\(command): this JSON is not a price catalogue kgsh knows; nothing was imported",
      hint: "kgsh reads LiteLLM model_prices_and_context_window.json, OpenRouter {\"data\": [...]}, "
        + "llm-prices {\"prices\": [...]} and kgsh's own [ {\"price_id\": ...} ]")
  }

  /// The cells of one per-token API row; the caller adds the prices.
  static func row(
    _ format: Format, id: String, model: String, vendor: String, asOf: String
  ) -> [String: String] {
    [
      "price_id": "\(format.rawValue):\(id)", "category": "api_per_token", "product_or_model": model,
      "vendor": vendor, "currency": "USD", "as_of": asOf, "source": source(format),
      "status": "secondary (\(format.rawValue) catalogue)",
    ]
  }

  /// Puts a per-token price, converted exactly to per 1M, into `column`; on a value that is
  /// not a number, returns the problem naming the catalogue's field.
  static func perMillion(
    _ value: Value?, field: String, into column: String, _ cells: inout [String: String], perToken: Bool
  ) -> String? {
    guard let value, !value.isNull else { return nil }
    guard let text = DecimalText.text(of: value),
      let converted = DecimalText.shift(text, by: perToken ? 6 : 0)
    else {
      return "\(field) is \(value.plainText.isEmpty ? "empty" : "'\(value.plainText)'"), not a number"
        + (perToken ? " of US$ per token" : " of US$ per 1M tokens")
    }
    cells[column] = converted
    return nil
  }

  /// Counts a skipped entry under its reason.
  static func skip(_ reason: String, _ skipped: inout [(reason: String, count: Int)]) {
    if let i = skipped.firstIndex(where: { $0.reason == reason }) {
      skipped[i].count += 1
    } else {
      skipped.append((reason, 1))
    }
  }

  /// Today's date (local time), the as_of of an undated snapshot.
  static func today() -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.dateFormat = "yyyy-MM-dd"
    return f.string(from: Date())
  }
}

import Foundation
import KnowledgeGraph
import ShellCore

extension PriceCatalog {
  /// LiteLLM modes priced per token; other modes (embedding, image_generation, audio, rerank,
  /// moderation, search, ...) are skipped and counted.
  static let liteLLMModes: Set<String> = ["chat", "completion", "responses"]

  /// LiteLLM: `{ "model id": { input_cost_per_token, output_cost_per_token,
  /// cache_read_input_token_cost, litellm_provider, mode }, ... }`, US$ per token as floats.
  static func liteLLM(_ object: [String: Value], members: [JSONLines.Member], asOf: String) -> Catalogue {
    var keyed = members.compactMap { m in m.key.map { ($0, m.line) } }
    if keyed.count != object.count { keyed = object.keys.sorted().map { ($0, 0) } }
    var records: [PriceFile.Record] = []
    var skipped: [(reason: String, count: Int)] = []
    var seen: Set<String> = []
    for (id, line) in keyed where seen.insert(id).inserted {
      guard case .map(let entry)? = object[id] else {
        records.append(
          PriceFile.Record(line: line, cells: ["price_id": "litellm:\(id)"], problem: "not an object"))
        continue
      }
      if id == "sample_spec" {
        skip("sample_spec (LiteLLM's description of its fields)", &skipped)
        continue
      }
      if let mode = entry["mode"]?.plainText, !liteLLMModes.contains(mode) {
        skip("mode \(mode)", &skipped)
        continue
      }
      let input = entry["input_cost_per_token"], output = entry["output_cost_per_token"]
      guard input != nil && output != nil else {
        skip("without both input and output cost per token", &skipped)
        continue
      }
      let provider = entry["litellm_provider"]?.plainText ?? ""
      var cells = row(.litellm, id: id, model: id, vendor: provider, asOf: asOf)
      cells["sold_on"] = provider
      cells["seller_type"] = "catalogue"
      let problem =
        perMillion(input, field: "input_cost_per_token", into: "input_per_1M", &cells, perToken: true)
        ?? perMillion(output, field: "output_cost_per_token", into: "output_per_1M", &cells, perToken: true)
        ?? perMillion(
          entry["cache_read_input_token_cost"], field: "cache_read_input_token_cost",
          into: "cached_input_per_1M", &cells, perToken: true)
      records.append(PriceFile.Record(line: line, cells: cells, problem: problem.map { "\(id): \($0)" }))
    }
    return Catalogue(format: .litellm, file: file(records), skipped: skipped, entries: keyed.count)
  }

  /// OpenRouter: `{"data": [{id, name, pricing: {prompt, completion, input_cache_read}}]}`, US$
  /// per token as decimal strings. A price of -1 (the auto router) is variable and skipped.
  static func openRouter(_ models: [Value], lines: [JSONLines.Member], asOf: String) -> Catalogue {
    var records: [PriceFile.Record] = []
    var skipped: [(reason: String, count: Int)] = []
    for (n, item) in models.enumerated() {
      let line = models.count == lines.count ? lines[n].line : 0
      guard case .map(let model) = item, let id = model["id"]?.plainText, !id.isEmpty else {
        records.append(PriceFile.Record(line: line, cells: [:], problem: "model \(n + 1) has no id"))
        continue
      }
      guard case .map(let pricing)? = model["pricing"] else {
        skip("without pricing", &skipped)
        continue
      }
      if [pricing["prompt"], pricing["completion"]].contains(where: { $0?.plainText.hasPrefix("-") == true })
      {
        skip("with a variable price (-1, a router)", &skipped)
        continue
      }
      let vendor = id.split(separator: "/").first.map(String.init) ?? ""
      var cells = row(.openrouter, id: id, model: model["name"]?.plainText ?? id, vendor: vendor, asOf: asOf)
      cells["sold_on"] = "openrouter.ai"
      cells["seller_type"] = "reseller"
      let problem =
        perMillion(pricing["prompt"], field: "pricing.prompt", into: "input_per_1M", &cells, perToken: true)
        ?? perMillion(
          pricing["completion"], field: "pricing.completion", into: "output_per_1M", &cells, perToken: true)
        ?? perMillion(
          pricing["input_cache_read"], field: "pricing.input_cache_read", into: "cached_input_per_1M", &cells,
          perToken: true)
      records.append(PriceFile.Record(line: line, cells: cells, problem: problem.map { "\(id): \($0)" }))
    }
    return Catalogue(format: .openrouter, file: file(records), skipped: skipped, entries: models.count)
  }

  /// simonw/llm-prices: `{"prices": [{id, vendor, name, input, output, input_cached, from_date?,
  /// to_date?}]}` (current-v1.json, historical-v1.json) or a data file `{"vendor", "models":
  /// [{id, name, price_history: [...]}]}`; US$ per million tokens. A dated price keeps its
  /// from_date; an ended price without a start date is skipped.
  static func llmPrices(_ items: [Value], vendor: String?, lines: [JSONLines.Member], asOf: String)
    -> Catalogue
  {
    var records: [PriceFile.Record] = []
    var skipped: [(reason: String, count: Int)] = []
    var entries = 0
    for (n, item) in items.enumerated() {
      let line = items.count == lines.count ? lines[n].line : 0
      guard case .map(let model) = item, let id = model["id"]?.plainText, !id.isEmpty else {
        records.append(PriceFile.Record(line: line, cells: [:], problem: "entry \(n + 1) has no id"))
        continue
      }
      var history = [item]
      if let v = model["price_history"], case .list(let list) = v { history = list }
      for case .map(let price) in history {
        entries += 1
        let from = price["from_date"]?.plainText ?? ""
        if from.isEmpty && !(price["to_date"]?.plainText ?? "").isEmpty {
          skip("ended prices without a start date", &skipped)
          continue
        }
        let who = vendor ?? model["vendor"]?.plainText ?? ""
        var cells = row(
          .llmPrices, id: id, model: model["name"]?.plainText ?? id, vendor: who,
          asOf: from.isEmpty ? asOf : from)
        cells["seller_type"] = "catalogue"
        let problem =
          perMillion(price["input"], field: "input", into: "input_per_1M", &cells, perToken: false)
          ?? perMillion(price["output"], field: "output", into: "output_per_1M", &cells, perToken: false)
          ?? perMillion(
            price["input_cached"], field: "input_cached", into: "cached_input_per_1M", &cells, perToken: false
          )
        records.append(PriceFile.Record(line: line, cells: cells, problem: problem.map { "\(id): \($0)" }))
      }
    }
    return Catalogue(format: .llmPrices, file: file(records), skipped: skipped, entries: entries)
  }

  /// The columns a plain CSV may have; `model`, `input_per_1M`, `output_per_1M` and `currency`
  /// are required.
  static let csvColumns = [
    "model", "input_per_1M", "output_per_1M", "currency", "as_of", "cached_input_per_1M", "vendor", "source",
    "note",
  ]

  /// Other names people give a plain CSV's columns (`product`, `input`, `output_price`,
  /// `provider`, `date`), read as kgsh's.
  static let csvSynonyms: [String: String] = [
    "product": "model", "product_or_model": "model", "name": "model", "model_name": "model",
    "model_id": "model",
    "input": "input_per_1M", "input_price": "input_per_1M", "input_cost": "input_per_1M",
    "prompt": "input_per_1M",
    "input_per_million": "input_per_1M", "output": "output_per_1M", "output_price": "output_per_1M",
    "output_cost": "output_per_1M", "completion": "output_per_1M", "output_per_million": "output_per_1M",
    "cached": "cached_input_per_1M", "cached_input": "cached_input_per_1M",
    "cache_read": "cached_input_per_1M",
    "provider": "vendor", "company": "vendor", "date": "as_of", "asof": "as_of", "as-of": "as_of",
  ]

  /// A plain CSV's column as kgsh names it: its own names in any case, or a synonym's.
  static func csvColumn(_ name: String) -> String {
    let lower = name.lowercased()
    return csvColumns.first { $0.lowercased() == lower } ?? csvSynonyms[lower] ?? name
  }

  /// A plain CSV `model,input_per_1M,output_per_1M,currency[,as_of,...]`: price ids come from
  /// the model name (`csv:gpt-4o-mini`); a missing as_of is `asOf`.
  static func plainCSV(_ path: String, header: [String], command: String, asOf: String) throws -> Catalogue {
    if let unknown = header.first(where: { !csvColumns.contains($0) }) {
      let near = Names.suggestions(for: unknown, among: csvColumns).first
      throw KgshError(
        .invalidValue, "\(command): \(path) has an unknown column '\(unknown)'; nothing was imported",
        hint: near.map { "did you mean '\($0)'?" } ?? "columns: \(csvColumns.joinedText(", "))")
    }
    let missing = csvColumns.prefix(4).filter { !header.contains($0) }
    if !missing.isEmpty {
      throw KgshError(
        .invalidValue,
        "\(command): \(path) has no column \(missing.joinedText(", ")); nothing was imported",
        hint: "a plain price CSV starts with the header model,input_per_1M,output_per_1M,currency")
    }
    let plain = try PriceFile.delimited(path, command)
    // A file with ';' between columns was saved with a decimal comma (1,5 is 1.5).
    let decimalComma = (try? CSVReader(path: path))?.unusualSeparator == "';'"
    let records = plain.records.map { rec -> PriceFile.Record in
      var cells = Dictionary(rec.cells.map { (csvColumn($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
      for column in PriceImport.moneyColumns where decimalComma {
        if let text = cells[column], text.wholeMatch(of: /[0-9]+,[0-9]+/) != nil {
          cells[column] = text.replacingOccurrences(of: ",", with: ".")
        }
      }
      let model = cells["model"] ?? ""
      cells["model"] = nil
      cells["price_id"] = "csv:" + Slug.make(model)
      cells["product_or_model"] = model
      cells["category"] = "api_per_token"
      if (cells["as_of"] ?? "").isEmpty { cells["as_of"] = asOf }
      let problem = model.isEmpty ? "missing model (the model name makes the price_id)" : nil
      return PriceFile.Record(line: rec.line, cells: cells, problem: rec.problem ?? problem)
    }
    return Catalogue(format: .csv, file: file(records), entries: records.count)
  }

  /// A price file of converted records, with every column they use.
  static func file(_ records: [PriceFile.Record]) -> PriceFile {
    let used = Set(records.flatMap(\.cells.keys))
    return PriceFile(header: PriceRow.columns.filter { used.contains($0) }, records: records)
  }
}

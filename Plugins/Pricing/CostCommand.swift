import Foundation
import KnowledgeGraph
import ShellCore

/// `cost MODEL [MODEL ...] --input N --output N`: what a workload costs on each API model,
/// cheapest first.
struct CostCommand: Command {
  static let models = Param<[String]>.arguments(
    "models", .text, minimum: 0,
    "API models, vendors or price ids (quote names with spaces); none: every model"
  ).completing(.dynamic(PricingPlugin.itemNames))
  static let input: Param<Int64?> = .option("input", .tokenCount, "input tokens per request (10M, 2.5k, 1e6)")
  static let output: Param<Int64?> = .option("output", .tokenCount, "output tokens per request")
  static let cached: Param<Int64?> = .option(
    "cached", .tokenCount, "cached input tokens per request, in addition to --input")
  static let requests = Param.option("requests", .integer(min: 1), default: 1, "number of requests")
  static let currency: Param<String?> = .option("currency", .currency, "show costs in this currency")
  static let asOf: Param<String?> = .option("as-of", .date, "prices and exchange rates as of this date")
  static let explain = Param.toggle("explain", "list the rows, rates and arithmetic used")
  let signature = Signature(
    "cost",
    summary: "What a token workload costs on API models, cheapest first, with the ratio to the cheapest",
    parameters: [
      models.spec, input.spec, output.spec, cached.spec, requests.spec, currency.spec, asOf.spec,
      explain.spec,
    ],
    help: """
      Uses the vendor's own list price when there is one; name a price id (P040) to price a reseller.
      A vendor or seller (anthropic, 智谱, openrouter) stands for the API models it sells, each at
      its latest price.
      """,
    examples: [
      Example(
        "cost GLM-4.5 'Claude Sonnet 4' --input 10M --output 2.5M", "a month of coding traffic",
        expect: "vs_cheapest"),
      Example("cost GLM-4.5 DeepSeek-V3.2 --input 1e6 --output 250k --currency CNY", "in CNY", expect: "¥"),
      Example(
        "cost --input 10M --output 2.5M | first 3", "the three cheapest models for a workload",
        expect: "DeepSeek V3.2"),
      Example(
        "cost anthropic 智谱 --input 1M --output 200k", "a vendor's models against another's",
        expect: "GLM-4.5-Air"),
    ])

  /// `cost 10M in 2M out` (or `cost input 10M`): counts written beside the words naming them;
  /// the line with flags, the other words kept as models. Nil when no count is named.
  static func countsInWords(_ words: [String]) -> String? {
    let flags = [
      "in": "--input", "input": "--input", "inputs": "--input", "out": "--output", "output": "--output",
      "outputs": "--output", "cached": "--cached", "cache": "--cached",
    ]
    var models: [String] = [], given: [String] = [], i = 0
    while i < words.count {
      let word = words[i], next = i + 1 < words.count ? words[i + 1] : nil
      if TokenCounts.parse(word) != nil, let next, let flag = flags[next.lowercased()] {
        given += [flag, word]
        i += 2
      } else if let flag = flags[word.lowercased()], let next, TokenCounts.parse(next) != nil {
        given += [flag, next]
        i += 2
      } else {
        models.append(Shell.quoteIfNeeded(word))
        i += 1
      }
    }
    return given.isEmpty ? nil : (["cost"] + models + given).joinedText(" ")
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard call.given(Self.input) || call.given(Self.output) || call.given(Self.cached) else {
      if let line = Self.countsInWords(call[Self.models]) {
        throw KgshError(
          .usage, "cost: token counts are given with --input and --output", hint: "write \(line)")
      }
      throw KgshError.usage("cost: give --input and/or --output token counts", usage: signature.usage)
    }
    let input = Decimal(call[Self.input] ?? 0)
    let output = Decimal(call[Self.output] ?? 0)
    let cached = Decimal(call[Self.cached] ?? 0)
    guard input + output + cached > 0 else {
      throw KgshError(
        .invalidValue, "cost: the workload is 0 tokens, which costs nothing on every model",
        hint: "give --input, --output or --cached a count above 0, e.g. --input 10M --output 2.5M")
    }
    if call[Self.models].contains(where: { Trim.spacesAndNewlines($0).isEmpty }) {
      throw KgshError(
        .usage, "cost: a model name is empty",
        hint: "name API models, vendors or price ids, or none for every model")
    }
    let requests = Decimal(call[Self.requests])
    let asOf = call[Self.asOf]
    let history = try PriceBook.history(session)
    var said: [String] = []  // what the names stood for
    let chosen =
      call[Self.models].isEmpty
      ? Self.everyModel(history, asOf: asOf)
      : try Self.named(call[Self.models], history, asOf: asOf, said: &said, session)
    guard let first = chosen.first else {
      throw KgshError(
        .notFound, "cost: no API model has a list price observed on or before \(asOf ?? "today")",
        hint: "try a later --as-of; prices --kind api lists the rows with their dates")
    }
    // Named models are priced in the first one's currency; every model, in USD when mixed.
    let mixed = Set(chosen.map(\.row.currency)).count > 1
    let target = call[Self.currency] ?? (call[Self.models].isEmpty && mixed ? "USD" : first.row.currency)
    let book = try FXBook.of(session)
    let workload = Workload(input: input, cached: cached, output: output, requests: requests)
    var used: [String] = []
    var priced: [WorkloadCost] = []
    for (_, r) in chosen {
      priced.append(try workload.price(r, in: target, book: book, asOf: asOf, used: &used))
    }
    priced.sort { $0.total != $1.total ? $0.total < $1.total : $0.row.id < $1.row.id }
    let cheapest = priced[0].total
    let rows: [[Value]] = priced.map { p in
      [
        .string(p.row.productBase), .string(p.row.id), .string(p.row.vendor),
        Money.value(p.parts[0], target, scale: 4), Money.value(p.parts[1], target, scale: 4),
        Money.value(p.parts[2], target, scale: 4), Money.value(p.total, target, scale: 4),
        cheapest > 0 ? Money.decimal(p.total / cheapest) : .null, .string(p.row.asOf), .string(p.note),
      ]
    }
    let notes = Self.notes(
      call, workload, priced, said: said, used: used)
    var table = Table(
      columns: [
        "model", "id", "seller", "input", "cached", "output", "total", "vs_cheapest", "as_of", "note",
      ],
      rows: rows, notes: notes)
    // In a narrow terminal: the prices, the total and the date (a pipe shows the seller and notes).
    table.narrowColumns = ["model", "total", "vs_cheapest", "input", "output", "id", "cached", "as_of"]
    return .table(table)
  }

  /// The lines under the table: the workload, what was priced, and with --explain the rows,
  /// rates and arithmetic (`priced` is sorted, cheapest first).
  static func notes(
    _ call: Call, _ w: Workload, _ priced: [WorkloadCost], said: [String], used: [String]
  ) -> [String] {
    var notes = [
      "workload: \(Tokens.format(w.input)) input + \(Tokens.format(w.cached)) cached + \(Tokens.format(w.output)) output tokens × \(Tokens.format(w.requests)) \(w.requests == 1 ? "request" : "requests")"
    ]
    if call[Self.models].isEmpty {
      notes.append(
        "every API model at its vendor's list price (\(priced.count) \(priced.count == 1 ? "model" : "models")); "
          + "name models or price ids to price resellers")
    }
    notes += said
    if call[Self.explain] {
      notes.append("rows: " + priced.map(\.row.id).joinedText(", "))
      notes += used.map { "rate: \($0)" }
      notes += priced.map { "arithmetic: \($0.arithmetic)" }
      for p in priced.dropFirst() where priced[0].total > 0 {
        notes.append(
          "arithmetic: \(p.row.id) vs \(priced[0].row.id): \(Money.number(p.total, scale: 4)) ÷ \(Money.number(priced[0].total, scale: 4)) = \(Money.number(p.total / priced[0].total, scale: 2, minFraction: 0))×"
        )
      }
    }
    return notes
  }

  /// The rows the named items choose, in order; `said` gets a line for each vendor named and
  /// for the items whose rows an earlier one chose.
  static func named(
    _ items: [String], _ history: [PriceRow], asOf: String?, said: inout [String], _ session: Session
  ) throws -> [(item: String, row: PriceRow)] {
    let all = history.filter(\.isAPI)
    var chosen: [(item: String, row: PriceRow)] = []
    var repeated: [String] = []
    var vendors: [(item: String, sold: [PriceRow])] = []
    defer {
      let ids = Set(chosen.map(\.row.id))
      said += vendors.map { soldNote($0.item, $0.sold, all: all, asOf: asOf, chosen: ids) }
      if !repeated.isEmpty {
        said.append("\(repeated.joinedText(", ")): the same price rows as an earlier name, shown once")
      }
    }
    func add(_ rows: [PriceRow], for item: String) {
      let new = rows.filter { r in !chosen.contains(where: { $0.row.id == r.id }) }
      if new.isEmpty { repeated.append(item) }
      chosen += new.map { (item, $0) }
    }
    let latest = PriceBook.current(history, asOf: nil)
    for item in PriceBook.joinNames(items, rows: latest).map({
      PriceBook.graphName($0, rows: latest, session)
    }) {
      // `cost anthropic`, `cost 智谱`, `cost openrouter`: a vendor or seller stands for the
      // models it sells (not for a reseller's row whose tier names it).
      let q = Names.normalize(item)
      if !latest.contains(where: { PriceBook.matchKeys($0).contains(q) }) {
        let sold = everyModel(history, asOf: asOf, soldBy: item).map(\.row)
        if !sold.isEmpty {
          vendors.append((item, sold))
          add(sold, for: item)
          continue
        }
      }
      let matched: [PriceRow]
      do {
        matched = try PriceBook.select(item, all: all, asOf: asOf, command: "cost").filter {
          $0.input != nil && $0.output != nil
        }
      } catch let error as KgshError where error.kind == .notFound {
        // `cost 'Claude Pro' --input 1M`: a plan has a flat price, not one per token.
        let plans = history.filter { !$0.isAPI }
        guard (try? PriceBook.match(item, in: PriceBook.current(plans, asOf: nil), command: "cost")) != nil
        else { throw error }
        throw KgshError(
          .invalidValue, "cost: '\(item)' is a subscription plan, priced by the month, not per token",
          hint: "cost takes API models (prices --kind api); compare plans with compare '\(item)' OTHER-PLAN")
      }
      guard !matched.isEmpty else {
        throw KgshError(
          .notFound, "cost: '\(item)' has no single input/output price",
          hint: "name an API model or a price id with both prices (see prices --kind api)")
      }
      let own = matched.filter { $0.sellerType == "vendor_list" }
      add(own.isEmpty ? matched : own, for: item)
    }
    return chosen
  }

  /// What a vendor's name stood for: its models, and the superseded rows left out.
  static func soldNote(
    _ item: String, _ sold: [PriceRow], all: [PriceRow], asOf: String?, chosen: Set<String>
  ) -> String {
    let sellers = Array(Set(sold.map(\.vendor))).sorted()
    let q = Names.normalize(item)
    let left = PriceBook.current(all, asOf: asOf).filter { r in
      PricesCommand.vendor(r, contains: q) && r.asOf.lowercased().contains("superseded")
        && !chosen.contains(r.id)
    }
    return
      "\(item): the API models \(sellers.joinedText(" and ")) \(sellers.count == 1 ? "sells" : "sell") (\(sold.count)), each at its latest price"
      + (left.isEmpty
        ? ""
        : "; superseded prices left out: name \(left.map(\.id).joinedText(" ")) to price them")
  }

  /// With no names: every API model at its own vendor's list price, the latest row of each
  /// model, leaving out rows without both prices and rows superseded by the date asked for
  /// (today, or `asOf` past the last date of a row marked superseded).
  /// With `soldBy`: every API model whose vendor or seller contains that text, at its own
  /// list price where the seller has one, else at the seller's latest price.
  static func everyModel(
    _ history: [PriceRow], asOf: String?, soldBy: String? = nil
  ) -> [(item: String, row: PriceRow)] {
    func superseded(_ r: PriceRow) -> Bool {
      guard r.asOf.lowercased().contains("superseded") else { return false }
      guard let asOf, let last = r.latestDate else { return true }
      return PriceDate.end(last) < asOf
    }
    let seller = soldBy.map(Names.normalize)
    if seller?.isEmpty == true { return [] }
    var best: [String: PriceRow] = [:]
    var order: [String] = []
    for r in PriceBook.current(history.filter(\.isAPI), asOf: asOf)
    where r.input != nil && r.output != nil && !superseded(r) {
      if let seller {
        guard PricesCommand.vendor(r, contains: seller) else { continue }
      } else if r.sellerType != "vendor_list" {
        continue
      }
      let model = Names.normalize(r.productBase)
      guard let old = best[model] else {
        order.append(model)
        best[model] = r
        continue
      }
      let (listed, oldListed) = (r.sellerType == "vendor_list", old.sellerType == "vendor_list")
      if listed != oldListed ? listed : (r.latestDate ?? "") > (old.latestDate ?? "") { best[model] = r }
    }
    return order.compactMap { best[$0] }.map { ($0.productBase, $0) }
  }
}

/// One model's cost of a workload: the input, cached and output parts in the target currency,
/// their total, what the row lacks, and the arithmetic that `--explain` shows.
struct WorkloadCost {
  var row: PriceRow
  var parts: [Decimal]
  var total: Decimal
  var note: String
  var arithmetic: String
}

/// The tokens `cost` prices: per request, times the requests.
struct Workload {
  var input: Decimal
  var cached: Decimal
  var output: Decimal
  var requests: Decimal

  /// The workload on one API row (input and output prices per 1M tokens; cached tokens at the
  /// input price when the row has no cached price), converted to `target`.
  func price(
    _ r: PriceRow, in target: String, book: FXBook, asOf: String?, used: inout [String]
  ) throws -> WorkloadCost {
    let million = Decimal(1_000_000)
    var note: [String] = []
    let cachedPrice = r.cached ?? r.input!
    if cached > 0 && r.cached == nil { note.append("no cached price: charged as input") }
    if r.sellerType != "vendor_list" { note.append(r.sellerType) }
    let native = [input * r.input! / million, cached * cachedPrice / million, output * r.output! / million]
      .map { $0 * requests }
    let parts = try native.map {
      try book.convert($0, from: r.currency, to: target, asOf: asOf, command: "cost", used: &used)
    }
    let total = parts.reduce(0, +)
    let arithmetic =
      "\(r.id): (\(Tokens.format(input)) × \(Money.number(r.input!, scale: 4)) + \(Tokens.format(cached)) × \(Money.number(cachedPrice, scale: 4)) + \(Tokens.format(output)) × \(Money.number(r.output!, scale: 4))) ÷ 1M × \(Tokens.format(requests)) = \(Money.format(native.reduce(0, +), r.currency, scale: 4))"
      + (r.currency == target
        ? ""
        : " → \(Money.format(total, target, scale: 4)) at \(book.rate(r.currency, target, asOf: asOf)?.text ?? "a cross rate via \(book.pivot(r.currency, target, asOf: asOf) ?? "USD")")")
    return WorkloadCost(
      row: r, parts: parts, total: total, note: note.joinedText("; "), arithmetic: arithmetic)
  }
}

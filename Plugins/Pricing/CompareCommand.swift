import Foundation
import KnowledgeGraph
import ShellCore

/// `compare A B [C ...]`: plans per month (or year) or API models per 1M tokens, side by side,
/// with a sentence saying how many times cheaper the cheapest is, and an optional bar chart.
struct CompareCommand: Command {
  static let items = Param<[String]>.arguments(
    "items", .text, minimum: 2, "plans or models: product, tier or price id (quote names with spaces)"
  ).completing(.dynamic(PricingPlugin.itemNames))
  static let currency: Param<String?> = .option("currency", .currency, "show prices in this currency")
  static let period = Param.option(
    "period", .choice(["month", "year"]), default: "month", "plans: price per month or per year")
  static let mix = Param.option(
    "mix", .text, default: "3:1", "API: input:output token mix for the blended price")
  static let asOf: Param<String?> = .option("as-of", .date, "prices and exchange rates as of this date")
  static let chart = Param.toggle("chart", "add a bar chart of the compared prices")
  static let explain = Param.toggle("explain", "list the rows, rates and arithmetic used")
  let signature = Signature(
    "compare", summary: "Compare plans (per month/year) or API models (input, output, blended per 1M tokens)",
    parameters: [items.spec, currency.spec, period.spec, mix.spec, asOf.spec, chart.spec, explain.spec],
    help:
      "Annual billing is divided by 12; promotional and first-order prices are flagged and left out of the "
      + "summary when the item has a regular price. Each item's summary price is its latest regular price "
      + "(API: the vendor's own list first). Money cells are typed: --format json gives amount and currency.",
    examples: [
      Example(
        "compare 'GLM Coding Plan Lite' 'Claude Pro' --currency CNY", "plans per month in CNY",
        expect: "summary"),
      Example(
        "compare GLM-4.5 'Claude Sonnet 4'", "API prices per 1M tokens, blended 3:1", expect: "blended"),
      Example("compare GLM-4.5 'Claude Sonnet 4' --chart", "with a bar chart", expect: "█"),
    ], misplacedFlags: Self.workloadFlags)

  /// `compare A B --input 3M`: token counts are a workload, which cost prices.
  static let workloadFlags = Dictionary(
    uniqueKeysWithValues: ["input", "output", "cached", "requests", "tokens"].map {
      (
        $0,
        "compare shows prices per 1M tokens (--mix 3:1 weighs input against output); "
          + "what a workload costs is cost ITEMS... --input TOKENS --output TOKENS"
      )
    })

  /// `compare GLM-4.7`: one item has nothing beside it; say how to add one or see its prices.
  func refusal(forMisfit words: [String], _ session: Session) -> KgshError? {
    var names: [String] = []
    var i = 0
    while i < words.count {
      let word = words[i]
      i += 1
      guard word.hasPrefix("--") else {
        names.append(word)
        continue
      }
      // An option's value is not an item (`--currency CNY`).
      let option = signature.parameters.first { "--" + $0.name == word }
      if let option, option.type != .toggle { i += 1 }
    }
    guard names.count == 1 else { return nil }
    return Self.oneItem(names[0], session)
  }

  /// What to do with one item: another of its kind to set beside it, or its prices; a name
  /// with no price says so (with a did-you-mean).
  static func oneItem(_ name: String, _ session: Session) -> KgshError {
    let shown = Shell.quoteIfNeeded(name)
    let rows = (try? PriceBook.history(session)).map { PriceBook.current($0, asOf: nil) } ?? []
    let named: [PriceRow]
    do {
      named = try PriceBook.match(
        PriceBook.graphName(name, rows: rows, session), in: rows, command: "compare")
    } catch {
      return error as? KgshError ?? KgshError(.notFound, "compare: no price for '\(name)'")
    }
    var hint = "list its prices: prices \(shown)"
    // The examples' items: one from each side of the comparison people make most.
    let partners =
      named.first?.isPlan == true ? ["Claude Pro", "GLM Coding Plan Lite"] : ["Claude Sonnet 4", "GLM-4.5"]
    let ids = Set(named.map(\.id))
    if let other = partners.first(where: { partner in
      let rows = (try? PriceBook.match(partner, in: rows, command: "compare")) ?? []
      return !rows.isEmpty && !rows.contains { ids.contains($0.id) }
    }) {
      hint = "add another to set beside it (compare \(shown) \(Shell.quoteIfNeeded(other))), or \(hint)"
    }
    return KgshError(
      .usage, "compare: \(shown) is one item; compare sets two or more side by side", hint: hint)
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    var c = Comparison(book: try FXBook.of(session))
    c.asOf = call[Self.asOf]
    c.target = call[Self.currency]
    c.mix = try Self.mix(call[Self.mix])
    c.yearly = call[Self.period] == "year"
    let all = try PriceBook.history(session)
    let latest = PriceBook.current(all, asOf: nil)
    var items = PriceBook.joinNames(call[Self.items], rows: latest).map {
      PriceBook.graphName($0, rows: latest, session)
    }
    if call[Self.items].contains(where: { Trim.spacesAndNewlines($0).isEmpty }) {
      throw KgshError(
        .usage, "compare: an item is empty",
        hint: "name plans or models, e.g. compare GLM-4.5 'Claude Sonnet 4'")
    }
    guard items.count >= 2 else { throw Self.oneItem(items.joinedText(" "), session) }
    // A vendor's name stands for its products of the other items' kind.
    let vendors = try CompareVendors(items, latest: latest)
    items = vendors.items
    var groups = try items.indices.map { try vendors.rows($0, all: all, asOf: c.asOf) }
    // The kind every item has (`minimax` names plans and models, `deepseek` models only).
    let kind =
      ["plan", "api"].first { k in groups.allSatisfy { $0.contains { $0.kind == k } } }
      ?? groups[0].first!.kind
    for (i, g) in groups.enumerated() {
      groups[i] = g.filter { $0.kind == kind }
      if groups[i].isEmpty {
        throw KgshError(
          .invalidValue, "compare: '\(items[i])' has no \(kind == "plan" ? "plan" : "API") prices",
          hint: "compare plans with plans and API models with API models")
      }
    }
    // Each option applies to one kind; set for the other it would be ignored without a word
    // (its default is let through: an MCP client may send every default).
    if kind == "plan", call.given(Self.mix), call[Self.mix] != Self.mix.spec.defaultText {
      throw KgshError(
        .usage, "compare: --mix blends API input and output prices, and these are plans",
        hint: "plans have a flat price; --period year gives it per year")
    }
    if kind != "plan", call[Self.period] == "year" {
      throw KgshError(
        .usage, "compare: --period applies to plans, and these are API models, priced per 1M tokens",
        hint: "--mix 3:1 sets the input:output blend; cost MODEL --input N --output N prices a workload")
    }
    var priced: [[Priced]] = []
    for (i, (item, group)) in zip(items, groups).enumerated() {
      var row = try group.map { kind == "plan" ? try c.plan($0, item: item) : try c.api($0, item: item) }
      for k in row.indices { row[k].byVendor = vendors.standsForProducts(i) }
      priced.append(row)
    }
    let summaryCurrency = c.target ?? groups[0].first!.currency
    let each = priced.map {
      Comparison.pickEach($0, summary: summaryCurrency, book: c.book, asOf: c.asOf, monthly: !c.yearly)
    }
    let picks = each.compactMap { $0 }
    let unpriced = zip(priced, each).filter { $0.1 == nil }.compactMap(\.0.first)
    let ids = picks.map(\.row.id)
    if let same = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
      throw KgshError(
        .invalidValue,
        "compare: two of the items name the same price row \(same), so there is nothing to compare",
        hint: "name different plans or models; quote multi-word names, e.g. 'Claude Pro'")
    }
    var notes = try summary(picks, in: summaryCurrency, kind: kind, unpriced: unpriced, &c) + vendors.notes
    if call[Self.explain] { notes += explain(priced, c, kind: kind, summaryCurrency) }
    let table = Self.table(priced.flatMap { $0 }, kind: kind, yearly: c.yearly, notes: notes)
    guard call[Self.chart] else { return .table(table) }
    return .sections([
      ("comparison", .table(table)), ("chart", .message(try chart(picks, summaryCurrency, kind, &c))),
    ])
  }

  /// "GLM Coding Plan Lite ¥49/month (P009) is 1/2.9 of Claude Pro's ¥141.20/month (US$20 at 7.06 CNY/USD, P001)".
  /// `unpriced`: an item each that has no single price (`GLM Coding Plan Lite / Pro / Max`).
  func summary(
    _ picks: [Priced], in currency: String, kind: String, unpriced: [Priced], _ c: inout Comparison
  ) throws -> [String] {
    let scale = kind == "plan" ? 2 : 4
    let unit = kind == "plan" ? (c.yearly ? "/year" : "/month") : "/1M blended \(c.mixText)"
    var values: [(p: Priced, value: Decimal)] = []
    for p in picks { values.append((p, try c.convert(p.value!, from: p.currency, to: currency))) }
    values.sort { $0.value != $1.value ? $0.value < $1.value : $0.p.row.id < $1.p.row.id }
    guard let cheapest = values.first, values.count >= 2 else {
      guard let first = unpriced.first else {
        return ["summary: not enough comparable (single, non-zero) prices"]
      }
      let row = first.row
      let listed = PricesCommand.priceText(row).plainText
      return [
        "summary: \(first.name) (\(row.id)) has no single price to compare"
          + (listed.isEmpty ? "" : " (it lists \(listed))")
          + "; name one tier or model: prices \(Shell.quoteIfNeeded(row.productBase)) lists them"
      ]
    }
    func describe(_ v: (p: Priced, value: Decimal)) -> String {
      var origin = [v.p.row.id]
      if v.p.row.currency != currency, let native = v.p.native {
        origin.insert(
          "\(Money.format(native, v.p.row.currency, scale: scale)) at \(c.rateQuote(from: v.p.row.currency, to: currency))",
          at: 0)
      }
      if let promo = v.p.row.promotion { origin.append("\(promo): the item has no regular price") }
      return "\(Money.format(v.value, currency, scale: scale))\(unit) (\(origin.joinedText(", ")))"
    }
    return values.dropFirst().map { other in
      "summary: \(cheapest.p.name) \(describe(cheapest)) \(Money.ratioPhrase(cheap: cheapest.value, of: other.value)) \(other.p.name)'s \(describe(other))"
    }
  }

  func explain(_ priced: [[Priced]], _ c: Comparison, kind: String, _ currency: String) -> [String] {
    var notes = ["rows: " + priced.map { $0.map(\.row.id).joinedText(", ") }.joinedText(" | ")]
    notes += c.used.map { "rate: \($0)" }
    notes += priced.flatMap { $0 }.compactMap(\.arithmetic).map { "arithmetic: \($0)" }
    notes.append(
      "summary: per item the latest regular (non-promotional), non-zero price\(kind == "api" ? ", the vendor's own list first" : ""), converted to \(currency); exact decimals"
    )
    if let asOf = c.asOf { notes.append("as of \(asOf): rows and rates observed on or before that date") }
    return notes
  }

  func chart(_ picks: [Priced], _ currency: String, _ kind: String, _ c: inout Comparison) throws -> String {
    var bars: [(label: String, value: Double, text: String)] = []
    for p in picks {
      let v = try c.convert(p.value!, from: p.currency, to: currency)
      bars.append(
        (
          "\(p.name) (\(p.row.id))", NSDecimalNumber(decimal: v).doubleValue,
          Money.format(v, currency, scale: kind == "plan" ? 2 : 4)
        ))
    }
    let unit = kind == "plan" ? (c.yearly ? "per year" : "per month") : "per 1M tokens, blended \(c.mixText)"
    return (BarChart.lines(bars, width: 30) + ["(\(currency) \(unit))"]).joinedText("\n")
  }

  static func table(_ priced: [Priced], kind: String, yearly: Bool, notes: [String]) -> Table {
    let rows: [[Value]] = priced.map { p in
      let r = p.row
      let scale = kind == "plan" ? 2 : 4
      var cells: [Value]
      if kind == "plan" {
        cells = [
          .string(p.item), .string(r.id), .string(r.productBase), .string(r.tier), .string(r.billing),
          r.flat.map { Money.value($0, r.currency) } ?? .null,
          p.value.map { Money.value($0, p.currency, scale: scale) } ?? .null,
        ]
      } else {
        cells = [
          .string(p.item), .string(r.id), .string(r.vendor), .string(r.product), .string(r.tier),
          p.input.map { Money.value($0, p.currency, scale: scale) } ?? .null,
          p.output.map { Money.value($0, p.currency, scale: scale) } ?? .null,
          p.value.map { Money.value($0, p.currency, scale: scale) } ?? .null,
        ]
      }
      return cells + [.string(r.status), .string(r.asOf), .string(p.notes.joinedText("; "))]
    }
    let columns =
      kind == "plan"
      ? ["item", "id", "product", "tier", "billing", "listed", yearly ? "per_year" : "per_month"]
      : ["item", "id", "seller", "model", "variant", "input_1M", "output_1M", "blended_1M"]
    var table = Table(columns: columns + ["status", "as_of", "note"], rows: rows, notes: notes)
    table.narrowColumns =
      kind == "plan"
      ? ["item", "tier", yearly ? "per_year" : "per_month", "billing", "id", "as_of"]
      : ["item", "input_1M", "output_1M", "blended_1M", "id", "as_of"]
    return table
  }

  /// "3:1" → (3, 1).
  static func mix(_ text: String) throws -> (input: Decimal, output: Decimal) {
    let parts = text.split(separator: ":").map { Money.parse(String($0)) }
    guard parts.count == 2, let i = parts[0], let o = parts[1], i >= 0, o >= 0, i + o > 0 else {
      throw KgshError.invalidValue("compare", "--mix", expected: "input:output like 3:1", got: text)
    }
    return (i, o)
  }
}

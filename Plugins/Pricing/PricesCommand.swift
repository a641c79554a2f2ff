import Foundation
import KnowledgeGraph
import ShellCore

/// `prices [ITEM] [--vendor V] [--kind plan|api] [--model M] [--as-of DATE] [--currency C]`: the price table.
struct PricesCommand: Command {
  static let item: Param<String?> = .optionalArgument(
    "item", .text, "a product, model, tier or vendor: prices glm, prices anthropic"
  )
  .completing(.dynamic(PricingPlugin.itemNames))
  static let vendor: Param<String?> = .option("vendor", .text, "vendor or seller contains this text")
  static let kind: Param<String?> = .option("kind", .choice(["plan", "api"]), "plans or API models")
  static let model: Param<String?> = .option("model", .text, "product, model or tier (as in compare)")
  static let asOf: Param<String?> = .option(
    "as-of", .date, "the latest row per price id observed on or before this date")
  static let currency: Param<String?> = .option("currency", .currency, "convert prices to this currency")
  static let explain = Param.toggle("explain", "list the rows and rates used")
  let signature = Signature(
    "prices", summary: "Plan and API list prices with their status, date and source",
    parameters: [item.spec, vendor.spec, kind.spec, model.spec, asOf.spec, currency.spec, explain.spec],
    help:
      "Plans show flat (the listed price per billing period); API models show input and output per 1M tokens. "
      + "A cell that lists several prices (\"18 / 72 / 160\") has no single amount: it is null and its text "
      + "is in price_text. Built-in rows come from reference/prices.tsv, user rows from import prices.",
    examples: [
      Example(
        "prices --kind plan --vendor zhipu", "GLM Coding Plan prices over time", expect: "GLM Coding Plan"),
      Example("prices --model GLM-4.5 --currency CNY", "GLM-4.5 API prices, converted", expect: "¥"),
      Example("prices --kind plan --as-of 2025-09", "what was known in September 2025", expect: "P005"),
      Example("prices anthropic --kind plan", "a vendor's plans, named without a flag", expect: "Claude Max"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let asOf = call[Self.asOf]
    let all = try PriceBook.history(session)
    let (rows, emptied) = try Self.filtered(call, all: all, asOf: asOf, session)
    let target = call[Self.currency]
    let book = try FXBook.of(session)
    var used: [String] = []
    var table: [[Value]] = []
    for r in rows {
      let to = target ?? r.currency
      func money(_ d: Decimal?) throws -> Value {
        guard let d, !r.currency.isEmpty else { return .null }
        let v = try book.convert(d, from: r.currency, to: to, asOf: asOf, command: "prices", used: &used)
        return Money.value(v, to, scale: 4)
      }
      var cells: [Value] = [
        .string(r.id), .string(r.kind), .string(r.vendor), .string(r.product), .string(r.tier),
        .string(r.soldOn), .string(r.billing),
        try money(r.flat), try money(r.input), try money(r.output), Self.priceText(r),
      ]
      if target != nil { cells.append(.string(r.currency)) }
      cells += [
        .string(r.quota), .string(r.status), .string(r.asOf), .string(r.layer),
        r.promotion.map { .string($0) } ?? .null, .string(r.source),
      ]
      table.append(cells)
    }
    var columns = [
      "id", "kind", "vendor", "product", "tier", "sold_on", "billing", "flat", "input_1M", "output_1M",
      "price_text",
    ]
    if target != nil { columns.append("listed_currency") }
    columns += ["included", "status", "as_of", "layer", "flag", "source"]
    let user = rows.filter(\.isUser).count
    var notes = [
      emptied
        ?? "\(rows.count.counted("price row")) (\(rows.count - user) from reference/prices.tsv, \(user) imported)"
    ]
    if let asOf {
      notes.append("as of \(asOf): the latest row per price id observed by then; undated rows left out")
    }
    if call[Self.explain] {
      notes.append("rows: " + rows.map(\.id).joinedText(", "))
      notes += used.map { "rate: \($0)" }
      notes.append("converted = listed price × rate, exact decimals; API prices per 1M tokens")
    }
    var result = Table(columns: columns, rows: table, notes: notes)
    // In a narrow terminal: who sells what at which price and when (select or a pipe shows the rest).
    result.narrowColumns = ["product", "tier", "flat", "input_1M", "output_1M", "id", "as_of"]
    return .table(result)
  }

  /// The rows the filters keep, and why the listing is empty when one filter alone emptied it.
  static func filtered(_ call: Call, all: [PriceRow], asOf: String?, _ session: Session) throws -> (
    [PriceRow], String?
  ) {
    var rows = PriceBook.current(all, asOf: asOf)
    var emptied: String?
    let latest = PriceBook.current(all, asOf: nil)
    if let item = call[Self.item].map({ PriceBook.graphName($0, rows: latest, session) }) {
      let v = Names.normalize(item)
      guard !v.isEmpty else {
        throw KgshError(
          .usage, "prices: the item is empty", hint: "name a product, model or vendor, or write prices alone")
      }
      var ids = Set(rows.filter { Self.vendor($0, contains: v) }.map(\.id))
      if let models = try? PriceBook.select(item, all: all, asOf: asOf, command: "prices") {
        ids.formUnion(models.map(\.id))
      }
      // Neither a vendor nor a model: the model lookup's error says what is near.
      if ids.isEmpty { _ = try PriceBook.select(item, all: all, asOf: asOf, command: "prices") }
      rows = rows.filter { ids.contains($0.id) }
    }
    if let vendor = call[Self.vendor].map({ PriceBook.graphName($0, rows: latest, session) }) {
      let v = Names.normalize(vendor)
      let known = rows
      rows = rows.filter { Self.vendor($0, contains: v) }
      if rows.isEmpty, !known.isEmpty {
        let vendors = Array(Set(known.map(\.vendor).filter { !$0.isEmpty })).sorted()
        emptied = "no vendor or seller contains '\(vendor)'; the vendors are \(vendors.joinedText(", "))"
      }
    }
    if let model = call[Self.model].map({ PriceBook.graphName($0, rows: latest, session) }) {
      let ids = Set(try PriceBook.select(model, all: all, asOf: asOf, command: "prices").map(\.id))
      rows = rows.filter { ids.contains($0.id) }
    }
    if let kind = call[Self.kind], emptied == nil {
      let others = rows
      rows = rows.filter { $0.kind == kind }
      if rows.isEmpty, let other = others.first?.kind {
        emptied =
          "no \(kind == "api" ? "API" : "plan") rows match; the \(others.count.counted("row")) that match are \(other == "api" ? "API models" : "plans"): "
          + "drop --kind \(kind) or write --kind \(other)"
      }
    }
    if rows.isEmpty, emptied == nil, let asOf, let first = all.compactMap(\.date).min(),
      first > PriceDate.end(asOf)
    {
      emptied = "no price was observed by \(asOf); the earliest dated row is from \(first)"
    }
    return (rows, emptied)
  }

  /// Whether the row's vendor or seller contains the normalized text.
  static func vendor(_ r: PriceRow, contains v: String) -> Bool {
    Names.normalize(r.vendor).contains(v) || Names.normalize(r.soldOn).contains(v)
  }

  /// The listed text of price cells that hold several prices ("CNY 18 / 72 / 160"), else null.
  static func priceText(_ r: PriceRow) -> Value {
    let cells = [
      ("flat", r.flat, r.flatText), ("input", r.input, r.inputText), ("output", r.output, r.outputText),
    ]
    let several = cells.filter { $0.1 == nil && !$0.2.isEmpty }
    guard !several.isEmpty else { return .null }
    let text = several.count == 1 ? several[0].2 : several.map { "\($0.0) \($0.2)" }.joinedText(", ")
    return .string("\(r.currency) \(text)")
  }
}

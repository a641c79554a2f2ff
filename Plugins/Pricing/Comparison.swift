import Foundation
import KnowledgeGraph
import ShellCore

/// One price row priced for a comparison: per month or year for plans, input/output and
/// blended per 1M tokens for API models, in the display currency, with how it was worked out.
struct Priced {
  var item: String
  var row: PriceRow
  /// The compared amount (per period or blended) in `currency`.
  var value: Decimal?
  /// The same amount in the row's own currency.
  var native: Decimal?
  var currency: String
  var input: Decimal?
  var output: Decimal?
  var notes: [String] = []
  var arithmetic: String?
  /// Whether the item is a vendor that stands for several products (`compare anthropic zhipu`).
  var byVendor = false

  /// What sentences call the item: as typed, or the row's plan or model name when a price id
  /// was typed (`P043` -> `Claude Sonnet 4`, never "P043's ... (P043)") or a vendor's name
  /// (`anthropic` -> `Claude Pro`, `groq` -> `Kimi K2 (Groq)`).
  var name: String {
    // A reseller's model is named with its seller: Groq's Kimi K2 beside Moonshot AI's.
    if byVendor { return row.isAPI ? "\(row.productBase) (\(row.vendor))" : row.productBase }
    return item.caseInsensitiveCompare(row.id) == .orderedSame ? row.label : item
  }
}

/// The settings of one comparison and the pricing of rows under them.
struct Comparison {
  var book: FXBook
  var target: String?
  var asOf: String?
  var yearly = false
  var mix: (input: Decimal, output: Decimal) = (3, 1)
  var used: [String] = []

  var mixText: String {
    "\(Money.number(mix.input, scale: 2, minFraction: 0)):\(Money.number(mix.output, scale: 2, minFraction: 0))"
  }

  mutating func convert(_ amount: Decimal, from: String, to: String) throws -> Decimal {
    try book.convert(amount, from: from, to: to, asOf: asOf, command: "compare", used: &used)
  }

  /// A plan per month (annual billing ÷ 12) or per year (× 12).
  mutating func plan(_ r: PriceRow, item: String) throws -> Priced {
    var p = Priced(item: item, row: r, currency: target ?? r.currency)
    if let promo = r.promotion { p.notes.append("\(promo): flagged, not used in the summary") }
    guard let m = r.monthly() else {
      p.notes.append(r.flatText.isEmpty ? "no price" : "several prices (\(r.flatText)): not compared")
      return p
    }
    if !m.how.isEmpty { p.notes.append(m.how) }
    let native = yearly ? m.amount * 12 : m.amount
    p.native = native
    p.value = try convert(native, from: r.currency, to: p.currency)
    var steps = m.how.isEmpty ? "\(Money.format(m.amount, r.currency))/month" : m.how
    if yearly { steps += " × 12 = \(Money.format(native, r.currency))/year" }
    if p.currency != r.currency {
      steps += " \(rateStep(from: r.currency, to: p.currency)) = \(Money.format(p.value!, p.currency))"
    }
    p.arithmetic = "\(r.id): \(steps)"
    return p
  }

  /// An API model's input, output and blended price per 1M tokens for the mix.
  mutating func api(_ r: PriceRow, item: String) throws -> Priced {
    var p = Priced(item: item, row: r, currency: target ?? r.currency)
    if r.sellerType != "vendor_list" && !r.sellerType.isEmpty { p.notes.append(r.sellerType) }
    guard let i = r.input, let o = r.output else {
      p.notes.append("no single input/output price (\(r.inputText) / \(r.outputText))")
      return p
    }
    p.input = try convert(i, from: r.currency, to: p.currency)
    p.output = try convert(o, from: r.currency, to: p.currency)
    let total = mix.input + mix.output
    p.native = (i * mix.input + o * mix.output) / total
    p.value = (p.input! * mix.input + p.output! * mix.output) / total
    let n = { (d: Decimal) in Money.number(d, scale: 4, minFraction: 0) }
    var steps =
      "blended = (\(n(i)) × \(n(mix.input)) + \(n(o)) × \(n(mix.output))) ÷ \(n(total)) = \(Money.format(p.native!, r.currency, scale: 4))"
    if p.currency != r.currency {
      steps +=
        " \(rateStep(from: r.currency, to: p.currency)) = \(Money.format(p.value!, p.currency, scale: 4))"
    }
    p.arithmetic = "\(r.id): \(steps)"
    return p
  }

  /// "7.06 CNY/USD": the rate used, quoted in the direction where it is at least 1.
  func rateQuote(from: String, to: String) -> String {
    guard let r = book.rate(from, to, asOf: asOf) else {
      return "\(from)→\(to) via \(book.pivot(from, to, asOf: asOf) ?? "USD")"
    }
    let big = r.rate >= 1 ? r : r.inverted
    return "\(Money.number(big.rate, scale: 6, minFraction: 0)) \(big.to)/\(big.from)"
  }

  /// "× 7.06 CNY/USD" or "÷ 7.06 CNY/USD": the conversion step of an arithmetic line.
  func rateStep(from: String, to: String) -> String {
    guard let r = book.rate(from, to, asOf: asOf) else { return "× (\(rateQuote(from: from, to: to)))" }
    return (r.rate >= 1 ? "× " : "÷ ") + rateQuote(from: from, to: to)
  }

  /// The price that stands for an item in the summary (`pick`); for a vendor that stands for
  /// several products, the cheapest of its products' picks.
  static func pickEach(
    _ priced: [Priced], summary: String, book: FXBook, asOf: String?, monthly: Bool = false
  ) -> Priced? {
    guard priced.first?.byVendor == true else {
      return pick(priced, summary: summary, book: book, asOf: asOf, monthly: monthly)
    }
    var products: [String] = []
    for p in priced where !products.contains(p.row.productBase) { products.append(p.row.productBase) }
    let picks = products.compactMap { product in
      pick(
        priced.filter { $0.row.productBase == product }, summary: summary, book: book, asOf: asOf,
        monthly: monthly)
    }
    return cheapest(picks, summary: summary, book: book, asOf: asOf)
  }

  /// The price that stands for an item in the summary: not a promotion when there is
  /// another; for API models the vendor's own list price first; then the latest dated;
  /// then the cheapest. Plans pick what a buyer would: a regular tier over a credit-based
  /// one and, per month (`monthly`), monthly billing over annual.
  static func pick(
    _ priced: [Priced], summary: String, book: FXBook, asOf: String?, monthly: Bool = false
  ) -> Priced? {
    let usable = priced.filter { ($0.value ?? 0) > 0 }
    let regular = usable.filter { $0.row.promotion == nil }
    var pool = regular.isEmpty ? usable : regular
    let buyer = pool.filter { p in
      !p.row.isAPI && !p.row.tier.lowercased().contains("credit") && !(monthly && p.row.isAnnual)
    }
    if !buyer.isEmpty { pool = buyer }
    let own = pool.filter { $0.row.isAPI && $0.row.sellerType == "vendor_list" }
    if !own.isEmpty { pool = own }
    let latest = pool.compactMap(\.row.latestDate).max()
    if let latest { pool = pool.filter { $0.row.latestDate == latest } }
    return cheapest(pool, summary: summary, book: book, asOf: asOf)
  }

  /// The cheapest of some prices in the summary's currency (ties: the lower price id).
  private static func cheapest(_ pool: [Priced], summary: String, book: FXBook, asOf: String?) -> Priced? {
    var used: [String] = []
    return pool.min { a, b in
      let x =
        (try? book.convert(a.value!, from: a.currency, to: summary, asOf: asOf, command: "", used: &used))
        ?? 0
      let y =
        (try? book.convert(b.value!, from: b.currency, to: summary, asOf: asOf, command: "", used: &used))
        ?? 0
      return x != y ? x < y : a.row.id < b.row.id
    }
  }
}

import Foundation
import KnowledgeGraph
import ShellCore

/// One row of Knowledge/reference/prices.tsv: a plan or an API model's list price, with its
/// source, date and status. Money is `Decimal`; a cell holding several values ("18 / 72 / 160")
/// keeps its text and has no number.
struct PriceRow: Sendable {
  var id: String
  var category: String
  var vendor: String
  var product: String
  var tier: String
  var soldOn: String
  var billing: String
  var input: Decimal?
  var cached: Decimal?
  var output: Decimal?
  var flat: Decimal?
  var inputText: String
  var outputText: String
  var flatText: String
  var cachedText: String
  var currency: String
  var quota: String
  var sellerType: String
  var asOf: String
  var source: String
  var status: String
  var note: String
  /// "built-in" (Knowledge/reference/prices.tsv) or "user" (imported, kept in the knowledge base).
  var layer = "built-in"
  /// The file a user row was imported from.
  var importedFrom: String?

  /// The date the price was first observed, from the as_of text ("2026-02-12 .. (reported
  /// 2026-02-23)" → 2026-02-12, "~2026-08/09" → 2026-08); nil for undated rows.
  var date: String? { PriceDate.dates(asOf).min() }
  /// The latest date the as_of text mentions ("2025-12-09 (Roo-Code note); 2026-11-20
  /// (LiteLLM)" → 2026-11-20): how recent the price is, for picking the current one.
  var latestDate: String? { PriceDate.dates(asOf).max() }
  var isUser: Bool { layer == "user" }

  var isPlan: Bool { category == "subscription" }
  var isAPI: Bool { category.hasPrefix("api") }
  var kind: String { isPlan ? "plan" : "api" }

  /// The product without a parenthetical ("Claude Pro (incl. Claude Code)" → "Claude Pro").
  var productBase: String {
    guard let paren = product.firstIndex(of: "(") else { return product }
    return product[..<paren].trimmingCharacters(in: .whitespaces)
  }

  /// "GLM Coding Plan Lite", "GLM-4.5"; a tier that repeats the product's last word says it
  /// once ("Claude Max" and "Max 5x" are "Claude Max 5x", not "Claude Max Max 5x").
  var label: String {
    guard isPlan, !tier.isEmpty else { return product }
    if let last = productBase.split(separator: " ").last, tier.lowercased().hasPrefix(last.lowercased() + " ")
    {
      return productBase + tier.dropFirst(last.count)
    }
    return "\(productBase) \(tier)"
  }

  var isAnnual: Bool { billing.lowercased().hasPrefix("annual") }
  var isPerMonthEquivalent: Bool { billing.lowercased().contains("per-month") }

  /// Why this price is a promotion or first-order price, when the row says so.
  var promotion: String? {
    if tier.lowercased().contains("regular") { return nil }
    let text = [tier, quota, note].joinedText(" ").lowercased()
    for word in [
      "first-order", "first order", "first-month", "first month", "promotional", "intro price", "% off",
    ]
    where text.contains(word) {
      return text.contains("may also") ? "possibly a first-month price" : "promotion/first-order price"
    }
    return nil
  }

  /// The yearly total stated in the terms ("$200 charged upfront per year", "¥468/year").
  var statedYearly: Decimal? {
    let text = quota + " " + note
    guard
      let match = text.firstMatch(
        of: /[$¥]\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(?:\/\s*year|\/\s*yr|[a-z ]*per year)/)
    else { return nil }
    return Money.parse(String(match.1).replacingOccurrences(of: ",", with: ""))
  }

  /// The price per month: annual billing divided by 12; nil when the row has no single price.
  /// `how` says what was done.
  func monthly() -> (amount: Decimal, how: String)? {
    guard isPlan, let flat else { return nil }
    if isAnnual {
      if let yearly = statedYearly {
        return (
          yearly / 12,
          "annual billing: \(Money.format(yearly, currency))/year ÷ 12 (listed \(Money.format(flat, currency))/month)"
        )
      }
      if isPerMonthEquivalent { return (flat, "annual billing, listed as per-month equivalent") }
      return (flat / 12, "annual billing: \(Money.format(flat, currency))/year ÷ 12")
    }
    return (flat, "")
  }

  /// The blended price per 1M tokens for a mix of input:output tokens.
  func blended(input wIn: Decimal, output wOut: Decimal) -> Decimal? {
    guard let input, let output, wIn + wOut > 0 else { return nil }
    return (input * wIn + output * wOut) / (wIn + wOut)
  }

  static let columns = [
    "price_id", "category", "vendor", "product_or_model", "tier_or_variant", "sold_on", "billing",
    "input_per_1M",
    "cached_input_per_1M", "output_per_1M", "flat_price", "currency", "quota_or_terms", "seller_type",
    "as_of", "source",
    "status", "note",
  ]

  /// The row's cells in the order of `columns`, as in prices.tsv.
  var cells: [String] {
    [
      id, category, vendor, product, tier, soldOn, billing, inputText, cachedText, outputText, flatText,
      currency, quota,
      sellerType, asOf, source, status, note,
    ]
  }

  init(_ row: TSV.Row) { self.init(cell: { row[$0] }) }

  /// A row from any table with the prices.tsv column names.
  init(cell row: (String) -> String) {
    id = row("price_id")
    category = row("category")
    vendor = row("vendor")
    product = row("product_or_model")
    tier = row("tier_or_variant")
    soldOn = row("sold_on")
    billing = row("billing")
    inputText = row("input_per_1M")
    outputText = row("output_per_1M")
    flatText = row("flat_price")
    input = Money.parse(inputText)
    cachedText = row("cached_input_per_1M")
    cached = Money.parse(cachedText)
    output = Money.parse(outputText)
    flat = Money.parse(flatText)
    currency = row("currency")
    quota = row("quota_or_terms")
    sellerType = row("seller_type")
    asOf = row("as_of")
    source = row("source")
    status = row("status")
    note = row("note")
  }
}

extension PriceRow {
  /// A user row kept in the knowledge base.
  init(record r: PriceRecord) {
    let cells: [String: String] = [
      "price_id": r.id, "category": r.category, "vendor": r.vendor, "product_or_model": r.product,
      "tier_or_variant": r.tier, "sold_on": r.soldOn, "billing": r.billing, "input_per_1M": r.input ?? "",
      "cached_input_per_1M": r.cachedInput ?? "", "output_per_1M": r.output ?? "", "flat_price": r.flat ?? "",
      "currency": r.currency, "quota_or_terms": r.quota, "seller_type": r.sellerType, "as_of": r.asOf,
      "source": r.source, "status": r.status, "note": r.note,
    ]
    self.init(cell: { cells[$0] ?? "" })
    layer = "user"
    importedFrom = r.importedFrom
  }

  /// The row as the knowledge base stores it.
  var record: PriceRecord {
    var r = PriceRecord(
      id: id, asOf: asOf, category: category, product: product, currency: currency, source: source,
      status: status)
    r.vendor = vendor
    r.tier = tier
    r.soldOn = soldOn
    r.billing = billing
    r.input = inputText.isEmpty ? nil : inputText
    r.cachedInput = cachedText.isEmpty ? nil : cachedText
    r.output = outputText.isEmpty ? nil : outputText
    r.flat = flatText.isEmpty ? nil : flatText
    r.quota = quota
    r.sellerType = sellerType
    r.note = note
    r.importedFrom = importedFrom
    return r
  }
}

/// Dates of price rows and --as-of flags, compared as text (YYYY, YYYY-MM or YYYY-MM-DD).
enum PriceDate {
  /// The dates in an as_of text; none when it says "undated".
  static func dates(_ text: String) -> [String] {
    if text.lowercased().hasPrefix("undated") { return [] }
    var dates: [String] = []
    for token in text.matches(of: /[0-9]+(?:-[0-9]+)*/) {
      let parts = token.0.split(separator: "-")
      guard parts[0].count == 4 else { continue }
      dates.append(parts.prefix { $0.count == 4 || $0.count == 2 }.prefix(3).joinedText("-"))
    }
    return dates
  }

  /// The last day an --as-of date covers, for comparisons: 2025-09 → 2025-09-31, 2025 → 2025-12-31.
  static func end(_ date: String) -> String {
    switch date.count {
    case 4: return date + "-12-31"
    case 7: return date + "-31"
    default: return date
    }
  }

}

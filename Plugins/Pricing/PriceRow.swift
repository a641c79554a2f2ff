import Foundation
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

  var isPlan: Bool { category == "subscription" }
  var isAPI: Bool { category.hasPrefix("api") }
  var kind: String { isPlan ? "plan" : "api" }

  /// The product without a parenthetical ("Claude Pro (incl. Claude Code)" → "Claude Pro").
  var productBase: String {
    guard let paren = product.firstIndex(of: "(") else { return product }
    return product[..<paren].trimmingCharacters(in: .whitespaces)
  }

  /// "GLM Coding Plan Lite", "GLM-4.5".
  var label: String {
    isPlan && !tier.isEmpty ? "\(productBase) \(tier)" : product
  }

  var isAnnual: Bool { billing.lowercased().hasPrefix("annual") }
  var isPerMonthEquivalent: Bool { billing.lowercased().contains("per-month") }

  /// Why this price is a promotion or first-order price, when the row says so.
  var promotion: String? {
    if tier.lowercased().contains("regular") { return nil }
    let text = [tier, quota, note].joined(separator: " ").lowercased()
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

  init(_ row: TSV.Row) {
    id = row["price_id"]
    category = row["category"]
    vendor = row["vendor"]
    product = row["product_or_model"]
    tier = row["tier_or_variant"]
    soldOn = row["sold_on"]
    billing = row["billing"]
    inputText = row["input_per_1M"]
    outputText = row["output_per_1M"]
    flatText = row["flat_price"]
    input = Money.parse(inputText)
    cachedText = row["cached_input_per_1M"]
    cached = Money.parse(cachedText)
    output = Money.parse(outputText)
    flat = Money.parse(flatText)
    currency = row["currency"]
    quota = row["quota_or_terms"]
    sellerType = row["seller_type"]
    asOf = row["as_of"]
    source = row["source"]
    status = row["status"]
    note = row["note"]
  }
}

/// The price table of a session, read once from the Knowledge folder.
enum PriceBook {
  static let key = "pricing.rows"

  static func rows(_ session: Session) throws -> [PriceRow] {
    if let rows = session.extensions[key] as? [PriceRow] { return rows }
    if session.knowledgeDirectory == nil { session.knowledgeDirectory = KnowledgeLoader.locate() }
    guard let dir = session.knowledgeDirectory else {
      throw ShellError("pricing: cannot find the Knowledge folder", hint: "set KGSH_KNOWLEDGE to its path")
    }
    let tsv = try TSV.read(dir + "/reference/prices.tsv")
    let rows = tsv.rows.map(PriceRow.init).filter { !$0.id.isEmpty }
    session.extensions[key] = rows
    return rows
  }

  /// Rows whose id, product or tier match `query` (case- and punctuation-insensitive):
  /// exact matches first, else rows containing it; throws with a did-you-mean otherwise.
  static func match(_ query: String, in rows: [PriceRow], command: String) throws -> [PriceRow] {
    let q = Names.normalize(query)
    func keys(_ r: PriceRow) -> [String] {
      [r.id, r.product, r.productBase, r.tier, r.product + " " + r.tier, r.productBase + " " + r.tier].map(
        Names.normalize)
    }
    let exact = rows.filter { keys($0).contains(q) }
    if !exact.isEmpty { return exact }
    if q.count >= 3 {
      let partial = rows.filter { r in keys(r).dropFirst().contains { $0.contains(q) } }
      if !partial.isEmpty { return partial }
    }
    var names: [String] = []
    for r in rows {
      for n in [r.productBase, r.label] where !names.contains(n) { names.append(n) }
    }
    var near = Names.suggestions(for: query, among: names)
    if near.isEmpty {
      let byKey = Dictionary(names.map { (Names.normalize($0), $0) }, uniquingKeysWith: { a, _ in a })
      near = Names.suggestions(for: q, among: Array(byKey.keys)).compactMap { byKey[$0] }
    }
    throw ShellError(
      "\(command): no price for '\(query)'",
      hint: near.first.map { "did you mean '\($0)'?" } ?? "see prices for the list of plans and models")
  }
}

/// Exact money: parsing and display without floating point.
enum Money {
  static let symbols = ["CNY": "¥", "USD": "US$", "HKD": "HK$", "EUR": "€", "GBP": "£", "JPY": "JP¥"]

  /// "0.60" → 0.6; nil for empty or non-numeric text ("18 / 72 / 160").
  static func parse(_ text: String) -> Decimal? {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard t.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil else { return nil }
    return Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
  }

  static func round(_ value: Decimal, _ scale: Int) -> Decimal {
    var v = value
    var r = Decimal()
    NSDecimalRound(&r, &v, scale, .plain)
    return r
  }

  /// 1078 → "1,078", 16.666… → "16.67", 0.6 → "0.60", 0.255 → "0.255" (scale 4).
  static func number(_ value: Decimal, scale: Int = 2, minFraction: Int = 2) -> String {
    let r = round(value, scale)
    var text = "\(r)"
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    var parts = text.split(separator: ".", maxSplits: 1).map(String.init)
    var whole = parts[0]
    var grouped = ""
    for (i, c) in whole.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { grouped.append(",") }
      grouped.append(c)
    }
    whole = String(grouped.reversed())
    if parts.count > 1 {
      while parts[1].count < minFraction { parts[1] += "0" }
      return (negative ? "-" : "") + whole + "." + parts[1]
    }
    return (negative ? "-" : "") + whole
  }

  /// "¥20", "US$16.67", "US$0.255".
  static func format(_ value: Decimal, _ currency: String, scale: Int = 2) -> String {
    (symbols[currency] ?? currency + " ") + number(value, scale: scale)
  }

  /// How many times cheaper: "1/6", "1/6.8"; "same" when equal.
  static func fraction(cheap: Decimal, of dear: Decimal) -> String {
    guard cheap > 0 else { return "free" }
    let r = dear / cheap
    if r < 1 { return number(r, scale: 2) + "×" }
    return "1/" + number(r, scale: 1, minFraction: 0)
  }

  /// "6.82×".
  static func times(_ value: Decimal, _ base: Decimal) -> String {
    guard base > 0 else { return "" }
    return number(value / base, scale: 2, minFraction: 0) + "×"
  }
}

/// Token counts: 10M, 2.5k, 1e6, 1,000,000.
enum Tokens {
  static func parse(_ text: String, flag: String, command: String) throws -> Decimal {
    var t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
      .replacingOccurrences(
        of: "_", with: "")
    var scale = 0
    if let last = t.last {
      switch last {
      case "k", "K": scale = 3
      case "m", "M": scale = 6
      case "b", "B", "g", "G": scale = 9
      default: break
      }
      if scale > 0 { t.removeLast() }
    }
    var exponent = 0
    if let e = t.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let x = Int(t[t.index(after: e)...]), abs(x) <= 15 else { throw bad(text, flag, command) }
      exponent = x
      t = String(t[..<e])
    }
    guard let mantissa = Money.parse(t), mantissa >= 0 else { throw bad(text, flag, command) }
    let value = mantissa * Decimal(sign: .plus, exponent: scale + exponent, significand: 1)
    guard Money.round(value, 0) == value else {
      throw ShellError(
        "\(command): --\(flag) must be a whole number of tokens, not '\(text)'", hint: "e.g. 2.5k = 2500")
    }
    return value
  }

  static func bad(_ text: String, _ flag: String, _ command: String) -> ShellError {
    ShellError("\(command): --\(flag) takes a token count like 10M, 2.5k or 1e6, not '\(text)'")
  }

  /// 10000000 → "10,000,000".
  static func format(_ value: Decimal) -> String { Money.number(value, scale: 0, minFraction: 0) }
}

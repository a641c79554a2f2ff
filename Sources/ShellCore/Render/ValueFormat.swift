import Foundation
import KnowledgeGraph

/// How values look to humans in tables: grouped digits, money with its symbol and scale.
public enum ValueFormat {
  static let symbols = ["CNY": "¥", "USD": "US$", "HKD": "HK$", "EUR": "€", "GBP": "£", "JPY": "JP¥"]

  /// Decimals a currency is usually shown with (2 unless listed).
  static let decimals = ["JPY": 0, "KRW": 0]

  /// Text for a table cell. With `rounded`, money has its currency's usual decimals
  /// (`US$5.00`, `¥25.70`) as in a terminal table; amounts under one keep the places
  /// they need (`US$0.125`) so a small price never shows as zero.
  public static func human(_ value: Value, rounded: Bool = false) -> String {
    switch value {
    case .null: return ""
    case .int(let v): return grouped(v)
    case .double(let v):
      // NaN and the infinities read as in every other format (`NaN`, `Infinity`), not as C's `-nan`.
      guard v.isFinite else { return value.plainText }
      // Very large or very small numbers in exponent form, as the other formats write them:
      // with four places 1e-7 read as 0, and -2.5e300 as 300 digits most of which are noise.
      if abs(v) >= 1e15 || (v != 0 && abs(v) < 1e-4) { return value.plainText }
      return float(v)
    case .decimal(let d): return PlainDecimal.text(d)
    case .money(let m): return rounded ? displayMoney(m) : money(m)
    case .list(let items):
      if let path = value.graphText({ human($0, rounded: rounded) }) { return TextWidth.sanitize(path) }
      return items.map { human($0, rounded: rounded) }.joinedText(", ")
    case .map:
      if let r = value.graphText({ human($0, rounded: rounded) }) { return TextWidth.sanitize(r) }
      return TextWidth.sanitize(value.plainText)
    default: return TextWidth.sanitize(value.plainText)
    }
  }

  /// `US$5.00`, `¥25.70`, `US$0.125`, `JP¥1,200`, `¥24.38 bn`: the currency's usual
  /// decimals; under one unit, up to 4 places when the amount needs them.
  public static func displayMoney(_ m: Money) -> String {
    let symbol = symbols[m.currency] ?? (m.currency + " ")
    if m.amount.isNaN { return symbol + "NaN" }
    let digits = DecimalDigits(m.amount)
    if digits.atLeast(6) { return signed(symbol, scaled(digits)) }
    var places = decimals[m.currency] ?? 2
    // Under one unit, as many places as the amount has, up to 4: a small price never shows as zero.
    if digits.whole.isEmpty { places = min(4, max(places, digits.fraction.count)) }
    return signed(symbol, digits.rounded(places).text(minimumPlaces: places))
  }

  /// The symbol before the digits, and a minus sign before both (`-US$5`, not `US$-5`).
  static func signed(_ symbol: String, _ digits: String) -> String {
    digits.hasPrefix("-") ? "-" + symbol + digits.dropFirst() : symbol + digits
  }

  /// `¥24.38 bn`, `HK$4.3 bn`, `US$17`, `¥120`, `US$0.60`, `¥4.236`: amounts under a million
  /// are exact decimals (at most 4 places, at least 2 when not whole), never binary floats.
  public static func money(_ m: Money) -> String {
    let symbol = symbols[m.currency] ?? (m.currency + " ")
    if m.amount.isNaN { return symbol + "NaN" }
    let digits = DecimalDigits(m.amount)
    if digits.atLeast(6) { return signed(symbol, scaled(digits)) }
    return signed(symbol, exact(digits))
  }

  /// 1078 → "1,078", 0.6 → "0.60", 16.66666 → "16.6667", -2.5 → "-2.50".
  public static func exact(_ value: Decimal, places: Int = 4) -> String {
    value.isNaN ? "NaN" : exact(DecimalDigits(value), places: places)
  }

  static func exact(_ digits: DecimalDigits, places: Int = 4) -> String {
    let r = digits.rounded(places)
    return r.text(minimumPlaces: r.fraction.isEmpty ? 0 : 2)
  }

  /// 24380000000 → `24.38 bn`, 5e8 → `500 m`: two places at most, rounded halves away from zero.
  static func scaled(_ digits: DecimalDigits) -> String {
    if digits.atLeast(9) { return digits.shifted(9).rounded(2).text(grouped: false) + " bn" }
    if digits.atLeast(6) { return digits.shifted(6).rounded(2).text(grouped: false) + " m" }
    return exact(digits)
  }

  /// 24380000000 → `24.38 bn`, 5e8 → `500 m`, 1234 → `1,234`.
  public static func scaled(_ v: Double) -> String {
    let a = abs(v)
    if a >= 1e9 { return trim(FixedPoint.text(v / 1e9, places: 2)) + " bn" }
    if a >= 1e6 { return trim(FixedPoint.text(v / 1e6, places: 2)) + " m" }
    if v == v.rounded() { return grouped(v, decimals: 0) }
    return trim(FixedPoint.text(v, places: 2))
  }

  static func trim(_ s: String) -> String {
    guard s.contains(".") else { return s }
    var t = s
    while t.hasSuffix("0") { t.removeLast() }
    if t.hasSuffix(".") { t.removeLast() }
    return t
  }

  /// A float as a person reads it: at most four places, at least one, so that it reads as a
  /// float and not as an integer (`3.0`, as Cypher and sqlite3 print it, not `3`), with the
  /// whole part's digits grouped as an integer's are (`12,345.5` beside `12,345`).
  static func float(_ v: Double) -> String {
    var text = trim(FixedPoint.text(v, places: 4))
    if !text.contains(".") { text += ".0" }
    let negative = text.hasPrefix("-")
    let body = negative ? text.dropFirst() : Substring(text)
    guard let dot = body.firstIndex(of: ".") else { return text }
    return grouped(digits: String(body[..<dot]), negative: negative) + body[dot...]
  }

  /// Whole numbers with digit groups from five digits on (`31,796`, `1,234,567`); four-digit ones
  /// stay whole, as years and codes read (`2020`, not `2,020`; `1078`).
  static func grouped(_ v: Double, decimals: Int) -> String {
    // A whole number below 2^53 prints exactly as an integer, without Foundation's formatter.
    let digits =
      abs(v) < 9.0e15 && v == v.rounded() ? String(Int64(abs(v))) : FixedPoint.text(abs(v), places: 0)
    return grouped(digits: digits, negative: v < 0)
  }

  /// An integer with digit groups from five digits on, every digit exact (through a Double,
  /// 9007199254740993 showed as 9,007,199,254,740,992).
  static func grouped(_ v: Int64) -> String {
    grouped(digits: String(v.magnitude), negative: v < 0)
  }

  /// `8000` as `8,000` and `-1234.5` as `-1,234.5`; any other text as it is.
  static func groupingFourDigits(_ text: String) -> String {
    let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
    let whole = body.prefix { $0.isASCII && $0.isNumber }
    guard whole.count == 4, body.dropFirst(4).allSatisfy({ $0 == "." || ($0.isASCII && $0.isNumber) }) else {
      return text
    }
    return (text.hasPrefix("-") ? "-" : "") + whole.prefix(1) + "," + body.dropFirst(1)
  }

  static func grouped(digits: String, negative: Bool) -> String {
    var utf8: [UInt8] = []
    utf8.reserveCapacity(digits.utf8.count * 4 / 3 + 2)
    if negative { utf8.append(UInt8(ascii: "-")) }
    let count = digits.utf8.count
    for (i, byte) in digits.utf8.enumerated() {
      if count > 4 && i > 0 && (count - i) % 3 == 0 { utf8.append(UInt8(ascii: ",")) }
      utf8.append(byte)
    }
    return String(decoding: utf8, as: UTF8.self)
  }
}

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
    case .int(let v): return grouped(Double(v), decimals: 0)
    case .double(let v):
      return v == v.rounded() && abs(v) < 1e15 ? grouped(v, decimals: 0) : trim(String(format: "%.4f", v))
    case .decimal(let d): return "\(d)"
    case .money(let m): return rounded ? displayMoney(m) : money(m)
    case .list(let items): return items.map { human($0, rounded: rounded) }.joined(separator: ", ")
    default: return TextWidth.sanitize(value.plainText)
    }
  }

  /// `US$5.00`, `¥25.70`, `US$0.125`, `JP¥1,200`, `¥24.38 bn`: the currency's usual
  /// decimals; under one unit, up to 4 places when the amount needs them.
  public static func displayMoney(_ m: Money) -> String {
    let symbol = symbols[m.currency] ?? (m.currency + " ")
    let amount = NSDecimalNumber(decimal: m.amount).doubleValue
    if abs(amount) >= 1e6 { return symbol + scaled(amount) }
    let usual = decimals[m.currency] ?? 2
    var places = usual
    if abs(amount) < 1 {
      while places < 4 && round(m.amount, places) != m.amount { places += 1 }
    }
    let text = exact(round(m.amount, places), places: places)
    guard places > 0 else { return symbol + text }
    let fraction = text.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
    return symbol + text + (fraction == 0 ? "." : "")
      + String(repeating: "0", count: max(0, places - fraction))
  }

  static func round(_ value: Decimal, _ places: Int) -> Decimal {
    var v = value
    var r = Decimal()
    NSDecimalRound(&r, &v, places, .plain)
    return r
  }

  /// `¥24.38 bn`, `HK$4.3 bn`, `US$17`, `¥120`, `US$0.60`, `¥4.236`: amounts under a million
  /// are exact decimals (at most 4 places, at least 2 when not whole), never binary floats.
  public static func money(_ m: Money) -> String {
    let symbol = symbols[m.currency] ?? (m.currency + " ")
    let amount = NSDecimalNumber(decimal: m.amount).doubleValue
    if abs(amount) >= 1e6 { return symbol + scaled(amount) }
    return symbol + exact(m.amount)
  }

  /// 1078 → "1,078", 0.6 → "0.60", 16.66666 → "16.6667", -2.5 → "-2.50".
  public static func exact(_ value: Decimal, places: Int = 4) -> String {
    var v = value
    var r = Decimal()
    NSDecimalRound(&r, &v, places, .plain)
    var text = "\(r)"
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
    var grouped = ""
    for (i, c) in parts[0].reversed().enumerated() {
      if i > 0 && i % 3 == 0 { grouped.append(",") }
      grouped.append(c)
    }
    var out = (negative ? "-" : "") + String(grouped.reversed())
    if parts.count > 1 {
      out += "." + parts[1] + String(repeating: "0", count: max(0, 2 - parts[1].count))
    }
    return out
  }

  /// 24380000000 → `24.38 bn`, 5e8 → `500 m`, 1234 → `1,234`.
  public static func scaled(_ v: Double) -> String {
    let a = abs(v)
    if a >= 1e9 { return trim(String(format: "%.2f", v / 1e9)) + " bn" }
    if a >= 1e6 { return trim(String(format: "%.2f", v / 1e6)) + " m" }
    if v == v.rounded() { return grouped(v, decimals: 0) }
    return trim(String(format: "%.2f", v))
  }

  static func trim(_ s: String) -> String {
    guard s.contains(".") else { return s }
    var t = s
    while t.hasSuffix("0") { t.removeLast() }
    if t.hasSuffix(".") { t.removeLast() }
    return t
  }

  static func grouped(_ v: Double, decimals: Int) -> String {
    let negative = v < 0
    // A whole number below 2^53 prints exactly as an integer, without Foundation's formatter.
    let digits =
      abs(v) < 9.0e15 && v == v.rounded() ? String(Int64(abs(v))) : String(format: "%.0f", abs(v))
    var utf8: [UInt8] = []
    utf8.reserveCapacity(digits.utf8.count * 4 / 3 + 2)
    if negative { utf8.append(UInt8(ascii: "-")) }
    let count = digits.utf8.count
    for (i, byte) in digits.utf8.enumerated() {
      if i > 0 && (count - i) % 3 == 0 { utf8.append(UInt8(ascii: ",")) }
      utf8.append(byte)
    }
    return String(decoding: utf8, as: UTF8.self)
  }
}

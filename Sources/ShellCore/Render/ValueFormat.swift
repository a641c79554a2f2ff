import Foundation

/// How values look to humans in tables: grouped digits, money with its symbol and scale.
public enum ValueFormat {
  static let symbols = ["CNY": "¥", "USD": "US$", "HKD": "HK$", "EUR": "€", "GBP": "£", "JPY": "JP¥"]

  /// Text for a table cell.
  public static func human(_ value: Value) -> String {
    switch value {
    case .null: return ""
    case .int(let v): return grouped(Double(v), decimals: 0)
    case .double(let v): return v == v.rounded() && abs(v) < 1e15 ? grouped(v, decimals: 0) : trim(String(format: "%.4f", v))
    case .decimal(let d): return "\(d)"
    case .money(let m): return money(m)
    case .list(let items): return items.map(human).joined(separator: ", ")
    default: return TextWidth.sanitize(value.plainText)
    }
  }

  /// `¥24.38 bn`, `HK$4.3 bn`, `US$17`, `¥120`.
  public static func money(_ m: Money) -> String {
    let symbol = symbols[m.currency] ?? (m.currency + " ")
    let amount = NSDecimalNumber(decimal: m.amount).doubleValue
    return symbol + scaled(amount)
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
    let digits = String(format: "%.0f", abs(v))
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (negative ? "-" : "") + String(out.reversed())
  }
}

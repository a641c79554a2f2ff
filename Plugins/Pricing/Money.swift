import Foundation
import KnowledgeGraph
import ShellCore

/// Exact money: parsing and display without floating point.
enum Money {
  static let symbols = ["CNY": "¥", "USD": "US$", "HKD": "HK$", "EUR": "€", "GBP": "£", "JPY": "JP¥"]

  /// "0.60" → 0.6; nil for empty or non-numeric text ("18 / 72 / 160").
  static func parse(_ text: String) -> Decimal? {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard isPlainDecimal(t) else { return nil }
    return PlainDecimal.parse(t)
  }

  /// `-?[0-9]+(\.[0-9]+)?`, checked by hand: a regex literal is compiled on every call, which
  /// made importing 2,000 catalogue rows spend most of its time compiling it.
  static func isPlainDecimal(_ text: String) -> Bool {
    var digits = 0
    var fraction: Int?
    for (i, c) in text.utf8.enumerated() {
      switch c {
      case UInt8(ascii: "-") where i == 0: continue
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if fraction != nil { fraction! += 1 } else { digits += 1 }
      case UInt8(ascii: ".") where fraction == nil && digits > 0: fraction = 0
      default: return false
      }
    }
    return digits > 0 && fraction != 0
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

  /// A typed money cell, rounded to `scale` places: tables show "¥4.236", JSON gets
  /// `{"amount": 4.236, "currency": "CNY"}`.
  static func value(_ amount: Decimal, _ currency: String, scale: Int = 2) -> Value {
    .money(KnowledgeGraph.Money(round(amount, scale), currency))
  }

  /// A typed exact number cell (ratios), rounded to `scale` places.
  static func decimal(_ value: Decimal, scale: Int = 2) -> Value { .decimal(round(value, scale)) }

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

  /// How a comparison states the ratio, the way a source would: "is 1/6 of", or "is about
  /// the same as" when the prices differ by less than 5%.
  static func ratioPhrase(cheap: Decimal, of dear: Decimal) -> String {
    if cheap > 0, dear / cheap < Decimal(string: "1.05")! { return "is about the same as" }
    return "is \(fraction(cheap: cheap, of: dear)) of"
  }

  /// "6.82×".
  static func times(_ value: Decimal, _ base: Decimal) -> String {
    guard base > 0 else { return "" }
    return number(value / base, scale: 2, minFraction: 0) + "×"
  }
}

/// Token counts for display (parsing is the `.tokenCount` parameter type's).
enum Tokens {
  /// 10000000 → "10,000,000".
  static func format(_ value: Decimal) -> String { Money.number(value, scale: 0, minFraction: 0) }
}

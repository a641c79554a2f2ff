import Foundation
import KnowledgeGraph
import ShellCore

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

/// ISO 4217 currency codes the pricing commands accept, with a did-you-mean for typos.
enum Currency {
  static let codes = [
    "CNY", "USD", "HKD", "EUR", "GBP", "JPY", "KRW", "SGD", "TWD", "AUD", "CAD", "CHF", "INR",
  ]
  /// Names people type instead of the code.
  static let nicknames = [
    "RMB": "CNY", "YUAN": "CNY", "元": "CNY", "人民币": "CNY", "人民幣": "CNY", "¥": "CNY", "$": "USD",
    "US$": "USD", "DOLLAR": "USD", "HK$": "HKD", "港元": "HKD", "港币": "HKD", "美元": "USD", "EURO": "EUR",
    "YEN": "JPY",
  ]

  /// The code itself when known; otherwise throws "'usd' is not a known currency code; did you mean USD?".
  static func validate(_ code: String, command: String) throws -> String {
    if codes.contains(code) { return code }
    throw ShellError("\(command): '\(code)' is not a known currency code", hint: hint(code))
  }

  static func hint(_ code: String) -> String {
    let upper = code.uppercased()
    if let near = suggestion(upper) { return "did you mean \(near)?" }
    return "use one of \(codes.joined(separator: " "))"
  }

  /// The code a typo most likely meant: case, nickname, one edit or two swapped letters.
  static func suggestion(_ upper: String) -> String? {
    if codes.contains(upper) { return upper }
    if let nick = nicknames[upper] { return nick }
    if let near = Names.suggestions(for: upper, among: codes, limit: 1).first { return near }
    return codes.first { $0.count == upper.count && $0.sorted() == upper.sorted() }
  }
}

import Foundation

/// Every plausible number a quote states: its digits (grouped by `,` or `_`) at every usual scale (萬, 億, k, M, B
/// ...), its fractions (`1/7` reads as 7, 1 and 1/7), and its Chinese numerals one to ten.
/// A fact's value must be one of them, so a typo in a value or a quote is caught.
enum QuoteNumbers {
  static let chineseDigits: [Character: Double] = [
    "零": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "十": 10,
  ]
  static let scales: [Double] = [1e3, 1e4, 1e6, 1e7, 1e8, 1e9, 1e10, 1e12]

  static func readings(_ quote: String) -> [Double] {
    var out: [Double] = []
    for match in matches(#"([0-9]+(?:\.[0-9]+)?)\s*/\s*([0-9]+(?:\.[0-9]+)?)"#, quote) {
      if let a = Double(match[1]), let b = Double(match[2]), b != 0 { out.append(a / b) }
    }
    // Thousands grouped by commas (1,500) or underscores, as catalogues write them (1_048_576).
    for match in matches(#"[0-9]+(?:[,_][0-9]{3})*(?:\.[0-9]+)?"#, quote) {
      let digits = match[0].replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
      guard let v = Double(digits) else { continue }
      out.append(v)
      out += scales.map { v * $0 }
    }
    out += quote.compactMap { chineseDigits[$0] }
    if quote.contains("千萬") || quote.contains("千万") { out.append(1e7) }
    return out
  }

  /// Equal within a relative 0.1% (the quote's rounding).
  static func close(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= max(1e-9, 1e-3 * max(abs(a), abs(b)))
  }

  /// The groups of each non-overlapping match of `pattern`, left to right.
  static func matches(_ pattern: String, _ text: String) -> [[String]] {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
    let ns = text as NSString
    return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
      (0..<m.numberOfRanges).map { i in
        let r = m.range(at: i)
        return r.location == NSNotFound ? "" : ns.substring(with: r)
      }
    }
  }
}

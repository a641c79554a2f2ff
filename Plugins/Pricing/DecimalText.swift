import Foundation
import KnowledgeGraph

/// Exact decimal arithmetic on number text, for catalogue prices: a price per token becomes a
/// price per million tokens by moving the decimal point, never through binary arithmetic.
///
///     DecimalText.shift("3e-06", by: 6)      // "3"
///     DecimalText.shift("1.5e-07", by: 6)    // "0.15"
///     DecimalText.shift("0.0000025", by: 6)  // "2.5"
enum DecimalText {
  /// The plain decimal text of `text` times 10^`places` ("1.25e-05", 6 → "12.5"); nil when
  /// `text` is not a finite decimal number (JSON number syntax; a leading "+" is allowed).
  static func shift(_ text: String, by places: Int) -> String? {
    guard let n = Number(text.trimmingCharacters(in: .whitespaces)) else { return nil }
    // value = digits × 10^scale
    var digits = Array(n.whole + n.fraction)
    var scale = n.exponent - n.fraction.count + places
    while digits.count > 1 && digits.first == "0" { digits.removeFirst() }
    if digits.allSatisfy({ $0 == "0" }) { return "0" }
    while scale < 0 && digits.last == "0" {
      digits.removeLast()
      scale += 1
    }
    guard abs(scale) <= 60 else { return nil }
    let sign = n.negative ? "-" : ""
    if scale >= 0 { return sign + String(digits) + String(repeating: "0", count: scale) }
    let decimals = -scale
    let padded = Array(repeating: Character("0"), count: max(0, decimals + 1 - digits.count)) + digits
    let integer = padded.prefix(padded.count - decimals)
    return sign + String(integer) + "." + String(padded.suffix(decimals))
  }

  /// The parts of `[+-]digits[.digits][e[+-]digits]` (read by hand: a regex literal is compiled
  /// on every call, too slow for thousands of catalogue prices).
  struct Number {
    var negative = false
    var whole = ""
    var fraction = ""
    var exponent = 0

    init?(_ text: String) {
      var chars = Substring(text)
      if let c = chars.first, c == "+" || c == "-" {
        negative = c == "-"
        chars.removeFirst()
      }
      whole = String(chars.prefix { $0.isASCII && $0.isNumber })
      chars.removeFirst(whole.count)
      if chars.first == "." {
        chars.removeFirst()
        fraction = String(chars.prefix { $0.isASCII && $0.isNumber })
        chars.removeFirst(fraction.count)
      }
      guard !(whole + fraction).isEmpty else { return nil }
      if let e = chars.first, e == "e" || e == "E" {
        chars.removeFirst()
        guard chars.count <= 5, let value = Int(chars) else { return nil }
        exponent = value
        chars = ""
      }
      guard chars.isEmpty else { return nil }
    }
  }

  /// The shortest decimal text of a JSON number (`3e-06` stays "3e-06", not 2.9999…e-06);
  /// nil for anything that is not a finite number.
  static func text(of value: Value) -> String? {
    switch value {
    case .int(let i): return String(i)
    case .double(let d): return d.isFinite ? "\(d)" : nil
    case .decimal(let d): return PlainDecimal.text(d)
    case .string(let s): return s
    default: return nil
    }
  }
}

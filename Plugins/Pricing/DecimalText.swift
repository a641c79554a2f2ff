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
    guard
      let m = text.trimmingCharacters(in: .whitespaces).wholeMatch(
        of: /([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]{1,4}))?/)
    else { return nil }
    let whole = String(m.2)
    let fraction = m.3.map(String.init) ?? ""
    guard !(whole + fraction).isEmpty, let exponent = Int(m.4.map(String.init) ?? "0") else { return nil }
    // value = digits × 10^scale
    var digits = Array(whole + fraction)
    var scale = exponent - fraction.count + places
    while digits.count > 1 && digits.first == "0" { digits.removeFirst() }
    if digits.allSatisfy({ $0 == "0" }) { return "0" }
    while scale < 0 && digits.last == "0" {
      digits.removeLast()
      scale += 1
    }
    guard abs(scale) <= 60 else { return nil }
    let sign = m.1 == "-" ? "-" : ""
    if scale >= 0 { return sign + String(digits) + String(repeating: "0", count: scale) }
    let decimals = -scale
    let padded = Array(repeating: Character("0"), count: max(0, decimals + 1 - digits.count)) + digits
    let integer = padded.prefix(padded.count - decimals)
    return sign + String(integer) + "." + String(padded.suffix(decimals))
  }

  /// The shortest decimal text of a JSON number (`3e-06` stays "3e-06", not 2.9999…e-06);
  /// nil for anything that is not a finite number.
  static func text(of value: Value) -> String? {
    switch value {
    case .int(let i): return String(i)
    case .double(let d): return d.isFinite ? "\(d)" : nil
    case .decimal(let d): return "\(d)"
    case .string(let s): return s
    default: return nil
    }
  }
}

import Foundation

/// Decimal numbers in plain text (`-12.50`, `0.125`, `24380000000`), read into `Decimal` and
/// written back without Foundation's locale-aware number parsing and formatting. Those build
/// ICU number formatters on first use and cost tens of thousands of instructions a number, and a
/// `show` reads and prints a hundred. Text that is not plain (exponents, more than 18 digits)
/// takes Foundation's path, so every result is the one `Decimal(string:)` gives.
public enum PlainDecimal {
  /// The value of `[+-]?digits[.digits]` (or `.digits`); nil where Foundation reads none.
  public static func parse(_ text: String) -> Decimal? {
    if let plain = plainParts(text) {
      // Zero keeps the exponent Foundation gives it (`0.00` has -2).
      if plain.mantissa == 0 { return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) }
      return Decimal(
        sign: plain.negative ? .minus : .plus, exponent: -plain.places, significand: Decimal(plain.mantissa))
    }
    return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
  }

  /// Sign, digits as an integer and the number of digits after the point, for plain text of at
  /// most 18 digits; nil for anything else.
  static func plainParts(_ text: String) -> (negative: Bool, mantissa: UInt64, places: Int)? {
    var utf8 = text.utf8[...]
    var negative = false
    if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      utf8 = utf8.dropFirst()
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var places = 0
    var point = false
    for byte in utf8 {
      if byte == UInt8(ascii: ".") {
        if point { return nil }
        point = true
        continue
      }
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
      digits += 1
      if digits > 18 { return nil }
      mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
      if point { places += 1 }
    }
    return digits == 0 ? nil : (negative, mantissa, places)
  }
}

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

  /// `value` as Foundation's `description` prints it (`-1234.56`, `0`, `NaN`): no exponent,
  /// no trailing zeros after the point, no sign on zero.
  public static func text(_ value: Decimal) -> String {
    guard let (negative, whole, fraction) = digits(of: value) else { return value.description }
    var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
    out += whole.isEmpty ? [UInt8(ascii: "0")] : whole
    if !fraction.isEmpty { out += [UInt8(ascii: ".")] + fraction }
    return String(decoding: out, as: UTF8.self)
  }

  /// The digits of `value` before the point (no leading zeros, none for zero) and after it (no
  /// trailing zeros), and the sign (never negative for zero); nil for NaN, or when `Decimal` is
  /// not stored as `mantissa(of:)` expects (callers then read `description`).
  public static func digits(of value: Decimal) -> (negative: Bool, whole: [UInt8], fraction: [UInt8])? {
    guard let (negative, digits, exponent) = mantissa(of: value) else { return nil }
    let zero = UInt8(ascii: "0")
    var whole: [UInt8] = []
    var fraction: [UInt8] = []
    if digits.isEmpty {
      return (false, [], [])
    } else if exponent >= 0 {
      whole = digits + [UInt8](repeating: zero, count: exponent)
    } else if digits.count > -exponent {
      whole = Array(digits[..<(digits.count + exponent)])
      fraction = Array(digits[(digits.count + exponent)...])
    } else {
      fraction = [UInt8](repeating: zero, count: -exponent - digits.count) + digits
    }
    while fraction.last == zero { fraction.removeLast() }
    return (negative, whole, fraction)
  }

  /// Sign, the digits of the mantissa (no leading zeros, none for zero) and the power of ten,
  /// read from `Decimal`'s storage: an exponent byte, a byte of length (its high four bits, in
  /// 16-bit words) and flags (0x08 negative), two reserved bytes, then eight 16-bit words of
  /// mantissa, least significant first. `description` costs ~24K instructions a number, and
  /// ~370K the first time (run-time type lookups). Nil for NaN, or when the bytes do not agree
  /// with `exponent` and `sign` (another layout).
  static func mantissa(of value: Decimal) -> (negative: Bool, digits: [UInt8], exponent: Int)? {
    guard MemoryLayout<Decimal>.size == 20, !value.isNaN else { return nil }
    return withUnsafeBytes(of: value) { raw -> (Bool, [UInt8], Int)? in
      let exponent = Int(Int8(bitPattern: raw[0]))
      let length = Int(raw[1] >> 4)
      let negative = raw[1] & 0x08 != 0
      guard length <= 8, exponent == value.exponent, negative == (value.sign == .minus) else { return nil }
      var words: [UInt32] = []
      for i in 0..<length {
        let low = UInt32(raw[4 + 2 * i])
        let high = UInt32(raw[5 + 2 * i])
        words.append(low | high << 8)
      }
      return (negative, decimalDigits(words), exponent)
    }
  }

  /// The decimal digits of a number given as 16-bit words, least significant first (no
  /// leading zeros; none for zero): long division by 10,000, four digits at a time.
  static func decimalDigits(_ words: [UInt32]) -> [UInt8] {
    var words = words
    while words.last == 0 { words.removeLast() }
    var chunks: [UInt32] = []  // base 10,000, least significant first
    while !words.isEmpty {
      var remainder: UInt32 = 0
      for i in words.indices.reversed() {
        let current = remainder << 16 | words[i]
        words[i] = current / 10_000
        remainder = current % 10_000
      }
      chunks.append(remainder)
      while words.last == 0 { words.removeLast() }
    }
    var digits: [UInt8] = []
    for (i, chunk) in chunks.reversed().enumerated() {
      var four = [UInt8](repeating: UInt8(ascii: "0"), count: 4)
      var rest = chunk
      for place in (0..<4).reversed() {
        four[place] += UInt8(rest % 10)
        rest /= 10
      }
      digits += i == 0 ? Array(four.drop { $0 == UInt8(ascii: "0") }) : four
    }
    return digits
  }
}

import Foundation
import KnowledgeGraph

/// A decimal as its digits, for display: rounding, digit grouping and scaling done on the text
/// of the exact value. Foundation's `NSDecimalRound`, `NSDecimalNumber` and `String(format:)`
/// each cost thousands of instructions a value (and their first use far more).
struct DecimalDigits {
  var negative: Bool
  /// Digits before the point, without leading zeros ("" for zero).
  var whole: [UInt8]
  /// Digits after the point, without trailing zeros.
  var fraction: [UInt8]

  init(_ value: Decimal) {
    guard let (negative, whole, fraction) = PlainDecimal.digits(of: value) else {
      self.init(text: value.description)
      return
    }
    self.init(negative: negative, whole: whole, fraction: fraction)
  }

  private init(negative: Bool, whole: [UInt8], fraction: [UInt8]) {
    self.negative = negative
    self.whole = whole
    self.fraction = fraction
  }

  /// From plain text such as `-0.125` or `24380000000` (the form `Decimal` prints).
  init(text: String) {
    var bytes = Array(text.utf8)
    negative = bytes.first == UInt8(ascii: "-")
    if negative { bytes.removeFirst() }
    let point = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
    whole = Array(bytes[..<point].drop { $0 == UInt8(ascii: "0") })
    fraction = point < bytes.count ? Array(bytes[(point + 1)...]) : []
    trim()
  }

  var isZero: Bool { whole.isEmpty && fraction.isEmpty }

  /// Drops trailing zeros after the point; zero has no sign.
  mutating func trim() {
    while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
    if isZero { negative = false }
  }

  /// Rounded to `places` digits after the point, halves away from zero (`NSDecimalRound` `.plain`).
  func rounded(_ places: Int) -> DecimalDigits {
    guard fraction.count > places else { return self }
    var r = self
    let up = fraction[places] >= UInt8(ascii: "5")
    r.fraction = Array(fraction[..<places])
    if up {
      var digits = r.whole + r.fraction
      var i = digits.count - 1
      while i >= 0 && digits[i] == UInt8(ascii: "9") {
        digits[i] = UInt8(ascii: "0")
        i -= 1
      }
      if i >= 0 { digits[i] += 1 } else { digits.insert(UInt8(ascii: "1"), at: 0) }
      r.whole = Array(digits[..<(digits.count - places)])
      r.fraction = Array(digits[(digits.count - places)...])
    }
    r.trim()
    return r
  }

  /// Moved `places` digits to the left: the value divided by 10^places.
  func shifted(_ places: Int) -> DecimalDigits {
    var r = self
    let pad = [UInt8](repeating: UInt8(ascii: "0"), count: max(0, places - whole.count))
    let all = pad + whole
    r.whole = Array(all[..<(all.count - places)].drop { $0 == UInt8(ascii: "0") })
    r.fraction = Array(all[(all.count - places)...]) + fraction
    r.trim()
    return r
  }

  /// Digits before the point (at least one), grouped by three with commas when `grouped`.
  func text(grouped: Bool = true, minimumPlaces: Int = 0) -> String {
    var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
    let digits = whole.isEmpty ? [UInt8(ascii: "0")] : whole
    for (i, d) in digits.enumerated() {
      if grouped && i > 0 && (digits.count - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
      out.append(d)
    }
    let places = max(fraction.count, minimumPlaces)
    if places > 0 {
      out.append(UInt8(ascii: "."))
      out += fraction
      out += [UInt8](repeating: UInt8(ascii: "0"), count: places - fraction.count)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether the magnitude is at least 10^digits (`atLeast(6)`: a million or more).
  func atLeast(_ digits: Int) -> Bool { whole.count > digits }
}

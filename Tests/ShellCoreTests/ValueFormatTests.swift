import Foundation
import KnowledgeGraph
import XCTest

@testable import ShellCore

/// Grouped digits are written without Foundation's formatter for whole numbers; the text
/// must be what `%.0f` and grouping by threes (from five digits on) gave.
final class ValueFormatTests: XCTestCase {
  func reference(_ v: Double) -> String {
    let digits = String(format: "%.0f", abs(v))
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
      if digits.count > 4 && i > 0 && i % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (v < 0 ? "-" : "") + String(out.reversed())
  }

  /// Not-a-number and the infinities are spelled as the machine formats spell them, whatever
  /// the sign bit of the NaN (0.0/0 is a negative NaN on x86, which C prints as `-nan`).
  func testNaNAndInfinitiesReadAsInTheOtherFormats() {
    let negativeNaN = -Double.nan
    XCTAssertTrue(negativeNaN.sign == .minus)
    let cases: [(Double, String)] = [
      (.nan, "NaN"), (negativeNaN, "NaN"), (.infinity, "Infinity"), (-.infinity, "-Infinity"),
    ]
    for (v, text) in cases {
      XCTAssertEqual(ValueFormat.human(.double(v)), text)
      XCTAssertEqual(ValueFormat.human(.double(v)), Value.double(v).plainText)
    }
    XCTAssertEqual(ValueFormat.human(.list([.double(1.5), .double(.nan)])), "1.5, NaN")
  }

  /// Numbers a fixed four places cannot show read in exponent form, as in CSV and JSON.
  func testTinyAndHugeNumbersReadInExponentForm() {
    for v in [1e-7, -2.5e300, 1.5e16 + 0.5, 8.507059173023462e37] {
      XCTAssertEqual(ValueFormat.human(.double(v)), Value.double(v).plainText, "\(v)")
    }
    XCTAssertEqual(ValueFormat.human(.double(1e-7)), "1e-07")
    XCTAssertEqual(ValueFormat.human(.double(0.125)), "0.125")
    XCTAssertEqual(ValueFormat.human(.double(0.12345)), "0.1235")
    // The whole part is grouped as an integer's is, so that a column of floats and integers reads alike.
    XCTAssertEqual(ValueFormat.human(.double(123456789012.345)), "123,456,789,012.345")
    XCTAssertEqual(ValueFormat.human(.double(-12345.5)), "-12,345.5")
  }

  func testGroupedDigitsAgreeWithTheFormatter() {
    var values: [Double] = [
      0, -0.0, 1, -1, 12, 999, 1000, -1000, 1078, 99_999, 100_000, 1_234_567, -7_654_321,
    ]
    values += [1e15, -1e15, 8.9e15, 9.0e15, 9_007_199_254_740_992, 1e20, -3.5e18, 0.4, -0.4, 2.5, 1234.5]
    for p in 0..<16 { values.append(pow(10, Double(p)) - 1) }
    for v in values {
      XCTAssertEqual(ValueFormat.grouped(v, decimals: 0), reference(v), "\(v)")
    }
    XCTAssertEqual(ValueFormat.human(.int(1_234_567)), "1,234,567")
    XCTAssertEqual(ValueFormat.human(.int(-10000)), "-10,000")
    // Four digits stay whole: a year set as a property reads 2020, not 2,020.
    XCTAssertEqual(ValueFormat.human(.int(2020)), "2020")
    // A whole float keeps one place, so it does not read as an integer (`toFloat(3)` is 3.0).
    XCTAssertEqual(ValueFormat.human(.double(-1000)), "-1000.0")
    XCTAssertEqual(ValueFormat.human(.double(12345)), "12,345.0")
    XCTAssertEqual(ValueFormat.human(.double(0)), "0.0")
    XCTAssertEqual(ValueFormat.human(.double(1.99999)), "2.0")
    // Integers past 2^53 keep every digit (through a Double the last ones were lost).
    XCTAssertEqual(ValueFormat.human(.int(9_007_199_254_740_993)), "9,007,199,254,740,993")
    XCTAssertEqual(ValueFormat.human(.int(.min)), "-9,223,372,036,854,775,808")
    XCTAssertEqual(ValueFormat.human(.list([.int(.max)])), "9,223,372,036,854,775,807")
  }

  /// A column of numbers groups its four-digit ones when another has five digits or more
  /// (`8,000` above `16,000`); a column of years, or of mixed values, keeps them whole.
  func testAColumnOfNumbersGroupsItsDigitsAlike() {
    let table = Table(
      columns: ["tokens", "year", "mixed", "price"],
      rows: [
        [.int(8000), .int(2019), .int(2019), .double(1234.5)],
        [.int(16000), .int(2025), .string("n/a"), .double(-10000)],
        [.null, .int(1998), .int(25000), .null],
      ])
    let text = Renderer(format: .table).render(.table(table))
    let lines = text.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines[3], "│  8,000 │ 2019 │ 2019   │   1,234.5 │", text)
    XCTAssertEqual(lines[4], "│ 16,000 │ 2025 │ n/a    │ -10,000.0 │", text)
    XCTAssertEqual(ValueFormat.groupingFourDigits("-1234.5"), "-1,234.5")
    for whole in ["123", "12,345", "2019-01", "1e-07", "abcd"] {
      XCTAssertEqual(ValueFormat.groupingFourDigits(whole), whole)
    }
  }
}

/// Money and decimals are rounded and grouped on their digits, without Foundation's
/// `NSDecimalRound`; the text must be what rounding the `Decimal` and printing it gave.
final class DecimalDisplayTests: XCTestCase {
  /// The earlier implementation: round with Foundation, print, group by threes, pad to 2 places.
  func reference(_ value: Decimal, places: Int) -> String {
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
    if parts.count > 1 { out += "." + parts[1] + String(repeating: "0", count: max(0, 2 - parts[1].count)) }
    return out
  }

  func samples() -> [Decimal] {
    var values = [
      "0", "0.5", "-0.5", "0.00005", "-0.00004", "0.125", "0.99995", "9.99995", "999999.99995", "16.66666",
      "1078", "-2.5", "1.99999", "0.6",
    ]
    .map { Decimal(string: $0)! }
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      let mantissa = Decimal(UInt64.random(in: 0...99_999_999_999, using: &rng))
      let value = Decimal(
        sign: Bool.random() ? .minus : .plus, exponent: -Int.random(in: 0...9, using: &rng),
        significand: mantissa)
      values.append(value)
    }
    return values
  }

  func testExactAgreesWithFoundationRounding() {
    for v in samples() {
      for places in [0, 2, 4] {
        XCTAssertEqual(
          ValueFormat.exact(v, places: places), reference(v, places: places), "\(v) to \(places) places")
      }
    }
  }

  func testDisplayMoneyPadsToTheCurrencysDecimals() {
    for v in samples() where abs(NSDecimalNumber(decimal: v).doubleValue) < 1e6 {
      let usual = reference(v, places: 2)
      let shown = ValueFormat.displayMoney(Money(v, "USD"))
      // A negative amount has its minus before the symbol: -US$2.50.
      let sign = shown.hasPrefix("-") ? "-" : ""
      XCTAssertTrue(shown.dropFirst(sign.count).hasPrefix("US$"), shown)
      if abs(NSDecimalNumber(decimal: v).doubleValue) >= 1 {
        let padded = usual.contains(".") ? usual : usual + ".00"
        XCTAssertEqual(shown, sign + "US$" + padded.dropFirst(sign.count), "\(v)")
        XCTAssertEqual(sign.isEmpty, !usual.hasPrefix("-"), "\(v)")
      }
    }
    XCTAssertEqual(ValueFormat.displayMoney(Money(Decimal(string: "0.125")!, "USD")), "US$0.125")
    XCTAssertEqual(ValueFormat.displayMoney(Money(Decimal(string: "0.00004")!, "USD")), "US$0.0000")
    XCTAssertEqual(ValueFormat.displayMoney(Money(Decimal(string: "1200.4")!, "JPY")), "JP¥1,200")
    XCTAssertEqual(ValueFormat.displayMoney(Money(Decimal(string: "5")!, "USD")), "US$5.00")
  }

  func testLargeAmountsAreScaledExactly() {
    let cases: [(String, String)] = [
      ("24380000000", "¥24.38 bn"), ("4300000000", "¥4.3 bn"), ("500000000", "¥500 m"),
      ("1005000", "¥1.01 m"), ("-2500000000", "-¥2.5 bn"), ("999999999.999", "¥1000 m"),
      ("1234567890123", "¥1234.57 bn"),
    ]
    for (amount, text) in cases {
      let shown = ValueFormat.money(Money(Decimal(string: amount)!, "CNY"))
      XCTAssertEqual(shown, text, amount)
    }
    // The minus sign goes before the symbol, in both the exact and the display form.
    XCTAssertEqual(ValueFormat.money(Money(Decimal(string: "-5")!, "USD")), "-US$5")
    XCTAssertEqual(ValueFormat.displayMoney(Money(Decimal(string: "-35.5")!, "CNY")), "-¥35.50")
    XCTAssertEqual(ValueFormat.displayMoney(Money(Decimal(string: "-0.125")!, "USD")), "-US$0.125")
  }
}

import Foundation
import KnowledgeGraph
import XCTest

@testable import ShellCore

/// `DecimalDigits` reads a `Decimal`'s digits from its storage instead of `description`; for
/// every value the digits must be the ones `description` prints, and the storage path must be
/// the one taken (a layout change would otherwise fall back silently and slowly).
final class DecimalDigitsTests: XCTestCase {
  private func assertSame(_ value: Decimal, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertNotNil(PlainDecimal.digits(of: value), "\(value) took description", file: file, line: line)
    let fast = DecimalDigits(value)
    let slow = DecimalDigits(text: value.description)
    XCTAssertEqual(fast.negative, slow.negative, "\(value)", file: file, line: line)
    XCTAssertEqual(fast.whole, slow.whole, "\(value)", file: file, line: line)
    XCTAssertEqual(fast.fraction, slow.fraction, "\(value)", file: file, line: line)
  }

  func testStorageDigitsMatchDescription() {
    let texts = [
      "0", "0.00", "-0", "1", "-1", "0.5", "-0.125", "10", "100000", "24380000000", "1234.5600", "99.99",
      "0.0001", "65535", "65536", "4294967296", "18446744073709551616", "123456789012345678901234567890",
      "-340282366920938463463374607431768211455", "0.000000000000000000000000000001", "1e30", "7.5e-20",
    ]
    for text in texts { assertSame(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!) }
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let significand =
        Decimal(UInt64.random(in: 0...UInt64.max, using: &rng))
        * Decimal(UInt64.random(in: 0...1_000_000, using: &rng))
      let value = Decimal(
        sign: Bool.random(using: &rng) ? .minus : .plus, exponent: Int.random(in: -40...40, using: &rng),
        significand: significand)
      assertSame(value)
    }
  }

  func testNaNTakesDescription() {
    XCTAssertNil(PlainDecimal.digits(of: Decimal.nan))
  }

  func testDigitsOfKnownValues() {
    let d = DecimalDigits(Decimal(string: "-1234.5600")!)
    XCTAssertEqual(d.text(), "-1,234.56")
    XCTAssertEqual(DecimalDigits(Decimal(sign: .plus, exponent: 3, significand: 25)).text(), "25,000")
    XCTAssertEqual(DecimalDigits(Decimal(sign: .minus, exponent: -5, significand: 12)).text(), "-0.00012")
    XCTAssertEqual(DecimalDigits(Decimal(string: "-0.00")!).text(), "0")
  }
}

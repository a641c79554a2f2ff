import Foundation
import XCTest

@testable import KnowledgeGraph

/// Plain decimal text is read without Foundation's parser; the value, its printed text and
/// its exponent must be the ones `Decimal(string:)` gives, and other text must take that path.
final class PlainDecimalTests: XCTestCase {
  func foundation(_ s: String) -> Decimal? { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) }

  func testPlainTextReadsAsFoundationReadsIt() {
    var inputs = [
      "0", "-0", "0.00", "1.50", "0.125", "100", "-2.5", "24380000000", "00012.3400", "5.", ".5", "+3", "-.5",
      "999999999999999999", "0.000001", "10.10",
    ]
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<5000 {
      let whole =
        UInt64.random(in: 0...999_999_999_999, using: &rng) >> UInt64.random(in: 0...38, using: &rng)
      let fraction = [
        "", ".\(UInt64.random(in: 0...9999, using: &rng))", ".0\(UInt64.random(in: 0...99, using: &rng))",
      ]
      inputs.append((Bool.random() ? "-" : "") + "\(whole)" + fraction.randomElement()!)
    }
    for s in inputs {
      let mine = PlainDecimal.parse(s)
      XCTAssertEqual(mine, foundation(s), s)
      XCTAssertEqual(mine?.description, foundation(s)?.description, s)
      XCTAssertEqual(mine?.exponent, foundation(s)?.exponent, s)
    }
  }

  func testOtherTextTakesFoundationsPath() {
    XCTAssertNil(PlainDecimal.plainParts("1e3"))
    XCTAssertNil(PlainDecimal.plainParts("1.2.3"))
    XCTAssertNil(PlainDecimal.plainParts("12345678901234567890"))
    XCTAssertNil(PlainDecimal.plainParts(""))
    XCTAssertNil(PlainDecimal.plainParts("-"))
    for s in ["1e3", "12345678901234567890.5", "abc", "", "1.2.3"] {
      XCTAssertEqual(PlainDecimal.parse(s), foundation(s), s)
    }
  }

  /// `PlainDecimal.text` reads the digits from `Decimal`'s storage; it must print what
  /// `description` prints, and take the storage path for every number (not NaN).
  func testTextIsWhatDescriptionPrints() {
    var values = [
      "0", "0.00", "-0", "-0.00", "1.50", "-1234.5600", "65535", "65536", "4294967296",
      "18446744073709551616", "123456789012345678901234567890123456789", "1e30",
      "0.000000000000000000000000000001",
    ].map { foundation($0)! }
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      let significand =
        Decimal(UInt64.random(in: 0...UInt64.max, using: &rng))
        * Decimal(UInt64.random(in: 0...1_000_000, using: &rng))
      values.append(
        Decimal(
          sign: Bool.random(using: &rng) ? .minus : .plus, exponent: Int.random(in: -40...40, using: &rng),
          significand: significand))
    }
    for value in values {
      XCTAssertNotNil(PlainDecimal.digits(of: value), "\(value) was not read from its storage")
      XCTAssertEqual(PlainDecimal.text(value), value.description)
    }
    XCTAssertNil(PlainDecimal.digits(of: .nan))
    XCTAssertEqual(PlainDecimal.text(.nan), "NaN")
    XCTAssertEqual(PlainDecimal.text(Decimal(sign: .minus, exponent: -5, significand: 12)), "-0.00012")
  }
}

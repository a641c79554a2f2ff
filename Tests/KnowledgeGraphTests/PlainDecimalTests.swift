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
}

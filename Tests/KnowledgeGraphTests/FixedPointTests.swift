import XCTest

@testable import KnowledgeGraph

/// `FixedPoint` prints what C's `printf("%.Nf")` prints, and the writers that used
/// `String(format:)` before print the same text through it.
final class FixedPointTests: XCTestCase {
  func testRoundsTheExactBinaryValueHalvesToEven() {
    XCTAssertEqual(FixedPoint.text(0.125, places: 2), "0.12")  // an exact tie: to even
    XCTAssertEqual(FixedPoint.text(0.375, places: 2), "0.38")
    XCTAssertEqual(FixedPoint.text(2.675, places: 2), "2.67")  // 2.67499999... in binary
    XCTAssertEqual(FixedPoint.text(2.5, places: 0), "2")
    XCTAssertEqual(FixedPoint.text(3.5, places: 0), "4")
    XCTAssertEqual(FixedPoint.text(1234.56789, places: 3), "1234.568")
    XCTAssertEqual(FixedPoint.text(0.000_4, places: 3), "0.000")
  }

  func testSignsLargeValuesAndNonFiniteValues() {
    XCTAssertEqual(FixedPoint.text(-0.0, places: 1), "-0.0")
    XCTAssertEqual(FixedPoint.text(-1.25, places: 1), "-1.2")
    XCTAssertEqual(FixedPoint.text(1e20, places: 0), "100000000000000000000")
    XCTAssertEqual(FixedPoint.text(-Double.greatestFiniteMagnitude, places: 2).count, 309 + 1 + 3)
    XCTAssertEqual(FixedPoint.text(.nan, places: 1), "nan")
    XCTAssertEqual(FixedPoint.text(-.infinity, places: 1), "-inf")
  }

  func testPlacesAreClampedNotTrusted() {
    XCTAssertEqual(FixedPoint.text(1.5, places: -3), "2")
    XCTAssertEqual(FixedPoint.text(1, places: 500), "1." + String(repeating: "0", count: 60))
  }

  func testThousandthsAreWrittenAsTheFormatterWritesTheirQuotient() {
    for n: Int64 in [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 1234, 60_000, 1_234_567, -5, -1000, -1234] {
      XCTAssertEqual(FixedPoint.text(thousandths: n), FixedPoint.text(Double(n) / 1000, places: 3), "\(n)")
    }
    XCTAssertEqual(FixedPoint.text(thousandths: 11), "0.011")
    XCTAssertEqual(FixedPoint.text(thousandths: .min), "-9223372036854775.808")
  }

  func testZeroPadding() {
    XCTAssertEqual(FixedPoint.zeroPadded("7", to: 3), "007")
    XCTAssertEqual(FixedPoint.zeroPadded("100", to: 3), "100")
    XCTAssertEqual(FixedPoint.zeroPadded("12345", to: 4), "12345")
    XCTAssertEqual(FixedPoint.zeroPadded("1f", to: 4), "001f")
  }

  func testJSONWritesWholeFloatsAndControlCharactersAsBefore() {
    XCTAssertEqual(JSON.encode(.double(3)), "3.0")
    XCTAssertEqual(JSON.encode(.double(-0.0)), "-0.0")
    XCTAssertEqual(JSON.encode(.double(2.5)), "2.5")
    XCTAssertEqual(JSON.encode(.double(1e14)), "100000000000000.0")
    XCTAssertEqual(JSON.encode(.double(1e16)), "1e+16")
    XCTAssertEqual(JSON.encode(.string("a\u{1}b\u{7F}")), #""a\u0001b\u007f""#)
  }
}

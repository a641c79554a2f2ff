import Foundation
import XCTest

@testable import ShellCore

/// Grouped digits are written without Foundation's formatter for whole numbers; the text
/// must be what `%.0f` and grouping by threes gave.
final class ValueFormatTests: XCTestCase {
  func reference(_ v: Double) -> String {
    let digits = String(format: "%.0f", abs(v))
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (v < 0 ? "-" : "") + String(out.reversed())
  }

  func testGroupedDigitsAgreeWithTheFormatter() {
    var values: [Double] = [0, -0.0, 1, -1, 12, 999, 1000, -1000, 1078, 99_999, 100_000, 1_234_567, -7_654_321]
    values += [1e15, -1e15, 8.9e15, 9.0e15, 9_007_199_254_740_992, 1e20, -3.5e18, 0.4, -0.4, 2.5, 1234.5]
    for p in 0..<16 { values.append(pow(10, Double(p)) - 1) }
    for v in values {
      XCTAssertEqual(ValueFormat.grouped(v, decimals: 0), reference(v), "\(v)")
    }
    XCTAssertEqual(ValueFormat.human(.int(1_234_567)), "1,234,567")
    XCTAssertEqual(ValueFormat.human(.int(-1000)), "-1,000")
  }
}

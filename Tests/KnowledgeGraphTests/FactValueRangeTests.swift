import Foundation
import XCTest

@testable import KnowledgeGraph

/// Range values (`low..high`) are split in one place, over UTF-8 bytes; the ends must be
/// exactly Foundation's `components(separatedBy: "..")`, whatever the text.
final class FactValueRangeTests: XCTestCase {
  func testRangeEndsAreFoundationsComponentsForAnyText() {
    var generator = SystemRandomNumberGenerator()
    let alphabet: [Character] = [".", ".", ".", "5", "-", "a", "é", "億", " "]
    for _ in 0..<3000 {
      let length = Int.random(in: 0..<12, using: &generator)
      let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
      XCTAssertEqual(FactValue.rangeEnds(text), text.components(separatedBy: ".."), text)
      XCTAssertEqual(FactValue.isRange(text), text.contains(".."), text)
    }
  }

  func testARangeReadsAsItsEndsAndSortsByItsLowEnd() {
    XCTAssertEqual(FactValue.rangeEnds("2025-01..2025-03"), ["2025-01", "2025-03"])
    XCTAssertEqual(FactValue.rangeEnds("5..8"), ["5", "8"])
    XCTAssertEqual(FactValue.rangeEnds("12.5"), ["12.5"])
    XCTAssertEqual(FactValue.number(type: "number", raw: "5..8"), 5)
    XCTAssertEqual(FactValue.number(type: "money", raw: "12.5"), 12.5)
    XCTAssertNil(FactValue.number(type: "text", raw: "5..8"))
    XCTAssertEqual(FactValue.value(type: "number", raw: "5..8", currency: nil, entity: nil), .string("5..8"))
    XCTAssertEqual(FactValue.value(type: "number", raw: "16", currency: nil, entity: nil), .int(16))
  }
}

import XCTest

@testable import KnowledgeGraph

/// The one rule that turns a property written as text into a value (CSV import, edges.tsv).
final class InferredValueTests: XCTestCase {
  func testNumbersWrittenAsKgshWritesThemAreNumbers() {
    XCTAssertEqual(Value.inferred(fromText: "42"), .int(42))
    XCTAssertEqual(Value.inferred(fromText: "-7"), .int(-7))
    XCTAssertEqual(Value.inferred(fromText: "0"), .int(0))
    XCTAssertEqual(Value.inferred(fromText: "33.03"), .double(33.03))
    XCTAssertEqual(Value.inferred(fromText: "0.5"), .double(0.5))
    XCTAssertEqual(Value.inferred(fromText: "-0.25"), .double(-0.25))
  }

  func testCodesWithLeadingZerosSignsAndOtherTextStayText() {
    for text in [
      "02513", "00100", "-007", "00.5", "+86", "1e5", "1.5e3", "30000000..31000000", "12 HKD", "", "-", ".",
      "nan",
      "inf", "99999999999999999999999",
    ] {
      XCTAssertEqual(Value.inferred(fromText: text), .string(text), text)
    }
  }

  func testPairsAreSplitAtTheFirstEqualsSignAndPairsWithoutOneAreSkipped() {
    XCTAssertEqual(
      Value.properties(fromPairs: "stock_code=02513;stake_pct=33.03;note=a=b;broken;round=3"),
      ["stock_code": .string("02513"), "stake_pct": .double(33.03), "note": .string("a=b"), "round": .int(3)])
    XCTAssertEqual(Value.properties(fromPairs: ""), [:])
  }
}

import KnowledgeGraph
import ShellCore
import XCTest

final class BarChartTests: XCTestCase {
  func testBarsLineUpAfterChineseLabels() {
    let lines = BarChart.lines(
      [("智谱 GLM", 20, "¥20"), ("Claude Pro", 120, "¥120"), ("月之暗面", 60, "¥60")], width: 12)
    let starts = lines.map { line in TextWidth.of(String(line.prefix { $0 != "█" && $0 != "▏" })) }
    XCTAssertEqual(starts, [11, 11, 11], lines.joined(separator: "\n"))
    XCTAssertTrue(lines[1].contains(String(repeating: "█", count: 12)), lines[1])
    XCTAssertTrue(lines[0].hasSuffix("██ ¥20"), lines[0])  // 20/120 × 12 = 2 blocks
  }

  func testNegativeValuesHaveShadedBarsAndALegend() {
    let lines = BarChart.lines([("up", 4, "4"), ("down", -2, "-2"), ("flat", 0, "0")], width: 8)
    XCTAssertEqual(lines, ["up   ████████ 4", "down ░░░░ -2", "flat ▏ 0", "(░ bars are negative values)"])
    XCTAssertFalse(BarChart.lines([("a", 1, "1")]).last!.contains("negative"))
  }

  func testMoneyIsExactUnderAMillion() {
    XCTAssertEqual(ValueFormat.human(.money(Money(Decimal(string: "4.236")!, "CNY"))), "¥4.236")
    XCTAssertEqual(ValueFormat.human(.money(Money(Decimal(string: "0.6")!, "USD"))), "US$0.60")
    XCTAssertEqual(ValueFormat.human(.money(Money(Decimal(string: "1078")!, "CNY"))), "¥1,078")
    XCTAssertEqual(ValueFormat.human(.money(Money(Decimal(200) / 12, "USD"))), "US$16.6667")
    XCTAssertEqual(
      ValueFormat.human(.money(Money(Decimal(string: "0.1")! + Decimal(string: "0.2")!, "USD"))), "US$0.30")
  }
}

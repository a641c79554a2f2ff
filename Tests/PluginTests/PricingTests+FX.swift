// `fx`: sourced exchange rates, defaults and cross rates.
import Foundation
import KnowledgeGraph
import PricingPlugin
import ShellCore
import ShellTesting
import XCTest

extension PricingTests {
  func testConversionFollowsTheDefaultRate() throws {
    let t = try shell()
    XCTAssertTrue(t.run("prices --model 'Claude Pro' --currency CNY"), t.errors)
    XCTAssertTrue(t.output.contains("¥141.20"), t.output)  // 20 × 7.06
    XCTAssertTrue(t.run("fx set USD CNY 7.1 --as-of 2026-03 --source manual"), t.errors)
    XCTAssertTrue(t.run("prices --model 'Claude Pro' --currency CNY"), t.errors)
    XCTAssertTrue(t.output.contains("¥142"), t.output)  // 20 × 7.1
    XCTAssertTrue(t.run("prices --model GLM-4.5 --currency USD"), t.errors)
    XCTAssertTrue(t.output.contains("P041"), t.output)  // CNY row converted back through 1/7.1
  }

  /// A pair without a rate of its own goes through a currency both have one with (USD→HKD
  /// through CNY when HKD/CNY and USD/CNY are known), and both rates are cited.
  func testACrossRateGoesThroughACurrencyBothPairsShare() throws {
    let t = try shell()
    XCTAssertFalse(t.run("fx convert US$100 HKD"))
    XCTAssertTrue(t.errors.contains("no exchange rate from USD to HKD"), t.errors)
    XCTAssertTrue(t.run("fx set HKD CNY 0.92 --source 'a bank notice'"), t.errors)
    let before = t.output.count
    XCTAssertTrue(t.run("fx convert US$100 HKD"), t.errors)
    let out = String(t.output.dropFirst(before))
    XCTAssertTrue(out.contains("converted  HK$767.39\n"), out)  // 100 × 7.06 ÷ 0.92
    XCTAssertTrue(out.contains("1 USD = 7.06 CNY (N01"), out)
    XCTAssertTrue(out.contains("1 CNY = 1.086957 HKD (user inverted, a bank notice"), out)
    let compared = t.output.count
    XCTAssertTrue(t.run("compare 'GLM Coding Plan Lite' 'Claude Pro' --currency HKD"), t.errors)
    XCTAssertTrue(
      t.output.dropFirst(compared).contains("Claude Pro's HK$153.48/month (US$20 at USD→HKD via CNY, P001)"),
      t.output)
  }

  func testFXListsSourcedRatesAndValidates() throws {
    let out = try run("fx")
    for text in ["7.06", "6.97", "N01", "N02", "2025-09", "2026-01-08"] {
      XCTAssertTrue(out.contains(text), text)
    }
    let early = try run("fx USD CNY --as-of 2025-12")
    XCTAssertTrue(early.contains("N01") && !early.contains("N02"), early)
    // An empty table says why; one currency twice is refused.
    XCTAssertTrue(
      try run("fx USD EUR").hasSuffix(
        "no rate between USD and EUR; fx set USD EUR RATE --source SOURCE records one\n"))
    XCTAssertTrue(
      try run("fx --as-of 1999-01").contains(
        "\nno rate observed on or before 1999-01; the first is from 2025-09\n"))
    // Before the first observation of a pair, the default it falls back to is named as such.
    XCTAssertTrue(
      try run("fx USD CNY --as-of 1999-01").contains(
        "used for USD→CNY as of 1999-01 (the default, since none was observed by then): 1 USD = 7.06 CNY"))
    XCTAssertFalse(try run("fx USD CNY --as-of 2025-12").contains("the default, since"))
    XCTAssertTrue(try fails("fx CNY CNY").contains("fx: FROM and TO are both CNY"))
    XCTAssertTrue(
      try fails("fx set UDS CNY 7").contains(
        "FROM takes a currency code like CNY or USD, not 'UDS'; did you mean 'USD'?"))
    XCTAssertTrue(try fails("fx set USD XYZ 7").contains("TO takes a currency code"))
    XCTAssertTrue(try fails("fx set USD CNY abc").contains("RATE takes a number, not 'abc'"))
    XCTAssertTrue(try fails("fx set USD CNY -1").contains("positive"))
    XCTAssertTrue(try fails("fx set USD CNY 0").contains("positive"))
    XCTAssertTrue(try fails("fx set USD USD 1").contains("same currency"))
    XCTAssertTrue(
      try fails("prices --currency XXX").contains(
        "--currency takes a currency code like CNY or USD, not 'XXX'"))
  }

  /// One currency lists every rate it is in, either side.
  func testFXOfOneCurrency() throws {
    let cny = try run("fx CNY")
    XCTAssertEqual(cny.split(separator: "\n").filter { $0.contains("│ USD  │ CNY │") }.count, 2, cny)
    XCTAssertTrue(
      try run("fx EUR").contains("no rate with EUR; fx set EUR USD RATE --source SOURCE records one"))
  }
}

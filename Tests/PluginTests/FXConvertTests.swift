import Foundation
import KnowledgeGraph
import PricingPlugin
import ShellCore
import ShellTesting
import XCTest

/// `fx convert`: an amount in another currency at the rate conversions use, with its source.
final class FXConvertTests: XCTestCase {
  func shell() throws -> TestShell {
    try TestShell(plugins: [PricingPlugin.plugin], store: try Repository.defaultStore())
  }

  func record(_ line: String) throws -> [String: String] {
    let t = try shell()
    XCTAssertTrue(t.run(line + " --format tsv"), "\(line): \(t.errors)")
    var fields: [String: String] = [:]
    for row in t.output.split(separator: "\n").dropFirst() {
      let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      if cells.count == 2 { fields[cells[0]] = cells[1] }
    }
    let lines = t.output.split(separator: "\n")
    if fields.isEmpty, lines.count == 2 {
      for (k, v) in zip(lines[0].split(separator: "\t"), lines[1].split(separator: "\t")) {
        fields[String(k)] = String(v)
      }
    }
    return fields
  }

  /// Money as it is written (symbol or code before or after, grouping, scales in English and
  /// Chinese) converts at the pair's default or dated rate; the article's own conversion
  /// (¥243.8億 ≈ $35億) comes out of its rate.
  func testAmountsAsWrittenConvertAtTheRateWithItsSource() throws {
    let article = try record("fx convert 243.8億元 USD --as-of 2026-01-08")
    XCTAssertEqual(article["amount"], "24380000000 CNY", "\(article)")
    XCTAssertTrue(article["converted"]?.hasPrefix("3497") == true, "\(article)")
    XCTAssertTrue(article["source"]?.contains("N02 inverted") == true, "\(article)")
    for line in [
      "fx convert US$20 CNY", "fx convert 20 USD CNY", "fx convert 20USD CNY", "fx convert 20 dollar cny",
    ] {
      let r = try record(line)
      XCTAssertEqual(r["amount"], "20 USD", line)
      XCTAssertEqual(r["converted"], "141.2 CNY", line)
      XCTAssertTrue(r["source"]?.contains("N01") == true, "\(line): \(r)")
    }
    XCTAssertEqual(try record("fx convert 1,234.5 USD CNY")["amount"], "1234.5 USD")
    XCTAssertEqual(try record("fx convert 3万 CNY USD")["amount"], "30000 CNY")
    XCTAssertEqual(try record("fx convert 5m USD CNY")["converted"], "35300000 CNY")
  }

  func testWhatIsMissingOrExtraIsSaid() throws {
    let cases = [
      (
        "fx convert 100 CNY",
        "fx convert: one currency after 100; it needs the one it is in and the one to convert to; "
          + "e.g. fx convert 100 CNY USD, or fx convert 100 USD CNY"
      ),
      (
        "fx convert US$20 USD CNY",
        "fx convert: US$20 is in USD already, so only TO is given; write fx convert US$20 CNY"
      ),
      ("fx convert US$20 USD", "fx convert: the amount is in USD already"),
      (
        "fx convert twenty USD CNY",
        "fx convert: AMOUNT takes a number or money like US$20, ¥49 or 4.3bn HKD, not 'twenty'"
      ),
      ("fx convert ¥20/month USD", "not '¥20/month'; convert the amount alone: fx convert ¥20 USD"),
      ("fx convert 5mxn CNY", "fx convert: AMOUNT takes a number or money"),
      ("fx convert 5 mxn CNY", "fx convert: CURRENCY takes a currency code like CNY or USD, not 'mxn'"),
      (
        "fx convert 20 HKD EUR",
        "fx convert: no exchange rate from HKD to EUR; add one with fx set HKD EUR RATE"
      ),
      (
        "fx 100 USD CNY",
        "fx: 100 is an amount, and fx lists rates; to convert it write fx convert 100 USD CNY"
      ),
    ]
    for (line, message) in cases {
      let t = try shell()
      XCTAssertFalse(t.run(line), line)
      XCTAssertTrue(t.errors.contains(message), "\(line): \(t.errors)")
    }
  }
}

import Foundation
import KnowledgeGraph
import PricingPlugin
import ScriptingPlugin
import ShellCore
import ShellTesting
import XCTest

/// `where` and `sort` over money (one currency, or a clear refusal), empty cells, and the
/// footnotes of a filtered table.
final class MoneyFilterTests: XCTestCase {
  func shell() throws -> TestShell {
    try TestShell(
      plugins: [PricingPlugin.plugin, ScriptingPlugin.plugin], store: try Repository.defaultStore())
  }

  /// The values of one column of a CSV output (no quoting in these columns).
  func column(_ name: String, of csv: String) throws -> [String] {
    let lines = csv.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let index = try XCTUnwrap(header.firstIndex(of: name), "no column \(name) in \(lines[0])")
    return try lines.dropFirst().map { line in
      let cells = Self.cells(line)
      return try XCTUnwrap(index < cells.count ? cells[index] : nil, line)
    }
  }

  static func cells(_ line: String) -> [String] {
    var cells: [String] = [], cell = "", quoted = false
    for c in line {
      if c == "\"" {
        quoted.toggle()
      } else if c == "," && !quoted {
        cells.append(cell)
        cell = ""
      } else {
        cell.append(c)
      }
    }
    return cells + [cell]
  }

  /// A money cell as CSV shows it ("0.6 USD", "US$0.60" or "0.6"), as a number.
  static func amount(_ text: String) -> Double? {
    Double(text.filter { $0.isNumber || $0 == "." || $0 == "-" })
  }

  func testWhereOnMixedCurrenciesIsRefusedNamingBothAndCurrency() throws {
    let t = try shell()
    XCTAssertFalse(t.run("prices | where input_1M < 1"))
    XCTAssertTrue(t.errors.contains("holds amounts in both"), t.errors)
    XCTAssertTrue(t.errors.contains("CNY") && t.errors.contains("USD"), t.errors)
    XCTAssertTrue(t.errors.contains("--currency"), t.errors)
    XCTAssertEqual(t.errors.split(separator: "\n").count, 1, t.errors)
    let u = try shell()
    XCTAssertFalse(u.run("prices | sort input_1M"))
    XCTAssertTrue(u.errors.contains("sort: input_1M holds amounts in both"), u.errors)
    // The hint names the commands that convert, not a --currency the table's command lacks.
    XCTAssertTrue(
      u.errors.hasSuffix(
        "which do not compare without a rate; prices, compare and cost convert to one currency with "
          + "--currency USD; from other commands, keep the rows of one currency first\n"), u.errors)
  }

  func testWhereInOneCurrencyDropsEmptyCellsAndKeepsOnlyMatches() throws {
    let t = try shell()
    XCTAssertTrue(t.run("prices --currency USD --format csv"), t.errors)
    let all = try column("input_1M", of: t.output)
    XCTAssertTrue(all.contains(""), "expected rows without an input price")
    let u = try shell()
    XCTAssertTrue(u.run("prices --currency USD --format csv | where input_1M < 1"), u.errors)
    let kept = try column("input_1M", of: u.output)
    XCTAssertFalse(kept.isEmpty, u.output)
    XCTAssertLessThan(kept.count, all.filter { !$0.isEmpty }.count)
    for cell in kept {
      let value = try XCTUnwrap(Self.amount(cell), "not an amount: '\(cell)'")
      XCTAssertLessThan(value, 1, cell)
    }
  }

  func testWhereTakesAnAmountWithItsCurrency() throws {
    let t = try shell()
    XCTAssertTrue(t.run("prices --currency USD --format csv | where input_1M <= US$0.5"), t.errors)
    XCTAssertTrue(try column("input_1M", of: t.output).allSatisfy { (Self.amount($0) ?? 9) <= 0.5 })
    let u = try shell()
    XCTAssertFalse(u.run("prices --currency USD | where input_1M < 7 CNY"))
    XCTAssertTrue(u.errors.contains("USD and CNY"), u.errors)
    let v = try shell()
    XCTAssertFalse(v.run("prices --currency USD | where input_1M < cheap"))
    XCTAssertTrue(v.errors.contains("'cheap' is not an amount"), v.errors)
  }

  func testOtherToolsSpellingsOfOperatorsAndOrderGetTheKgshOne() throws {
    let t = try shell()
    for (op, meant) in [("~", "=~"), ("like", "contains"), ("<>", "!="), ("gte", ">="), ("=>", ">=")] {
      XCTAssertFalse(t.run("prices | where vendor \(op) Zhipu"))
      XCTAssertTrue(t.errors.hasSuffix("not '\(op)'; did you mean '\(meant)'?\n"), t.errors)
    }
    XCTAssertFalse(t.run("prices | sort -input_1M"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "sort: no column '-input_1M'; to sort from the largest, write the order after the column: "
          + "sort input_1M desc\n"), t.errors)
  }

  func testSortInOneCurrencyOrdersByAmountWithEmptyCellsLast() throws {
    let t = try shell()
    XCTAssertTrue(t.run("prices --currency CNY --format csv | sort input_1M"), t.errors)
    let cells = try column("input_1M", of: t.output)
    let filled = cells.prefix { !$0.isEmpty }
    XCTAssertTrue(cells.dropFirst(filled.count).allSatisfy(\.isEmpty), "empty cells are not last")
    let amounts = filled.compactMap(Self.amount)
    XCTAssertEqual(amounts.count, filled.count)
    XCTAssertEqual(amounts, amounts.sorted())
    XCTAssertGreaterThan(amounts.count, 3)
  }

  func testFootnotesOfTheWholeTableGoAfterWhereAndFirst() throws {
    let t = try shell()
    XCTAssertTrue(t.run("prices --currency USD"), t.errors)
    XCTAssertTrue(t.output.contains("price rows"), t.output)
    let u = try shell()
    XCTAssertTrue(u.run("prices --currency USD | where input_1M < 1"), u.errors)
    XCTAssertFalse(u.output.contains("price rows"), u.output)
    let v = try shell()
    XCTAssertTrue(v.run("prices | first 3"), v.errors)
    XCTAssertFalse(v.output.contains("price rows"), v.output)
    XCTAssertTrue(v.output.contains("first 3 of"), v.output)
    let w = try shell()
    XCTAssertTrue(w.run("prices | first 1000"), w.errors)
    XCTAssertTrue(w.output.contains("price rows"), "nothing was dropped, the footnote still holds")
  }

  func testEmptyCellsNeverSatisfyAComparisonOnText() throws {
    let t = try shell()
    XCTAssertTrue(t.run("prices --format csv | where price_text != x"), t.errors)
    XCTAssertFalse(try column("price_text", of: t.output).contains(""), t.output)
    let u = try shell()
    XCTAssertTrue(u.run("prices --format csv | where price_text = ''"), u.errors)
    XCTAssertTrue(try column("price_text", of: u.output).allSatisfy(\.isEmpty), u.output)
  }
}

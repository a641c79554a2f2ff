import Foundation
import KnowledgeGraph
import KnowledgePlugin
import PricingPlugin
import ScriptingPlugin
import ShellCore
import ShellTesting
import XCTest

/// A session printing to a terminal of a known size: `set layout`, `set wrap`,
/// `set pager`, the pager only for what the user typed, and `output FILE` getting the
/// full, plain form.
final class TerminalOutputTests: XCTestCase {
  /// Records what it was asked to page.
  final class RecordingPager: Pager {
    var pages: [String] = []
    func page(_ text: String) -> Bool {
      pages.append(text)
      return true
    }
  }

  let pager = RecordingPager()

  func shell(columns: Int = 60, rows: Int = 20) throws -> TestShell {
    let t = try TestShell(
      plugins: [KnowledgePlugin.plugin, ScriptingPlugin.plugin, PricingPlugin.plugin],
      store: try Repository.defaultStore())
    t.session.isTerminal = true
    t.session.screen = FixedScreen(columns: columns, rows: rows)
    t.session.pager = pager
    return t
  }

  func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

  func testCiteIsOneFieldPerLineAndLayoutTableKeepsTheBox() throws {
    let t = try shell()
    XCTAssertTrue(t.run("cite F0001"), t.errors)
    XCTAssertTrue(t.output.hasPrefix("fact "), t.output)
    XCTAssertTrue(t.output.contains("F0001") && t.output.contains("2026-01-08"))
    for line in lines(t.output) { XCTAssertLessThanOrEqual(TextWidth.of(line), 60, t.output) }
    let t2 = try shell()
    XCTAssertTrue(t2.run("set layout table; cite F0001"), t2.errors)
    XCTAssertTrue(t2.output.contains("┌"), t2.output)
    XCTAssertTrue(lines(t2.output).contains { $0.contains("F0001") }, t2.output)
  }

  func testWrapLimitsLinesPerCell() throws {
    let t = try shell(columns: 160)
    XCTAssertTrue(t.run("set layout table; set wrap 1; cite F0001"), t.errors)
    let table = lines(t.output).drop { !$0.hasPrefix("┌") }
    XCTAssertEqual(table.count, 5, "header, one line for the row, borders:\n\(t.output)")
    XCTAssertTrue(t.output.contains("…"), t.output)
    XCTAssertFalse(t.run("set wrap 0"))
    XCTAssertTrue(
      t.errors.contains("set wrap: VALUE takes a number of lines per cell or off, not '0'"), t.errors)
    XCTAssertFalse(t.run("set layout sideways"))
    XCTAssertTrue(t.errors.contains("auto or table or vertical"), t.errors)
  }

  func testAResizedScreenChangesTheNextTable() throws {
    let t = try shell(columns: 160)
    let screen = FixedScreen(columns: 160, rows: 40)
    t.session.screen = screen
    XCTAssertTrue(t.run(#"compare GLM-4.5 "Claude Sonnet 4""#), t.errors)
    let wide = t.output
    XCTAssertTrue(wide.hasPrefix("┌"), wide)
    screen.size = (60, 40)
    XCTAssertTrue(t.run(#"compare GLM-4.5 "Claude Sonnet 4""#), t.errors)
    let narrow = String(t.output.dropFirst(wide.count))
    XCTAssertNotEqual(
      lines(narrow).first, lines(wide).first, "the narrow table has fewer columns:\n\(narrow)")
    XCTAssertTrue(narrow.contains(" more columns ("), "and names the ones it leaves out:\n\(narrow)")
    for line in lines(narrow) { XCTAssertLessThanOrEqual(TextWidth.of(line), 60, narrow) }
  }

  func testOnlyTallOutputTypedAtThePromptIsPaged() throws {
    let t = try shell(rows: 20)
    // The REPL runs what the user typed with no origin.
    t.shell.run("show Zhipu")
    XCTAssertEqual(pager.pages.count, 1)
    XCTAssertTrue(pager.pages.first?.contains("Zhipu AI") == true)
    XCTAssertFalse(t.output.contains("Zhipu AI"), "paged output is not printed too")
    t.shell.run("stats")
    XCTAssertEqual(pager.pages.count, 1, "short output is printed")
    XCTAssertTrue(t.run("show Zhipu"), "a script")
    t.shell.run("source /dev/null; set pager off")
    t.shell.run("show Zhipu")
    XCTAssertEqual(pager.pages.count, 1, "never in scripts, never with the pager off")
  }

  func testOutputFileGetsTheFullPlainForm() throws {
    let t = try shell()
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString).txt")
    t.shell.run("output \(file.path); show Zhipu; prices; output -")
    let written = try String(contentsOf: file, encoding: .utf8)
    XCTAssertFalse(written.contains("\u{1B}"), "no escape codes in a file")
    XCTAssertTrue(lines(written).contains { TextWidth.of($0) > 60 }, "a file is not fitted to the terminal")
    XCTAssertTrue(pager.pages.isEmpty, "a file is never paged")
  }
}

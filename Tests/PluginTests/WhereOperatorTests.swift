import QueryPlugin
import ScriptingPlugin
import ShellCore
import ShellTesting
import XCTest

/// `where`'s text operators: starts-with and ends-with in any case, =~ and !~ regular
/// expressions found anywhere in the cell (as grep and Nushell do), in and not-in a list.
final class WhereOperatorTests: XCTestCase {
  static let names =
    "unwind ['Zhipu AI', 'MiniMax', 'Kimi (beta)', 'zhipu-mirror', null] as name return name"

  func names(after verb: String) throws -> (ok: Bool, rows: [String], errors: String) {
    let t = try TestShell(plugins: [QueryPlugin.plugin, ScriptingPlugin.plugin], store: nil)
    let ok = t.run("\(Self.names) | \(verb) --format tsv")
    let rows = t.output.split(separator: "\n").dropFirst().map(String.init)
    return (ok, rows, t.errors)
  }

  func testTextOperatorsIgnoreCaseAndEmptyCells() throws {
    XCTAssertEqual(try names(after: "where name starts-with ZHI").rows, ["Zhipu AI", "zhipu-mirror"])
    XCTAssertEqual(try names(after: "where name ends-with ai").rows, ["Zhipu AI"])
    XCTAssertEqual(try names(after: "where name !~ i").rows, [])
  }

  func testRegularExpressionsAreFoundAnywhereAndCaseMatters() throws {
    XCTAssertEqual(try names(after: "where name =~ '^(Zhipu|Mini)'").rows, ["Zhipu AI", "MiniMax"])
    XCTAssertEqual(try names(after: "where name =~ '(?i)^zhipu'").rows, ["Zhipu AI", "zhipu-mirror"])
    XCTAssertEqual(try names(after: #"where name =~ '\(beta\)'"#).rows, ["Kimi (beta)"])
    // An empty cell matches neither =~ nor !~.
    XCTAssertEqual(try names(after: "where name !~ '^Zh'").rows, ["MiniMax", "Kimi (beta)", "zhipu-mirror"])
    let bad = try names(after: "where name =~ '('")
    XCTAssertFalse(bad.ok)
    XCTAssertTrue(
      bad.errors.contains("where: '(' is not a regular expression; =~ finds the pattern anywhere"), bad.errors
    )
  }

  func testInTakesACommaSeparatedList() throws {
    XCTAssertEqual(try names(after: "where name in MiniMax, Zhipu AI").rows, ["Zhipu AI", "MiniMax"])
    XCTAssertEqual(
      try names(after: "where name not-in MiniMax, Zhipu AI").rows, ["Kimi (beta)", "zhipu-mirror"])
    let empty = try names(after: "where name in ,")
    XCTAssertFalse(empty.ok)
    XCTAssertTrue(
      empty.errors.contains(
        "where: in needs a list of values separated by commas; e.g. where name in Zhipu AI, MiniMax"),
      empty.errors)
  }

  func testOtherShellsWordsPointAtTheOperator() throws {
    let tilde = try names(after: "where name ~ Zh")
    XCTAssertTrue(tilde.errors.contains("not '~'; did you mean '=~'?"), tilde.errors)
    let starts = try names(after: "where name startswith Zh")
    XCTAssertTrue(starts.errors.contains("did you mean 'starts-with'?"), starts.errors)
  }
}

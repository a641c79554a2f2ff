import Foundation
import KnowledgePlugin
import QueryPlugin
import ScriptingPlugin
import ShellCore
import ShellTesting
import XCTest

/// `let`, `def`, `expect` and `print` as the front end parses them, and where their errors point.
final class ScriptLanguageTests: XCTestCase {
  func shell() throws -> TestShell {
    try TestShell(
      plugins: [KnowledgePlugin.plugin, QueryPlugin.plugin, ScriptingPlugin.plugin],
      store: try Repository.defaultStore())
  }

  func testLetOfAWordThatIsNoCommandStoresTheText() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run("let c = Zhipu; let q = 'find'; let b = true; let d = 2.5; show $c --format json"), t.errors)
    XCTAssertEqual(t.session.variables["c"], .string("Zhipu"))
    XCTAssertEqual(t.session.variables["q"], .string("find"))
    XCTAssertEqual(t.session.variables["b"], .bool(true))
    XCTAssertEqual(t.session.variables["d"], .double(2.5))
    XCTAssertTrue(t.output.contains("Zhipu AI"), t.output)
  }

  /// `let y = $x + 1` is not a command: the line that computes it with Cypher, which does.
  /// Words that are no sum are offered quoted, as text.
  func testLetOfArithmeticGivesTheLineThatComputesIt() throws {
    let t = try shell()
    XCTAssertFalse(t.run("let x = 1\nlet y = $x + 1"))
    XCTAssertEqual(
      t.errors,
      "test:2:1: let y: '$x' is not a command, so '$x + 1' cannot run; "
        + "Cypher's return computes it: let y = return $x + 1\n")
    XCTAssertFalse(t.errors.contains("did you mean"), t.errors)
    let before = t.output.count
    XCTAssertTrue(t.run("let y = return $x + 1\necho y is $y"), t.errors)
    XCTAssertEqual(String(t.output.dropFirst(before)), "y is 2\n")
    let s = try shell()
    XCTAssertFalse(s.run("let x = 1\nlet y = $x and more"))
    XCTAssertTrue(s.errors.hasSuffix("to store the text, quote it: let y = \"$x and more\"\n"), s.errors)
  }

  /// `$( ... )` from a Unix shell is refused with kgsh's way, unquoted or in double quotes;
  /// single quotes and a backslash keep it as text.
  func testCommandSubstitutionSaysToUseLet() throws {
    for line in ["echo $(labels | count)", "echo \"n: $(labels)\""] {
      let t = try shell()
      XCTAssertFalse(t.run(line), line)
      XCTAssertTrue(
        t.errors.hasSuffix(
          "kgsh has no command substitution $( ... ); store the output first, then use the variable: "
            + "let n = labels | count; echo $n\n"), t.errors)
    }
    let t = try shell()
    XCTAssertTrue(t.run("echo 'US$(5)'; echo \\$(x)"), t.errors)
    XCTAssertEqual(t.output, "US$(5)\n$(x)\n")
  }

  func testLetOfAPipelineStoresItsStructuredOutput() throws {
    let t = try shell()
    XCTAssertTrue(t.run("let n = find GLM --limit 3 | count; let m = $n; print $m"), t.errors)
    XCTAssertEqual(t.session.variables["n"], t.session.variables["m"])
    XCTAssertNotNil(t.session.variables["n"])
  }

  func testPrintShowsTextAndTables() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run("let who = Zhipu; print \"hello $who\"; let rows = labels | first 2; print $rows"), t.errors)
    XCTAssertTrue(t.output.contains("hello Zhipu"), t.output)
    XCTAssertTrue(t.output.contains("│ label"), t.output)
  }

  /// `echo $rows` shows a stored table as print does (it ran the rows' text together), and a
  /// record in its fields' order; text around a variable stays text.
  func testEchoOfAStoredTableOrRecordShowsItAsPrintDoes() throws {
    for (line, variable) in [("let rows = labels | first 2", "rows"), ("let s = stats", "s")] {
      let echoed = try shell(), printed = try shell()
      XCTAssertTrue(echoed.run("\(line); echo $\(variable)"), echoed.errors)
      XCTAssertTrue(printed.run("\(line); print $\(variable)"), printed.errors)
      XCTAssertEqual(echoed.output, printed.output, line)
      XCTAssertFalse(echoed.output.contains(": "), echoed.output)
    }
    let t = try shell()
    XCTAssertTrue(t.run("let s = stats; echo facts: $s.facts"), t.errors)
    XCTAssertTrue(t.output.hasPrefix("facts: "), t.output)
  }

  func testExpectWithAPipelineAndARawTextCommand() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run(
        "expect find GLM --limit 3 | count == 3\nexpect match (c:Company) where c.name = 'Zhipu AI' return c.name rows 1"
      ),
      t.errors)
    XCTAssertFalse(t.run("expect labels | first 2 rows 3"))
    XCTAssertTrue(t.errors.contains("expect failed: labels | first 2 got 2 rows, expected 3"), t.errors)
  }

  func testDefBodyErrorNamesTheBodysFileAndLineAndTheCall() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-def-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "# cards\ndef card(who) {\n  echo card of $who\n  show $who\n}\n".write(
      to: dir.appendingPathComponent("lib.kgsh"), atomically: true, encoding: .utf8)
    let script = "source \(dir.path)/lib.kgsh\n\n\n\n\n\n  card Foo\necho after\n"
    let t = try shell()
    XCTAssertFalse(t.shell.run(script, origin: "script.kgsh"))
    XCTAssertTrue(
      t.errors.hasPrefix(
        "script.kgsh:7:3: in card (defined at \(dir.path)/lib.kgsh:4): no entity named 'Foo'"),
      t.errors)
    XCTAssertFalse(t.output.contains("after"), t.output)
    // A query's mistake or a later stage's is placed at its own column in the body.
    let u = try shell()
    XCTAssertFalse(
      u.shell.run(
        "def q(x) {\n  match (n) retrun n\n}\nq 1\ndef r(x) { find $x | where nme = 1 }\nr GLM",
        origin: "s.kgsh",
        continueOnError: true))
    XCTAssertEqual(
      u.errors.split(separator: "\n").map(String.init),
      [
        "s.kgsh:4:1: in q (defined at s.kgsh:2:13): syntax error: expected a clause (MATCH, CREATE, WITH, UNWIND, RETURN), found 'retrun'; did you mean RETURN?",
        "s.kgsh:6:1: in r (defined at s.kgsh:5:22): where: no column 'nme'; did you mean 'name'?",
      ])
  }

  /// A body that runs a name no command has is defined, and the message names it (a later
  /// def may supply it); commands, the definition itself and earlier defs are not named.
  func testDefNamesANameThatIsNotACommandYet() throws {
    let t = try shell()
    XCTAssertTrue(t.run("def bad(x) { echo $x; nosuchcommand $x | count }"), t.errors)
    XCTAssertTrue(
      t.output.hasSuffix(
        "defined bad(x) (it runs 'nosuchcommand', not a command yet: bad fails until it is defined)\n"),
      t.output)
    let u = try shell()
    XCTAssertTrue(
      u.run("def again(n) { labels | first $n; show Zhipu; again 1 }; def later() { again 1 }"),
      u.errors)
    XCTAssertEqual(u.errors, "")
    XCTAssertFalse(u.output.contains("not a command yet"), u.output)
  }

  func testDefSyntaxErrorRunsNothingAndPointsIntoTheBody() throws {
    let t = try shell()
    XCTAssertFalse(t.shell.run("echo first\ndef f() {\n  echo 'open\n}\n", origin: "s.kgsh"))
    XCTAssertTrue(t.errors.hasPrefix("s.kgsh:3:8: unterminated quote"), t.errors)
    XCTAssertFalse(t.output.contains("first"), t.output)
  }

  func testDefInsideADefBodyAndCallsInPipelines() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run("def top(n) {\n  labels | sort count | first $n\n}\ntop 2 | count"), t.errors)
    XCTAssertTrue(t.output.contains("2"), t.output)
  }

  /// A second definition of a name replaces the first and says what it replaced.
  func testRedefiningSaysWhatItReplaced() throws {
    let t = try shell()
    XCTAssertTrue(t.run("def f(x) { echo $x }; def f(y) { echo [$y] }; f 1"), t.errors)
    XCTAssertEqual(t.output, "defined f(x)\nredefined f(y), which was f(x) { echo $x }\n[1]\n")
  }
}

// `assert` and `expect`: the checks a saved script makes of its own output.
import Foundation
import GraphPlugin
import KnowledgePlugin
import PricingPlugin
import QueryPlugin
import ScriptingPlugin
import ShellCore
import ShellTesting
import XCTest

extension ScriptingTests {
  func testAssert() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run(
        "let n = 3; assert $n == 3; assert $n != 4; assert $n > 2; assert 10 > 9; assert abc < abd; assert $n <= 3"
      ), t.errors)
    XCTAssertFalse(t.run("assert $n == 4"))
    XCTAssertTrue(t.errors.contains("test:1:1: assertion failed: got 3, expected 4"), t.errors)
    // A table of one cell is its value, alone in a word or inside one.
    let c = try shell()
    XCTAssertTrue(
      c.run("let n = labels | count; assert $n == 16; echo [$n]; let t = labels; echo ${n}/$t.count"),
      c.errors)
    XCTAssertTrue(c.output.hasPrefix("[16]\n16/"), c.output)
    XCTAssertFalse(c.run("let rows = labels | first 2; assert $rows == 2"))
    XCTAssertTrue(c.errors.contains("assert: $rows is a table of 2 rows, not one value"), c.errors)
  }

  /// Amounts compare as amounts; what would compare as text by accident is refused.
  func testAssertComparesAmountsAndRefusesMixedKinds() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run("assert US$1.50 == US$1.5; assert ¥5 > ¥4.99; assert 1.5 == 1.50; assert 2025-01 < 2025-02-01"),
      t.errors)
    func failure(_ line: String) throws -> String {
      let s = try shell()
      XCTAssertFalse(s.run(line), line)
      return s.errors
    }
    XCTAssertEqual(
      try failure("assert ¥5 < US$1"),
      "test:1:1: assert: ¥5 and US$1 are in CNY and USD, which do not compare without a rate; "
        + "convert one first, e.g. cost MODEL --currency CNY\n")
    // As text "1" < "b" held, and "b" < 1 did not.
    XCTAssertEqual(
      try failure("assert 1 < b"),
      "test:1:1: assert: 1 is a number and 'b' is not, so < cannot order them; compare two numbers or two texts\n"
    )
    XCTAssertTrue(try failure("assert b >= 1").contains("1 is a number and 'b' is not"))
    // A table's rows would have been compared as one long text.
    XCTAssertTrue(
      try failure("let t = find GLM --limit 3; assert $t == 3").contains(
        "assert: $t is a table of 3 rows, not one value; check its size with expect COMMAND rows N"))
    XCTAssertTrue(try failure("assert 1 == b").contains("assertion failed: got 1, expected b"))
  }

  func testExpect() throws {
    let e = try shell()
    XCTAssertTrue(
      e.run("expect echo 42 == 42; expect find GLM --limit 3 rows 3; expect show Zhipu contains Zhipu AI"),
      e.errors)
    XCTAssertFalse(e.run("expect find GLM --limit 3 rows 2"))
    XCTAssertTrue(
      e.errors.contains(
        "expect failed: find GLM --limit 3 got 3 rows, expected 2 (limit reached: 3 of 27 shown; raise --limit)"
      ),
      e.errors)
    let f = try shell()
    XCTAssertFalse(f.run("expect echo 42 == 43"))
    XCTAssertTrue(f.errors.contains("expect failed: echo 42 got '42', expected 43"), f.errors)
    let g = try shell()
    XCTAssertFalse(g.run("expect echo hello contains bye"))
    XCTAssertTrue(
      g.errors.contains("expect failed: echo hello: got 'hello', which does not contain bye"), g.errors)
    // A table that lacks the text is named by its size, not by its first box characters.
    XCTAssertFalse(g.run("expect find GLM --limit 3 contains GPT-9"))
    XCTAssertTrue(
      g.errors.hasSuffix(
        "expect failed: find GLM --limit 3: its 3 rows do not contain GPT-9 (limit reached: 3 of 27 shown; raise --limit)\n"
      ), g.errors)
    // rows takes a comparison: a script stays right as the knowledge base grows.
    XCTAssertTrue(
      g.run(
        "expect find GLM --limit 3 rows >= 2; expect find GLM --limit 3 rows != 4; expect find GLM --limit 3 rows <=3"
      ),
      g.errors)
    XCTAssertFalse(g.run("expect find GLM --limit 1 contains GPT-9"))
    XCTAssertTrue(
      g.errors.hasSuffix(
        "expect failed: find GLM --limit 1: its 1 row does not contain GPT-9 (limit reached: 1 of 27 shown; raise --limit)\n"
      ), g.errors)
    XCTAssertFalse(g.run("expect find GLM --limit 3 rows > 3"))
    XCTAssertTrue(
      g.errors.hasSuffix(
        "expect failed: find GLM --limit 3 got 3 rows, expected > 3 (limit reached: 3 of 27 shown; raise --limit)\n"
      ), g.errors)
    XCTAssertFalse(g.run("expect find GLM rows ~ 3"))
    XCTAssertTrue(g.errors.contains("'~ 3' is not a row count"), g.errors)
    let h = try shell()
    XCTAssertFalse(h.run("expect find GLM rows -1"))
    XCTAssertTrue(
      h.errors.hasSuffix(
        "expect find GLM rows: '-1' is not a row count; give a whole number of 0 or more, "
          + "with a comparison if need be: expect find GLM rows >= 3\n"
      ), h.errors)
    // Checks worded as other test tools word them get the line rewritten in kgsh's words.
    for (line, rewritten) in [
      ("expect echo 42 is 42", "expect echo 42 == 42"),
      ("expect labels | count = 16", "expect labels | count == 16"),
      ("expect labels has 16 rows", "expect labels rows 16"),
      ("expect show Zhipu has 'Zhipu AI'", "expect show Zhipu contains 'Zhipu AI'"),
      ("expect labels has count > 50", "expect labels | where count > 50 rows >= 1"),
    ] {
      let k = try shell()
      XCTAssertFalse(k.run(line), line)
      XCTAssertTrue(
        k.errors.hasSuffix(
          "expect needs COMMAND == VALUE, COMMAND contains TEXT, COMMAND rows N or COMMAND fails [TEXT]; did you mean \(rewritten)?\n"
        ),
        "\(line): \(k.errors)")
    }
    // A condition on a column with the == of a check: the where that counts its rows.
    let c = try shell()
    XCTAssertFalse(c.run("expect labels | first 1 has label == Model"))
    XCTAssertTrue(
      c.errors.hasSuffix(
        "expect checks ==, contains, rows or fails, not a condition on a column (has label ==); count the rows "
          + "a where keeps: expect labels | first 1 | where label == Model rows >= 1\n"), c.errors)
    XCTAssertTrue(c.run("expect labels | first 1 | where label == Model rows >= 1"), c.errors)
    XCTAssertFalse(c.run("expect labels | first 1 | where label == Person rows >= 1"))
    // `expect` alone names its forms, not a pipeline's.
    for line in ["expect", "expect # nothing yet", "expect; echo after"] {
      let e = try shell()
      XCTAssertFalse(e.run(line), line)
      XCTAssertTrue(
        e.errors.contains(
          "expect needs COMMAND == VALUE, COMMAND contains TEXT, COMMAND rows N or COMMAND fails [TEXT]; "
            + "e.g. expect find GLM rows 3"), "\(line): \(e.errors)")
    }
    // fails: a refusal passes (its error is not printed); success, or another error, fails.
    let r = try shell()
    XCTAssertTrue(r.run("expect show Nobody fails; expect show Nobody fails 'no entity named'"), r.errors)
    XCTAssertEqual(r.errors, "")
    XCTAssertFalse(r.run("expect echo hi fails"))
    XCTAssertTrue(r.errors.hasSuffix("expect failed: echo hi succeeded, expected it to fail\n"), r.errors)
    XCTAssertFalse(r.run("expect show Nobody fails 'is ambiguous'"))
    XCTAssertTrue(
      r.errors.hasSuffix(
        "expect failed: show Nobody failed with 'no entity named 'Nobody'; try find Nobody', expected the error to contain is ambiguous\n"
      ), r.errors)
    let plain = try shell()
    XCTAssertFalse(plain.run("expect labels"))
    XCTAssertTrue(plain.errors.hasSuffix("; e.g. expect find GLM rows 3\n"), plain.errors)
  }
}

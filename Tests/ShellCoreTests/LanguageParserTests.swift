import XCTest

@testable import ShellCore

/// The one front end: every node's position, quoting, variables, statements and raw text.
final class LanguageParserTests: XCTestCase {
  let parser = CommandLineParser { $0 == "match" ? RawStub() : nil }

  func parse(_ text: String) throws -> [Statement] { try parser.parse(text, file: "s.kgsh") }

  func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: "s.kgsh", line: line, column: column)
  }

  func testEveryNodeKnowsFileLineAndColumn() throws {
    let s = try parse("  find GLM | count\nshow 'Zhipu AI'; stats")
    XCTAssertEqual(s.map(\.location), [at(1, 3), at(2, 1), at(2, 18)])
    XCTAssertEqual(s[0].stages.map(\.location), [at(1, 3), at(1, 14)])
    XCTAssertEqual(s[0].stages[0].words.map(\.location), [at(1, 3), at(1, 8)])
    XCTAssertEqual(s[1].stages[0].words[1].location, at(2, 6))
    XCTAssertEqual(s[0].text, "find GLM | count")
  }

  func testQuotesEscapesAndVariables() throws {
    let w = try parse(#"echo "a \"b\" $x" 'lit $y' c\ d ${z}e \$no"#)[0].stages[0].words
    XCTAssertEqual(w[1].pieces, [.text("a \"b\" "), .variable("x")])
    XCTAssertTrue(w[1].quoted)
    XCTAssertEqual(w[2].literal, "lit $y")
    XCTAssertEqual(w[3].literal, "c d")
    XCTAssertEqual(w[4].pieces, [.variable("z"), .text("e")])
    XCTAssertEqual(w[5].literal, "$no")
    XCTAssertEqual(w[2].source, "'lit $y'")
  }

  func testCommentsSemicolonsAndContinuations() throws {
    let s = try parse("# heading\nfind a # trailing\nfind \\\n  b; ; stats # end")
    XCTAssertEqual(s.count, 3)
    XCTAssertEqual(s[1].stages[0].words.map { $0.literal! }, ["find", "b"])
    XCTAssertEqual(s[1].stages[0].words[1].location, at(4, 3))
    XCTAssertEqual(s[2].location, at(4, 8))
  }

  func testRawTextIsOneBalancedSpan() throws {
    let s = try parse("match (a)-[:A|B]->(b) where a.name = 'x;|y' return a | count")
    XCTAssertEqual(s[0].stages.count, 2)
    XCTAssertEqual(s[0].stages[0].rawText, "(a)-[:A|B]->(b) where a.name = 'x;|y' return a")
    XCTAssertEqual(s[0].stages[1].location, at(1, 56))
    // A newline ends the raw text only once the command says it is complete.
    let multi = try parse("match (a)\nwhere a.x = 1\nreturn a\nstats")
    XCTAssertEqual(multi.count, 2)
    XCTAssertEqual(multi[0].stages[0].rawText, "(a)\nwhere a.x = 1\nreturn a")
    XCTAssertEqual(multi[1].location, at(4, 1))
    // `||` is SQL's concatenation, never a pipe (a pipeline stage is never empty).
    let concat = try parse("match name || ' (' || key || ')' as t | count")
    XCTAssertEqual(concat[0].stages.count, 2)
    XCTAssertEqual(concat[0].stages[0].rawText, "name || ' (' || key || ')' as t")
    // A `|` written without spaces inside a label expression or a union of types is Cypher's.
    for text in [
      "where n:Person|Lab return n", "where n:!Person|:Lab&Fund return n",
      "where x IS :: INTEGER|FLOAT return x",
      "return x IS :: LIST<INTEGER|STRING> AS t",
    ] {
      let cypher = try parse("match (n) \(text) | count")
      XCTAssertEqual(cypher[0].stages.map(\.rawText), ["(n) \(text)", nil], text)
    }
    // With a space after it, or after anything but a label, it is a pipe.
    for text in ["return n:Person | count", "return n.name|count", "return a < b|count"] {
      XCTAssertEqual(try parse("match (n) \(text)")[0].stages.count, 2, text)
    }
  }

  func testLetTakesAWordAListOrAPipeline() throws {
    let s = try parse("let c = Zhipu\nlet l = [1, \"c d\", $x]\nlet n = find GLM | count")
    guard case .assignment(let a) = s[0].kind, case .pipeline(let p) = a.value else {
      return XCTFail("\(s[0])")
    }
    XCTAssertEqual(a.name, "c")
    XCTAssertEqual(p.stages[0].words.map(\.literal), ["Zhipu"])
    guard case .assignment(let l) = s[1].kind, case .list(let items) = l.value else { return XCTFail() }
    XCTAssertEqual(items.map(\.pieces), [[.text("1")], [.text("c d")], [.variable("x")]])
    XCTAssertEqual(items[2].location, at(2, 20))
    guard case .assignment(let n) = s[2].kind, case .pipeline(let q) = n.value else { return XCTFail() }
    XCTAssertEqual(q.stages.count, 2)
    XCTAssertEqual(q.location, at(3, 9))
  }

  /// A statement is a keyword statement only when its first word is a keyword, however it
  /// is spelled; anything else is a pipeline (the parser reads a first word only when its
  /// first byte can start a keyword).
  func testKeywordStatementsAndLookAlikes() throws {
    let s = try parse(
      "  let a = x\n\\let b = y\nlettuce c\nassert 1 == 1\nshow let\n'let' d\nLet e\nexpect find GLM rows 3")
    func keyword(_ i: Int) -> String {
      switch s[i].kind {
      case .assignment(let a): return "let \(a.name)"
      case .pipeline(let p):
        return "pipeline " + p.stages[0].words.compactMap(\.literal).joined(separator: " ")
      case .assertion: return "assert"
      case .expectation: return "expect"
      default: return "other"
      }
    }
    XCTAssertEqual(
      (0..<s.count).map(keyword),
      [
        "let a", "let b", "pipeline lettuce c", "assert", "pipeline show let", "pipeline let d",
        "pipeline Let e",
        "expect",
      ])
  }

  func testDefBodyIsParsedWithItsOwnPositions() throws {
    let s = try parse("def card(who, n) {\n  show $who\n  match (a) return a | first $n\n}\nstats")
    XCTAssertEqual(s.count, 2)
    guard case .definition(let d) = s[0].kind else { return XCTFail() }
    XCTAssertEqual(d.name, "card")
    XCTAssertEqual(d.parameters, ["who", "n"])
    XCTAssertEqual(d.body.map(\.location), [at(2, 3), at(3, 3)])
    XCTAssertEqual(d.body[1].stages[0].rawText, "(a) return a")
    XCTAssertEqual(s[1].location, at(5, 1))
    let one = try parse("def f() { echo a; echo b }; f")
    guard case .definition(let e) = one[0].kind else { return XCTFail() }
    XCTAssertEqual(e.body.count, 2)
    XCTAssertEqual(e.bodyText, "echo a; echo b")
    XCTAssertEqual(one.count, 2)
  }

  func testAssertAndExpectGetTheirParts() throws {
    let s = try parse(
      "assert $n>=3\nexpect find GLM --limit 3 | count == 3\nexpect match (a) return a rows 2")
    guard case .assertion(let a) = s[0].kind else { return XCTFail() }
    XCTAssertEqual(a.left.map(\.pieces), [[.variable("n")]])
    XCTAssertEqual(a.op, ">=")
    XCTAssertEqual(a.right.map(\.literal), ["3"])
    guard case .expectation(let e) = s[1].kind else { return XCTFail() }
    XCTAssertEqual(e.op, "==")
    XCTAssertEqual(e.pipeline.text, "find GLM --limit 3 | count")
    XCTAssertEqual(e.pipeline.stages.count, 2)
    XCTAssertEqual(e.expected.map(\.literal), ["3"])
    guard case .expectation(let m) = s[2].kind else { return XCTFail() }
    XCTAssertEqual(m.op, "rows")
    XCTAssertEqual(m.pipeline.stages[0].rawText, "(a) return a")
  }

  func testKeywordWithHelpIsACommandCall() throws {
    XCTAssertNil(try parse("let --help")[0].keyword)
  }

  func testSyntaxErrorsPointAtTheMistake() throws {
    func error(_ text: String) -> SyntaxError? {
      do {
        _ = try parse(text)
        return nil
      } catch {
        return error as? SyntaxError
      }
    }
    XCTAssertEqual(error("stats\nfind a\nshow 'Zhipu")?.location, at(3, 6))
    XCTAssertEqual(error("find a | | count")?.location, at(1, 10))
    XCTAssertEqual(error("echo ${a b}")?.message, "'${a b}' is not a variable name")
    XCTAssertEqual(error("let 1x = 3")?.location, at(1, 5))
    XCTAssertEqual(error("stats\n  def f() { echo a")?.location, at(2, 11))
    XCTAssertEqual(error("assert 3")?.message, "assert needs A OP B")
    XCTAssertEqual(error("expect find GLM")?.location, at(1, 1))
    XCTAssertEqual(error("let l = [1, 2")?.message, "unclosed '['")
    // A map literal is said to be one (it ran as a command named `{a:`).
    XCTAssertEqual(
      error("let m = {a: 1}")?.message, "let m: a map like {a: 1} is not a value a variable holds")
    XCTAssertEqual(error("let m = {a: 1}")?.location, at(1, 9))
    XCTAssertNil(error("let m = return {a: 1}"))
    XCTAssertEqual(error("def f(a, b, a) { echo $a }")?.message, "def f: parameter a appears twice")
    XCTAssertEqual(error("def f(a, b, a) { echo $a }")?.location, at(1, 13))
  }
}

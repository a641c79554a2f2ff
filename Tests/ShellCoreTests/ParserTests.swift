import XCTest

@testable import ShellCore

/// A raw-text command for parser tests: complete when its text ends with `return ...`.
struct RawStub: Command {
  let signature = Signature("match", summary: "raw", takesRawText: true)
  func run(_ call: Call, _ session: Session) throws -> Output { .message(call.rawText) }
  func isComplete(_ text: String) -> Bool { text.contains("return") }
}

final class ParserTests: XCTestCase {
  let parser = CommandLineParser { $0 == "match" ? RawStub() : nil }

  func words(_ text: String) throws -> [[String]] {
    try parser.parse(text).flatMap { $0.stages.map { $0.words.map { $0.literal ?? "<var>" } } }
  }

  func testQuotesEscapesAndComments() throws {
    XCTAssertEqual(try words(#"show "Zhipu AI" # a comment"#), [["show", "Zhipu AI"]])
    XCTAssertEqual(try words(#"find 'a b' c\ d "x\"y""#), [["find", "a b", "c d", "x\"y"]])
    XCTAssertEqual(try words("show ''"), [["show", ""]])
  }

  func testSemicolonsAndNewlinesSplitStatementsButNotInsideQuotesOrBrackets() throws {
    let statements = try parser.parse("show a; find 'x;y'\nstats")
    XCTAssertEqual(statements.count, 3)
    XCTAssertEqual(statements[1].stages[0].words[1].literal, "x;y")
    XCTAssertEqual(statements[2].line, 2)
  }

  func testPipesSplitStagesButNotInsideBrackets() throws {
    let s = try parser.parse("match (a)-[:A|B]->(b) return a | first 3")
    XCTAssertEqual(s.count, 1)
    XCTAssertEqual(s[0].stages.count, 2)
    XCTAssertEqual(s[0].stages[0].rawRest, "(a)-[:A|B]->(b) return a")
    XCTAssertEqual(try words("find 'a|b'"), [["find", "a|b"]])
  }

  func testVariablesAreKeptAsPieces() throws {
    let w = try parser.parse(#"show $company "x $y" '$z'"#)[0].stages[0].words
    XCTAssertEqual(w[1].pieces, [.variable("company")])
    XCTAssertEqual(w[2].pieces, [.text("x "), .variable("y")])
    XCTAssertEqual(w[3].literal, "$z")
  }

  func testIncompleteInputIsDetected() throws {
    XCTAssertFalse(parser.isComplete("show 'Zhipu"))
    XCTAssertFalse(parser.isComplete("match (a"))
    XCTAssertFalse(parser.isComplete("show \\"))
    XCTAssertTrue(parser.isComplete("show Zhipu"))
    XCTAssertThrowsError(try parser.parse("show 'Zhipu")) {
      XCTAssertTrue("\($0)".contains("unterminated quote"))
    }
    XCTAssertThrowsError(try parser.parse("find (a")) { XCTAssertTrue("\($0)".contains("unclosed '('")) }
  }

  func testBackslashNewlineContinues() throws {
    XCTAssertEqual(try words("find a \\\nb"), [["find", "a", "b"]])
  }
}

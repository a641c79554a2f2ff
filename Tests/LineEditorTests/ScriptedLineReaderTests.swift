import LineEditor
import XCTest

final class ScriptedLineReaderTests: XCTestCase {
  func testAnswersInOrderThenEnds() {
    let reader = ScriptedLineReader([.line("stats"), .interrupted, .line("quit")])
    XCTAssertEqual(reader.readLine(prompt: "a> "), .line("stats"))
    reader.addHistory("stats")
    XCTAssertEqual(reader.readLine(prompt: "b> "), .interrupted)
    XCTAssertEqual(reader.readLine(prompt: "c> "), .line("quit"))
    XCTAssertEqual(reader.readLine(prompt: "d> "), .endOfInput)
    XCTAssertEqual(reader.prompts, ["a> ", "b> ", "c> ", "d> "])
    XCTAssertEqual(reader.history, ["stats"])
  }

  func testLines() {
    let reader = ScriptedLineReader(lines: ["one", "two"])
    XCTAssertEqual(reader.readLine(prompt: ""), .line("one"))
    XCTAssertEqual(reader.readLine(prompt: ""), .line("two"))
    XCTAssertEqual(reader.readLine(prompt: ""), .endOfInput)
  }
}

import XCTest

@testable import LineEditor

final class CompletionPlanTests: XCTestCase {
  private func plan(_ line: String, cursor: Int? = nil, start: Int, _ candidates: [String], total: Int? = nil)
    -> CompletionPlan
  {
    CompletionPlan(
      line: line, cursor: cursor ?? line.count,
      completions: LineCompletions(start: start, candidates: candidates, total: total))
  }

  func testNoCandidatesBeeps() {
    XCTAssertEqual(plan("xyz", start: 0, []), .beep)
  }

  func testSingleCandidateReplacesWordAndAddsSpace() {
    XCTAssertEqual(plan("sh", start: 0, ["show"]), .replace(range: 0..<2, text: "show "))
    XCTAssertEqual(plan("show 智", start: 5, ["智谱AI"]), .replace(range: 5..<6, text: "智谱AI "))
  }

  func testSingleQuotedCandidate() {
    XCTAssertEqual(
      plan("show Open", start: 5, ["\"OpenAI Inc\""]), .replace(range: 5..<9, text: "\"OpenAI Inc\" "))
  }

  func testNoSpaceAddedWhenOneFollows() {
    XCTAssertEqual(plan("sh x", cursor: 2, start: 0, ["show"]), .replace(range: 0..<2, text: "show"))
  }

  func testQuotedCommonPrefixReplacesAnEscapedWordWhenItAddsText() {
    let names = ["\"GLM Coding Plan Lite\"", "\"GLM Coding Plan Lite (credit-based)\""]
    let line = "compare GLM\\ Coding\\ Plan\\ Li"
    XCTAssertEqual(
      plan(line, start: 8, names), .replace(range: 8..<line.count, text: "\"GLM Coding Plan Lite"))
    let done = "compare \"GLM Coding Plan Lite"
    XCTAssertEqual(plan(done, start: 8, names), .list(names, more: 0), "nothing to add: list them")
  }

  func testCommonPrefixLongerThanTypedReplaces() {
    XCTAssertEqual(plan("show 智", start: 5, ["智谱AI", "智谱清言"]), .replace(range: 5..<6, text: "智谱"))
  }

  func testNoProgressLists() {
    XCTAssertEqual(plan("s", start: 0, ["show", "stats"]), .list(["show", "stats"], more: 0))
  }

  func testCutListOfOneIsListed() {
    XCTAssertEqual(plan("s", start: 0, ["show"], total: 5), .list(["show"], more: 4))
  }

  func testCutListIsListedEvenWithACommonPrefix() {
    // The eight left out may not start with "zhi".
    XCTAssertEqual(
      plan("z", start: 0, ["zhipu", "zhixing"], total: 10), .list(["zhipu", "zhixing"], more: 8))
  }

  func testCompletionInTheMiddleOfTheLine() {
    XCTAssertEqual(plan("sh 智谱", cursor: 2, start: 0, ["show"]), .replace(range: 0..<2, text: "show"))
  }

  func testOutOfRangeStartIsClamped() {
    XCTAssertEqual(plan("ab", start: 7, ["abc"]), .replace(range: 2..<2, text: "abc "))
  }

  func testLongestCommonPrefix() {
    XCTAssertEqual(longestCommonPrefix([]), "")
    XCTAssertEqual(longestCommonPrefix(["alone"]), "alone")
    XCTAssertEqual(longestCommonPrefix(["智谱AI", "智谱清言", "智譜"]), "智")
    XCTAssertEqual(longestCommonPrefix(["abc", "xyz"]), "")
    // é as one precomposed scalar and as e + combining accent are the same Character.
    XCTAssertEqual(longestCommonPrefix(["caf\u{E9}s", "cafe\u{301}x"]), "caf\u{E9}")
  }
}

final class CompletionListingTests: XCTestCase {
  func testDisplayWidth() {
    XCTAssertEqual(displayWidth("abc"), 3)
    XCTAssertEqual(displayWidth("智谱AI"), 6)
    XCTAssertEqual(displayWidth("e\u{301}"), 1)
  }

  func testColumnsGoDownThenAcross() {
    let lines = completionListing(["a", "b", "c", "d", "e"], more: 0, width: 9)
    XCTAssertEqual(lines, ["a  c  e", "b  d"])
  }

  func testOneColumnWhenNarrow() {
    XCTAssertEqual(completionListing(["alpha", "beta"], more: 0, width: 3), ["alpha", "beta"])
  }

  func testWideCharactersArePaddedByDisplayWidth() {
    // Every column is as wide as the widest candidate (4 columns) plus a gap of 2.
    XCTAssertEqual(completionListing(["智谱", "x", "y"], more: 0, width: 80), ["智谱  x     y"])
  }

  func testMoreLine() {
    XCTAssertEqual(completionListing(["a", "b"], more: 40, width: 80), ["a  b", "... and 40 more"])
  }
}

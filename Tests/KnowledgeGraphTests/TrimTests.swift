import Foundation
import XCTest

@testable import KnowledgeGraph

/// The trimming shortcut must give exactly what Foundation gives, with or without work to do.
final class TrimTests: XCTestCase {
  func testTrimmingAgreesWithFoundation() {
    let samples = [
      "abc", " abc", "abc ", "\tabc\n", "", " ", "\n", "a", "a b", " a b ", "智谱", " 智谱", "智谱\u{3000}",
      "x\u{3000}", "\u{85}x", "x\u{85}", "\u{2028}x", "'Zhipu AI'", "\r\nshow x\r\n", "é", "e\u{301}",
    ]
    for text in samples {
      XCTAssertEqual(Trim.spaces(text), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
      XCTAssertEqual(
        Trim.spacesAndNewlines(text), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
    }
    XCTAssertTrue(Trim.hasVisibleEnds("show Zhipu"))
    XCTAssertFalse(Trim.hasVisibleEnds("show Zhipu "))
  }
}

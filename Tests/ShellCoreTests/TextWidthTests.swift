import XCTest

@testable import ShellCore

final class TextWidthTests: XCTestCase {
  func testColumnsOfAsciiLatinCombiningAndChinese() {
    XCTAssertEqual(TextWidth.of("Zhipu AI"), 8)
    XCTAssertEqual(TextWidth.of(""), 0)
    XCTAssertEqual(TextWidth.of("café"), 4, "precomposed é is one column")
    XCTAssertEqual(TextWidth.of("cafe\u{301}"), 4, "a combining accent takes no column")
    XCTAssertEqual(TextWidth.of("soft\u{AD}hyphen"), 10, "a soft hyphen is invisible")
    XCTAssertEqual(TextWidth.of("智谱"), 4)
    XCTAssertEqual(TextWidth.of("智谱 AI（北京）"), 15, "full-width brackets are wide")
    XCTAssertEqual(TextWidth.of("a\u{1B}[31mb"), 6, "the escape character itself takes no column")
    XCTAssertEqual(TextWidth.pad("智谱", to: 6), "智谱  ")
    XCTAssertEqual(TextWidth.truncate("智谱华章科技", to: 7), "智谱华…")
  }
}

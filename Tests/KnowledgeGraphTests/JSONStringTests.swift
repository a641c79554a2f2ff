import XCTest

@testable import KnowledgeGraph

/// Strings without escapes are taken between their quotes as they are; escaped ones are
/// unescaped; both must give the same values as before.
final class JSONStringTests: XCTestCase {
  func testPlainAndEscapedStringsDecode() throws {
    let text =
      #"{"plain":"GLM-4.5","cjk":"智谱 AI","quote":"say \"hi\"\n","u":"\u00e9x\ud83d\ude00","empty":"","after":"x\\"}"#
    guard case .map(let m) = try JSON.decode(text) else { return XCTFail("not an object") }
    XCTAssertEqual(m["plain"], .string("GLM-4.5"))
    XCTAssertEqual(m["cjk"], .string("智谱 AI"))
    XCTAssertEqual(m["quote"], .string("say \"hi\"\n"))
    XCTAssertEqual(m["u"], .string("éx😀"))
    XCTAssertEqual(m["empty"], .string(""))
    XCTAssertEqual(m["after"], .string("x\\"))
    XCTAssertEqual(try JSON.decode(#"["a","b\"c"]"#), .list([.string("a"), .string("b\"c")]))
    XCTAssertThrowsError(try JSON.decode(#""unterminated"#))
  }

  /// A mistake is placed by line and column (characters, not bytes), as an editor shows it.
  func testErrorsNameTheLineAndColumn() throws {
    for (text, message) in [
      ("{\n  \"名字\": \"智谱\",\n  \"n\": 1,\n}", "invalid JSON at line 4, column 1: expected a string key"),
      ("[1, 2", "invalid JSON at line 1, column 6: unterminated array"),
      ("{\"a\": \"x\ny\"}", "invalid JSON at line 1, column 9: control character in string"),
      ("[1] x", "invalid JSON at line 1, column 5: unexpected text after the JSON value"),
    ] {
      XCTAssertThrowsError(try JSON.decode(text), text) { error in
        XCTAssertEqual((error as? KgshError)?.message, message, text)
      }
    }
  }
}

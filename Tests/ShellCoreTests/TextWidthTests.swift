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

/// The one-pass check that lets plain text through `sanitize` untouched must agree with the
/// character-by-character rules.
final class SanitizeTests: XCTestCase {
  /// `sanitize` written the long way: every scalar through the rules.
  func reference(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      switch s.value {
      case 0x0A, 0x0D, 0x09: out.append(" ")
      case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + s.value)!)
      case 0x7F: out.append("\u{2421}")
      case 0x80..<0xA0: out.append("\u{FFFD}")
      default: out.append(s)
      }
    }
    return String(out)
  }

  func testEveryScalarUpToU0200AloneAndInText() {
    for value in 0..<0x200 {
      let s = String(Unicode.Scalar(UInt32(value))!)
      for text in [s, "ab\(s)cd", "智谱\(s)", "\(s)\u{00C2}"] {
        XCTAssertEqual(TextWidth.sanitize(text), reference(text), "U+\(String(value, radix: 16))")
      }
    }
  }

  /// The word-at-a-time pre-check (`mayHaveControlBytes`) sees a control character in each
  /// of a word's eight bytes and in the bytes after the last whole word.
  func testAControlCharacterAtEveryPositionOfLongerText() {
    let controls: [UInt32] = [0x00, 0x01, 0x09, 0x0A, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F]
    let plain: [UInt32] = [0x20, 0x7E, 0xA0, 0xC2, 0xFF, 0x100, 0x4E00]
    for base in ["abcdefghijklmnopqrstuvwxyz0123", "智谱华章科技北京有限公司"] {
      let scalars = Array(base.unicodeScalars)
      for position in 0...scalars.count {
        for value in controls + plain {
          var view = String.UnicodeScalarView()
          view.append(contentsOf: scalars[..<position])
          view.append(Unicode.Scalar(value)!)
          view.append(contentsOf: scalars[position...])
          let text = String(view)
          XCTAssertEqual(
            TextWidth.sanitize(text), reference(text), "U+\(String(value, radix: 16)) at \(position)")
        }
      }
    }
  }

  func testKeepingNewlinesKeepsOnlyLineFeeds() {
    XCTAssertEqual(TextWidth.sanitizeKeepingNewlines("a\nb\n"), "a\nb\n")
    XCTAssertEqual(TextWidth.sanitizeKeepingNewlines("a\u{1B}[31m\nb"), "a\u{241B}[31m\nb")
    XCTAssertEqual(TextWidth.sanitizeKeepingNewlines("tab\there\u{85}"), "tab here\u{FFFD}")
    XCTAssertEqual(TextWidth.sanitizeKeepingNewlines("Â plain, 智谱 ¢"), "Â plain, 智谱 ¢")
    let plain = "key\tvalue\nname\tZhipu AI"
    XCTAssertEqual(TextWidth.sanitizeKeepingNewlines(plain), plain.replacingOccurrences(of: "\t", with: " "))
  }
}

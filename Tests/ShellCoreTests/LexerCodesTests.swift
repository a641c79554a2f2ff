import XCTest

@testable import ShellCore

/// The lexer decides on one code per character, and all-ASCII text skips the character
/// array. Text with other characters must give the same words, columns and spans as the
/// same text in ASCII, shifted by what those characters add.
final class LexerCodesTests: XCTestCase {
  func words(_ text: String) throws -> [Word] {
    var lexer = Lexer(text, file: nil)
    var words: [Word] = []
    while true {
      lexer.skipBlanks(newlines: true)
      if lexer.atEnd { break }
      if let word = try lexer.word() { words.append(word) } else { lexer.advance() }
    }
    return words
  }

  func testEveryWordIsTheSameWithOtherCharactersInFront() throws {
    let lines = [
      #"show "Zhipu AI" --section entity"#, #"find 'a b' c\ d "x\"y" e$f "${g}h""#,
      "set x = [1, 2]; echo $x | first 2", "def f(a) { echo $a }", "echo a\\\nb # note",
      #"echo "q $ r" 'p\n'"#,
    ]
    for line in lines {
      let ascii = try words(line)
      // "é" and "智谱" are one and two characters of two and six bytes.
      for prefix in ["é ", "智谱 "] {
        let shift = prefix.count
        let other = try words(prefix + line)
        XCTAssertEqual(other.count, ascii.count + 1, line)
        XCTAssertEqual(other.first?.literal, String(prefix.dropLast()))
        for (a, o) in zip(ascii, other.dropFirst()) {
          XCTAssertEqual(o.pieces, a.pieces, line)
          XCTAssertEqual(o.source, a.source, line)
          XCTAssertEqual(o.quoted, a.quoted, line)
          XCTAssertEqual(o.span, (a.span.lowerBound + shift)..<(a.span.upperBound + shift), line)
          let column = a.location.line == 1 ? a.location.column + shift : a.location.column
          XCTAssertEqual(o.location.column, column, line)
          XCTAssertEqual(o.location.line, a.location.line, line)
        }
      }
    }
  }

  func testNonASCIITextInsideWordsAndQuotes() throws {
    let w = try words(#"show 智譜 "北京 智谱" 'é|;' a智b"#)
    XCTAssertEqual(w.map(\.literal), ["show", "智譜", "北京 智谱", "é|;", "a智b"])
    XCTAssertEqual(w.map(\.span), [0..<4, 5..<7, 8..<15, 16..<21, 22..<25])
  }

  /// A Chinese input method's space (U+3000) separates words like a space; inside quotes
  /// it is kept.
  func testAnIdeographicSpaceSeparatesWords() throws {
    let w = try words("show\u{3000}智谱\u{3000}\u{3000}--limit 3 '智谱\u{3000}AI'")
    XCTAssertEqual(w.map(\.literal), ["show", "智谱", "--limit", "3", "智谱\u{3000}AI"])
    XCTAssertEqual(w.map(\.span), [0..<4, 5..<7, 9..<16, 17..<18, 19..<26])
  }

  func testCRLFIsOneCharacterAsBefore() throws {
    // "\r\n" is one Swift character: it neither ends a line nor a word in the scanner.
    let w = try words("echo a\r\nb c")
    XCTAssertEqual(w.map(\.literal), ["echo", "a\r\nb", "c"])
    XCTAssertEqual(w[2].span, 9..<10)
  }
}

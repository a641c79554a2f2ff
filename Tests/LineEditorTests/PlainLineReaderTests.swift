import Dispatch
import XCTest

@testable import LineEditor

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

final class PlainLineReaderTests: XCTestCase {
  /// Reads every line that `bytes`, written into a pipe by another thread, holds.
  private func readAll(_ bytes: [UInt8]) -> [ReadResult] {
    var descriptors: [Int32] = [0, 0]
    XCTAssertEqual(pipe(&descriptors), 0)
    let (readEnd, writeEnd) = (descriptors[0], descriptors[1])
    let writer = DispatchGroup()
    DispatchQueue.global().async(group: writer) {
      var offset = 0
      while offset < bytes.count {
        let written = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress! + offset, $0.count - offset) }
        if written <= 0 { break }
        offset += written
      }
      close(writeEnd)
    }
    let reader = PlainLineReader(fileDescriptor: readEnd)
    var results: [ReadResult] = []
    while true {
      let result = reader.readLine(prompt: "kgsh> ")
      results.append(result)
      if result == .endOfInput { break }
    }
    writer.wait()
    close(readEnd)
    return results
  }

  func testLines() {
    XCTAssertEqual(
      readAll(Array("stats\nshow 智谱\n\nquit\n".utf8)),
      [.line("stats"), .line("show 智谱"), .line(""), .line("quit"), .endOfInput])
  }

  func testCarriageReturnLineFeed() {
    XCTAssertEqual(readAll(Array("a\r\nb\r\n".utf8)), [.line("a"), .line("b"), .endOfInput])
  }

  func testLastLineWithoutNewline() {
    XCTAssertEqual(readAll(Array("a\nlast".utf8)), [.line("a"), .line("last"), .endOfInput])
  }

  func testEmptyInput() {
    XCTAssertEqual(readAll([]), [.endOfInput])
  }

  func testInvalidUTF8BecomesReplacementCharacter() {
    let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0x0A, 0xE6, 0x99, 0x0A, 0xC3]
    XCTAssertEqual(readAll(bytes), [.line("a\u{FFFD}b"), .line("\u{FFFD}"), .line("\u{FFFD}"), .endOfInput])
  }

  func testOneMegabyteLine() {
    let long = String(repeating: "智谱x", count: 150_000)  // 7 bytes each: over 1 MB
    XCTAssertEqual(readAll(Array("\(long)\nend\n".utf8)), [.line(long), .line("end"), .endOfInput])
  }

  func testManyShortLines() {
    let lines = (0..<50_000).map { "line \($0)" }
    let results = readAll(Array((lines.joined(separator: "\n") + "\n").utf8))
    XCTAssertEqual(results, lines.map { .line($0) } + [.endOfInput])
  }

  func testKeepsNoHistory() {
    let reader = PlainLineReader(fileDescriptor: -1)
    reader.addHistory("anything")
    XCTAssertEqual(reader.readLine(prompt: ""), .endOfInput)
  }
}

import XCTest

@testable import LineEditor

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

final class HistoryStoreTests: XCTestCase {
  private var directory = ""

  override func setUp() {
    super.setUp()
    Terminal.prepareUTF8Locale()
    var template = Array("/tmp/kgsh-history-XXXXXX".utf8CString)
    directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
  }

  override func tearDown() {
    _ = system("rm -rf '\(directory)'")
    super.tearDown()
  }

  func testRoundTripThroughTheFile() {
    let path = "\(directory)/state/kgsh/history"  // directories do not exist yet
    let entries = ["stats", "show 智谱", "MATCH (c:Company)\nRETURN c.name", "find \"Open AI\"\ttab"]
    do {
      let history = HistoryStore(path: path)
      for entry in entries { history.add(entry) }
      XCTAssertEqual(history.entries, entries)
    }
    XCTAssertEqual(access(path, R_OK), 0, "saved after each entry")
    XCTAssertEqual(HistoryStore(path: path).entries, entries)
  }

  func testConsecutiveDuplicatesAndBlankEntriesAreSkipped() {
    let history = HistoryStore(path: nil)
    for entry in ["stats", "stats", "", "   ", "show x", "stats"] { history.add(entry) }
    XCTAssertEqual(history.entries, ["stats", "show x", "stats"])
  }

  func testSizeLimitKeepsTheNewest() {
    let path = "\(directory)/history"
    let history = HistoryStore(path: path, size: 3)
    for entry in ["1", "2", "3", "4"] { history.add(entry) }
    XCTAssertEqual(HistoryStore(path: path).entries, ["2", "3", "4"])
  }

  func testSavedFileIsPrivate() {
    let path = "\(directory)/history"
    HistoryStore(path: path).add("secret")
    var info = stat()
    XCTAssertEqual(stat(path, &info), 0)
    XCTAssertEqual(info.st_mode & 0o077, 0)
  }
}

extension HistoryStoreTests {
  func testForeignFileIsNeverOverwritten() throws {
    let path = "\(directory)/history"
    let foreign = "# a readline history\nls -l\n"
    try foreign.write(toFile: path, atomically: false, encoding: .utf8)
    let history = HistoryStore(path: path)
    XCTAssertTrue(history.isUnreadable)
    history.add("stats")
    XCTAssertEqual(history.entries, ["stats"])
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), foreign)
  }

  func testEmptyFileIsUsed() {
    let path = "\(directory)/history"
    XCTAssertEqual(fopen(path, "w").map(fclose), 0)
    let history = HistoryStore(path: path)
    XCTAssertFalse(history.isUnreadable)
    history.add("stats")
    XCTAssertEqual(HistoryStore(path: path).entries, ["stats"])
  }
}

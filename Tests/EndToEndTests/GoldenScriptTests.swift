import Foundation
import ShellTesting
import XCTest

/// Every saved session in shell-scripts/ runs through the built binary and must print
/// exactly its `.expected` file, and none of them may change the user's knowledge base
/// (those that write start with `scratch`).
final class GoldenScriptTests: XCTestCase {
  func testEveryScriptPrintsItsExpectedOutputAndLeavesTheKnowledgeBaseUnchanged() throws {
    let folder = Repository.root.appendingPathComponent("shell-scripts")
    let scripts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".kgsh")
    }.sorted()
    XCTAssertGreaterThanOrEqual(scripts.count, 4)
    let home = KgshProcess.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    // Build the user's default knowledge base first, and take its bytes and user price rows.
    let census = "stats | select entities,edges,facts; export prices --layer user --format csv"
    let before = try KgshProcess.run(["-c", census], home: home)
    XCTAssertEqual(before.status, 0, before.stderr)
    let file = home.appendingPathComponent("data/kgsh/default.sqlite").path
    let bytes = try XCTUnwrap(
      FileManager.default.contents(atPath: file), "no default knowledge base at \(file)")
    for script in scripts {
      let path = folder.appendingPathComponent(script).path
      let expectedPath = String(path.dropLast(".kgsh".count)) + ".expected"
      guard let expected = FileManager.default.contents(atPath: expectedPath) else {
        XCTFail("\(script): missing \(expectedPath)")
        continue
      }
      let result = try KgshProcess.run([path], home: home)
      XCTAssertEqual(result.status, 0, "\(script) failed: \(result.stderr)")
      if let difference = Self.firstDifference(result.stdout, String(decoding: expected, as: UTF8.self)) {
        XCTFail("\(script): \(difference)")
      }
    }
    let after = try KgshProcess.run(["-c", census], home: home)
    XCTAssertEqual(after.stdout, before.stdout, "a saved session changed the user's knowledge base")
    XCTAssertTrue(
      FileManager.default.contents(atPath: file) == bytes, "a saved session changed the bytes of \(file)")
  }

  /// `--db :memory:` is a scratch knowledge base built from the sources: writes work, and
  /// no file is created or changed.
  func testMemoryDatabaseIsAScratchKnowledgeBase() throws {
    let home = KgshProcess.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let r = try KgshProcess.run(
      [
        "--db", ":memory:", "-c",
        "create (:Company {name: 'Scratch Co'}); find Zhipu | first 1 | select name",
      ],
      home: home)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("Zhipu AI"), "the scratch base was not built: \(r.stdout)")
    let file = home.appendingPathComponent("data/kgsh/default.sqlite").path
    XCTAssertFalse(FileManager.default.fileExists(atPath: file), "--db :memory: created \(file)")
    XCTAssertFalse(FileManager.default.fileExists(atPath: ":memory:"), "--db :memory: created a file")
  }

  /// "line N: got ... / expected ..." for the first differing line, or nil when equal.
  static func firstDifference(_ got: String, _ expected: String) -> String? {
    if got == expected { return nil }
    let a = got.components(separatedBy: "\n"), b = expected.components(separatedBy: "\n")
    for i in 0..<max(a.count, b.count) {
      let x = i < a.count ? a[i] : "<end of output>"
      let y = i < b.count ? b[i] : "<end of output>"
      if x != y { return "line \(i + 1) differs:\n- expected: \(y)\n+ got:      \(x)" }
    }
    return "outputs differ"
  }
}

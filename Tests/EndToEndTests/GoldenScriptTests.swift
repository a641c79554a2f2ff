import Foundation
import ShellTesting
import XCTest

/// Every saved session in shell-scripts/ runs through the built binary and must print
/// exactly its `.expected` file.
final class GoldenScriptTests: XCTestCase {
  func testEveryScriptPrintsItsExpectedOutput() throws {
    let folder = Repository.root.appendingPathComponent("shell-scripts")
    let scripts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".kgsh")
    }.sorted()
    XCTAssertGreaterThanOrEqual(scripts.count, 4)
    let home = KgshProcess.temporaryHome()
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

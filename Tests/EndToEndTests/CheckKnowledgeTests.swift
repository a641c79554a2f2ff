import Foundation
import ShellTesting
import XCTest

/// `kgsh -c 'check-knowledge DIR'`: status 0 on the real Knowledge/, 1 with one row per
/// problem on a broken copy, whatever the output format.
final class CheckKnowledgeTests: XCTestCase {
  override func setUpWithError() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
  }

  func testTheRealKnowledgeBasePasses() throws {
    let r = try KgshProcess.run(["-c", "check-knowledge " + Repository.knowledge])
    XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
    XCTAssertTrue(r.stdout.contains("0 errors, 0 notes"), r.stdout)
  }

  func testABrokenCopyFailsWithOneRowPerProblem() throws {
    let fm = FileManager.default
    let copy = fm.temporaryDirectory.appendingPathComponent("kgcheck-e2e-\(UUID().uuidString)").path
    try fm.copyItem(atPath: Repository.knowledge, toPath: copy)
    defer { try? fm.removeItem(atPath: copy) }
    let facts = copy + "/facts.tsv"
    var text = try String(contentsOfFile: facts, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "F0045\tzhipu-maas\tarr_growth_multiple\tnumber\t25\t",
      with: "F0045\tzhipu-maas\tarr_growth_multiple\tnumber\t26\t")
    text = text.replacingOccurrences(of: "F0001\tzhipu\t", with: "F0001\tzhipu-ai\t")
    try text.write(toFile: facts, atomically: true, encoding: .utf8)
    let r = try KgshProcess.run(["-c", "check-knowledge \(copy) --format tsv"])
    XCTAssertEqual(r.status, 1, r.stderr)
    let lines = r.stdout.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    XCTAssertEqual(lines.first, ["file", "line", "field", "id", "severity", "problem", "fix"])
    XCTAssertEqual(
      lines.dropFirst().map { "\($0[0]):\($0[1]) \($0[2]) \($0[3])" },
      [
        "facts.tsv:2 subject F0001", "facts.tsv:46 value F0045",
      ])
    let interactiveStyle = try KgshProcess.run(["-c", "check-knowledge \(copy) --format tsv; stats"])
    XCTAssertEqual(interactiveStyle.status, 1, "the problems fail the run even when more commands follow")
    XCTAssertTrue(interactiveStyle.stdout.contains("entities"), "later commands still run")
  }

  func testAMissingDirectoryIsOneLine() throws {
    let r = try KgshProcess.run(["-c", "check-knowledge /nonexistent/Knowledge"])
    XCTAssertEqual(r.status, 1)
    XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    XCTAssertTrue(r.stderr.contains("/nonexistent/Knowledge"), r.stderr)
  }
}

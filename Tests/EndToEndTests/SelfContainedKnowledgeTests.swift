import Foundation
import ShellTesting
import XCTest

/// A knowledge base file is self-contained: a copy of the default knowledge base, opened
/// with --db while KGSH_KNOWLEDGE points at an empty folder, answers the pricing commands
/// exactly as the default knowledge base does.
final class SelfContainedKnowledgeTests: XCTestCase {
  override func setUpWithError() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
  }

  func testACopiedFileAnswersPricingWithoutTheKnowledgeFolder() throws {
    let home = KgshProcess.temporaryHome()
    let built = try KgshProcess.run(["-c", "stats"], home: home)
    XCTAssertEqual(built.status, 0, built.stderr)
    let original = home.appendingPathComponent("data/kgsh/default.sqlite").path
    let copy = home.appendingPathComponent("copy.sqlite").path
    try FileManager.default.copyItem(atPath: original, toPath: copy)
    let empty = home.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let commands = [
      "prices", "prices --model GLM-4.5 --currency CNY", "fx",
      "compare 'GLM Coding Plan Lite' 'Claude Pro' --currency CNY --explain",
      "compare GLM-4.5 'Claude Sonnet 4' DeepSeek-V3.2 --as-of 2026-01",
      "cost GLM-4.5 'Claude Sonnet 4' --input 10M --output 2M --currency CNY --explain",
      "check-claim --explain",
    ]
    for command in commands {
      let expected = try KgshProcess.run(["-c", command], home: home)
      XCTAssertEqual(expected.status, 0, "\(command): \(expected.stderr)")
      XCTAssertGreaterThan(expected.stdout.count, 200, "\(command) printed too little:\n\(expected.stdout)")
      let copied = try KgshProcess.run(
        ["--db", copy, "-c", command], home: home, environment: ["KGSH_KNOWLEDGE": empty.path])
      XCTAssertEqual(copied.status, 0, "\(command) on the copy: \(copied.stderr)")
      if let difference = GoldenScriptTests.firstDifference(copied.stdout, expected.stdout) {
        XCTFail("\(command) on the copy: \(difference)")
      }
    }
  }

  func testAFileNotBuiltFromKnowledgeSaysItHasNoClaims() throws {
    let home = KgshProcess.temporaryHome()
    let db = home.appendingPathComponent("empty.sqlite").path
    let r = try KgshProcess.run(["--db", db, "-c", "check-claim"], home: home)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stderr.contains("this knowledge base holds no price claims"), r.stderr)
  }
}

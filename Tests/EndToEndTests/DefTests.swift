import Foundation
import ShellTesting
import XCTest

/// User-defined commands (`def`) in scripts, help and the init file.
final class DefTests: XCTestCase {
  override func setUpWithError() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path)")
    }
  }

  func testDefinedCommandRunsAndAppearsInHelpAndPlugins() throws {
    let r = try KgshProcess.run([
      "-c", "def when(who) { facts $who --predicate listing_date --format csv }; when 智譜; help when; plugins",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("2026-01-08"), r.stdout)
    XCTAssertTrue(r.stdout.contains("usage: when WHO"), r.stdout)
    XCTAssertTrue(r.stdout.contains("user-defined"), r.stdout)
  }

  func testEndlessRecursionIsStopped() throws {
    let r = try KgshProcess.run(["-c", "def loop() { loop }; loop"])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stderr.contains("nested more than 32 levels"), r.stderr)
  }

  func testParamReachesTheSameEntityInAnyScript() throws {
    let home = KgshProcess.temporaryHome()
    let script = home.appendingPathComponent("s.kgsh")
    try "show $company --format json\n".write(to: script, atomically: true, encoding: .utf8)
    let a = try KgshProcess.run([script.path, "--param", "company=智谱"], home: home)
    let b = try KgshProcess.run([script.path, "--param", "company=Zhipu"], home: home)
    XCTAssertEqual(a.status, 0, a.stderr)
    XCTAssertEqual(a.stdout, b.stdout)
  }
}

final class IncludedScriptErrorTests: XCTestCase {
  func testErrorInIncludedFileReportsItsLineAndExitsOne() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh not built")
    }
    let home = KgshProcess.temporaryHome()
    let inner =
      (1...6).map { "echo line \($0)" }.joined(separator: "\n") + "\nshow NoSuchEntity\necho after\n"
    try inner.write(to: home.appendingPathComponent("inner.kgsh"), atomically: true, encoding: .utf8)
    try "echo start\nsource inner.kgsh\necho end\n".write(
      to: home.appendingPathComponent("main.kgsh"), atomically: true, encoding: .utf8)
    let main = home.appendingPathComponent("main.kgsh").path
    let r = try KgshProcess.run([main], home: home, cwd: home)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stderr.contains("inner.kgsh:7:1: no entity named 'NoSuchEntity'"), r.stderr)
    XCTAssertFalse(r.stdout.contains("end"))
    let c = try KgshProcess.run(["--continue-on-error", main], home: home, cwd: home)
    XCTAssertEqual(c.status, 1)
    XCTAssertTrue(c.stdout.contains("end"), c.stdout)
  }
}

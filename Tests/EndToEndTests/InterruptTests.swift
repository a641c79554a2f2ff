import Foundation
import ShellTesting
import XCTest

/// Bounded resources in the built kgsh: statement timeouts (`set timeout`, `--timeout`)
/// stop SQL and Cypher that would run forever, SIGINT stops a running SQL statement, and
/// output into a closed pipe ends quietly with status 0.
final class InterruptTests: XCTestCase {
  static let endlessSQL =
    "sql with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
  private var home: URL!

  override func setUpWithError() throws {
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.kgsh.path), "build kgsh first")
    home = KgshProcess.temporaryHome()
  }

  override func tearDownWithError() throws {
    if let home { try? FileManager.default.removeItem(at: home) }
  }

  func testSetTimeoutStopsAnEndlessSQLStatementAndTheScriptGoesOn() throws {
    let r = try KgshProcess.run(
      ["--continue-on-error", "-c", "set timeout 1s; \(Self.endlessSQL); stats"], input: nil, home: home,
      timeout: 300)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stderr.contains("timed out after 1s"), r.stderr)
    XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    XCTAssertTrue(r.stdout.contains("entities"), "the statement after the timeout did not run: \(r.stdout)")
  }

  func testTimeoutFlagStopsAnEndlessCypherQuery() throws {
    let r = try KgshProcess.run(
      ["--timeout", "1s", "-c", "match (a), (b), (c), (d), (e) return count(*)"], input: nil, home: home,
      timeout: 300)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stderr.contains("timed out after 1s"), r.stderr)
  }

  /// A walk that never reaches a matching end passes no row on; the timeout still stops it.
  func testTimeoutStopsASearchThatFindsNothing() throws {
    let r = try KgshProcess.run(
      ["--timeout", "1s", "-c", "match (a:Company)-[*]-(b) where b.name ends with 'none' return count(*)"],
      input: nil, home: home, timeout: 300)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stderr.contains("timed out after 1s"), r.stderr)
  }

  func testABadTimeoutIsAOneLineError() throws {
    for (args, needle) in [
      (["--timeout", "soon", "-c", "stats"], "--timeout"), (["-c", "set timeout -1s"], "timeout"),
    ] {
      let r = try KgshProcess.run(args, input: nil, home: home, timeout: 300)
      XCTAssertEqual(r.status, 1)
      XCTAssertTrue(r.stderr.contains(needle), r.stderr)
      XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    }
  }

  /// SIGINT (Ctrl-C outside a terminal) during an endless SQL statement interrupts SQLite;
  /// kgsh reports "interrupted" and exits 1 instead of running forever.
  func testSIGINTInterruptsARunningSQLStatement() throws {
    let process = Process()
    process.executableURL = Repository.kgsh
    process.arguments = ["-c", "echo started; \(Self.endlessSQL)"]
    process.environment = KgshProcess.environment(home: home)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    var seen = Data()
    while !String(decoding: seen, as: UTF8.self).contains("started") {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      seen += chunk
    }
    XCTAssertTrue(String(decoding: seen, as: UTF8.self).contains("started"))
    // Wait until SQLite is provably busy in the statement (it burns CPU), then interrupt.
    let busy = KgshProcess.cpuSeconds(of: process.processIdentifier) + 0.3
    while process.isRunning && KgshProcess.cpuSeconds(of: process.processIdentifier) < busy { usleep(10_000) }
    kill(process.processIdentifier, SIGINT)
    // A hang guard: a kgsh that ignored the interrupt would otherwise run forever.
    let pid = process.processIdentifier
    DispatchQueue.global().asyncAfter(deadline: .now() + 120) { kill(pid, SIGKILL) }
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationReason, .exit)
    XCTAssertEqual(process.terminationStatus, 1)
    XCTAssertTrue(errors.contains("interrupted"), errors)
    XCTAssertFalse(
      errors.contains("rest of the input"), "stopped between statements, not inside SQLite: \(errors)")
  }

  /// `kgsh ... | head -1`: the reader goes away; kgsh ends quietly with status 0.
  func testOutputIntoAClosedPipeEndsQuietly() throws {
    let process = Process()
    process.executableURL = Repository.kgsh
    process.arguments = [
      "--format", "csv", "-c",
      "sql with recursive c(x) as (select 1 union all select x + 1 from c) select x from c limit 5000000",
    ]
    process.environment = KgshProcess.environment(home: home)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let first = out.fileHandleForReading.availableData
    XCTAssertFalse(first.isEmpty)
    try out.fileHandleForReading.close()
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationReason, .exit)
    XCTAssertEqual(process.terminationStatus, 0)
    XCTAssertEqual(errors, "")
  }
}

import Foundation
import ShellTesting
import Synchronization
import XCTest

/// Two kgsh processes on one knowledge base file: what one writes, the other's next graph
/// command and next `match` see (caches follow `PRAGMA data_version`, not a per-process counter).
final class TwoProcessTests: XCTestCase {
  func testAnInteractiveShellSeesAnotherProcesssWrite() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
    let home = KgshProcess.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let db = home.appendingPathComponent("team.sqlite").path
    let seed = try KgshProcess.run(["--db", db, "-c", "create (a:Lab {name:'Alpha Lab'})"], home: home)
    XCTAssertEqual(seed.status, 0, seed.stderr)

    var environment = KgshProcess.environment(home: home)
    environment["TERM"] = "xterm"
    environment["LANG"] = "C.UTF-8"
    let a = try PseudoTerminal(
      executable: Repository.kgsh.path, arguments: ["--db", db], environment: environment, columns: 120,
      rows: 40)
    try a.waitForPrompt(timeout: .seconds(60))
    // A builds its graph index and query graph before B writes.
    a.send("neighbors 'Alpha Lab' --count; match (x:Lab) return count(x) as labs\r")
    let before = PseudoTerminal.stripANSI(try a.waitForPrompt())
    XCTAssertTrue(before.contains("labs"), before)

    let write = try KgshProcess.run(
      ["--db", db, "-c", "match (a:Lab {name:'Alpha Lab'}) create (a)-[:FUNDS]->(:Lab {name:'Beta Lab'})"],
      home: home)
    XCTAssertEqual(write.status, 0, write.stderr)

    a.send("neighbors 'Alpha Lab'\r")
    let neighbors = PseudoTerminal.stripANSI(try a.waitForPrompt())
    XCTAssertTrue(
      neighbors.contains("Beta Lab"), "the graph index follows the other process's commit:\n\(neighbors)")
    a.send("path 'Alpha Lab' 'Beta Lab'\r")
    let path = PseudoTerminal.stripANSI(try a.waitForPrompt())
    XCTAssertTrue(path.contains("Beta Lab") && path.contains("-[FUNDS]->"), path)
    a.send("match (x:Lab)-[:FUNDS]->(y) return y.name as funded\r")
    let match = PseudoTerminal.stripANSI(try a.waitForPrompt())
    XCTAssertTrue(match.contains("Beta Lab"), "match sees it too:\n\(match)")
    try a.quitREPL()
  }

  /// Two kgsh processes authoring on one file at the same moment: every change of both is
  /// recorded once, and each fact is there with its record.
  func testTwoWritersAtOnceLoseNothing() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
    let home = KgshProcess.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let db = home.appendingPathComponent("shared.sqlite").path
    let seed = try KgshProcess.run(
      ["--db", db, "-c", "entity add acme --label Company --name Acme; source add s1 --title Notes"],
      home: home)
    XCTAssertEqual(seed.status, 0, seed.stderr)
    let scripts = ["ada", "bo"].map { who in
      (1...25).map { "fact add acme \(who)_count \($0) --source s1 --quote 'count \($0)'" }.joined(
        separator: "\n")
    }
    let results = Mutex<[Int: String]>([:])
    DispatchQueue.concurrentPerform(iterations: 2) { i in
      let who = ["ada", "bo"][i]
      let run = try? KgshProcess.run(
        ["--db", db], stdin: scripts[i], home: home, environment: ["KGSH_AUTHOR": who])
      let outcome = run.map { $0.status == 0 ? "ok" : $0.stderr } ?? "did not run"
      results.withLock { $0[i] = outcome }
    }
    for i in 0..<2 {
      XCTAssertEqual(results.withLock { $0[i] }, "ok")
    }
    let count = try KgshProcess.run(
      [
        "--db", db, "--format", "csv", "-c",
        "history --author ada | count; history --author bo | count; facts acme | count",
      ],
      home: home)
    XCTAssertEqual(count.status, 0, count.stderr)
    XCTAssertEqual(
      count.stdout.split(separator: "\n").filter { Int($0) != nil }, ["25", "25", "50"], count.stdout)
  }
}

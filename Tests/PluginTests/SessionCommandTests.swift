import Foundation
import KnowledgePlugin
import ScriptingPlugin
import ShellCore
import ShellTesting
import XCTest

/// output, record and history N.
final class SessionCommandTests: XCTestCase {
  func shell() throws -> TestShell {
    try TestShell(
      plugins: [KnowledgePlugin.plugin, ScriptingPlugin.plugin], store: try Repository.defaultStore())
  }

  func testOutputRedirectsAndComesBack() throws {
    let t = try shell()
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString).txt")
      .path
    XCTAssertTrue(t.run("output \(file); labels --format csv; output -; stats --format csv"), t.errors)
    let written = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
    XCTAssertTrue(written.hasPrefix("label,count\n"), written)
    XCTAssertFalse(t.output.contains("label,count"))
    XCTAssertTrue(t.output.contains("entities"))
    XCTAssertFalse(t.run("output /nonexistent-dir/x.txt"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "output: cannot write /nonexistent-dir/x.txt: there is no folder /nonexistent-dir; create it first, or write somewhere else\n"
      ), t.errors)
    // A folder is named as one (it said "check its permissions"), and so is it for save.
    let folder = FileManager.default.temporaryDirectory.path
    XCTAssertFalse(t.run("output \(folder)"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "output: cannot write \(folder): it is a folder; name a file in it, e.g. \(folder)/session.txt\n"),
      t.errors)
    XCTAssertFalse(t.run("labels | save \(folder)"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "save: cannot write \(folder): it is a folder; name a file in it, e.g. \(folder)/table.csv\n"),
      t.errors)
  }

  func testRecordWritesTheTypedStatementsAsAReplayableScript() throws {
    let t = try shell()
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("rec-\(UUID().uuidString).kgsh")
      .path
    t.session.history = ["record start \(file)"]
    XCTAssertTrue(t.run("record start \(file)"))
    t.session.history += ["show Zhipu", "find GLM", "record stop"]
    XCTAssertTrue(t.run("record stop"))
    let text = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
    XCTAssertEqual(text, "# recorded by kgsh\nshow Zhipu\nfind GLM\n")
    let replay = try shell()
    XCTAssertTrue(replay.shell.run(text, origin: file), replay.errors)
  }

  func testHistoryNRunsAnEntryAgain() throws {
    let t = try shell()
    t.session.history = ["labels --format csv"]
    XCTAssertTrue(t.run("history 1"), t.errors)
    XCTAssertTrue(t.output.contains("Company"))
    XCTAssertFalse(t.run("history 9"))
    XCTAssertTrue(t.errors.contains("pick 1 to 1"), t.errors)
  }
}

final class PipelineInCommandTests: XCTestCase {
  func testLetAndExpectTakeAWholePipeline() throws {
    let t = try TestShell(
      plugins: [KnowledgePlugin.plugin, ScriptingPlugin.plugin], store: try Repository.defaultStore())
    XCTAssertTrue(t.run("let n = labels | count"), t.errors)
    XCTAssertTrue(t.run("expect labels | count rows 1"), t.errors)
    XCTAssertTrue(t.run("expect list Exchange | where name contains Hong | count rows 1"), t.errors)
  }
}

final class DefCompletionTests: XCTestCase {
  func testDefinedCommandsComplete() throws {
    let t = try TestShell(
      plugins: [KnowledgePlugin.plugin, ScriptingPlugin.plugin], store: try Repository.defaultStore())
    XCTAssertTrue(t.run("def zcard(who) { show $who }"), t.errors)
    XCTAssertEqual(t.shell.complete(line: "zca", cursor: 3).candidates, ["zcard"])
    XCTAssertTrue(t.run("help"))
    XCTAssertTrue(t.output.contains("zcard"))
  }
}

final class TimerTests: XCTestCase {
  func testTimerPrintsRunTime() throws {
    let t = try TestShell(
      plugins: [KnowledgePlugin.plugin, ScriptingPlugin.plugin], store: try Repository.defaultStore())
    XCTAssertTrue(t.run("timer on; labels; timer off; stats"), t.errors)
    // One time, for labels: not for the statements that turn the timer on and off.
    XCTAssertEqual(t.output.components(separatedBy: "Run Time: ").count, 2, t.output)
    XCTAssertTrue(t.output.hasPrefix("timer: on\n"), t.output)
    XCTAssertFalse(t.run("timer maybe"))
  }
}

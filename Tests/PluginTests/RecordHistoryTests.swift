import Foundation
import KnowledgeGraph
import KnowledgePlugin
import QueryPlugin
import ScriptingPlugin
import ShellCore
import ShellTesting
import XCTest

/// `record` keeps the statements that succeeded (so the recording replays), `history N`
/// echoes what it runs, and `scratch` moves the session onto an in-memory copy.
final class RecordHistoryTests: XCTestCase {
  func shell() throws -> TestShell {
    try TestShell(
      plugins: [KnowledgePlugin.plugin, ScriptingPlugin.plugin], store: try Repository.defaultStore())
  }

  /// Runs a statement the way the REPL does: kept in history, failures marked.
  @discardableResult
  func type(_ text: String, in t: TestShell) -> Bool {
    t.session.history.append(text)
    let ok = t.run(text)
    if !ok { t.session.failedHistory.insert(t.session.history.count - 1) }
    return ok
  }

  func testRecordLeavesOutFailedStatementsAndTheRecordingReplays() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-rec-\(UUID()).kgsh").path
    defer { try? FileManager.default.removeItem(atPath: file) }
    let t = try shell()
    XCTAssertTrue(type("record start \(file)", in: t), t.errors)
    XCTAssertTrue(type("labels | first 2", in: t), t.errors)
    XCTAssertFalse(type("lables", in: t))
    XCTAssertFalse(type("labels | sort nmae", in: t))
    XCTAssertTrue(type("history 2", in: t), t.errors)
    XCTAssertTrue(type("record stop", in: t), t.errors)
    XCTAssertTrue(t.output.contains("recorded 2 statements"), t.output)
    XCTAssertTrue(t.output.contains("left out 2 that failed"), t.output)
    let script = try String(contentsOfFile: file, encoding: .utf8)
    XCTAssertEqual(script, "# recorded by kgsh\nlabels | first 2\nlabels | first 2\n")
    let replay = try shell()
    XCTAssertTrue(replay.run("source \(file)"), replay.errors)
  }

  /// A second record start and a file that exists are refused: neither what was typed nor
  /// what the file holds is thrown away without a word.
  func testRecordNeverDropsARecordingOrReplacesAFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-rec-\(UUID())").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let existing = dir + "/mine.kgsh"
    try "show Zhipu\n".write(toFile: existing, atomically: true, encoding: .utf8)
    let t = try shell()
    XCTAssertFalse(type("record start \(existing)", in: t))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "record: \(existing) exists, and recording would replace it; record into a new file, or remove that one first\n"
      ), t.errors)
    XCTAssertEqual(try String(contentsOfFile: existing, encoding: .utf8), "show Zhipu\n")
    XCTAssertTrue(type("record start \(dir)/a.kgsh", in: t), t.errors)
    XCTAssertTrue(type("echo one", in: t), t.errors)
    XCTAssertFalse(type("record start \(dir)/b.kgsh", in: t))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "record: already recording to \(dir)/a.kgsh; record stop saves it; then record start \(dir)/b.kgsh\n"),
      t.errors)
    XCTAssertTrue(type("record stop", in: t), t.errors)
    XCTAssertEqual(
      try String(contentsOfFile: dir + "/a.kgsh", encoding: .utf8), "# recorded by kgsh\necho one\n")
    XCTAssertFalse(type("record start \(dir)/no/c.kgsh", in: t))
    XCTAssertTrue(t.errors.contains("there is no folder \(dir)/no"), t.errors)
    // A folder is named as one, not as a file that recording would replace.
    XCTAssertFalse(type("record start \(dir)", in: t))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "record: cannot write \(dir): it is a folder; name a file in it, e.g. \(dir)/session.kgsh\n"),
      t.errors)
  }

  func testHistoryNEchoesTheStatementBeforeItsOutput() throws {
    let t = try shell()
    XCTAssertTrue(type("echo hello", in: t), t.errors)
    XCTAssertTrue(type("history 1", in: t), t.errors)
    XCTAssertEqual(t.output, "hello\necho hello\nhello\n")
  }

  func testScratchLeavesTheOpenedFileUnchanged() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-scratch-\(UUID()).sqlite")
      .path
    defer {
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }
    let store = try KnowledgeStore.open(path: file)
    let t = try TestShell(plugins: [QueryPlugin.plugin, ScriptingPlugin.plugin], store: store)
    let before = try store.nodeCount()
    XCTAssertTrue(t.run("scratch"), t.errors)
    XCTAssertTrue(t.output.contains("scratch copy of"), t.output)
    XCTAssertNil(t.session.store.path)
    XCTAssertTrue(t.run("create (:Company {name: 'Scratch Test Co'})"), t.errors)
    XCTAssertEqual(try t.session.store.nodeCount(), before + 1)
    XCTAssertEqual(try store.nodeCount(), before, "the scratch entity reached the file")
    XCTAssertTrue(t.run("scratch"), t.errors)
    XCTAssertTrue(t.output.contains("already in memory"), t.output)
  }
}

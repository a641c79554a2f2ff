import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

/// The change log: records are appended, read back newest first, narrowed, and never changed.
final class ChangeLogTests: XCTestCase {
  var path = ""

  override func setUp() {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString).sqlite").path
  }

  override func tearDown() {
    for suffix in ["", "-wal", "-shm", ".bak-v3"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }

  func draft(_ target: String, entity: String? = nil, author: String = "ada") -> ChangeDraft {
    ChangeDraft(
      kind: .assert, targetType: .fact, target: target, entity: entity,
      payload: .map(["value": .string("HK$4.3 bn")]), author: author)
  }

  func testRecordsComeBackNewestFirstWithTheirFields() throws {
    let store = try KnowledgeStore.inMemory()
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    let first = try store.write { w in try w.appendChange(draft("F1", entity: "zhipu"), at: t0) }
    let second = try store.write { w in
      try w.appendChange(draft("F2", entity: "minimax", author: "bo"), at: t0.addingTimeInterval(60))
    }
    XCTAssertNotEqual(first.id, second.id)
    XCTAssertEqual(UUID(uuidString: first.id)?.uuidString.lowercased(), first.id, "a UUID")
    let all = try store.changes()
    XCTAssertEqual(all, [second, first])
    XCTAssertEqual(all.last?.payload, .map(["value": .string("HK$4.3 bn")]))
    XCTAssertEqual(all.last?.time, "2026-05-28T20:26:40.000Z")
    XCTAssertEqual(try store.changes(about: "zhipu").map(\.target), ["F1"])
    XCTAssertEqual(try store.changes(about: "F2").map(\.target), ["F2"])
    XCTAssertEqual(try store.changes(author: "BO").map(\.target), ["F2"])
    XCTAssertEqual(try store.changes(since: "2026-05-28T20:27").map(\.target), ["F2"])
    XCTAssertEqual(try store.changes(limit: 1).map(\.target), ["F2"])
    XCTAssertEqual(try store.changeCount(), 2)
  }

  func testRecordsCannotBeChangedOrDeleted() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in _ = try w.appendChange(draft("F1")) }
    for sql in ["UPDATE change_log SET author = 'mallory'", "DELETE FROM change_log"] {
      XCTAssertThrowsError(try store.write { w in try w.execute(sql) }) { error in
        XCTAssertTrue("\(error)".contains("immutable"), "\(error)")
      }
    }
    XCTAssertEqual(try store.changes().map(\.author), ["ada"])
  }

  func testABadRecordIsRefusedBySQLite() throws {
    let store = try KnowledgeStore.inMemory()
    XCTAssertThrowsError(
      try store.write { w in
        try w.execute(
          "INSERT INTO change_log(id, kind, target_type, target, payload, author, time, layer) "
            + "VALUES ('x', 'delete', 'fact', 'F1', '{}', 'ada', '2026', 'user')")
      })
    XCTAssertEqual(try store.changeCount(), 0)
  }

  func testAnAbortedTransactionLeavesNoRecord() throws {
    let store = try KnowledgeStore.inMemory()
    struct Stop: Error {}
    XCTAssertThrowsError(
      try store.write { w in
        try w.appendChange(draft("F1"))
        throw Stop()
      })
    XCTAssertEqual(try store.changeCount(), 0)
  }

  func testAuthorComesFromTheEnvironmentThenGitThenTheLogin() {
    XCTAssertEqual(
      ChangeAuthor.resolve(environment: ["KGSH_AUTHOR": " ada ", "USER": "u"], gitName: { "Git" }), "ada")
    XCTAssertEqual(
      ChangeAuthor.resolve(environment: ["KGSH_AUTHOR": "", "USER": "u"], gitName: { "Git Name\n" }),
      "Git Name")
    XCTAssertEqual(ChangeAuthor.resolve(environment: ["USER": "u"], gitName: { nil }), "u")
    XCTAssertEqual(ChangeAuthor.resolve(environment: ["LOGNAME": "l"], gitName: { "  " }), "l")
    XCTAssertFalse(ChangeAuthor.resolve(environment: [:], gitName: { nil }).isEmpty)
  }

  func testProgramOutputIsStdoutOfASuccessfulRunOnly() {
    XCTAssertEqual(ProgramOutput.run("sh", ["-c", "printf 'Ada L.'; echo oops >&2"]), "Ada L.")
    XCTAssertNil(ProgramOutput.run("sh", ["-c", "printf partial; exit 3"]))
    XCTAssertNil(ProgramOutput.run("kgsh-no-such-program", []))
    XCTAssertNil(ProgramOutput.run("sh", ["-c", "head -c 100 /dev/zero"], limit: 10))
    // stdin is /dev/null: a program that reads it ends at once.
    XCTAssertEqual(ProgramOutput.run("sh", ["-c", "cat; printf done"]), "done")
  }

  func testRecordingExistingDataAsksForTheAuthorOnlyWhenThereIsSomething() throws {
    let queue = try DatabaseQueue()
    try Schema.migrator.migrate(queue)
    var asked = 0
    try queue.write { db in
      try ChangeLogUpgrade.recordExistingUserData(
        db,
        author: {
          asked += 1; return "x"
        })
    }
    XCTAssertEqual(asked, 0, "an empty knowledge base has nothing to record")
    try queue.write { db in
      try db.execute(sql: "INSERT INTO node(key, name, layer) VALUES ('a', 'A', 'user')")
      try ChangeLogUpgrade.recordExistingUserData(
        db,
        author: {
          asked += 1; return "x"
        })
      XCTAssertEqual(try String.fetchOne(db, sql: "SELECT author FROM change_log WHERE target = 'a'"), "x")
    }
    XCTAssertEqual(asked, 1)
  }

  func testAFileOfTheCurrentReleaseGainsTheLogAndKeepsItsData() throws {
    do {  // the schema of the release before the change log (v1 to v3), with a user node
      let queue = try DatabaseQueue(path: path)
      try Schema.migrator.migrate(queue, upTo: "v3-plugin-views")
      try queue.write { db in
        try db.execute(sql: "INSERT INTO node(key, name, layer) VALUES ('mine', 'Mine', 'user')")
      }
    }
    let store = try KnowledgeStore.open(path: path)
    XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".bak-v3"), "backed up before the upgrade")
    XCTAssertEqual(try store.node(key: "mine")?.name, "Mine")
    XCTAssertEqual(try store.changes().map(\.target), ["mine"], "the created node is recorded once")
    try store.write { w in _ = try w.appendChange(draft("F1")) }
    XCTAssertEqual(try store.changeCount(), 2)
  }

  func testTwoConnectionsAppendingAtOnceLoseNothing() throws {
    try KnowledgeStore.open(path: path).close()
    let stores = [try KnowledgeStore.open(path: path), try KnowledgeStore.open(path: path)]
    let drafts = (0..<2).map { i in (0..<50).map { n in self.draft("F\(i)-\(n)") } }
    DispatchQueue.concurrentPerform(iterations: 2) { i in
      for d in drafts[i] {
        do { try stores[i].write { w in _ = try w.appendChange(d) } } catch { XCTFail("\(error)") }
      }
    }
    let records = try stores[0].changes()
    XCTAssertEqual(records.count, 100)
    XCTAssertEqual(Set(records.map(\.id)).count, 100)
    XCTAssertEqual(Set(records.map(\.target)).count, 100)
  }
}

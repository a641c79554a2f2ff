import Foundation
import XCTest

@testable import KnowledgeGraph

/// The `sql` command's read-only connection is opened once and kept: each statement still
/// sees every commit made before it, writes stay impossible, and the connection gives way
/// to a bulk import and to `close()`.
final class SQLConnectionTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgsql-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

  func count(_ store: KnowledgeStore) throws -> Value? {
    try store.readOnlyQuery("SELECT count(*) FROM node").rows.first?.first
  }

  func testOneConnectionSeesEachCommit() throws {
    let store = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    XCTAssertEqual(try count(store), .int(0))
    let first = try XCTUnwrap(store.sqlReader.withLock { $0 })
    try store.write { w in try w.upsertNode(key: "a", name: "Alpha", labels: ["T"]) }
    XCTAssertEqual(try count(store), .int(1))
    // Another process's commit is seen as well.
    let other = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    try other.write { w in try w.upsertNode(key: "b", name: "Beta", labels: ["T"]) }
    other.close()
    XCTAssertEqual(try count(store), .int(2))
    XCTAssertTrue(first === store.sqlReader.withLock { $0 }, "the connection was opened again")
    // Still read-only after a pragma that would lift query_only on a writable connection.
    _ = try? store.readOnlyQuery("PRAGMA query_only = 0")
    XCTAssertThrowsError(try store.readOnlyQuery("DELETE FROM node"))
    XCTAssertEqual(try count(store), .int(2))
  }

  func testCloseLeavesACompleteFile() throws {
    let path = dir + "/kb.sqlite"
    let store = try KnowledgeStore.open(path: path)
    try store.write { w in try w.upsertNode(key: "a", name: "Alpha", labels: ["T"]) }
    XCTAssertEqual(try count(store), .int(1))
    store.close()
    XCTAssertNil(store.sqlReader.withLock { $0 })
    // The last connection to close checkpoints the log into the file and removes it.
    XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
    let again = try KnowledgeStore.open(path: path)
    XCTAssertEqual(try again.nodeCount(), 1)
    again.close()
  }

  func testBulkImportClosesTheConnectionAndItReopens() throws {
    let store = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    XCTAssertEqual(try count(store), .int(0))
    XCTAssertNotNil(store.sqlReader.withLock { $0 })
    // Big enough to be a bulk load (see GraphImporter.isBulk), which needs the file to itself.
    let rows = 60_000
    var text = "id,name,label\n"
    for i in 0..<rows { text += "\(i),Entity number \(i) of the bulk test,Thing\n" }
    let nodes = dir + "/nodes.csv"
    try text.write(toFile: nodes, atomically: true, encoding: .utf8)
    let report = try store.importGraph(nodes: nodes, edges: nil)
    XCTAssertEqual(report.nodes, rows)
    XCTAssertNil(store.sqlReader.withLock { $0 }, "a bulk import left the sql connection open")
    XCTAssertEqual(try count(store), .int(Int64(rows)))
    store.close()
  }
}

/// Every connection a store opens enforces foreign keys (turned on by `KnowledgeStore.setUp`
/// with a plain PRAGMA, not by GRDB's configuration).
final class ForeignKeysTests: XCTestCase {
  func testEveryKindOfStoreEnforcesForeignKeys() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgfk-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let file = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    let memory = try KnowledgeStore.inMemory()
    for (what, store) in [("file", file), ("memory", memory), ("copy", try memory.copyInMemory())] {
      let on = try store.onConnection { db in try RawStatement(db, "PRAGMA foreign_keys").int64() }
      XCTAssertEqual(on, 1, what)
      // A label row for a node that does not exist is refused by SQLite itself.
      XCTAssertThrowsError(
        try store.onConnection { db in
          try RawStatement(db, "INSERT INTO node_label(label, node_id) VALUES ('T', 424242)").execute(db)
        }, what)
    }
    file.close()
  }
}

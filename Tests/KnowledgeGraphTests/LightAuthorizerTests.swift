import Foundation
import GRDB
import GRDBSQLite
import XCTest

@testable import KnowledgeGraph

/// A knowledge base's connections compile statements without GRDB's observation
/// bookkeeping (`LightAuthorizer`); GRDB's schema cache must still follow schema changes.
final class LightAuthorizerTests: XCTestCase {
  func testStatementsCompileWithoutRecordingWhatTheyRead() throws {
    // A plain GRDB connection records the region a statement reads...
    let plain = try DatabaseQueue()
    try plain.write { try $0.execute(sql: "CREATE TABLE node(id INTEGER PRIMARY KEY, name TEXT)") }
    let recorded = try plain.read { try $0.makeStatement(sql: "SELECT name FROM node").databaseRegion }
    XCTAssertFalse(recorded.isEmpty, "GRDB's own authorizer records the tables a statement reads")
    // ...a knowledge base's connection does not, in memory and in a file.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-auth-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for store in [try KnowledgeStore.inMemory(), try KnowledgeStore.open(path: dir.path + "/kb.sqlite")] {
      let region = try store.read { try $0.makeStatement(sql: "SELECT name FROM node").databaseRegion }
      XCTAssertTrue(region.isEmpty, "\(store.name): \(region)")
      // Statements still run, and writes still commit and roll back.
      try store.write { w in _ = try w.upsertNode(key: "zhipu", name: "Zhipu AI", labels: ["Company"]) }
      XCTAssertThrowsError(
        try store.write { w in
          _ = try w.upsertNode(key: "minimax", name: "MiniMax", labels: ["Company"])
          throw KgshError(.invalidValue, "stop")
        })
      XCTAssertNotNil(try store.node(key: "zhipu"))
      XCTAssertNil(try store.node(key: "minimax"), "a failed write leaves nothing behind")
      store.close()
    }
  }

  func testGRDBSchemaCacheFollowsCreateAlterAndDrop() throws {
    let store = try KnowledgeStore.inMemory()
    try store.queue.inDatabase { db in
      XCTAssertFalse(try db.tableExists("scratch"))
      try db.execute(sql: "CREATE TABLE scratch(a INTEGER)")
      XCTAssertTrue(try db.tableExists("scratch"))
      XCTAssertEqual(try db.columns(in: "scratch").map(\.name), ["a"])
      try db.execute(sql: "ALTER TABLE scratch ADD COLUMN b TEXT")
      XCTAssertEqual(try db.columns(in: "scratch").map(\.name), ["a", "b"])
      try db.execute(sql: "CREATE INDEX scratch_b ON scratch(b)")
      XCTAssertEqual(try db.indexes(on: "scratch").map(\.name), ["scratch_b"])
      try db.execute(sql: "DROP INDEX scratch_b")
      XCTAssertEqual(try db.indexes(on: "scratch").map(\.name), [])
      try db.execute(sql: "DROP TABLE scratch")
      XCTAssertFalse(try db.tableExists("scratch"))
    }
  }

  func testOnlySchemaChangesCountAsSuch() {
    XCTAssertTrue(LightAuthorizer.changesSchema(SQLITE_CREATE_TABLE))
    XCTAssertTrue(LightAuthorizer.changesSchema(SQLITE_DROP_INDEX))
    XCTAssertTrue(LightAuthorizer.changesSchema(SQLITE_ALTER_TABLE))
    XCTAssertFalse(LightAuthorizer.changesSchema(SQLITE_READ))
    XCTAssertFalse(LightAuthorizer.changesSchema(SQLITE_INSERT))
    XCTAssertFalse(LightAuthorizer.changesSchema(SQLITE_SELECT))
  }
}

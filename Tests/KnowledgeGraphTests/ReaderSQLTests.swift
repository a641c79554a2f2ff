import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

/// The readers' statements a store prepares once and finds by number (`ReaderSQL`): one
/// statement per store connection, never handed to another connection, still right after
/// another connection changes the schema, and finalized when the store closes.
final class ReaderSQLTests: FileTestCase {
  func store(_ name: String, _ keys: [String]) throws -> KnowledgeStore {
    let store = try KnowledgeStore.open(path: dir + "/" + name)
    try store.write { w in
      for key in keys { try w.upsertNode(key: key, name: key.uppercased() + " Corp", labels: ["Company"]) }
    }
    return store
  }

  func testAStatementIsPreparedOncePerStore() throws {
    let a = try store("a.sqlite", ["x", "y"])
    let b = try store("b.sqlite", ["x"])
    let (first, second) = try a.queue.inDatabase { db in
      (
        try a.prepared(db, KnowledgeStore.idByKeySQL).statement,
        try a.prepared(db, KnowledgeStore.idByKeySQL).statement
      )
    }
    XCTAssertTrue(first === second, "prepared again")
    let other = try b.queue.inDatabase { db in try b.prepared(db, KnowledgeStore.idByKeySQL).statement }
    XCTAssertFalse(first === other, "two stores share a statement")
    let (labels, sql) = try a.queue.inDatabase { db in
      let labels = try a.prepared(db, KnowledgeStore.labelsSQL).statement
      return (labels, labels.sql)
    }
    XCTAssertFalse(first === labels)
    XCTAssertEqual(sql, KnowledgeStore.labelsSQL.sql)
    a.close()
    b.close()
  }

  func testAnotherConnectionGetsAStatementOfItsOwn() throws {
    let a = try store("a.sqlite", ["x"])
    let b = try store("b.sqlite", ["p", "q"])
    // `a` asked for a statement on `b`'s connection: it must run there, on b's rows.
    let id = try b.queue.inDatabase { db -> Int64? in
      let byKey = try a.prepared(db, KnowledgeStore.idByKeySQL)
      byKey.bind(1, "q")
      return byKey.int64()
    }
    XCTAssertEqual(id, try b.node(key: "q")?.id)
    XCTAssertNil(try a.node(key: "q"))
    a.close()
    b.close()
  }

  func testAnswersStayRightAfterAnotherConnectionChangesTheSchema() throws {
    let path = dir + "/kb.sqlite"
    let store = try store("kb.sqlite", ["alpha"])
    guard case .found(let before) = try store.resolve("ALPHA Corp") else { return XCTFail("not found") }
    // Another connection changes the schema and the data under the prepared statements.
    let other = try DatabaseQueue(path: path)
    try other.write { db in
      try db.execute(sql: "CREATE INDEX reader_sql_test ON node(description)")
      try db.execute(sql: "UPDATE node SET name = 'Alpha Holdings' WHERE key = 'alpha'")
      try db.execute(
        sql: "UPDATE alias SET norm = ?, alias = 'Alpha Holdings' WHERE norm = ?",
        arguments: [Names.normalize("Alpha Holdings"), Names.normalize("ALPHA Corp")])
    }
    try other.close()
    guard case .found(let after) = try store.resolve("alpha holdings") else { return XCTFail("not found") }
    XCTAssertEqual(after.id, before.id)
    XCTAssertEqual(after.name, "Alpha Holdings")
    XCTAssertEqual(try store.resolveID("alpha"), .found(before.id))
    store.close()
  }

  func testCloseFinalizesThePreparedStatementsAndCheckpoints() throws {
    let path = dir + "/kb.sqlite"
    let store = try store("kb.sqlite", ["alpha", "beta"])
    // Resolution, a card's readers and a snapshot prepare their statements.
    _ = try store.resolve("beta corp")
    _ = try store.snapshot { try store.aliases(of: try XCTUnwrap(store.node(key: "alpha")).id) }
    XCTAssertTrue(FileManager.default.fileExists(atPath: path + "-wal"))
    store.close()
    // SQLite closes a connection only once its statements are finalized; the last one to
    // close checkpoints the log into the file and removes it.
    XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "a statement kept the file open")
    let again = try KnowledgeStore.open(path: path)
    XCTAssertEqual(try again.nodeCount(), 2)
    again.close()
  }
}

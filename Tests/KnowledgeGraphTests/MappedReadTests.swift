import GRDB
import XCTest

@testable import KnowledgeGraph

/// A knowledge base file of at most `mappedFileLimit` bytes is read through a memory map; a
/// bigger one page by page (a cold read through a map reads ahead around every page). Either
/// way the answers are the same.
final class MappedReadTests: FileTestCase {
  private func mmapSize(_ store: KnowledgeStore) throws -> Int {
    try store.queue.read { try Int.fetchOne($0, sql: "PRAGMA mmap_size") ?? -1 }
  }

  func testSmallFilesAreMappedBigOnesAreNot() throws {
    let path = dir + "/kb.sqlite"
    var store = try KnowledgeStore.open(path: path)
    try store.write { w in try w.upsertNode(key: "zhipu", name: "Zhipu AI", labels: ["Company"]) }
    XCTAssertEqual(try mmapSize(store), KnowledgeStore.mappedFileLimit)
    // Grow the file past the limit with a table of its own.
    try store.queue.write { db in
      try db.execute(sql: "CREATE TABLE ballast(b BLOB)")
      try db.execute(
        sql: "INSERT INTO ballast VALUES (zeroblob(?))", arguments: [KnowledgeStore.mappedFileLimit + 1])
    }
    store.close()
    XCTAssertGreaterThan(FileProbe.size(path) ?? 0, UInt64(KnowledgeStore.mappedFileLimit))
    store = try KnowledgeStore.open(path: path)
    XCTAssertEqual(try mmapSize(store), 0)
    XCTAssertEqual(try store.node(key: "zhipu")?.name, "Zhipu AI")
    store.close()
  }
}

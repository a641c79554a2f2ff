import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

/// `snapshot` runs a command's reads in one read transaction: another process's commit
/// in the middle is not seen until the snapshot ends, while a write inside it (a nested
/// command, the search backlog, a copy) works and is seen by the reads after it.
final class SnapshotTests: FileTestCase {
  func addNode(_ store: KnowledgeStore, _ key: String) throws {
    try store.write { w in _ = try w.upsertNode(key: key, name: key.uppercased(), labels: ["Company"]) }
  }

  func testReadsInsideASnapshotSeeOneStateOfTheFile() throws {
    let path = dir + "/kb.sqlite"
    let store = try KnowledgeStore.open(path: path)
    let other = try KnowledgeStore.open(path: path)
    try addNode(store, "a")
    let counts = try store.snapshot { () -> [Int] in
      let before = try store.nodeCount()
      try addNode(other, "b")  // another connection commits in between
      let after = try store.nodeCount()
      XCTAssertNil(try store.node(key: "b"), "b was committed after this snapshot began")
      return [before, after]
    }
    XCTAssertEqual(counts, [1, 1])
    XCTAssertEqual(try store.nodeCount(), 2, "after the snapshot the commit is seen")
    XCTAssertNotNil(try store.node(key: "b"))
    other.close()
    store.close()
  }

  func testAWriteInsideASnapshotIsSeenByTheReadsAfterIt() throws {
    let path = dir + "/kb.sqlite"
    let store = try KnowledgeStore.open(path: path)
    let other = try KnowledgeStore.open(path: path)
    try store.snapshot {
      XCTAssertEqual(try store.nodeCount(), 0)
      try addNode(other, "x")
      XCTAssertEqual(try store.nodeCount(), 0)
      // A write ends the read transaction: it sees the other commit, and so do later reads.
      try addNode(store, "y")
      XCTAssertEqual(try store.nodeCount(), 2)
      // A nested snapshot starts from what is committed now.
      try addNode(other, "z")
      XCTAssertEqual(try store.snapshot { try store.nodeCount() }, 3)
      // A copy in memory works inside a snapshot (it backs up through the same connection).
      let copy = try store.copyInMemory()
      XCTAssertEqual(try copy.nodeCount(), 3)
    }
    XCTAssertEqual(try store.nodeCount(), 3)
    other.close()
    store.close()
  }

  func testAFailedWriteInsideASnapshotLeavesReadsWorking() throws {
    let store = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    try addNode(store, "a")
    try store.snapshot {
      XCTAssertThrowsError(
        try store.write { w in
          _ = try w.upsertNode(key: "b", name: "B", labels: ["Company"])
          throw KgshError(.usage, "stop here")
        })
      XCTAssertEqual(try store.nodeCount(), 1, "the write was rolled back")
      XCTAssertNil(try store.node(key: "b"))
    }
    XCTAssertEqual(try store.nodeCount(), 1)
  }

  func testAnotherThreadWaitsForTheSnapshotInsteadOfSharingIt() throws {
    let store = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    try addNode(store, "a")
    let started = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var seen = -1
    try store.snapshot {
      XCTAssertEqual(try store.nodeCount(), 1)
      Thread.detachNewThread {
        started.signal()
        seen = (try? store.nodeCount()) ?? -2
        finished.signal()
      }
      started.wait()
      // The other thread's read waits for the connection; it does not run inside this
      // transaction on this thread's connection.
      XCTAssertEqual(finished.wait(timeout: .now() + 0.3), .timedOut)
      try addNode(store, "b")
    }
    XCTAssertEqual(finished.wait(timeout: .now() + 10), .success)
    XCTAssertEqual(seen, 2)
  }
}

/// `aliases(of:)` sorts in Swift what SQLite's `ORDER BY alias` sorted: byte order.
final class AliasOrderTests: XCTestCase {
  func testAliasesComeInSQLiteByteOrder() throws {
    let store = try KnowledgeStore.inMemory()
    let names = ["b", "B", "ab", "a", "智谱", "智", "Ä", "e\u{301}", "é", "Z ai", "Z.ai", "02513"]
    let id = try store.write { w -> Int64 in
      let id = try w.upsertNode(key: "k", name: "b", labels: ["Company"])
      for name in names { try w.addAlias(id, name) }
      return id
    }
    let expected = try store.read {
      try String.fetchAll($0, sql: "SELECT alias FROM alias WHERE node_id = ? ORDER BY alias", arguments: [id])
    }
    XCTAssertGreaterThanOrEqual(expected.count, Set(names).count)
    XCTAssertEqual(try store.aliases(of: id), expected)
  }
}

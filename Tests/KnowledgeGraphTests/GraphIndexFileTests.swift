import Foundation
import GRDB
import GRDBSQLite
import XCTest

@testable import KnowledgeGraph

/// The graph index saved beside a knowledge base: a new store reads it instead of
/// rebuilding, and any mismatch (a later write, a stale, truncated or damaged file) falls
/// back to a rebuild with the right answer.
final class GraphIndexFileTests: XCTestCase {
  var dir: URL!

  override func setUpWithError() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgindex-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

  /// A chain a -> b -> c -> d plus a labelled hub; returns the file's path.
  func chainKnowledgeBase(_ name: String = "kb.sqlite") throws -> String {
    let path = dir.appendingPathComponent(name).path
    let store = try KnowledgeStore.open(path: path)
    try store.write { w in
      var ids: [Int64] = []
      for key in ["a", "b", "c", "d"] {
        ids.append(try w.upsertNode(key: key, name: key.uppercased(), labels: ["Company", "Lab"]))
      }
      let hub = try w.upsertNode(key: "hub", name: "Hub", labels: ["Investor"])
      for i in 0..<3 { try w.addEdge(ids[i], "next", ids[i + 1]) }
      for id in ids { try w.addEdge(hub, "invests_in", id) }
    }
    return path
  }

  func open(_ path: String) throws -> KnowledgeStore {
    let store = try KnowledgeStore.open(path: path)
    store.graphIndexFileMinEdges = 0
    return store
  }

  /// Hops of the shortest directed path along `next` between two keys (nil: none).
  func hops(_ store: KnowledgeStore, _ from: String, _ to: String) throws -> Int? {
    let g = try store.graphIndex()
    let ids = try store.read { db in
      try [from, to].map {
        try Int64.fetchOne(db, sql: "SELECT id FROM node WHERE key = ?", arguments: [$0])!
      }
    }
    let filter = EdgeFilter(types: [g.typeID("next")!], direction: .out)
    let path = try Traversal.shortestPath(
      g, from: g.index(of: ids[0])!, to: g.index(of: ids[1])!, filter: filter, maxLength: 10)
    return path?.hops.count
  }

  func assertSameGraph(_ a: GraphIndex, _ b: GraphIndex, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(Array(a.nodeIDs), Array(b.nodeIDs), file: file, line: line)
    XCTAssertEqual(Array(a.edgeIDs), Array(b.edgeIDs), file: file, line: line)
    XCTAssertEqual(Array(a.edgeSrc), Array(b.edgeSrc), file: file, line: line)
    XCTAssertEqual(Array(a.edgeDst), Array(b.edgeDst), file: file, line: line)
    XCTAssertEqual(Array(a.edgeType), Array(b.edgeType), file: file, line: line)
    XCTAssertEqual(a.labelNames, b.labelNames, file: file, line: line)
    XCTAssertEqual(a.nodeLabels.map(Array.init), b.nodeLabels.map(Array.init), file: file, line: line)
    XCTAssertEqual(a.labelMembers.map(Array.init), b.labelMembers.map(Array.init), file: file, line: line)
    XCTAssertEqual(a.typeNames, b.typeNames, file: file, line: line)
    XCTAssertEqual(a.typeCounts, b.typeCounts, file: file, line: line)
    for (x, y) in [(a.outRows, b.outRows), (a.inRows, b.inRows)] {
      XCTAssertEqual(Array(x.start), Array(y.start), file: file, line: line)
      XCTAssertEqual(Array(x.edges), Array(y.edges), file: file, line: line)
      XCTAssertEqual(Array(x.keys), Array(y.keys), file: file, line: line)
    }
  }

  func testANewStoreReadsTheSavedIndexInsteadOfRebuilding() throws {
    let path = try chainKnowledgeBase()
    let first = try open(path)
    let built = try first.graphIndex()
    XCTAssertFalse(first.loadedGraphIndexFromFile)
    XCTAssertTrue(FileManager.default.fileExists(atPath: GraphIndexFile.path(for: path)))

    let second = try open(path)
    let loaded = try second.graphIndex()
    XCTAssertTrue(second.loadedGraphIndexFromFile)
    assertSameGraph(built, loaded)
    XCTAssertEqual(try hops(second, "a", "d"), 3)
    XCTAssertEqual(loaded.labelMembers[Int(loaded.labelIndex["Investor"]!)].count, 1)
    XCTAssertTrue(loaded.nodeIDs.count == 5 && loaded.edgeCount == 7)
  }

  /// The stamp spells its values as GRDB prints them (NULL, digits, quoted text), written
  /// without GRDB's row objects: the token, the largest node and edge ids, the migrations.
  func testTheStampIsSpeltAsGRDBSpellsItsValues() throws {
    let store = try open(try chainKnowledgeBase())
    try store.read { db in
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT (SELECT value FROM meta WHERE key = 'graph_stamp'),
            (SELECT max(id) FROM node), (SELECT max(id) FROM edge), (SELECT count(*) FROM grdb_migrations)
          """)!
      let spelt =
        "g2|" + (0..<row.count).map { String(describing: row[$0] as DatabaseValue) }.joined(separator: "|")
      XCTAssertEqual(try GraphIndexStamp.current(db), spelt)
      XCTAssertTrue(spelt.hasPrefix("g2|\""), spelt)
    }
    // Text that needs escapes is spelt as GRDB spells it too.
    try DatabaseQueue().read { db in
      let statement = try db.makeStatement(sql: "SELECT 'a\"b\\c', 'tab\there', '1.5', 'hex0f'")
      XCTAssertEqual(sqlite3_step(statement.sqliteStatement), SQLITE_ROW)
      let row = try Row.fetchOne(db, sql: "SELECT 'a\"b\\c', 'tab\there', '1.5', 'hex0f'")!
      for column in 0..<4 {
        XCTAssertEqual(
          GraphIndexStamp.text(statement.sqliteStatement, Int32(column)),
          String(describing: row[column] as DatabaseValue))
      }
    }
    XCTAssertEqual(try store.read { try GraphIndexStamp.current($0) }.split(separator: "|").count, 5)
  }

  func testSmallGraphsSaveNoFileByDefault() throws {
    let path = try chainKnowledgeBase()
    _ = try KnowledgeStore.open(path: path).graphIndex()
    XCTAssertFalse(FileManager.default.fileExists(atPath: GraphIndexFile.path(for: path)))
  }

  func testAWriteByAnotherStoreMakesTheSavedIndexStale() throws {
    let path = try chainKnowledgeBase()
    _ = try open(path).graphIndex()
    let writer = try open(path)
    try writer.write { w in
      let ids = try ["a", "d"].map {
        try Int64.fetchOne(w.db, sql: "SELECT id FROM node WHERE key = ?", arguments: [$0])!
      }
      try w.addEdge(ids[0], "next", ids[1])
    }
    let reader = try open(path)
    XCTAssertEqual(try hops(reader, "a", "d"), 1, "the new edge is seen")
    XCTAssertFalse(reader.loadedGraphIndexFromFile, "the old file was not used")
    let next = try open(path)
    XCTAssertEqual(try hops(next, "a", "d"), 1)
    XCTAssertTrue(next.loadedGraphIndexFromFile, "the rebuilt index was saved again")
  }

  func testRowsAddedByAnotherToolAreNoticedToo() throws {
    let path = try chainKnowledgeBase()
    _ = try open(path).graphIndex()
    // A plain SQLite connection (like the sqlite3 CLI) adds an edge without kgsh's token.
    let other = try DatabaseQueue(path: path)
    try other.write { db in
      try db.execute(
        sql: """
          INSERT INTO edge(src, type, dst) SELECT a.id, t.id, d.id FROM node a, node d, edge_type t
            WHERE a.key = 'a' AND d.key = 'd' AND t.name = 'next'
          """)
    }
    try other.close()
    let reader = try open(path)
    XCTAssertEqual(try hops(reader, "a", "d"), 1)
    XCTAssertFalse(reader.loadedGraphIndexFromFile)
  }

  func testACopiedKnowledgeBaseWithItsIndexStillAnswersRight() throws {
    let path = try chainKnowledgeBase()
    let original = try open(path)
    let built = try original.graphIndex()
    let copyDir = dir.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: copyDir, withIntermediateDirectories: true)
    let copy = copyDir.appendingPathComponent("copy.sqlite").path
    try original.read { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    try FileManager.default.copyItem(
      atPath: GraphIndexFile.path(for: path), toPath: GraphIndexFile.path(for: copy))

    let copied = try open(copy)
    assertSameGraph(built, try copied.graphIndex())
    XCTAssertTrue(copied.loadedGraphIndexFromFile)
    // The copy diverges: its own write makes its index stale, not the original's.
    try copied.write { w in _ = try w.upsertNode(key: "e", name: "E", labels: ["Company"]) }
    let again = try open(copy)
    XCTAssertEqual(try again.graphIndex().nodeCount, built.nodeCount + 1)
    XCTAssertFalse(again.loadedGraphIndexFromFile)
    let back = try open(path)
    XCTAssertEqual(try back.graphIndex().nodeCount, built.nodeCount)
    XCTAssertTrue(back.loadedGraphIndexFromFile)
  }

  func testAnIndexFileOfAnotherKnowledgeBaseIsNotUsed() throws {
    let one = try chainKnowledgeBase("one.sqlite")
    let two = dir.appendingPathComponent("two.sqlite").path
    let store = try KnowledgeStore.open(path: two)
    try store.write { w in
      let x = try w.upsertNode(key: "x", name: "X", labels: ["Company"])
      try w.addEdge(x, "next", x)
    }
    _ = try open(one).graphIndex()
    try FileManager.default.copyItem(
      atPath: GraphIndexFile.path(for: one), toPath: GraphIndexFile.path(for: two))
    let reader = try open(two)
    XCTAssertEqual(try reader.graphIndex().nodeCount, 1)
    XCTAssertFalse(reader.loadedGraphIndexFromFile)
  }

  func testATruncatedGarbageOrFlippedFileIsRebuiltWithTheRightAnswer() throws {
    let path = try chainKnowledgeBase()
    let built = try open(path).graphIndex()
    let file = GraphIndexFile.path(for: path)
    let good = try Data(contentsOf: URL(fileURLWithPath: file))
    var flipped = good
    flipped[good.count - 200] ^= 0x10
    let damaged: [(String, Data)] = [
      ("truncated", good.prefix(good.count / 2)),
      ("empty", Data()),
      ("garbage", Data((0..<good.count).map { UInt8(truncatingIfNeeded: $0 &* 31) })),
      ("one flipped bit", flipped),
      ("header only", good.prefix(80)),
    ]
    for (what, bytes) in damaged {
      try bytes.write(to: URL(fileURLWithPath: file))
      let store = try open(path)
      assertSameGraph(built, try store.graphIndex())
      XCTAssertFalse(store.loadedGraphIndexFromFile, what)
      XCTAssertEqual(try hops(store, "a", "d"), 3, what)
      XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), good, "\(what): rewritten")
    }
  }

  func testAStaleFileOfAnOlderGenerationIsRebuilt() throws {
    let path = try chainKnowledgeBase()
    _ = try open(path).graphIndex()
    let file = GraphIndexFile.path(for: path)
    let old = try Data(contentsOf: URL(fileURLWithPath: file))
    // Remove an edge and add one back: same counts and the same largest id as before.
    let writer = try open(path)
    try writer.write { w in
      let last = try Int64.fetchOne(w.db, sql: "SELECT max(id) FROM edge")!
      let row = try Row.fetchOne(w.db, sql: "SELECT src, type FROM edge WHERE id = ?", arguments: [last])!
      let d = try Int64.fetchOne(w.db, sql: "SELECT id FROM node WHERE key = 'hub'")!
      try w.db.execute(sql: "DELETE FROM edge WHERE id = ?", arguments: [last])
      try w.db.execute(
        sql: "INSERT INTO edge(id, src, type, dst) VALUES (?, ?, ?, ?)",
        arguments: [last, row["src"] as Int64, row["type"] as Int64, d])
    }
    _ = try writer.graphIndex()
    try old.write(to: URL(fileURLWithPath: file))  // the older generation's file comes back
    let reader = try open(path)
    let g = try reader.graphIndex()
    XCTAssertFalse(reader.loadedGraphIndexFromFile)
    let hub = g.index(
      of: try reader.read { try Int64.fetchOne($0, sql: "SELECT id FROM node WHERE key = 'hub'")! })!
    XCTAssertTrue(g.outgoing(hub).contains { $0.0 == hub }, "the hub's new self-loop is in the index")
  }
}

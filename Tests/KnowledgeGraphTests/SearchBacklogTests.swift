import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

/// An import leaves the full-text entries of its names to the first search (`SearchBacklog`):
/// answers are the same before that (read-only: scanned from `alias`), after it, and after
/// later edits; edges are stored in index order with their properties.
final class SearchBacklogTests: FileTestCase {
  func nameEntries(_ store: KnowledgeStore) throws -> Int {
    try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM search WHERE kind = 'name'") ?? -1 }
  }

  func aliasCount(_ store: KnowledgeStore) throws -> Int {
    try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM alias") ?? -1 }
  }

  func keys(_ hits: [SearchHit]) -> [String] { hits.map(\.node.key) }

  let nodes = "id,label,name\nz,Company,Zhipu AI\nm,Company,Moonshot Dark Side\nk,Person,Kai-Fu Lee\n"

  func testImportedNamesAreFoundBeforeAndAfterTheBacklogIsWritten() throws {
    let path = dir + "/kb.sqlite"
    let store = try KnowledgeStore.open(path: path)
    _ = try store.importGraph(nodes: file("n.csv", nodes), edges: nil)
    XCTAssertEqual(try nameEntries(store), 0, "the import wrote search entries itself")
    XCTAssertEqual(try store.meta(SearchBacklog.metaKey), "1-3")

    // A read-only process cannot write the backlog: it scans the aliases instead.
    let reader = try KnowledgeStore.open(path: path, readOnly: true)
    XCTAssertEqual(keys(try reader.search("shot Dark")), ["m"])
    XCTAssertEqual(keys(try reader.search("moonshotdark")), ["m"])
    XCTAssertEqual(keys(try reader.search("pu")), ["z"], "two letters: the alias scan as before")
    XCTAssertEqual(try reader.search("nothing like it").count, 0)
    XCTAssertEqual(try reader.meta(SearchBacklog.metaKey), "1-3")
    reader.close()

    // The first search of a process that can write writes the entries, once.
    XCTAssertEqual(keys(try store.search("shot Dark")), ["m"])
    XCTAssertNil(try store.meta(SearchBacklog.metaKey))
    XCTAssertEqual(try nameEntries(store), try aliasCount(store))
    XCTAssertEqual(keys(try store.search("moonshotdark")), ["m"])
    XCTAssertEqual(keys(try store.search("Fu Le")), ["k"])
    XCTAssertEqual(try nameEntries(store), try aliasCount(store))
  }

  /// The backlog is written a chunk at a time, each reported, across chunk boundaries.
  func testTheBacklogIsWrittenInReportedChunks() throws {
    let store = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    let rows = (1...25).map { "n\($0),Company,Name \($0)" }.joined(separator: "\n")
    _ = try store.importGraph(nodes: file("n.csv", "id,label,name\n" + rows + "\n"), edges: nil)
    XCTAssertEqual(try store.meta(SearchBacklog.metaKey), "1-25")
    var reports: [String] = []
    try store.write { w in
      try SearchBacklog.flush(w.db, chunk: 4) { reports.append("\($0.phase) \($0.done)/\($0.total)") }
    }
    XCTAssertEqual(reports, [4, 8, 12, 16, 20, 24, 25].map { "indexing names \($0)/25" })
    XCTAssertNil(try store.meta(SearchBacklog.metaKey))
    XCTAssertEqual(try nameEntries(store), try aliasCount(store))
    XCTAssertEqual(keys(try store.search("Name 17")).first, "n17")
  }

  func testEditsBeforeTheBacklogIsWrittenLeaveNoDuplicateAndNoGhost() throws {
    let store = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    _ = try store.importGraph(nodes: file("a.csv", nodes), edges: nil)
    // A node created between two imports gets its entries at once; the second import's
    // range is kept apart, so writing the backlog does not add that node's entries again.
    try store.write { w in _ = try w.upsertNode(key: "x", name: "Xiaomi Group", labels: ["Company"]) }
    _ = try store.importGraph(
      nodes: file("b.csv", "id,name\nb1,Baichuan Intelligence\nb2,StepFun\n"), edges: nil)
    XCTAssertEqual(try store.meta(SearchBacklog.metaKey), "1-3 5-6")
    try store.write { w in
      let moonshot = try XCTUnwrap(w.nodeID(key: "m"))
      try w.addAlias(moonshot, "Kimi Chat")
      try w.execute("DELETE FROM alias WHERE alias = 'StepFun'")
    }
    XCTAssertEqual(keys(try store.search("Kimi Ch")), ["m"])
    XCTAssertEqual(keys(try store.search("Baichuan")), ["b1"])
    XCTAssertEqual(keys(try store.search("Xiaomi Gr")), ["x"])
    XCTAssertEqual(keys(try store.search("tepFu")), [], "a removed alias came back from the backlog")
    XCTAssertNil(try store.meta(SearchBacklog.metaKey))
    let duplicates = try store.read {
      try Int.fetchOne(
        $0,
        sql: """
          SELECT count(*) FROM (SELECT node_id, text FROM search WHERE kind = 'name'
            GROUP BY node_id, text HAVING count(*) > 1)
          """)
    }
    XCTAssertEqual(duplicates, 1, "only Kimi Chat, added before the backlog was written, is there twice")
  }

  func testEdgesAreStoredInIndexOrderWithTheirOwnProperties() throws {
    let store = try KnowledgeStore.inMemory()
    _ = try store.importGraph(nodes: file("n.csv", nodes), edges: nil)
    let edges =
      "src,type,dst,round\nz,invests_in,m,C\nm,competes_with,z,\nk,founded,z,A\nm,competes_with,k,B\nk,founded,z,D\n"
    let report = try store.importGraph(nodes: nil, edges: file("e.csv", edges))
    XCTAssertEqual(report.edges, 5)
    XCTAssertEqual(report.types, ["invests_in": 1, "competes_with": 2, "founded": 2])
    let rows = try store.read {
      try Row.fetchAll(
        $0,
        sql: """
          SELECT a.key AS src, t.name AS type, b.key AS dst, e.props AS props FROM edge e
            JOIN node a ON a.id = e.src JOIN node b ON b.id = e.dst JOIN edge_type t ON t.id = e.type
            ORDER BY e.id
          """
      ).map {
        "\($0["src"] as String) \($0["type"] as String) \($0["dst"] as String) \($0["props"] as String? ?? "-")"
      }
    }
    // Node ids: z 1, m 2, k 3; type ids in order of first appearance.
    XCTAssertEqual(
      rows,
      [
        "z invests_in m {\"round\":\"C\"}", "m competes_with z -", "m competes_with k {\"round\":\"B\"}",
        "k founded z {\"round\":\"A\"}", "k founded z {\"round\":\"D\"}",
      ])
    // More rows than one insert statement takes (batches and a remainder), one property each.
    var many = "src,type,dst,n\n"
    for i in 0..<150 { many += i % 2 == 0 ? "k,cites,m,\(i)\n" : "z,cites,k,\(i)\n" }
    XCTAssertEqual(try store.importGraph(nodes: nil, edges: file("many.csv", many)).edges, 150)
    let stored = try store.read {
      try Row.fetchAll(
        $0,
        sql: """
          SELECT a.key AS src, json_extract(e.props, '$.n') AS n FROM edge e JOIN node a ON a.id = e.src
            JOIN edge_type t ON t.id = e.type WHERE t.name = 'cites' ORDER BY e.id
          """
      ).map { "\($0["src"] as String)\($0["n"] as Int)" }
    }
    let z = (0..<150).filter { $0 % 2 == 1 }.map { "z\($0)" },
      k = (0..<150).filter { $0 % 2 == 0 }.map { "k\($0)" }
    XCTAssertEqual(
      stored, z + k, "node z (id 1) first, each node's rows in file order with their own property")
  }
}

/// Imported names are inserted into the alias table in its own (SQLite BINARY) order.
final class ImportNameOrderTests: XCTestCase {
  func testByteOrderIsSQLiteOrderWithTiesInPositionOrder() throws {
    let names = ["b", "a", "", "ab", "é", "e", "zz", "智谱", "ａ", "a", "Z", "abc", "ab", "\u{10FFFF}x"]
    let order = GraphImporter.byteOrder(names)
    let db = try DatabaseQueue()
    let expected = try db.write { db -> [Int] in
      try db.execute(sql: "CREATE TABLE t(i INTEGER, s TEXT)")
      for (i, s) in names.enumerated() {
        try db.execute(sql: "INSERT INTO t VALUES (?, ?)", arguments: [i, s])
      }
      return try Int.fetchAll(db, sql: "SELECT i FROM t ORDER BY s, i")
    }
    XCTAssertEqual(order, expected)
    XCTAssertEqual(GraphImporter.byteOrder([]), [])
    XCTAssertEqual(GraphImporter.byteOrder(["", ""]), [0, 1])
  }
}

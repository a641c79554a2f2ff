import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

/// A kgsh write replaces the graph's token only when it changes what the graph index is
/// built from, so adding facts, sources or properties to a big knowledge base keeps its
/// saved index, and every other write still makes it stale.
final class GraphIndexStampTests: FileTestCase {
  /// A chain a -> b -> c with labels and aliases, its index saved; returns the file's path.
  func knowledgeBase() throws -> String {
    let path = dir + "/kb.sqlite"
    let store = try open(path)
    try store.write { w in
      var ids: [Int64] = []
      for key in ["a", "b", "c"] {
        ids.append(try w.upsertNode(key: key, name: "Node " + key.uppercased(), labels: ["Company"]))
      }
      for i in 0..<2 { try w.addEdge(ids[i], "next", ids[i + 1]) }
      try w.addAlias(ids[0], "Alpha Corp")
    }
    _ = try store.graphIndex()
    XCTAssertTrue(FileManager.default.fileExists(atPath: GraphIndexFile.path(for: path)))
    return path
  }

  func open(_ path: String) throws -> KnowledgeStore {
    let store = try KnowledgeStore.open(path: path)
    store.graphIndexFileMinEdges = 0
    return store
  }

  func stamp(_ store: KnowledgeStore) throws -> String { try store.read { try GraphIndexStamp.current($0) } }

  /// What a new process gets (the saved file or a rebuild) is what the tables say now.
  func assertNewStoreIndexIsCurrent(
    _ path: String, loadsFile: Bool, _ what: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let store = try open(path)
    let index = try store.graphIndex()
    XCTAssertEqual(store.loadedGraphIndexFromFile, loadsFile, what, file: file, line: line)
    let built = try store.read { try GraphIndex.build($0) }
    XCTAssertEqual(Array(index.nodeIDs), Array(built.nodeIDs), what, file: file, line: line)
    XCTAssertEqual(Array(index.edgeIDs), Array(built.edgeIDs), what, file: file, line: line)
    XCTAssertEqual(Array(index.edgeSrc), Array(built.edgeSrc), what, file: file, line: line)
    XCTAssertEqual(Array(index.edgeDst), Array(built.edgeDst), what, file: file, line: line)
    XCTAssertEqual(Array(index.edgeType), Array(built.edgeType), what, file: file, line: line)
    XCTAssertEqual(index.typeNames, built.typeNames, what, file: file, line: line)
    XCTAssertEqual(index.labelNames, built.labelNames, what, file: file, line: line)
    XCTAssertEqual(
      index.nodeLabels.map(Array.init), built.nodeLabels.map(Array.init), what, file: file, line: line)
    XCTAssertEqual(
      index.namePrefixes.range(prefix: "alpha"), built.namePrefixes.range(prefix: "alpha"), what, file: file,
      line: line)
    XCTAssertEqual(
      index.namePrefixes.range(prefix: ""), built.namePrefixes.range(prefix: ""), what, file: file, line: line
    )
  }

  func testFactsSourcesAndPropertiesKeepTheSavedIndex() throws {
    let path = try knowledgeBase()
    let store = try open(path)
    let before = try stamp(store)
    try store.write { w in
      let a = try XCTUnwrap(try w.nodeID(key: "a"))
      _ = try w.upsertSource(Source(key: "s1", title: "Notice"))
      _ = try w.addFact(
        FactDraft(
          nodeID: a, predicate: "revenue", valueType: "number", value: "12",
          provenance: Provenance(source: "s1", quote: "revenue was 12")))
      try w.setProperty(a, "headquarters", .string("Beijing"))
      try w.execute("UPDATE node SET description = 'a company' WHERE key = 'a'")
      // An edge's key, properties and source: a Cypher SET on a relationship, a key given to
      // an imported edge.
      try w.execute("UPDATE edge SET props = '{\"weight\":2}', key = 'E-1' WHERE id = 1")
      try w.execute("UPDATE edge SET src = src, type = type, dst = dst, quote = 'as stated' WHERE id = 2")
    }
    XCTAssertEqual(try stamp(store), before, "no table or column the index reads was written")
    try assertNewStoreIndexIsCurrent(
      path, loadsFile: true, "facts, a source, a property, a description, an edge's key and properties")
  }

  /// The pre-update hook compares an updated edge's columns by position (graph_watch.c): the
  /// positions of the index's columns in the `edge` table must be the ones it names.
  func testTheHookKnowsWhereTheEdgeTableKeepsItsEnds() throws {
    let store = try open(try knowledgeBase())
    let columns = try store.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(edge)") }
    let positions = Dictionary(uniqueKeysWithValues: columns.map { ($0["name"] as String, $0["cid"] as Int) })
    XCTAssertEqual(positions["id"], 0)
    XCTAssertEqual(positions["src"], 1)
    XCTAssertEqual(positions["type"], 2)
    XCTAssertEqual(positions["dst"], 3)
  }

  func testEveryWriteToWhatTheIndexReadsMakesTheSavedIndexStale() throws {
    let writes: [(String, (GraphWriter) throws -> Void)] = [
      ("a new entity", { w in _ = try w.upsertNode(key: "d", name: "Node D", labels: ["Lab"]) }),
      ("a label", { w in try w.addLabel(try w.nodeID(key: "b")!, "Investor") }),
      ("an alias", { w in try w.addAlias(try w.nodeID(key: "c")!, "Gamma Labs") }),
      (
        "an edge of a new type",
        { w in try w.addEdge(try w.nodeID(key: "c")!, "invests_in", try w.nodeID(key: "a")!) }
      ),
      ("a label removed by SQL", { w in try w.execute("DELETE FROM NODE_LABEL WHERE label = 'Investor'") }),
      (
        "an edge moved",
        { w in try w.execute("UPDATE edge SET dst = (SELECT id FROM node WHERE key = 'c') WHERE id = 1") }
      ),
      ("an edge's source changed", { w in try w.execute("UPDATE edge SET src = dst WHERE id = 1") }),
      (
        "an edge given another type",
        { w in
          // `invests_in` exists since the fourth write: no edge_type row is written here.
          try w.execute("UPDATE edge SET type = (SELECT id FROM edge_type WHERE name = 'invests_in') WHERE id = 2")
        }
      ),
      ("an edge renumbered", { w in try w.execute("UPDATE edge SET id = 10 WHERE id = 2") }),
      (
        "an alias rewritten",
        { w in try w.execute("UPDATE alias SET norm = 'zz' || norm WHERE alias = 'Alpha Corp'") }
      ),
      ("a type renamed", { w in try w.execute("UPDATE edge_type SET name = 'follows' WHERE name = 'next'") }),
      // Its labels, aliases and edges go by the schema's cascades.
      ("an entity deleted", { w in try w.execute("DELETE FROM node WHERE key = 'c'") }),
    ]
    let path = try knowledgeBase()
    for (what, write) in writes {
      _ = try open(path).graphIndex()  // a saved index of the graph as it is
      let store = try open(path)
      let before = try stamp(store)
      try store.write(write)
      XCTAssertNotEqual(try stamp(store), before, what)
      try assertNewStoreIndexIsCurrent(path, loadsFile: false, what)
    }
  }

  func testAFailedWriteLeavesTheTokenAsItWas() throws {
    let path = try knowledgeBase()
    let store = try open(path)
    let before = try stamp(store)
    XCTAssertThrowsError(
      try store.write { w in
        _ = try w.upsertNode(key: "d", name: "Node D", labels: ["Lab"])
        try w.execute("INSERT INTO no_such_table VALUES (1)")
      })
    XCTAssertEqual(try stamp(store), before)
    try assertNewStoreIndexIsCurrent(path, loadsFile: true, "nothing was written")
  }

  func testAWatchInsideAnotherLeavesTheOuterOneWatching() throws {
    let path = try knowledgeBase()
    let store = try open(path)
    try store.queue.inDatabase { db in
      let (_, outerSaw) = try GraphIndexStamp.watching(db) {
        let (_, innerSaw) = try GraphIndexStamp.watching(db) {
          try db.execute(sql: "UPDATE node SET description = 'x' WHERE key = 'a'")
        }
        XCTAssertFalse(innerSaw)
        try db.execute(sql: "INSERT INTO node_label(label, node_id) VALUES ('Lab', 1)")
      }
      XCTAssertTrue(outerSaw, "a row written after the inner watch ended is seen by the outer one")
      let (_, saw) = try GraphIndexStamp.watching(db) {
        _ = try GraphIndexStamp.watching(db) { try db.execute(sql: "DELETE FROM alias WHERE node_id = 1") }
      }
      XCTAssertTrue(saw, "what the inner watch saw reaches the outer one")
    }
  }
}

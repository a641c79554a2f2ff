import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

/// An import that fills an empty edge table hands its edges to the next graph index build
/// (`ImportedEdges`). These tests check that such an index is the one the tables give, byte
/// for byte once saved, and that the hand-over is dropped whenever it might not be.
final class ImportedEdgesTests: FileTestCase {
  /// Nodes with several labels, their keys not in sorted order; edges out of index
  /// order, with a default type, properties, a loop and a repeated edge.
  let nodes = "id,label,name\nz,Company;Listed,Zeta\na,Investor,Alpha\nm,,Mu\nb,Company,Beta\n"
  let edges = """
    src,dst,type,round
    z,a,competes_with,
    a,z,invests_in,A
    m,m,,
    b,a,competes_with,
    a,b,invests_in,B
    a,z,invests_in,A
    z,m,develops,

    """

  func store() throws -> KnowledgeStore {
    let store = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    store.graphIndexFileMinEdges = 0
    return store
  }

  /// The bytes of `index` saved with `stamp`.
  func saved(_ index: GraphIndex, _ name: String, stamp: String = "s") throws -> Data {
    let path = dir + "/" + name
    GraphIndexFile.write(index, stamp: stamp, path: path)
    return try Data(contentsOf: URL(fileURLWithPath: path))
  }

  func id(_ db: Database, _ key: String) throws -> Int64 {
    try Int64.fetchOne(db, sql: "SELECT id FROM node WHERE key = ?", arguments: [key])!
  }

  func fromTables(_ store: KnowledgeStore) throws -> GraphIndex {
    try store.read { try GraphIndex.build($0) }
  }

  /// A store on disk holding `nodes` and `edges`, just imported.
  func imported() throws -> KnowledgeStore {
    let store = try store()
    let report = try store.importGraph(nodes: file("n.csv", nodes), edges: file("e.csv", edges))
    XCTAssertEqual(report.edges, 7)
    return store
  }

  /// Builds the store's graph index and checks it has `edges` edges, was (or was not) built
  /// from the import's edges, and is, once saved, the index the tables give.
  func checkIndex(_ store: KnowledgeStore, edges: Int, handed: Bool, line: UInt = #line) throws {
    let index = try store.graphIndex()
    XCTAssertEqual(store.graphIndexFromImport, handed, "built from the import's edges", line: line)
    XCTAssertEqual(index.edgeCount, edges, line: line)
    XCTAssertEqual(try saved(index, "built"), try saved(try fromTables(store), "tables"), line: line)
  }

  func testTheIndexOfAnImportIntoAnEmptyGraphIsTheIndexOfTheTables() throws {
    let store = try imported()
    XCTAssertEqual(store.importedEdges.withLock { $0?.rows.count }, 7, "the import hands its edges over")
    try checkIndex(store, edges: 7, handed: true)
    XCTAssertNil(store.importedEdges.withLock { $0 }, "the build takes the hand-over")
    XCTAssertFalse(store.loadedGraphIndexFromFile)
  }

  func testAnImportIntoAnEmptyGraphBuildsAndSavesTheIndexItself() throws {
    let store = try imported()
    XCTAssertNotNil(store.importedEdges.withLock { $0?.prebuilt }, "built while the edges were stored")
    let path = dir + "/kb.sqlite-graphindex"
    XCTAssertTrue(FileManager.default.fileExists(atPath: path), "saved by the import, before any query")
    XCTAssertEqual(try leftovers(), [], "no temporary file stays")
    // Another process maps the file, and it is the index the tables give.
    let other = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    let mapped = try other.graphIndex()
    XCTAssertTrue(other.loadedGraphIndexFromFile)
    let stamp = try other.read { try GraphIndexStamp.current($0) }
    XCTAssertEqual(
      try saved(mapped, "mapped", stamp: stamp), try Data(contentsOf: URL(fileURLWithPath: path)))
    XCTAssertEqual(try saved(mapped, "mapped"), try saved(try fromTables(other), "tables"))
    try checkIndex(store, edges: 7, handed: true)
  }

  func testAnImportThatFailsWhileStoringEdgesLeavesNoIndexFile() throws {
    let store = try store()
    try interruptImport(store, at: "edges", nodes: nodes, edges: edges)
    XCTAssertNil(store.importedEdges.withLock { $0 })
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/kb.sqlite-graphindex"))
    XCTAssertEqual(try leftovers(), [])
    XCTAssertEqual(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM node") }, 0)
  }

  func testABulkImportInterruptedWhileIndexingLeavesNoIndexFile() throws {
    let store = try store()
    // Big enough to be a bulk load (SQLite's indexes are built at the end, after the
    // graph index file is being written).
    let nodes = "id\n" + (0..<500).map { "\($0)\n" }.joinedText()
    let edges = "src,dst,type\n" + (0..<120_000).map { "\($0 % 500),\($0 * 7 % 500),t\n" }.joinedText()
    try interruptImport(store, at: "indexes", nodes: nodes, edges: edges)
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/kb.sqlite-graphindex"))
    XCTAssertEqual(try leftovers(), [])
    XCTAssertEqual(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM edge") }, 0)
    // The same import, not interrupted, saves it.
    _ = try store.importGraph(nodes: file("n.csv", nodes), edges: file("e.csv", edges))
    XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/kb.sqlite-graphindex"))
    XCTAssertEqual(try leftovers(), [])
    try checkIndex(store, edges: 120_000, handed: true)
  }

  /// Imports `nodes` and `edges` into `store`, interrupted at the first check once the
  /// import reports `phase`, and checks that it failed there.
  func interruptImport(
    _ store: KnowledgeStore, at phase: String, nodes: String, edges: String, line: UInt = #line
  ) throws {
    var reached = ""
    XCTAssertThrowsError(
      try store.importGraph(
        nodes: file("n.csv", nodes), edges: file("e.csv", edges), progress: { reached = $0.phase },
        interrupt: { if reached == phase { throw KgshError.interrupted } }), line: line)
    XCTAssertEqual(reached, phase, "the import stopped in that phase", line: line)
  }

  /// Temporary index files in the test's folder.
  func leftovers() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
  }

  func testAnImportAfterEveryEdgeWasDeletedStillNumbersFromOne() throws {
    let store = try imported()
    _ = try store.graphIndex()
    try store.write { try $0.db.execute(sql: "DELETE FROM edge") }
    _ = try store.importGraph(nodes: nil, edges: file("e2.csv", "src,dst,type\nb,z,founded\nz,b,founded\n"))
    XCTAssertNotNil(store.importedEdges.withLock { $0 })
    XCTAssertNil(store.importedEdges.withLock { $0?.prebuilt }, "the graph had nodes: the query builds it")
    try checkIndex(store, edges: 2, handed: true)
  }

  func testAnImportIntoAGraphWithEdgesHandsNothingOver() throws {
    let store = try imported()
    _ = try store.graphIndex()
    _ = try store.importGraph(nodes: nil, edges: file("e2.csv", "src,dst,type\nb,z,founded\n"))
    XCTAssertNil(store.importedEdges.withLock { $0 }, "the table already held edges")
    try checkIndex(store, edges: 8, handed: false)
  }

  func testAWriteAfterTheImportMakesTheBuildReadTheTables() throws {
    let store = try imported()
    try store.write { w in try w.addEdge(try self.id(w.db, "m"), "invests_in", try self.id(w.db, "a")) }
    try checkIndex(store, edges: 8, handed: false)  // the edge written after the import is in the index
  }

  func testAWriteByAnotherConnectionMakesTheBuildReadTheTables() throws {
    let store = try imported()
    let other = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    try other.write { w in
      try w.db.execute(sql: "DELETE FROM edge WHERE src = ?", arguments: [try self.id(w.db, "a")])
    }
    try checkIndex(store, edges: 4, handed: false)  // the other connection's delete is seen
  }
}

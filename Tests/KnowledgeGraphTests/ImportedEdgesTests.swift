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

  func testAnImportAfterEveryEdgeWasDeletedStillNumbersFromOne() throws {
    let store = try imported()
    _ = try store.graphIndex()
    try store.write { try $0.db.execute(sql: "DELETE FROM edge") }
    _ = try store.importGraph(nodes: nil, edges: file("e2.csv", "src,dst,type\nb,z,founded\nz,b,founded\n"))
    XCTAssertNotNil(store.importedEdges.withLock { $0 })
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

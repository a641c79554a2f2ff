import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

final class EdgeFileReaderTests: FileTestCase {
  /// A CSV reader over a new file `name` holding `text`.
  func csv(_ name: String, _ text: String) throws -> CSVReader {
    try CSVReader(path: file(name, text))
  }

  typealias Row = PendingEdges.Row

  func testTheThreadGivesTheRowsOfAReadInPlaceWithKeysTypesLinesAndProperties() throws {
    let edges = try csv(
      "e.csv",
      "src,type,dst,weight\n7,knows,x,\nx,,07,\n\n0,knows,x,2.5\n\"y\",likes,\"multi\nline\",\"a,b\"\n7,likes,7,\n"
    )
    let threaded = EdgeFileReader.start(edges, defaultType: "LINKS").take()
    let inPlace = EdgeFileReader.read(edges, defaultType: "LINKS")
    XCTAssertEqual(threaded, inPlace)
    XCTAssertNil(threaded.failure)
    XCTAssertEqual(
      threaded.keys, ["x", "07", "y", "multi\nline"], "keys that are not small decimals, once each")
    XCTAssertEqual(threaded.typeNames, ["knows", "LINKS", "likes"])
    XCTAssertEqual(threaded.props, [#"{"weight":2.5}"#, #"{"weight":"a,b"}"#])
    XCTAssertEqual(
      threaded.rows,
      [
        Row(src: 7, dst: -1, type: 0, props: -1), Row(src: -1, dst: -2, type: 1, props: -1),
        Row(src: 0, dst: -1, type: 0, props: 0), Row(src: -3, dst: -4, type: 2, props: 1),
        Row(src: 7, dst: 7, type: 2, props: -1),
      ])
    XCTAssertEqual(threaded.lines, [2, 3, 5, 6, 8], "a blank line and a quoted line end are counted")
  }

  func testABadRowEndsTheReadAtItsLineWithTheRowsBeforeIt() throws {
    let cases: [(text: String, rows: Int, message: String)] = [
      ("src,type,dst\n1,t,2\n2,t,3\n3,t,4\n4,t\n5,t,6\n", 3, "e.csv:5: expected 3 fields, found 2"),
      ("src,type,dst\n1,t,2\n2,t,\"3\n", 1, "e.csv:3: a quoted field is never closed"),
      ("a,b\n1,2\n", 0, "e.csv:1: the header needs src and dst columns (found: a, b)"),
    ]
    for c in cases {
      let edges = try csv("e.csv", c.text)
      let threaded = EdgeFileReader.start(edges, defaultType: "T").take()
      XCTAssertEqual(threaded, EdgeFileReader.read(edges, defaultType: "T"), c.message)
      XCTAssertEqual(threaded.rows.count, c.rows, c.message)
      let message = threaded.failure.map { "\($0)" } ?? "no error"
      XCTAssertTrue(message.contains(c.message), "\(message) should contain \(c.message)")
    }
  }

  func testACancelledReadStopsAtItsNextCheck() throws {
    var text = "src,dst\n"
    for i in 0..<20_000 { text += "\(i),\(i + 1)\n" }
    let raw = EdgeFileReader.read(try csv("e.csv", text), defaultType: "T") { true }
    XCTAssertEqual(raw.rows.count, 8192)
    XCTAssertEqual(raw.failure, KgshError.interrupted)
    let reader = EdgeFileReader.start(try csv("f.csv", text), defaultType: "T")
    reader.cancel()
    let rest = reader.take()
    if rest.failure == nil {
      XCTAssertEqual(rest.rows.count, 20_000, "the thread ended before the cancel")
    } else {
      XCTAssertEqual(rest.failure, KgshError.interrupted)
      XCTAssertEqual(rest.rows.count % 8192, 0, "stopped at a check")
    }
  }

  func testAnImportReportsTheFirstBadLineWhicheverCheckFindsIt() throws {
    let nodes = "id,name\n1,One\n2,Two\nb,Bee\n"
    let cases: [(nodes: String, edges: String, message: String)] = [
      (nodes, "src,type,dst\n1,t,2\n1,t,9\n2,t,b\n2,t\n", "e.csv:3: no node with id or name '9'"),
      (nodes, "src,type,dst\n1,t,2\n1,t\n2,t,b\n1,t,zz\n", "e.csv:3: expected 3 fields, found 2"),
      (nodes, "src,type,dst\n1,t,2\nb,t,1\n2,t,b\nzz,t,1\n", "e.csv:5: no node with id or name 'zz'"),
      ("id,name\n1,One\n1,Again\n", "x,y\n1,2\n", "n.csv:3: id '1' appears twice"),
    ]
    for c in cases {
      let store = try KnowledgeStore.inMemory()
      let n = try csv("n.csv", c.nodes), e = try csv("e.csv", c.edges)
      XCTAssertThrowsError(try store.importGraph(nodes: n.path, edges: e.path)) { error in
        XCTAssertTrue("\(error)".contains(c.message), "\(error) should contain \(c.message)")
      }
      XCTAssertEqual(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM node") }, 0)
    }
  }

  func testEdgeEndsResolveToTheImportedAndTheStoredNodes() throws {
    let store = try KnowledgeStore.inMemory()
    _ = try store.importGraph(nodes: try csv("old.csv", "id,name\n5,Five\nold,Old\n").path, edges: nil)
    let report = try store.importGraph(
      nodes: try csv("n.csv", "id,name\n1,One\nb,Bee\n").path,
      edges: try csv("e.csv", "src,type,dst\n1,t,5\nold,u,b\nb,t,1\n5,u,old\n").path)
    XCTAssertEqual(report.edges, 4)
    XCTAssertEqual(report.types, ["t": 2, "u": 2])
    let pairs = try store.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT s.key || '-' || t.name || '-' || d.key FROM edge
          JOIN node s ON s.id = src JOIN node d ON d.id = dst JOIN edge_type t ON t.id = type
          ORDER BY 1
          """)
    }
    XCTAssertEqual(pairs, ["1-t-5", "5-u-old", "b-t-1", "old-u-b"])
  }

  func testEndsArePlacedAmongTheNodesOfTheFileAndSortedOrLeftAlone() throws {
    let nodes = try csv("n.csv", "id,name\nb,Bee\n9,Nine\n\n07,Seven\n")
    let edges = try csv("e.csv", "src,type,dst,w\n07,t,b,1\n9,u,b,\nb,t,07,\n07,s,9,2\n9,u,07,\n")
    var raw = EdgeFileReader.read(edges, defaultType: "T")
    XCTAssertTrue(raw.placeEnds(amongNodesOf: nodes, isCancelled: { false }))
    XCTAssertTrue(raw.endsAreNodePositions)
    XCTAssertEqual(raw.typeNames, ["t", "u", "s"])
    XCTAssertEqual(
      raw.rows,
      [
        Row(src: 1, dst: 3, type: 0, props: -1), Row(src: 2, dst: 1, type: 1, props: -1),
        Row(src: 2, dst: 3, type: 1, props: -1), Row(src: 3, dst: 1, type: 0, props: 0),
        Row(src: 3, dst: 2, type: 2, props: 1),
      ], "positions from 1 in file order (b, 9, 07), sorted by (src, type, dst)")
    XCTAssertEqual(raw.lines, [2, 3, 4, 5, 6], "lines stay in file order; they are only read for errors")
    XCTAssertEqual(
      EdgeFileReader.start(edges, defaultType: "T", nodes: nodes).take(), raw, "the thread places them too")

    let cases = [
      ("id,name\nb,Bee\n9,Nine\n", "07 is not in the nodes file"),
      ("id,name\nb,Bee\n9,Nine\n07,Seven\nb,Again\n", "a repeated id"),
      ("name\nb\n9\n07\n", "no id column"),
      ("id,name\nb,Bee\n9\n07,Seven\n", "a short row"),
    ]
    for (text, why) in cases {
      var left = EdgeFileReader.read(edges, defaultType: "T")
      let before = left
      XCTAssertFalse(left.placeEnds(amongNodesOf: try csv("m.csv", text), isCancelled: { false }), why)
      XCTAssertEqual(left, before, why)
    }
  }

  func testPlacedAndLookedUpEndsStoreTheSameEdges() throws {
    var nodes = "id,label,name\n", edges = "src,type,dst,w\n"
    for i in 0..<300 { nodes += "\(i * 7 % 300),Thing,Thing \(i)\n" }
    nodes += "x,Thing,Ex\n"
    for i in 0..<2_000 {
      edges += "\(i * 13 % 300),\(["a", "b"][i % 2]),\(i % 3 == 0 ? "x" : String(i % 300)),\(i % 5)\n"
    }
    let n = try csv("n.csv", nodes), e = try csv("e.csv", edges)
    XCTAssertTrue(EdgeFileReader.start(e, defaultType: "T", nodes: n).take().endsAreNodePositions)
    let placed = try KnowledgeStore.inMemory(), lookedUp = try KnowledgeStore.inMemory()
    _ = try placed.importGraph(nodes: n.path, edges: e.path)
    _ = try lookedUp.importGraph(nodes: n.path, edges: nil)
    _ = try lookedUp.importGraph(nodes: nil, edges: e.path)
    let sql = """
      SELECT edge.id || ' ' || s.key || ' ' || t.name || ' ' || d.key || ' ' || coalesce(edge.props, '-')
      FROM edge JOIN node s ON s.id = src JOIN node d ON d.id = dst JOIN edge_type t ON t.id = type
      ORDER BY edge.id
      """
    let rows = try placed.read { try String.fetchAll($0, sql: sql) }
    XCTAssertEqual(rows.count, 2_000)
    XCTAssertEqual(rows, try lookedUp.read { try String.fetchAll($0, sql: sql) })
  }
}

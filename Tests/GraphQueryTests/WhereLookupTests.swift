import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// `WHERE n.name = 'text'` (or `n.key`) starts the match from a name lookup instead of a scan
/// of every node; the answers are those of the scan, for stored nodes, nodes this query
/// created or renamed, and names that are only aliases.
final class WhereLookupTests: XCTestCase {
  func testTheLookupFindsWhatAScanFinds() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      let a = try w.upsertNode(key: "alpha", name: "Alpha", labels: ["Company"])
      let b = try w.upsertNode(key: "beta", name: "Beta", labels: ["Company"])
      try w.addAlias(a, "First")
      try w.addEdge(b, "INVESTS_IN", a)
    }
    let e = QueryEngine(store: store)
    let explained = try e.explain("MATCH (n)-[:INVESTS_IN]->(m) WHERE m.name = 'Alpha' RETURN n.name")
    XCTAssertTrue(explained.contains("start m: key/name index lookup"), explained)
    XCTAssertEqual(
      try e.tckRows("MATCH (n)-[:INVESTS_IN]->(m) WHERE m.name = 'Alpha' RETURN n.name"), [["'Beta'"]])
    XCTAssertEqual(try e.tckRows("MATCH (n) WHERE 'beta' = n.key RETURN n.name"), [["'Beta'"]])
    XCTAssertEqual(
      try e.tckRows("MATCH (n) WHERE n.name = 'First' RETURN n.key"), [], "an alias is not the name")
    XCTAssertEqual(
      try e.tckRows("MATCH (n) WHERE n.name = 'alpha' RETURN n.key"), [], "names compare exactly")
    XCTAssertEqual(
      try e.tckRows(
        "MATCH (n {key: 'alpha'}) SET n.name = 'Gamma' WITH n MATCH (m) WHERE m.name = 'Gamma' RETURN m.key"),
      [["'alpha'"]], "renamed by this query")
    XCTAssertEqual(
      try e.tckRows(
        "CREATE (:Company {name: 'Delta'}) WITH 1 AS one MATCH (m) WHERE m.name = 'Delta' RETURN count(m)"),
      [["1"]], "created by this query")
    XCTAssertEqual(
      try e.tckRows("MATCH (m) WHERE m.name = 'Gamma' RETURN m.key"), [["'alpha'"]], "and stored")
  }
}

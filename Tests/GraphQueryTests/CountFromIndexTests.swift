import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// A query that only counts one node or relationship pattern is answered from the graph
/// index's counts (`CountFromIndex`); its answer must be the one of running the pipeline
/// (`profiling` runs every clause), on a graph with several labels, parallel edges and a loop.
final class CountFromIndexTests: XCTestCase {
  func engine() throws -> QueryEngine {
    let e = QueryEngine(store: try KnowledgeStore.inMemory())
    _ = try e.run(
      """
      CREATE (a:Company:Lab {name: 'A'}), (b:Company {name: 'B'}), (c:Person {name: 'C'}), (d {name: 'D'}),
        (a)-[:invests_in]->(b), (a)-[:invests_in]->(b), (c)-[:works_at]->(a), (b)-[:competes_with]->(b),
        (c)-[:invests_in]->(d)
      """)
    return e
  }

  func counted(_ e: QueryEngine, _ query: String) throws -> (fast: [[String]], pipeline: [[String]]) {
    var slow = e
    slow.profiling = true
    return (try e.tckRows(query), try slow.tckRows(query))
  }

  func testCountsFromTheIndexEqualThePipeline() throws {
    let e = try engine()
    let expected: [(String, String)] = [
      ("MATCH (n) RETURN count(n)", "4"),
      ("MATCH (n) RETURN count(*) AS all", "4"),
      ("MATCH (n:Company) RETURN count(n)", "2"),
      ("MATCH (n:Lab) RETURN count(*)", "1"),
      ("MATCH (n:Nope) RETURN count(*)", "0"),
      ("MATCH ()-[r]->() RETURN count(r)", "5"),
      ("MATCH ()<-[r:invests_in]-() RETURN count(*)", "3"),
      ("MATCH (x)-[r:invests_in|works_at]->(y) RETURN count(x) AS c", "4"),
      ("MATCH ()-[r:competes_with|competes_with]->() RETURN count(r)", "1"),
      ("MATCH ()-[:nope]->() RETURN count(*)", "0"),
    ]
    for (query, count) in expected {
      XCTAssertTrue(try e.explain(query).hasPrefix("COUNT "), query)
      let (fast, pipeline) = try counted(e, query)
      XCTAssertEqual(fast, [[count]], query)
      XCTAssertEqual(fast, pipeline, query)
      XCTAssertEqual(
        try e.run(query).columns,
        try {
          var s = e; s.profiling = true; return try s.run(query)
        }().columns)
    }
  }

  func testOtherShapesRunThePipeline() throws {
    let e = try engine()
    for query in [
      "MATCH (a)-[r]->(a) RETURN count(r)", "MATCH ()-[r]-() RETURN count(r)",
      "MATCH (n:Company:Lab) RETURN count(n)", "MATCH (n) WHERE n.name = 'A' RETURN count(n)",
      "MATCH (n:Company)-[r]->() RETURN count(r)", "MATCH (n) RETURN count(DISTINCT n)",
      "MATCH ()-[r*1..2]->() RETURN count(r)", "MATCH (n {name: 'A'}) RETURN count(n)",
      "MATCH (n) RETURN count(n.name)", "MATCH p = ()-->() RETURN count(p)",
    ] {
      XCTAssertFalse(try e.explain(query).hasPrefix("COUNT "), query)
      let (fast, pipeline) = try counted(e, query)
      XCTAssertEqual(fast, pipeline, query)
    }
    XCTAssertEqual(try e.tckRows("MATCH ()-[r]-() RETURN count(r)"), [["9"]], "each way, the loop once")
  }

  func testCountsFollowWrites() throws {
    let e = try engine()
    _ = try e.run(
      "MATCH (a {name: 'A'}), (d {name: 'D'}) CREATE (a)-[:invests_in]->(d), (:Company {name: 'E'})")
    XCTAssertEqual(try e.tckRows("MATCH (n:Company) RETURN count(n)"), [["3"]])
    XCTAssertEqual(try e.tckRows("MATCH ()-[r:invests_in]->() RETURN count(r)"), [["4"]])
    _ = try e.run("MATCH (n {name: 'E'}) DETACH DELETE n")
    XCTAssertEqual(try e.tckRows("MATCH (n) RETURN count(*)"), [["4"]])
  }
}

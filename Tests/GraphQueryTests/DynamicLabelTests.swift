import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// Neo4j 5.26's dynamic labels and types: `$(x)` (all the names x gives), `$any(x)` (one of
/// them), in patterns, WHERE, CREATE, MERGE, SET and REMOVE; x is a string or a list of strings.
final class DynamicLabelTests: XCTestCase {
  var engine: QueryEngine!

  override func setUpWithError() throws {
    engine = QueryEngine(store: try KnowledgeStore.inMemory())
    _ = try engine.run(
      "CREATE (a:Co:Lab {name: 'A'}), (b:Co {name: 'B'}), (c:Fund {name: 'C'}), "
        + "(c)-[:INVESTS]->(a), (c)-[:ADVISES]->(b), (a)-[:SUCCEEDS]->(b)")
  }

  func names(_ text: String, _ parameters: [String: ResultValue] = [:]) throws -> [String] {
    try engine.run(text, parameters: parameters).rows.map { row in
      guard case .string(let s) = row[0].value else { return "not a string" }
      return s
    }
  }

  func testPatternsAndWhereReadTheNamesWhenTheQueryRuns() throws {
    let cases: [(String, [String])] = [
      ("MATCH (n:$('Co')) RETURN n.name ORDER BY n.name", ["A", "B"]),
      ("MATCH (n:$(['Co', 'Lab'])) RETURN n.name", ["A"]),
      ("MATCH (n:$all(['Co', 'Lab'])) RETURN n.name", ["A"]),
      ("MATCH (n:$any(['Lab', 'Fund'])) RETURN n.name ORDER BY n.name", ["A", "C"]),
      ("MATCH (n:Co:$($label)) RETURN n.name", ["A"]),
      ("UNWIND ['Lab', 'Fund'] AS l MATCH (n:$(l)) RETURN n.name ORDER BY n.name", ["A", "C"]),
      ("MATCH (n) WHERE n:$any(['Fund']) RETURN n.name", ["C"]),
      ("MATCH (:Fund)-[r:$('INVESTS')]->(x) RETURN x.name", ["A"]),
      ("MATCH (:Fund)-[:$any(['INVESTS', 'ADVISES'])]->(x) RETURN x.name ORDER BY x.name", ["A", "B"]),
      ("MATCH (:Fund)-[:$any(['INVESTS', 'SUCCEEDS'])*2]->(x) RETURN x.name", ["B"]),
      ("MATCH (:Fund)-[r]->(x) WHERE r:$('ADVISES') RETURN x.name", ["B"]),
      ("MATCH (n:$any([])) RETURN n.name", []),
      ("MATCH (n:$('Nothing')) RETURN toString(count(n))", ["0"]),
    ]
    for (query, expected) in cases {
      XCTAssertEqual(try names(query, ["label": .string("Lab")]), expected, query)
    }
  }

  func testCreateMergeSetAndRemoveMakeTheNamesTheyRead() throws {
    _ = try engine.run(
      "CREATE (n:$($kind):Made {name: 'D'})-[:$($rel)]->(:$(['Made', 'Extra']) {name: 'E'})",
      parameters: ["kind": .string("Robot"), "rel": .string("BUILDS")])
    XCTAssertEqual(try names("MATCH (n:Robot:Made)-[r:BUILDS]->(m:Made:Extra) RETURN m.name"), ["E"])
    _ = try engine.run("MATCH (n {name: 'D'}) SET n:$(['Shiny', 'New']) REMOVE n:$('Robot')")
    XCTAssertEqual(
      try names("MATCH (n {name: 'D'}) UNWIND labels(n) AS l RETURN l ORDER BY l"), ["Made", "New", "Shiny"])
    let merge = "MATCH (a {name: 'D'}), (b {name: 'E'}) MERGE (a)-[r:$('LIKES')]->(b) RETURN type(r)"
    XCTAssertEqual(try engine.run(merge).statistics.relationshipsCreated, 1)
    XCTAssertEqual(try engine.run(merge).statistics.relationshipsCreated, 0)
    XCTAssertEqual(try names(merge), ["LIKES"])
    // MERGE of a node finds it by its dynamic label the second time.
    let node = "MERGE (n:$('Robot') {name: 'F'}) RETURN n.name"
    XCTAssertEqual(try engine.run(node).statistics.nodesCreated, 1)
    XCTAssertEqual(try engine.run(node).statistics.nodesCreated, 0)
    XCTAssertEqual(try names("MATCH (n:Robot) RETURN n.name"), ["F"])
  }

  func testMistakesAreNamed() throws {
    let cases: [(String, String)] = [
      ("MATCH (n:$(1)) RETURN n", "a dynamic label or type is a string or a list of strings, not an Integer"),
      (
        "MATCH (n:$(['Co', 2])) RETURN n",
        "a dynamic label or type is a string or a list of strings, not a list holding an Integer"
      ),
      ("CREATE (n:$(null))", "a label cannot be null or empty"),
      ("CREATE ()-[:$(['A', 'B'])]->()", "a relationship is made with exactly one type; $(...) gave A, B"),
      ("CREATE ()-[:$any(['A'])]->()", "CREATE needs exactly one relationship type"),
      ("MATCH (n) SET n:$any(['A'])", "SET and REMOVE take the labels themselves: write $(x), not $any(x)"),
      ("MATCH (n:$(x)) RETURN n", "variable 'x' is not defined"),
    ]
    for (query, message) in cases { XCTAssertEqual(engine.errorMessage(query), message, query) }
  }
}

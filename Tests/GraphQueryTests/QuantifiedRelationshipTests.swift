import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// GQL quantifiers after a relationship (`{1,3}`, `+`, `*`) and a WHERE inside a
/// variable-length relationship, read once per relationship of the walk.
///
///     m4 -SUCCEEDS {gap: 1}-> m3 -SUCCEEDS {gap: 5}-> m2 -SUCCEEDS {gap: 2}-> m1
final class QuantifiedRelationshipTests: XCTestCase {
  var engine: QueryEngine!

  override func setUpWithError() throws {
    engine = QueryEngine(store: try KnowledgeStore.inMemory())
    _ = try engine.run(
      "CREATE (m1:M {name: 'm1'}), (m2:M {name: 'm2'}), (m3:M {name: 'm3'}), (m4:M {name: 'm4'}), "
        + "(m4)-[:SUCCEEDS {gap: 1}]->(m3), (m3)-[:SUCCEEDS {gap: 5}]->(m2), (m2)-[:SUCCEEDS {gap: 2}]->(m1)")
  }

  func reached(_ relationship: String) throws -> [String] {
    try engine.tckRows("MATCH ({name: 'm4'})\(relationship)(b) RETURN b.name ORDER BY b.name DESC").map {
      $0[0]
    }
  }

  func testQuantifiersAreLengths() throws {
    let cases: [(String, [String])] = [
      ("-[:SUCCEEDS]->{1,2}", ["'m3'", "'m2'"]), ("-[:SUCCEEDS]->+", ["'m3'", "'m2'", "'m1'"]),
      ("-[:SUCCEEDS]->*", ["'m4'", "'m3'", "'m2'", "'m1'"]), ("-[:SUCCEEDS]->{2}", ["'m2'"]),
      ("-[:SUCCEEDS]->{,2}", ["'m4'", "'m3'", "'m2'"]), ("-[:SUCCEEDS]->{2,}", ["'m2'", "'m1'"]),
      ("-->{3}", ["'m1'"]), ("<-[:SUCCEEDS]-+", []), ("-[:OTHER]->+", []),
    ]
    for (relationship, expected) in cases {
      XCTAssertEqual(try reached(relationship), expected, relationship)
    }
    // The variable is the list of relationships walked, as with [*1..3].
    XCTAssertEqual(
      try engine.tckRows("MATCH ({name: 'm4'})-[r]->{3}() RETURN [x IN r | x.gap]"), [["[1, 5, 2]"]])
  }

  func testWhereInsideHoldsForEachRelationship() throws {
    XCTAssertEqual(try reached("-[r WHERE r.gap < 5]->+"), ["'m3'"])
    XCTAssertEqual(try reached("-[r:SUCCEEDS WHERE r.gap <> 2]->{1,3}"), ["'m3'", "'m2'"])
    XCTAssertEqual(try reached("-[r WHERE r.gap > 0]->*"), ["'m4'", "'m3'", "'m2'", "'m1'"])
    // With earlier clauses' variables, and inside shortestPath.
    XCTAssertEqual(
      try engine.tckRows(
        "WITH 3 AS most MATCH ({name: 'm4'})-[r WHERE r.gap <= most]->{1,3}(b) RETURN b.name"),
      [["'m3'"]])
    XCTAssertEqual(
      try engine.tckRows(
        "MATCH p = shortestPath(({name: 'm4'})-[r WHERE r.gap < 9]-+({name: 'm1'})) RETURN length(p)"),
      [["3"]])
  }

  func testRefusalsSayWhatToWrite() {
    let cases: [(String, String)] = [
      (
        "MATCH (a)-[:R]->{0}(b) RETURN a",
        "a quantifier's upper bound must be at least 1 and at least its lower bound, not {0}"
      ),
      (
        "MATCH (a)-[:R]->{3,1}(b) RETURN a",
        "a quantifier's upper bound must be at least 1 and at least its lower bound, not {3,1}"
      ),
      (
        "MATCH (a)-[:R*1..2]->{1,2}(b) RETURN a",
        "a relationship takes a length once: either [*1..2] or a quantifier such as {1,2} after it, not both"
      ),
      ("MATCH (a)-[:R]->{x}(b) RETURN a", "a number of repetitions, as in {1,3}, found 'x'"),
      (
        "MATCH (a)-[r WHERE r.gap < a.gap]->{1,2}(b) RETURN a",
        "a WHERE inside the variable-length relationship 'r' reads each of its relationships and what "
          + "earlier clauses bound, not 'a' of the same MATCH; move that condition to the MATCH's WHERE"
      ),
      (
        "MATCH (a)-[r]->{1,2}(b) WHERE r.gap > 1 RETURN a",
        "cannot read property 'gap' of r, a list of relationships (a variable-length one); read each with "
          + "[one IN r | one.gap], or test each inside the pattern: -[r WHERE r.gap ...]->{1,3}"
      ),
      ("CREATE (a)-[:R]->{1,2}(b)", "CREATE cannot create a variable-length relationship"),
    ]
    for (text, message) in cases { XCTAssertEqual(engine.errorMessage(text), message, text) }
  }
}

import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// Quantified path patterns (GQL, Neo4j 5): `(x) ((a)-[r]->(b) WHERE ...){1,3} (y)`.
///
///     m4 -S {gap: 1}-> m3 -S {gap: 5}-> m2 -S {gap: 2}-> m1 -S {gap: 3}-> m0
///     rank: m4 = 4, m3 = 3, m2 = 9, m1 = 1, m0 = 0
final class QuantifiedPathPatternTests: XCTestCase {
  var engine: QueryEngine!

  override func setUpWithError() throws {
    engine = QueryEngine(store: try KnowledgeStore.inMemory())
    _ = try engine.run(
      "CREATE (m0:M {name: 'm0', rank: 0}), (m1:M {name: 'm1', rank: 1}), (m2:M {name: 'm2', rank: 9}), "
        + "(m3:M {name: 'm3', rank: 3}), (m4:M {name: 'm4', rank: 4}), (m4)-[:S {gap: 1}]->(m3), "
        + "(m3)-[:S {gap: 5}]->(m2), (m2)-[:S {gap: 2}]->(m1), (m1)-[:S {gap: 3}]->(m0)")
  }

  func rows(_ text: String) throws -> [[String]] { try engine.tckRows(text) }

  func testEachVariableIsAListOfItsValues() throws {
    XCTAssertEqual(
      try rows(
        "MATCH ({name: 'm4'}) ((a)-[r:S]->(b)){1,3} (y) "
          + "RETURN y.name, [x IN a | x.name], [x IN r | x.gap], [x IN b | x.name] ORDER BY size(a)"),
      [
        ["'m3'", "['m4']", "[1]", "['m3']"],
        ["'m2'", "['m4', 'm3']", "[1, 5]", "['m3', 'm2']"],
        ["'m1'", "['m4', 'm3', 'm2']", "[1, 5, 2]", "['m3', 'm2', 'm1']"],
      ])
    // A named path runs through every repetition.
    XCTAssertEqual(
      try rows("MATCH p = ({name: 'm4'}) ((a)-->(b)){2} (y) RETURN [n IN nodes(p) | n.name], length(p)"),
      [["['m4', 'm3', 'm2']", "2"]])
  }

  func testQuantifiersAndTheConditionOfEachRepetition() throws {
    func ends(_ segment: String) throws -> [String] {
      try rows("MATCH ({name: 'm4'}) \(segment) (y) RETURN y.name ORDER BY y.name DESC").map { $0[0] }
    }
    XCTAssertEqual(try ends("((a)-->(b))+"), ["'m3'", "'m2'", "'m1'", "'m0'"])
    XCTAssertEqual(try ends("((a)-->(b))*"), ["'m4'", "'m3'", "'m2'", "'m1'", "'m0'"])
    XCTAssertEqual(try ends("((a)-->(b)){2,}"), ["'m2'", "'m1'", "'m0'"])
    // The WHERE reads both ends of one repetition: the walk stops where rank goes up.
    XCTAssertEqual(try ends("((a)-->(b) WHERE a.rank > b.rank)+"), ["'m3'"])
    XCTAssertEqual(try ends("((a)-[r]->(b) WHERE r.gap < 5)+"), ["'m3'"])
    // A repetition of two relationships: m4 -> m2, then m2 -> m0.
    XCTAssertEqual(try ends("((a)-->()-->(b)){1,2}"), ["'m2'", "'m0'"])
    // Zero repetitions: the two ends are one node and the lists are empty.
    XCTAssertEqual(
      try rows("MATCH ({name: 'm4'}) ((a)-->(b)){0,1} (y) RETURN y.name, size(a) ORDER BY size(a)"),
      [["'m4'", "0"], ["'m3'", "1"]])
  }

  func testEndsAndEdgesAreSharedWithTheRestOfTheMatch() throws {
    // The far end bound by an earlier clause, or by the same MATCH.
    XCTAssertEqual(
      try rows("MATCH (y {name: 'm1'}) MATCH ({name: 'm4'}) ((a)-->(b))+ (y) RETURN size(a)"), [["3"]])
    XCTAssertEqual(
      try rows("MATCH (y {name: 'm0'}), ({name: 'm3'}) ((a)-->(b))+ (y) RETURN size(b)"), [["3"]])
    // With only the far end bound, the walk runs backwards; the lists stay left to right.
    let backwards =
      "MATCH (y {name: 'm1'}) MATCH p = (x) ((a)-[r]->(b) WHERE r.gap > 0)+ (y) "
      + "RETURN x.name, [n IN a | n.name], [n IN b | n.name], [e IN r | e.gap], [n IN nodes(p) | n.name] "
      + "ORDER BY size(a)"
    let explained = try engine.explain(backwards)
    XCTAssertTrue(explained.contains("right to left"), explained)
    XCTAssertTrue(explained.contains("\n      check bound b"), explained)  // the inside starts at its end
    XCTAssertEqual(
      try rows(backwards),
      [
        ["'m2'", "['m2']", "['m1']", "[2]", "['m2', 'm1']"],
        ["'m3'", "['m3', 'm2']", "['m2', 'm1']", "[5, 2]", "['m3', 'm2', 'm1']"],
        ["'m4'", "['m4', 'm3', 'm2']", "['m3', 'm2', 'm1']", "[1, 5, 2]", "['m4', 'm3', 'm2', 'm1']"],
      ])
    // No edge twice: from m3 both ways, two steps cannot come back over the first.
    XCTAssertEqual(try rows("MATCH ({name: 'm3'}) ((a)--(b)){2} (y) RETURN y.name"), [["'m1'"]])
    XCTAssertEqual(
      try rows("MATCH ({name: 'm4'})-[e]->(m) ((a)--(b))+ ({name: 'm4'}) RETURN count(*)"), [["0"]])
    // A pattern may start with one (its first node is anonymous) and use earlier variables.
    XCTAssertEqual(
      try rows(
        "WITH 3 AS most MATCH ((a {name: 'm2'})-[r]->(b) WHERE r.gap <= most)+ RETURN [x IN b | x.name]"),
      [["['m1']"]])
  }

  /// In EXISTS { }, COUNT { } and pattern comprehensions too.
  func testInSubqueriesAndComprehensions() throws {
    XCTAssertEqual(
      try rows("MATCH (x {name: 'm4'}) RETURN [p = (x) ((a)-->(b)){1,2} () | length(p)] AS lengths"),
      [["[1, 2]"]])
    XCTAssertEqual(
      try rows("MATCH (x:M) WHERE EXISTS { (x) ((a)-->(b)){3} () } RETURN x.name ORDER BY x.name"),
      [["'m3'"], ["'m4'"]])
    XCTAssertEqual(try rows("MATCH (x {name: 'm2'}) RETURN COUNT { (x) ((a)-->(b))+ () } AS c"), [["2"]])
  }

  func testRefusalsSayWhatToWrite() {
    let cases: [(String, String)] = [
      (
        "MATCH (x) ((a)-->(b)) (y) RETURN x",
        "a parenthesized path pattern needs a quantifier after it: {1,3}, {2}, + or *"
      ),
      (
        "MATCH (x) ((a)-->(b))+ (a) RETURN x",
        "'a' is named inside a quantified path pattern, where it is a list of its values; use another name outside it"
      ),
      (
        "MATCH (a) MATCH (x) ((a)-->(b))+ (y) RETURN x",
        "'a' is already bound; a variable inside a quantified path pattern is new there "
          + "(outside it is the list of its values), so give it another name"
      ),
      (
        "MATCH (x) (((a)-->(b))+)+ (y) RETURN x",
        "a quantified path pattern holds a plain path of at least one relationship, e.g. ((a)-[:SUCCEEDS]->(b)){1,3}"
      ),
      (
        "MATCH p = shortestPath((x) ((a)-->(b))+ (y)) RETURN p",
        "shortestPath() needs a pattern of exactly one relationship between two nodes, such as (a)-[*]-(b)"
      ),
      ("CREATE (x) ((a)-[:S]->(b))+ (y)", "CREATE cannot create a quantified path pattern"),
    ]
    for (text, message) in cases { XCTAssertEqual(engine.errorMessage(text), message, text) }
    // A group of nodes is a list: reading a property of it says how to read each.
    XCTAssertThrowsError(try engine.run("MATCH ({name: 'm4'}) ((a)-->(b))+ () RETURN a.name")) {
      XCTAssertEqual(($0 as? KgshError)?.message, "cannot read property 'name' of a List")
      XCTAssertEqual(($0 as? KgshError)?.hint, "read it of each item: [x IN list | x.name]")
    }
  }
}

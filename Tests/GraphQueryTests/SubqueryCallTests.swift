import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// `CALL { }`: run once per incoming row, importing what its first WITH (or `CALL (a, b)`)
/// names; joined to the row, or passing it on when the body only writes.
final class SubqueryCallTests: XCTestCase {
  var engine: QueryEngine!

  override func setUpWithError() throws {
    engine = QueryEngine(store: try KnowledgeStore.inMemory())
    _ = try engine.run(
      "CREATE (a:P {name: 'Ada'}), (b:P {name: 'Bob'}), (c:P {name: 'Cy'}), "
        + "(a)-[:KNOWS]->(b), (a)-[:KNOWS]->(c), (b)-[:KNOWS]->(c)")
  }

  func rows(_ text: String) throws -> [[String]] { try engine.tckRows(text) }

  func refusal(_ text: String) -> String { engine.errorMessage(text) }

  func testAnImportingWithRunsTheBodyForEachRow() throws {
    // Cy knows nobody: the count is 0, and Cy's row stays.
    XCTAssertEqual(
      try rows(
        "MATCH (p:P) CALL { WITH p MATCH (p)-[:KNOWS]->(f) RETURN count(f) AS n } "
          + "RETURN p.name, n ORDER BY p.name"),
      [["'Ada'", "2"], ["'Bob'", "1"], ["'Cy'", "0"]])
    // Without an aggregate a row with no match is dropped, as in a MATCH.
    XCTAssertEqual(
      try rows(
        "MATCH (p:P) CALL (p) { MATCH (p)-[:KNOWS]->(f) RETURN f ORDER BY f.name DESC LIMIT 1 } "
          + "RETURN p.name, f.name ORDER BY p.name"),
      [["'Ada'", "'Cy'"], ["'Bob'", "'Cy'"]])
    XCTAssertEqual(
      try rows(
        "UNWIND [1, 2, 3] AS x CALL { WITH x UNWIND range(1, x) AS y RETURN sum(y) AS s } RETURN x, s"),
      [["1", "1"], ["2", "3"], ["3", "6"]])
    XCTAssertEqual(
      try rows("MATCH (p:P {name: 'Bob'}) CALL (*) { RETURN p.name + '!' AS shout } RETURN shout"),
      [["'Bob!'"]])
  }

  func testABodyThatImportsNothingDoesNotSeeTheOuterVariables() throws {
    // The inner p is its own variable: it matches every P, for each outer row.
    XCTAssertEqual(
      try rows("MATCH (p:P {name: 'Ada'}) CALL { MATCH (p:P) RETURN count(p) AS all } RETURN p.name, all"),
      [["'Ada'", "3"]])
  }

  func testUnionInsideTheBody() throws {
    let union =
      "MATCH (p:P {name: 'Ada'}) CALL { WITH p MATCH (p)-->(f) RETURN f.name AS who "
      + "UNION%@ WITH p RETURN p.name AS who UNION%@ MATCH (x {name: 'Cy'}) RETURN x.name AS who } "
      + "RETURN who ORDER BY who"
    XCTAssertEqual(
      try rows(union.replacingOccurrences(of: "%@", with: "")), [["'Ada'"], ["'Bob'"], ["'Cy'"]])
    XCTAssertEqual(
      try rows(union.replacingOccurrences(of: "%@", with: " ALL")),
      [["'Ada'"], ["'Bob'"], ["'Cy'"], ["'Cy'"]])
    XCTAssertEqual(
      refusal("CALL { RETURN 1 AS a UNION RETURN 2 AS b } RETURN a"),
      "every part of a UNION in CALL { } must return the same columns (a vs b)")
  }

  func testAUnitSubqueryWritesAndPassesTheRowOn() throws {
    let result = try engine.run(
      "MATCH (p:P) CALL { WITH p CREATE (p)-[:HAS]->(:Badge {of: p.name}) } RETURN p.name ORDER BY p.name")
    XCTAssertEqual(result.rows.count, 3)
    XCTAssertEqual(result.statistics.nodesCreated, 3)
    XCTAssertEqual(result.statistics.relationshipsCreated, 3)
    XCTAssertEqual(
      try rows("MATCH (:P)-[:HAS]->(b:Badge) RETURN b.of ORDER BY b.of"), [["'Ada'"], ["'Bob'"], ["'Cy'"]])
    XCTAssertTrue(try QueryEngine.writes("MATCH (p) CALL { WITH p SET p.x = 1 } RETURN p"))
    XCTAssertFalse(try QueryEngine.writes("MATCH (p) CALL { WITH p RETURN p.x AS x } RETURN x"))
    // A query may end with a unit subquery, not with one that returns rows.
    XCTAssertNoThrow(try engine.run("MATCH (p:P {name: 'Ada'}) CALL { WITH p SET p.seen = true }"))
    XCTAssertEqual(try rows("MATCH (p:P {name: 'Ada'}) RETURN p.seen"), [["true"]])
    XCTAssertEqual(
      refusal("MATCH (p:P) CALL { WITH p RETURN p.name AS n }"),
      "a query cannot end with CALL { }; add RETURN")
    XCTAssertEqual(
      refusal("MATCH (p:P) WHERE EXISTS { CALL { CREATE (:X) } RETURN 1 } RETURN p"),
      "an EXISTS subquery cannot change the graph")
  }

  /// FOREACH runs its updates once per item and passes the row on; it sees every outer variable.
  func testForeachUpdatesForEachItem() throws {
    let result = try engine.run(
      "MATCH (p:P {name: 'Ada'}) FOREACH (tag IN ['x', 'y'] | CREATE (p)-[:TAGGED]->(:Tag {v: tag})) RETURN p.name"
    )
    XCTAssertEqual(result.rows.count, 1)
    XCTAssertEqual(result.statistics.nodesCreated, 2)
    XCTAssertEqual(
      try rows("MATCH (:P {name: 'Ada'})-[:TAGGED]->(t) RETURN t.v ORDER BY t.v"), [["'x'"], ["'y'"]])
    // First clause, nested, and setting a property of an outer node.
    _ = try engine.run("FOREACH (i IN [1, 2] | FOREACH (j IN [10] | CREATE (:N {v: i + j})))")
    XCTAssertEqual(try rows("MATCH (n:N) RETURN n.v ORDER BY n.v"), [["11"], ["12"]])
    _ = try engine.run("MATCH (p:P) WITH collect(p) AS ps FOREACH (q IN ps | SET q.checked = true)")
    XCTAssertEqual(try rows("MATCH (p:P) WHERE p.checked RETURN count(p)"), [["3"]])
    XCTAssertEqual(
      refusal("FOREACH (i IN [1] | MATCH (n) SET n.x = i)"),
      "FOREACH takes only CREATE, MERGE, SET, REMOVE, DELETE and FOREACH; use UNWIND to read")
    XCTAssertEqual(
      refusal("MATCH (n) FOREACH (i IN [1] | ) RETURN n"), "expected an update clause in FOREACH, found ')'")
    XCTAssertTrue(try QueryEngine.writes("FOREACH (i IN [1] | CREATE ())"))
  }

  /// A LIMIT after a subquery that only reads stops the clauses before it, as after a MATCH.
  func testALimitAfterAReadingSubqueryStopsEarly() throws {
    var profiler = engine!
    profiler.profiling = true
    let profiled = try profiler.run(
      "MATCH (p:P) CALL { WITH p MATCH (p)-->(f) RETURN count(f) AS n } RETURN p.name, n LIMIT 1")
    XCTAssertEqual(profiled.rows.count, 1)
    XCTAssertEqual(profiled.profile.first { $0.clause == "MATCH" }?.rows, 1, "\(profiled.profile)")
  }

  func testSubqueriesNest() throws {
    XCTAssertEqual(
      try rows(
        "MATCH (p:P {name: 'Ada'}) CALL { WITH p MATCH (p)-->(f) "
          + "CALL { WITH f MATCH (f)-->(g) RETURN count(g) AS second } RETURN sum(second) AS reach } RETURN reach"
      ),
      [["1"]])
  }

  func testRefusals() {
    XCTAssertEqual(
      refusal("MATCH (p:P) CALL { WITH p RETURN p } RETURN p"),
      "variable 'p' is already bound outside the CALL { } subquery")
    XCTAssertEqual(
      refusal("MATCH (p:P) CALL { WITH p RETURN p.name } RETURN 1"),
      "the expression 'p.name' in a CALL { } subquery's RETURN needs an alias (AS name)")
    XCTAssertEqual(
      refusal("MATCH (p:P) CALL { WITH p.name AS n RETURN n } RETURN n"),
      "a CALL { } subquery imports outer variables with a first WITH of plain names")
    XCTAssertEqual(refusal("CALL (q) { RETURN 1 AS one } RETURN one"), "variable 'q' is not defined")
    XCTAssertEqual(
      refusal("MATCH (p:P) CALL { WITH p MATCH (p) } RETURN 1"), "a query cannot end with MATCH; add RETURN")
    XCTAssertEqual(refusal("CALL { } RETURN 1"), "expected a clause in CALL { }, found '}'")
  }

  /// Neo4j's batches are one transaction here: the same answer, and nothing half written.
  func testInTransactionsRunsAsOneTransaction() throws {
    for tail in [
      "IN TRANSACTIONS", "IN TRANSACTIONS OF 2 ROWS", "IN 3 CONCURRENT TRANSACTIONS OF 1 ROW ON ERROR FAIL",
      "IN TRANSACTIONS OF $batch ROWS",
    ] {
      let engine = QueryEngine(store: try KnowledgeStore.inMemory())
      let created = try engine.run("UNWIND range(1, 5) AS i CALL { WITH i CREATE (:T {i: i}) } \(tail)")
      XCTAssertEqual(created.statistics.nodesCreated, 5, tail)
      XCTAssertEqual(try engine.tckRows("MATCH (t:T) RETURN sum(t.i)"), [["15"]], tail)
      // A failure in the fourth row leaves none of the rows before it.
      XCTAssertThrowsError(
        try engine.run("UNWIND [1, 2, 3, 0] AS i CALL { WITH i CREATE (:U {v: 10 / i}) } \(tail)"), tail)
      XCTAssertEqual(try engine.tckRows("MATCH (u:U) RETURN count(u)"), [["0"]], tail)
    }
    XCTAssertEqual(
      refusal("MATCH (p) CALL { WITH p SET p.x = 1 } IN TRANSACTIONS ON ERROR CONTINUE RETURN p"),
      "ON ERROR CONTINUE keeps the batches that worked, and kgsh runs the whole statement as one transaction; "
        + "leave it out (ON ERROR FAIL): a failure then changes nothing")
    XCTAssertEqual(
      refusal("MATCH (p) CALL { WITH p SET p.x = 1 } IN TRANSACTIONS REPORT STATUS AS s RETURN s"),
      "REPORT STATUS describes each batch, and kgsh runs the whole statement as one transaction; leave it out"
    )
    XCTAssertEqual(
      refusal("CALL { CREATE (:V) } IN TRANSACTIONS OF 0 ROWS"),
      "OF takes how many rows each transaction holds, a whole number of at least 1")
  }
}

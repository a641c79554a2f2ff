import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// A LIMIT in a query that only reads stops the clauses before it once it has its rows
/// (`ProjectionStage.stopsEarly`); the answers are the ones of running everything.
final class LimitStopsEarlyTests: XCTestCase {
  func engine() throws -> QueryEngine { QueryEngine(store: try KnowledgeStore.inMemory()) }

  func testRowsAfterTheLimitAreNeverComputed() throws {
    let e = try engine()
    // 10 / 0 fails: the third row would, if it were computed.
    XCTAssertEqual(try e.tckRows("UNWIND [1, 2, 0] AS x RETURN 10 / x AS y LIMIT 2"), [["10"], ["5"]])
    XCTAssertEqual(try e.tckRows("UNWIND [5, 1, 0] AS x WITH 10 / x AS y LIMIT 2 RETURN sum(y)"), [["12"]])
    XCTAssertNotNil(e.errorCode("UNWIND [1, 2, 0] AS x RETURN 10 / x AS y LIMIT 3"))
    XCTAssertNotNil(
      e.errorCode("UNWIND [1, 0, 2] AS x RETURN 10 / x AS y ORDER BY y LIMIT 1"), "ORDER BY sees all")
  }

  func testLimitKeepsItsMeaningAroundOtherClauses() throws {
    let e = try engine()
    XCTAssertEqual(try e.tckRows("UNWIND range(1, 10) AS x RETURN x SKIP 3 LIMIT 2"), [["4"], ["5"]])
    XCTAssertEqual(
      try e.tckRows("UNWIND range(1, 10) AS x WITH x LIMIT 4 WHERE x % 2 = 0 RETURN x"), [["2"], ["4"]])
    XCTAssertEqual(
      try e.tckRows("UNWIND range(1, 3) AS x WITH x LIMIT 2 UNWIND range(1, x) AS y RETURN x, y LIMIT 10"),
      [["1", "1"], ["2", "1"], ["2", "2"]])
    XCTAssertEqual(try e.tckRows("UNWIND range(1, 10) AS x RETURN x LIMIT 0"), [])
    XCTAssertEqual(
      try e.tckRows("UNWIND [1, 2] AS x RETURN x LIMIT 1 UNION ALL UNWIND [3, 4] AS x RETURN x LIMIT 1"),
      [["1"], ["3"]])
  }

  func testAQueryThatWritesRunsEveryRowBeforeItsLimit() throws {
    let e = try engine()
    XCTAssertEqual(
      try e.tckRows("UNWIND [1, 2, 3] AS x CREATE (n:N {x: x}) WITH n LIMIT 1 RETURN count(*)"), [["1"]])
    XCTAssertEqual(try e.tckRows("MATCH (n:N) RETURN count(n)"), [["3"]])
  }
}

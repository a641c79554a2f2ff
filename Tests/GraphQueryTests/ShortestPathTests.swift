import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// `shortestPath` / `allShortestPaths` in MATCH, in expressions and through CALL, on a graph
/// with two routes of length 2 from a to d, a longer route of length 3, and a dead end:
///
///     a -R-> b -R-> d        a -R-> c -R-> d        a -S-> e -S-> f -S-> d        x (alone)
final class ShortestPathTests: XCTestCase {
  var engine: QueryEngine!

  override func setUpWithError() throws {
    engine = QueryEngine(store: try KnowledgeStore.inMemory())
    _ = try engine.run(
      """
      CREATE (a:N {name: 'a'}), (b:N {name: 'b'}), (c:N {name: 'c'}), (d:N {name: 'd'}),
             (e:N {name: 'e'}), (f:N {name: 'f'}), (:N {name: 'x'}),
             (a)-[:R {w: 1}]->(b), (b)-[:R {w: 1}]->(d), (a)-[:R {w: 2}]->(c), (c)-[:R {w: 2}]->(d),
             (a)-[:S]->(e), (e)-[:S]->(f), (f)-[:S]->(d)
      """)
  }

  func rows(_ text: String) throws -> [[String]] { try engine.tckRows(text) }
  func code(_ text: String) -> String? { engine.errorCode(text) }

  let ends = "MATCH (a:N {name: 'a'}), (d:N {name: 'd'}) "
  func names(_ path: String) -> String { "[n IN nodes(\(path)) | n.name]" }

  func testShortestPathFindsOneOfTheShortestRoutes() throws {
    let found = try rows(ends + "MATCH p = shortestPath((a)-[*]->(d)) RETURN length(p), \(names("p"))")
    XCTAssertEqual(found.count, 1)
    XCTAssertEqual(found[0][0], "2")
    XCTAssertTrue(["['a', 'b', 'd']", "['a', 'c', 'd']"].contains(found[0][1]), "\(found)")
  }

  func testAllShortestPathsFindsEachShortestRouteOnce() throws {
    XCTAssertEqual(
      try rows(
        ends + "MATCH p = allShortestPaths((a)-[*]->(d)) RETURN \(names("p")) AS route ORDER BY route"),
      [["['a', 'b', 'd']"], ["['a', 'c', 'd']"]])
  }

  func testTypesDirectionAndMaximumLengthNarrowTheSearch() throws {
    XCTAssertEqual(
      try rows(ends + "MATCH p = shortestPath((a)-[:S*]->(d)) RETURN \(names("p"))"),
      [["['a', 'e', 'f', 'd']"]])
    XCTAssertEqual(try rows(ends + "MATCH p = shortestPath((a)-[:S*..2]->(d)) RETURN p"), [])
    XCTAssertEqual(try rows(ends + "MATCH p = shortestPath((d)-[*]->(a)) RETURN p"), [])
    XCTAssertEqual(
      try rows(ends + "MATCH p = shortestPath((d)<-[:S*]-(a)) RETURN \(names("p"))"),
      [["['d', 'f', 'e', 'a']"]])
    XCTAssertEqual(try rows(ends + "MATCH p = shortestPath((d)-[*]-(a)) RETURN length(p)"), [["2"]])
  }

  func testRelationshipPropertiesAndWherePredicatesAreHonouredDuringTheSearch() throws {
    XCTAssertEqual(
      try rows(ends + "MATCH p = allShortestPaths((a)-[:R* {w: 2}]->(d)) RETURN \(names("p"))"),
      [["['a', 'c', 'd']"]])
    // The shortest path among those whose relationships all satisfy the condition.
    XCTAssertEqual(
      try rows(
        ends + "MATCH p = shortestPath((a)-[rs*]->(d)) WHERE none(r IN rs WHERE type(r) = 'R') "
          + "RETURN \(names("p"))"),
      [["['a', 'e', 'f', 'd']"]])
    XCTAssertEqual(
      try rows(ends + "MATCH p = shortestPath((a)-[*]->(d)) WHERE length(p) > 2 RETURN length(p)"), [["3"]])
  }

  func testUnreachableEndsGiveNoRowOrNullInOptionalMatch() throws {
    let alone = "MATCH (a:N {name: 'a'}), (x:N {name: 'x'}) "
    XCTAssertEqual(try rows(alone + "MATCH p = shortestPath((a)-[*]-(x)) RETURN p"), [])
    XCTAssertEqual(try rows(alone + "OPTIONAL MATCH p = shortestPath((a)-[*]-(x)) RETURN p"), [["null"]])
  }

  func testSameNodeGivesTheEmptyPathOnlyWhenZeroLengthIsAllowed() throws {
    let same = "MATCH (a:N {name: 'a'}) "
    XCTAssertEqual(try rows(same + "MATCH p = shortestPath((a)-[*0..]-(a)) RETURN length(p)"), [["0"]])
    XCTAssertEqual(try rows(same + "MATCH p = shortestPath((a)-[*]-(a)) RETURN length(p)"), [])
  }

  func testEndsBoundInsideTheSamePatternAndPerRow() throws {
    XCTAssertEqual(
      try rows(
        "MATCH p = allShortestPaths((:N {name: 'b'})-[*]-(:N {name: 'c'})) RETURN \(names("p")) AS route "
          + "ORDER BY route"),
      [["['b', 'a', 'c']"], ["['b', 'd', 'c']"]])
    XCTAssertEqual(
      try rows(
        "MATCH (a:N {name: 'a'}), (t:N) WHERE t.name IN ['b', 'f', 'x'] "
          + "OPTIONAL MATCH p = shortestPath((a)-[*]->(t)) RETURN t.name, length(p) ORDER BY t.name"),
      [["'b'", "1"], ["'f'", "2"], ["'x'", "null"]])
  }

  func testShortestPathInAnExpression() throws {
    XCTAssertEqual(
      try rows(
        ends
          + "RETURN length(shortestPath((a)-[:S*]->(d))) AS hops, size(allShortestPaths((a)-[*]->(d))) AS routes"
      ),
      [["3", "2"]])
    XCTAssertEqual(
      try rows("MATCH (a:N {name: 'a'}), (x:N {name: 'x'}) RETURN shortestPath((a)-[*]-(x))"), [["null"]])
  }

  func testBadShortestPathPatternsAreRefusedWithAReason() throws {
    XCTAssertEqual(
      code(ends + "MATCH p = shortestPath((a)-[*2..]->(d)) RETURN p"), "InvalidShortestPathPattern")
    XCTAssertEqual(
      code(ends + "MATCH p = shortestPath((a)-->(b)-->(d)) RETURN p"), "InvalidShortestPathPattern")
    XCTAssertEqual(code(ends + "MATCH p = shortestPath((a)) RETURN p"), "InvalidShortestPathPattern")
  }

  func testProceduresTakeNodesOrNamesAndYieldPathAndLength() throws {
    XCTAssertEqual(
      try rows(ends + "CALL kgsh.shortestPath(a, d) YIELD length RETURN length"), [["2"]])
    XCTAssertEqual(
      try rows(
        "CALL kgsh.allShortestPaths('b', 'c') YIELD path, length "
          + "RETURN \(names("path")) AS route, length ORDER BY route"),
      [["['b', 'a', 'c']", "2"], ["['b', 'd', 'c']", "2"]])
    XCTAssertEqual(try rows("CALL kgsh.shortestPath('a', 'x') YIELD path RETURN path"), [])
    XCTAssertEqual(
      code("CALL kgsh.shortestPath('a', 'nowhere') YIELD path RETURN path"), "InvalidArgumentValue")
    XCTAssertEqual(code("CALL kgsh.shortestPath('a', 42) YIELD path RETURN path"), "InvalidArgumentType")
    XCTAssertEqual(code("CALL kgsh.shortestPath('a') YIELD path RETURN path"), "InvalidNumberOfArguments")
  }

  func testExplainShowsTheSearch() throws {
    let plan = try engine.explain(ends + "MATCH p = allShortestPaths((a)-[*]->(d)) RETURN p")
    XCTAssertTrue(plan.contains("search all shortest paths (a)-(d) by breadth-first search"), plan)
  }

  /// The function names are not reserved: as variables, map keys and properties they are
  /// names like any other, for both functions.
  func testTheNamesAreVariablesWhereNoPatternFollows() throws {
    for name in ["shortestPath", "allShortestPaths"] {
      XCTAssertEqual(try rows("WITH 1 AS \(name) RETURN \(name) + 1 AS n"), [["2"]], name)
      XCTAssertEqual(try rows("WITH {\(name): 3} AS m RETURN m.\(name) AS n"), [["3"]], name)
      XCTAssertEqual(
        try rows("MATCH (a:N {name: 'a'}) WITH a.name AS \(name) RETURN \(name) AS n"), [["'a'"]], name)
    }
    // Followed by a pattern, the name is still the search.
    XCTAssertEqual(try rows(ends + "RETURN length(shortestPath((a)-[*]->(d))) AS n"), [["2"]])
  }
}

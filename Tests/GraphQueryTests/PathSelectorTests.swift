import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// GQL's path selectors: `SHORTEST k`, `SHORTEST k GROUPS`, `ANY [k]`, `ALL SHORTEST`,
/// `ANY SHORTEST` and `ALL`, with `PATH`/`PATHS`, a parameter for k, closed paths and least
/// lengths above 1.
final class PathSelectorTests: XCTestCase {
  var engine: QueryEngine!

  /// From A to D: two paths of two steps (through B, through C), one of three (E, F); D
  /// leads back to A.
  override func setUpWithError() throws {
    engine = QueryEngine(store: try KnowledgeStore.inMemory())
    _ = try engine.run(
      "CREATE (a:N {name: 'A'}), (b:N {name: 'B'}), (c:N {name: 'C'}), (d:N {name: 'D'}), "
        + "(e:N {name: 'E'}), (f:N {name: 'F'}), (a)-[:R]->(b)-[:R]->(d), (a)-[:R]->(c)-[:R]->(d), "
        + "(a)-[:R]->(e)-[:R]->(f)-[:R]->(d), (d)-[:R]->(a)")
  }

  /// The paths from A to D that `selector` keeps, as their nodes' names, in a fixed order.
  func paths(_ selector: String, _ rel: String = "[:R*]", where condition: String = "true") throws -> [String]
  {
    let rows = try engine.tckRows(
      "MATCH p = \(selector) (:N {name: 'A'})-\(rel)->(:N {name: 'D'}) WHERE \(condition) "
        + "RETURN reduce(s = '', n IN nodes(p) | s + n.name) AS way ORDER BY length(p), way")
    return rows.map { $0[0].trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
  }

  /// Every trail from A to D (no relationship twice; D -> A lets a trail pass A again).
  static let trails = [
    "ABD", "ACD", "AEFD", "ABDACD", "ACDABD", "ABDAEFD", "ACDAEFD", "AEFDABD", "AEFDACD",
  ]

  func testSelectorsKeepTheirPathsShortestFirst() throws {
    // What each keeps; where several paths of one length compete for fewer places (SHORTEST
    // 1, ANY, ANY 5), any of them may be kept: the lengths are checked, and the rest exactly.
    let cases: [(String, [String], exact: Bool)] = [
      ("SHORTEST 1", ["ABD"], false), ("ANY SHORTEST", ["ABD"], false), ("ANY", ["ABD"], false),
      ("SHORTEST 2", ["ABD", "ACD"], true), ("SHORTEST 3 PATHS", ["ABD", "ACD", "AEFD"], true),
      ("ANY 4 PATHS", ["ABD", "ACD", "AEFD", "ABDACD"], false),
      ("ALL SHORTEST", ["ABD", "ACD"], true), ("SHORTEST GROUP", ["ABD", "ACD"], true),
      ("SHORTEST 2 GROUPS", ["ABD", "ACD", "AEFD"], true),
      ("SHORTEST 3 GROUPS", ["ABD", "ACD", "AEFD", "ABDACD", "ACDABD"], true),
      ("ALL", Self.trails, true), ("ALL PATHS", Self.trails, true), ("SHORTEST 20", Self.trails, true),
    ]
    for (selector, expected, exact) in cases {
      let found = try paths(selector)
      XCTAssertEqual(found.map(\.count), expected.map(\.count), selector)
      XCTAssertTrue(found.allSatisfy(Self.trails.contains), "\(selector): \(found)")
      if exact { XCTAssertEqual(found, expected, selector) }
    }
    XCTAssertEqual(try paths(""), Self.trails)
  }

  func testConditionsLeastLengthsAndClosedPaths() throws {
    XCTAssertEqual(try paths("SHORTEST 1", where: "none(n IN nodes(p) WHERE n.name = 'B')"), ["ACD"])
    XCTAssertEqual(try paths("SHORTEST 1", where: "length(p) > 2"), ["AEFD"])
    XCTAssertEqual(try paths("SHORTEST 2 GROUPS", where: "length(p) > 2"), ["AEFD", "ABDACD", "ACDABD"])
    XCTAssertEqual(try paths("SHORTEST 1", "[:R*3..]"), ["AEFD"])
    XCTAssertEqual(try paths("SHORTEST 2 GROUPS", "[:R*..2]"), ["ABD", "ACD"])
    // From A back to A: the shortest closed trails, each relationship once.
    XCTAssertEqual(
      try engine.tckRows(
        "MATCH p = ALL SHORTEST (a:N {name: 'A'})-[:R*]->(a) "
          + "RETURN reduce(s = '', n IN nodes(p) | s + n.name) AS way ORDER BY way"),
      [["'ABDA'"], ["'ACDA'"]])
    XCTAssertEqual(
      try engine.tckRows("MATCH p = SHORTEST 1 (a:N {name: 'A'})-[:R*0..]->(a) RETURN length(p)"), [["0"]])
    // Per pair of ends when the ends are not given: B reaches each other node.
    XCTAssertEqual(
      try engine.tckRows(
        "MATCH p = SHORTEST 1 (:N {name: 'B'})-[:R*]->(x) WHERE x.name <> 'B' RETURN count(p)"),
      [["5"]])
  }

  func testTheCountMayBeAParameter() throws {
    let rows = try engine.run(
      "MATCH p = SHORTEST $k (:N {name: 'A'})-[:R*]->(:N {name: 'D'}) RETURN length(p) AS l ORDER BY l",
      parameters: ["k": .int(3)]
    ).rows.map { $0[0].value }
    XCTAssertEqual(rows, [.int(2), .int(2), .int(3)])
    XCTAssertEqual(
      engine.errorMessage("MATCH p = SHORTEST $k (a)-[:R*]->(b) RETURN p"), "parameter $k is not set")
  }

  func testMistakesAreNamed() throws {
    XCTAssertEqual(
      engine.errorMessage("MATCH p = SHORTEST 0 (a)-[*]->(b) RETURN p"),
      "a path selector keeps at least 1 path per pair of ends, not 0")
    XCTAssertEqual(
      engine.errorMessage("MATCH p = SHORTEST (a)-[*]->(b) RETURN p"),
      "expected how many paths after SHORTEST (SHORTEST 2), or GROUPS, found '('")
    XCTAssertEqual(
      engine.errorMessage("MATCH p = SHORTEST 2 (a)-[:R]->(b)-[:R]->(c) RETURN p"),
      "SHORTEST 2 needs a pattern of exactly one relationship between two nodes, such as (a)-[*]-(b)")
    let plan = try engine.explain("MATCH p = SHORTEST 2 GROUPS (a:N)-[:R*]->(b:N) RETURN p")
    XCTAssertTrue(plan.contains("search all paths of the 2 shortest lengths (a)-(b)"), plan)
  }
}

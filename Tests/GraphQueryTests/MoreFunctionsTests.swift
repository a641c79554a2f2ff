import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// Functions of Neo4j 5 and GQL beyond the openCypher core, with the answers Neo4j gives.
final class MoreFunctionsTests: XCTestCase {
  var engine: QueryEngine!

  override func setUpWithError() throws { engine = QueryEngine(store: try KnowledgeStore.inMemory()) }

  func value(_ expression: String) throws -> String { try engine.tckRows("RETURN \(expression) AS v")[0][0] }

  func testRoundToAPrecisionWithJavasModes() throws {
    let cases: [(String, String)] = [
      ("round(2.675, 2)", "2.68"), ("round(1234.5, -2)", "1200.0"), ("round(-1.25, 1)", "-1.3"),
      ("round(-1.25, 1, 'CEILING')", "-1.2"), ("round(-1.25, 1, 'FLOOR')", "-1.3"),
      ("round(-1.25, 1, 'UP')", "-1.3"), ("round(-1.25, 1, 'DOWN')", "-1.2"),
      ("round(1.25, 1, 'HALF_DOWN')", "1.2"), ("round(1.26, 1, 'HALF_DOWN')", "1.3"),
      ("round(1.25, 1, 'HALF_EVEN')", "1.2"), ("round(1.35, 1, 'HALF_EVEN')", "1.4"),
      ("round(null, 1)", "null"), ("round(2.5)", "3.0"), ("round(1.0e300, 2)", "1e+300"),
      ("round(1.5e-7, 8)", "1.5e-07"),
    ]
    for (expression, expected) in cases { XCTAssertEqual(try value(expression), expected, expression) }
    XCTAssertEqual(
      engine.errorMessage("RETURN round(1.5, 1, 'SIDEWAYS')"),
      "round() takes a rounding mode of UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN or HALF_EVEN, not 'SIDEWAYS'"
    )
  }

  func testTextMathListAndTypeFunctions() throws {
    let cases: [(String, String)] = [
      ("trim(BOTH 'x' FROM 'xxaxx')", "'a'"), ("trim(LEADING 'x' FROM 'xxaxx')", "'axx'"),
      ("trim(TRAILING 'x' FROM 'xxaxx')", "'xxa'"), ("trim(FROM '  a ')", "'a'"),
      ("trim('x' FROM 'xax')", "'a'"),
      ("trim(' plain ')", "'plain'"), ("ltrim('xxa', 'x')", "'a'"), ("rtrim('axx', 'x')", "'a'"),
      ("lower('AbC')", "'abc'"), ("upper('x')", "'X'"), ("btrim('  a ')", "'a'"),
      ("btrim('xxaxx', 'x')", "'a'"),
      ("char_length('汉字a')", "3"), ("character_length('')", "0"), ("isNaN(0.0 / 0.0)", "true"),
      ("isNaN(1)", "false"), ("degrees(pi())", "180.0"), ("radians(180) = pi()", "true"),
      ("atan2(1.0, 1.0) = pi() / 4", "true"), ("haversin(0.0)", "0.0"), ("asin(1.0) = pi() / 2", "true"),
      ("toIntegerList(['1', 'x', 2.7, null])", "[1, null, 2, null]"),
      ("toStringList([1, true, null])", "['1', 'true', null]"), ("toFloatList(['1.5'])", "[1.5]"),
      ("toBooleanList(['true', 'no'])", "[true, null]"), ("toIntegerList(null)", "null"),
      ("valueType(1)", "'INTEGER NOT NULL'"), ("valueType(null)", "'NULL'"),
      ("valueType([1, null])", "'LIST<INTEGER> NOT NULL'"),
      ("valueType([1, 'a'])", "'LIST<INTEGER NOT NULL | STRING NOT NULL> NOT NULL'"),
      ("valueType([])", "'LIST<NOTHING> NOT NULL'"), ("valueType(date('2025-01-01'))", "'DATE NOT NULL'"),
      ("nullIf(1, 1)", "null"), ("nullIf(1, 2)", "1"), ("size(randomUUID())", "36"),
      ("randomUUID() <> randomUUID()", "true"), ("timestamp() > 1700000000000", "true"),
    ]
    for (expression, expected) in cases { XCTAssertEqual(try value(expression), expected, expression) }
    XCTAssertEqual(engine.errorMessage("RETURN lower(1)"), "lower() cannot take an Integer")
    XCTAssertEqual(engine.errorMessage("RETURN atan2(1)"), "atan2() takes 2 arguments, got 1")
  }

  /// Cypher neither indexes nor slices a string: the error names the functions that do.
  func testIndexingATextPointsToSubstring() throws {
    for query in ["RETURN 'hello'[1..3]", "RETURN 'hello'[1]"] {
      XCTAssertThrowsError(try engine.run(query)) { error in
        XCTAssertEqual((error as? KgshError)?.code, "InvalidArgumentType")
        XCTAssertEqual(
          (error as? KgshError)?.hint?.hasPrefix("substring(text, start, length) takes part"), true)
      }
    }
    XCTAssertEqual(try value("substring('hello', 1, 2)"), "'el'")
  }
}

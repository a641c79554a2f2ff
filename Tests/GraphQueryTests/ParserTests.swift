import KnowledgeGraph
import XCTest

@testable import GraphQuery

final class ParserTests: XCTestCase {
  func error(_ text: String) -> KgshError? {
    do {
      _ = try Parser.parse(text)
      return nil
    } catch {
      return error as? KgshError
    }
  }

  func testParsesPatternsAndProjection() throws {
    let q = try Parser.parse(
      """
      MATCH (a:Company:Listed {name: 'Zhipu'})-[r:invests_in|competes_with*1..3]->(b), (c)<--(a)
      WHERE a.age > 3 AND NOT b:Person
      RETURN DISTINCT a.name AS name, count(*) ORDER BY name DESC SKIP 1 LIMIT 2
      """)
    XCTAssertEqual(q.clauses.count, 2)
    guard case .match(let m) = q.clauses[0] else { return XCTFail("expected MATCH") }
    XCTAssertEqual(m.patterns.count, 2)
    XCTAssertEqual(m.patterns[0].nodes[0].labels, ["Company", "Listed"])
    let rel = m.patterns[0].relationships[0]
    XCTAssertEqual(rel.types, ["invests_in", "competes_with"])
    XCTAssertEqual(rel.length?.min, 1)
    XCTAssertEqual(rel.length?.max, 3)
    XCTAssertEqual(m.patterns[1].relationships[0].direction, .incoming)
    guard case .return(let p) = q.clauses[1] else { return XCTFail("expected RETURN") }
    XCTAssertTrue(p.distinct)
    XCTAssertEqual(p.items.map(\.name), ["name", "count(*)"])
    XCTAssertEqual(p.orderBy.count, 1)
    XCTAssertFalse(p.orderBy[0].ascending)
  }

  func testVariableLengthForms() throws {
    func length(_ text: String) throws -> (Int, Int?)? {
      guard case .match(let m) = try Parser.parse("MATCH ()-[\(text)]->() RETURN 1").clauses[0] else {
        return nil
      }
      return m.patterns[0].relationships[0].length.map { ($0.min, $0.max) }
    }
    XCTAssertEqual(try length("*")?.0, 1)
    XCTAssertNil(try length("*")?.1)
    XCTAssertEqual(try length("*2")?.1, 2)
    XCTAssertEqual(try length("*2")?.0, 2)
    XCTAssertEqual(try length("*..5")?.0, 1)
    XCTAssertEqual(try length("*..5")?.1, 5)
  }

  func testSyntaxErrorCarriesLineAndColumn() {
    let e = error("MATCH (n)\nRETURN n.name AS")
    XCTAssertEqual(e?.kind, .syntax)
    XCTAssertEqual(e?.position, SourcePosition(line: 2, column: 17))
    let bad = error("MATCH (n\nRETURN n")
    XCTAssertEqual(bad?.position?.line, 2)
    XCTAssertEqual(bad?.position?.column, 1)
    XCTAssertTrue(bad?.description.contains("expected ')'") == true, bad?.description ?? "")
  }

  func testAShellStyleParameterInBracesSaysHowCypherWritesIt() {
    let e = error("MATCH (n) WHERE n.x = ${q} RETURN n")
    XCTAssertEqual(e?.position, SourcePosition(line: 1, column: 23))
    XCTAssertEqual(e?.hint, "a query parameter is written $name, without braces")
    XCTAssertNil(error("MATCH (n) WHERE n.x = $ RETURN n")?.hint, "no brace, no such hint")
  }

  func testUnsupportedConstructsAreNamed() {
    let e = error("MATCH (n)\n  LOAD CSV FROM 'f.csv' AS line RETURN line")
    XCTAssertEqual(e?.kind, .unsupported)
    XCTAssertTrue(e?.description.contains("LOAD") == true)
    XCTAssertEqual(e?.position, SourcePosition(line: 2, column: 3))
    XCTAssertNil(error("CALL { RETURN 1 AS x } RETURN x"))
    XCTAssertEqual(
      error("CALL { RETURN 1 AS x } IN TRANSACTIONS ON ERROR CONTINUE RETURN x")?.kind, .semantic)
    XCTAssertNil(error("MATCH (n:A|B) RETURN n"))
  }

  func testOperatorPrecedence() throws {
    let q = try Parser.parse("RETURN 1 + 2 * 3 = 7 OR false AS x")
    guard case .return(let p) = q.clauses[0], case .binary(.or, let l, _) = p.items[0].expression,
      case .binary(.eq, let sum, _) = l, case .binary(.add, _, let product) = sum,
      case .binary(.mul, _, _) = product
    else { return XCTFail("unexpected tree") }
  }

  func testStringEscapesAndComments() throws {
    let q = try Parser.parse("RETURN 'it\\'s' /* block */ AS s // trailing")
    guard case .return(let p) = q.clauses[0], case .literal(.string(let s)) = p.items[0].expression else {
      return XCTFail("expected a string literal")
    }
    XCTAssertEqual(s, "it's")
  }
}

/// Regressions from the bad-input corpus: deep nesting used to overflow the stack.
final class ParserLimitTests: XCTestCase {
  func deepError(_ text: String) -> String? {
    do {
      _ = try Parser.parse(text)
      return nil
    } catch {
      return "\(error)"
    }
  }

  func testDeepNestingIsASyntaxErrorNotACrash() {
    let n = 5000
    let cases = [
      "MATCH (n) WHERE " + String(repeating: "(", count: n) + "true" + String(repeating: ")", count: n)
        + " RETURN n",
      "RETURN " + String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n),
      "RETURN 1" + String(repeating: " + 1", count: n),
      "RETURN " + String(repeating: "NOT ", count: n) + "true",
      "RETURN " + String(repeating: "- ", count: n) + "1",
      "MATCH (n) RETURN n" + String(repeating: ".a", count: n),
      "RETURN " + String(repeating: "CASE WHEN true THEN ", count: n) + "1"
        + String(repeating: " END", count: n),
    ]
    for text in cases {
      let message = deepError(text)
      XCTAssertTrue(message?.contains("too deeply") ?? false, "\(text.prefix(40)): \(message ?? "parsed")")
    }
  }

  func testOrdinaryNestingStillParses() throws {
    _ = try Parser.parse(
      "MATCH (n) WHERE " + String(repeating: "(", count: 50) + "true" + String(repeating: ")", count: 50)
        + " RETURN 1" + String(repeating: " + 1", count: 100))
  }

  func testAnInterruptStopsAQueryAndWritesNothing() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      for i in 0..<50 { try w.upsertNode(key: "n\(i)", name: "N\(i)", labels: ["T"]) }
    }
    struct Stop: Error {}
    var engine = QueryEngine(store: store)
    engine.interrupt = { throw Stop() }
    XCTAssertThrowsError(try engine.run("MATCH (a), (b), (c) CREATE (:Made) RETURN count(*)")) { error in
      XCTAssertTrue(error is Stop, "\(error)")
    }
    XCTAssertEqual(
      try QueryEngine(store: store).run("MATCH (m:Made) RETURN count(*)").rows.first?.first?.value, .int(0))
  }

  /// A search that finds nothing for a long time passes no row through the pipeline; the
  /// interrupt is still asked while it runs (a timeout of 2 s ran such a query for minutes).
  func testAnInterruptStopsASearchThatFindsNothing() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      for i in 0..<40 { try w.upsertNode(key: "n\(i)", name: "N\(i)", labels: ["T"]) }
    }
    var engine = QueryEngine(store: store)
    _ = try engine.run(
      "MATCH (a:T), (b:T) WHERE a.name < b.name AND (toInteger(substring(a.name, 1)) + toInteger(substring(b.name, 1))) % 3 = 0 CREATE (a)-[:R]->(b)"
    )
    struct Stop: Error {}
    engine.interrupt = { throw Stop() }
    for query in [
      "MATCH (a:T), (b:T), (c:T) WHERE a.name + b.name + c.name = 'none' RETURN count(*)",
      "MATCH (a:T {name: 'N0'})-[*]-(b) WHERE b.name ENDS WITH 'none' RETURN count(*)",
      "MATCH p = SHORTEST 1 (a:T)-[*]-(b:T) WHERE length(p) > 1000 RETURN count(*)",
      "MATCH (a:T {name: 'N0'}) RETURN COUNT { MATCH (a)-[*]-(b) WHERE b.name = 'none' } AS c",
      "RETURN reduce(s = 0, x IN range(1, 100000) | s + x) AS s",
    ] {
      XCTAssertThrowsError(try engine.run(query), query) { error in
        XCTAssertTrue(error is Stop, "\(query): \(error)")
      }
    }
    engine.interrupt = {}
    XCTAssertEqual(
      try engine.run("RETURN reduce(s = 0, x IN range(1, 100000) | s + x) AS s").rows[0][0].value,
      .int(5_000_050_000))
  }
}

extension ParserTests {
  /// ASCII is classified from its code point; other scripts and Unicode spaces still lex.
  func testUnicodeSpacesAndNamesStillTokenize() throws {
    let q = try Parser.parse("MATCH\u{3000}(名字:公司)\u{00A0}RETURN\t名字.name\r\n")
    guard case .match(let m) = q.clauses[0] else { return XCTFail("expected MATCH") }
    XCTAssertEqual(m.patterns[0].nodes[0].variable, "名字")
    XCTAssertEqual(m.patterns[0].nodes[0].labels, ["公司"])
    XCTAssertEqual(q.clauses.count, 2)
    XCTAssertNotNil(error("RETURN 1 \u{0001}"))
  }

  /// `checkWhole` tells a query that needs more lines from one that is whole, union parts
  /// included, without a store.
  func testCheckWholeNeedsNoStore() throws {
    XCTAssertNoThrow(try QueryEngine.checkWhole("RETURN 1 AS a"))
    XCTAssertThrowsError(try QueryEngine.checkWhole("MATCH (n)")) { error in
      XCTAssertEqual((error as? KgshError)?.code, "InvalidClauseComposition")
    }
    XCTAssertThrowsError(try QueryEngine.checkWhole("RETURN 1 AS a UNION MATCH (n)"))
    XCTAssertNoThrow(try QueryEngine.checkWhole("MATCH (n) RETURN n.name AS a UNION RETURN 1 AS a"))
  }
}

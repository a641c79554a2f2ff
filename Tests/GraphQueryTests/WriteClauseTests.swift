import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// SET, REMOVE, DELETE, MERGE, CALL and UNION on an in-memory store: what a later query reads.
final class WriteClauseTests: XCTestCase {
  var store: KnowledgeStore!
  var engine: QueryEngine!

  override func setUpWithError() throws {
    store = try KnowledgeStore.inMemory()
    engine = QueryEngine(store: store)
  }

  func rows(_ text: String) throws -> [[String]] { try engine.tckRows(text) }
  func code(_ text: String) -> String? { engine.errorCode(text) }

  /// A key or label a query removes is not reported as unknown by that query (the
  /// notifications are made after it ran, when the last one may be gone); a later read is.
  func testRemovingTheLastOfAKeyIsNoUnknownKey() throws {
    _ = try engine.run("CREATE (:Solo {age: 1})")
    let removed = try engine.run("MATCH (s:Solo) REMOVE s.age, s:Solo RETURN s.age")
    XCTAssertEqual(removed.notifications, [], "\(removed.notifications)")
    let read = try engine.run("MATCH (s) WHERE s.age = 1 RETURN s")
    XCTAssertEqual(read.notifications.map(\.name), ["age"])
  }

  func testSetAndRemoveChangeWhatLaterQueriesRead() throws {
    _ = try engine.run("CREATE (:A {name: 'a', n: 1}), (:A {name: 'b', n: 2})")
    _ = try engine.run("MATCH (x:A) SET x.n = x.n * 10, x:B REMOVE x:A")
    XCTAssertEqual(try rows("MATCH (x:B) RETURN x.name, x.n ORDER BY x.n"), [["'a'", "10"], ["'b'", "20"]])
    XCTAssertEqual(try rows("MATCH (x:A) RETURN count(x)"), [["0"]])
    _ = try engine.run("MATCH (x:B {name: 'a'}) SET x += {n: null, m: 'new'}")
    XCTAssertEqual(try rows("MATCH (x:B {name: 'a'}) RETURN x.n, x.m"), [["null", "'new'"]])
    _ = try engine.run("MATCH (x:B {name: 'b'}) SET x = {k: 1}")
    XCTAssertEqual(try rows("MATCH (x:B {k: 1}) RETURN x.name, keys(x)"), [["null", "['k']"]])
    _ = try engine.run("MATCH (x:B) REMOVE x.k")
    XCTAssertEqual(try rows("MATCH (x:B) WHERE x.k IS NOT NULL RETURN x"), [])
  }

  func testDeleteNeedsDetachForConnectedNodesAndWritesNothingOnError() throws {
    _ = try engine.run("CREATE (:P {name: 'p'})-[:KNOWS]->(:P {name: 'q'})")
    XCTAssertEqual(code("MATCH (x:P {name: 'p'}) DELETE x"), "DeleteConnectedNode")
    XCTAssertEqual(try rows("MATCH (x:P) RETURN count(x)"), [["2"]])
    _ = try engine.run("MATCH (x:P {name: 'p'}) DETACH DELETE x")
    XCTAssertEqual(try rows("MATCH (x:P) RETURN x.name"), [["'q'"]])
    XCTAssertEqual(try rows("MATCH ()-[r]->() RETURN count(r)"), [["0"]])
    XCTAssertEqual(code("MATCH (x:P) DELETE x RETURN x.name"), "DeletedEntityAccess")
  }

  func testMergeMatchesOrCreatesOnce() throws {
    let first = try engine.run(
      "UNWIND [1, 2, 2] AS i MERGE (n:N {i: i}) ON CREATE SET n.created = true RETURN n.i")
    XCTAssertEqual(first.statistics.nodesCreated, 2)
    XCTAssertEqual(first.rows.count, 3)
    _ = try engine.run("MERGE (n:N {i: 1}) ON MATCH SET n.seen = 1 ON CREATE SET n.seen = 0")
    XCTAssertEqual(
      try rows("MATCH (n:N) RETURN n.i, n.created, n.seen ORDER BY n.i"),
      [
        ["1", "true", "1"], ["2", "true", "null"],
      ])
    _ = try engine.run("MATCH (a:N {i: 1}), (b:N {i: 2}) MERGE (a)-[:R]->(b) MERGE (a)-[:R]->(b)")
    XCTAssertEqual(try rows("MATCH ()-[r:R]->() RETURN count(r)"), [["1"]])
    XCTAssertEqual(code("MERGE (n:N {i: null})"), "MergeReadOwnWrites")
  }

  func testUnionAndBuiltInProcedures() throws {
    _ = try engine.run("CREATE (:A {x: 1})-[:T]->(:B {y: 2})")
    XCTAssertEqual(try rows("RETURN 1 AS v UNION RETURN 1 AS v UNION RETURN 2 AS v"), [["1"], ["2"]])
    XCTAssertEqual(try rows("RETURN 1 AS v UNION ALL RETURN 1 AS v"), [["1"], ["1"]])
    XCTAssertEqual(code("RETURN 1 AS a UNION RETURN 1 AS b"), "DifferentColumnsInUnion")
    XCTAssertEqual(
      code("RETURN 1 AS a UNION RETURN 1 AS a UNION ALL RETURN 1 AS a"), "InvalidClauseComposition")
    XCTAssertEqual(try rows("CALL db.labels()"), [["'A'"], ["'B'"]])
    XCTAssertEqual(try rows("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t"), [["'T'"]])
    XCTAssertEqual(
      try rows("CALL db.propertyKeys() YIELD propertyKey WHERE propertyKey > 'x' RETURN propertyKey"),
      [["'y'"]])
    XCTAssertEqual(code("CALL db.nothing()"), "ProcedureNotFound")
    XCTAssertThrowsError(try engine.run("CALL db.label()")) {
      XCTAssertEqual(($0 as? KgshError)?.hint, "did you mean db.labels?")
    }
    XCTAssertThrowsError(try engine.run("CALL nothing.at.all()")) {
      XCTAssertEqual(
        ($0 as? KgshError)?.hint,
        "the procedures are db.labels, db.relationshipTypes, db.propertyKeys, kgsh.shortestPath, kgsh.allShortestPaths"
      )
    }
  }

  func testDeclaredProcedureMatchesItsTableRows() throws {
    engine.procedures["test.p"] = .table(
      name: "test.p", inputs: [.init("in", "INTEGER?")], outputs: [.init("out", "STRING?")],
      rows: [[.int(1), .string("one")], [.int(2), .string("two")], [.null, .string("none")]])
    XCTAssertEqual(
      try rows("UNWIND [2, null] AS i CALL test.p(i) YIELD out RETURN out"), [["'two'"], ["'none'"]])
    XCTAssertEqual(code("CALL test.p('x')"), "InvalidArgumentType")
    XCTAssertEqual(code("CALL test.p(1, 2)"), "InvalidNumberOfArguments")
    XCTAssertEqual(code("MATCH (n) CALL test.p YIELD out RETURN out"), "InvalidArgumentPassingMode")
  }

  func testWritesToBuiltInKnowledgeAreRecordedNotErased() throws {
    _ = try engine.run("CREATE (:Lab {name: 'Built'})")
    try store.write { try $0.execute("UPDATE node SET layer = 'builtin'") }
    _ = try engine.run("MATCH (n:Lab) SET n.x = 1")
    XCTAssertEqual(try rows("MATCH (n:Lab) RETURN n.name, n.x"), [["'Built'", "1"]])
    _ = try engine.run("MATCH (n:Lab) DETACH DELETE n")
    XCTAssertEqual(try rows("MATCH (n:Lab) RETURN n.name"), [])
    let kinds = try store.changes().map { "\($0.kind.rawValue) \($0.targetType.rawValue)" }
    XCTAssertEqual(kinds, ["retract entity", "correct entity", "assert entity"], "every write is a record")
  }
}

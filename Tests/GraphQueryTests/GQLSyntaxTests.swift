import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// What Neo4j 5 and GQL add to openCypher and people type: label expressions, WHERE inside
/// patterns, NULLS FIRST/LAST, OFFSET, ORDER BY / SKIP / LIMIT as clauses, COLLECT { } and
/// elementId().
final class GQLSyntaxTests: XCTestCase {
  var engine: QueryEngine!

  override func setUpWithError() throws {
    engine = QueryEngine(store: try KnowledgeStore.inMemory())
    _ = try engine.run(
      "CREATE (a:Co:Lab {name: 'A', n: 3}), (b:Co {name: 'B', n: 1}), (c:Lab {name: 'C'}), "
        + "(d:Fund {name: 'D', n: 2}), (d)-[:INVESTS {amount: 5}]->(a), (d)-[:INVESTS {amount: 1}]->(b)")
  }

  func rows(_ text: String) throws -> [[String]] { try engine.tckRows(text) }

  func names(_ text: String) throws -> [String] { try rows(text).map { $0[0] } }

  func refusal(_ text: String) -> String { engine.errorMessage(text) }

  func testLabelExpressions() throws {
    let cases: [(String, [String])] = [
      ("Co|Lab", ["'A'", "'B'", "'C'"]), ("Co&Lab", ["'A'"]), ("Co&!Lab", ["'B'"]), ("!Co", ["'C'", "'D'"]),
      ("(Co|Fund)&!Lab", ["'B'", "'D'"]), ("%", ["'A'", "'B'", "'C'", "'D'"]),
      ("Lab|:Fund", ["'A'", "'C'", "'D'"]),
    ]
    for (expression, expected) in cases {
      XCTAssertEqual(try names("MATCH (x:\(expression)) RETURN x.name ORDER BY x.name"), expected, expression)
      // A count of one pattern is answered from the index only when it can be: the same numbers.
      XCTAssertEqual(try rows("MATCH (x:\(expression)) RETURN count(x)"), [["\(expected.count)"]], expression)
    }
    XCTAssertEqual(try rows("MATCH (:Fund)-->(x:Co&!Lab) RETURN x.name"), [["'B'"]])
    // A label expression that names the labels a node must have one of scans only those.
    for (expression, start) in [
      ("Co|Fund", "start x: labels :Co or :Fund"), ("Co&!Lab", "start x: label :Co"),
      ("(Co|Fund)&!Lab", "start x: labels :Co or :Fund"), ("!Co", "start x: scan all nodes"),
    ] {
      let plan = try engine.explain("MATCH (x:\(expression)) RETURN x")
      XCTAssertTrue(plan.contains(start), "\(expression): \(plan)")
    }
    XCTAssertEqual(
      refusal("CREATE (x:Co|Lab)"),
      "CREATE cannot use a label expression (|, &, !, %) or WHERE inside a node pattern; give the labels as :A:B or :$(x)"
    )
  }

  /// A label expression in WHERE or RETURN, as in a node pattern; inside a comprehension's
  /// WHERE, where `|` starts the mapping, its `|` needs parentheses.
  func testLabelExpressionsInExpressions() throws {
    XCTAssertEqual(
      try names("MATCH (x) WHERE x:Co|Fund RETURN x.name ORDER BY x.name"), ["'A'", "'B'", "'D'"])
    XCTAssertEqual(try names("MATCH (x) WHERE x:Lab&!Co RETURN x.name"), ["'C'"])
    XCTAssertEqual(
      try rows("MATCH (x {name: 'B'}) RETURN x:Co|Lab, x:!Co, x:%"), [["true", "false", "true"]])
    XCTAssertEqual(try rows("MATCH ()-[r]->() WHERE r:INVESTS|OWNS RETURN count(r)"), [["2"]])
    XCTAssertEqual(
      try rows(
        "MATCH (x) WITH x ORDER BY x.name RETURN [y IN collect(x) WHERE y:Co | y.name] AS a, "
          + "[y IN collect(x) WHERE y:(Co|Fund) | y.name] AS b"), [["['A', 'B']", "['A', 'B', 'D']"]])
    XCTAssertEqual(try rows("RETURN reduce(s = 0, x IN [1, 2] | s + x) AS sum"), [["3"]])
  }

  /// GQL type predicates: `IS ::`, `IS NOT ::`, `::`; every nullable type holds null.
  func testTypePredicates() throws {
    let cases: [(String, String)] = [
      ("1 IS :: INTEGER", "true"), ("1.5 IS :: INT", "false"), ("null IS :: STRING", "true"),
      ("null IS :: STRING NOT NULL", "false"), ("null IS :: NULL", "true"), ("1 IS :: NULL", "false"),
      ("'a' IS NOT :: STRING", "false"), ("'a' :: STRING", "true"), ("1.5 IS :: INTEGER | FLOAT", "true"),
      ("[1, 2] IS :: LIST<INTEGER>", "true"), ("[1, 'a'] IS :: LIST<INTEGER>", "false"),
      ("[1, 'a'] IS :: LIST<INTEGER | STRING>", "true"), ("[1, null] IS :: LIST<INTEGER NOT NULL>", "false"),
      ("[] IS :: LIST<NOTHING>", "true"), ("{a: 1} IS :: MAP", "true"), ("true IS :: BOOLEAN", "true"),
      ("date('2025-07-28') IS :: DATE", "true"),
      ("datetime('2025-07-28T10:00Z') IS :: ZONED DATETIME", "true"),
      ("localdatetime('2025-07-28T10:00') IS :: TIMESTAMP WITHOUT TIME ZONE", "true"),
      ("duration('P1D') IS :: DURATION", "true"), ("[1, 2] IS :: PROPERTY VALUE", "true"),
      ("[1, 'a'] IS :: PROPERTY VALUE", "false"), ("1 IS :: ANY<STRING | BOOLEAN>", "false"),
      ("1 IS :: ANY", "true"), ("1 IS :: NOTHING", "false"),
    ]
    for (test, expected) in cases { XCTAssertEqual(try rows("RETURN \(test) AS t"), [[expected]], test) }
    XCTAssertEqual(
      try names("MATCH (x) WHERE x.n IS :: INTEGER NOT NULL RETURN x.name ORDER BY x.name"),
      ["'A'", "'B'", "'D'"])
    XCTAssertEqual(
      try rows("MATCH (x {name: 'A'})-[r]-(y) RETURN x :: NODE, r :: RELATIONSHIP, y :: EDGE"),
      [["true", "true", "false"]])
    XCTAssertEqual(
      refusal("RETURN 1 IS :: WIDGET"),
      "a type such as INTEGER, FLOAT, STRING, BOOLEAN, DATE, LIST<STRING>, NODE or MAP, found 'WIDGET'")
  }

  func testWhereInsidePatterns() throws {
    XCTAssertEqual(try names("MATCH (x:Co WHERE x.n > 1) RETURN x.name"), ["'A'"])
    XCTAssertEqual(
      try rows("MATCH (f)-[r:INVESTS WHERE r.amount > 2]->(x) RETURN f.name, x.name"), [["'D'", "'A'"]])
    // In an EXISTS pattern and a pattern comprehension too.
    XCTAssertEqual(
      try names("MATCH (x) WHERE EXISTS { (x)<-[r WHERE r.amount < 2]-() } RETURN x.name"), ["'B'"])
    XCTAssertEqual(try rows("MATCH (f:Fund) RETURN [(f)-->(x WHERE x.n > 2) | x.name]"), [["['A']"]])
    XCTAssertEqual(
      refusal("MATCH (:Co WHERE true) RETURN 1"),
      "a WHERE inside a node pattern needs the node's variable, e.g. (n WHERE n.founded_date > '2020')")
    // Inside a variable-length relationship the condition holds for each relationship.
    XCTAssertEqual(try names("MATCH (a)-[r*1..2 WHERE r.amount > 2]->(b) RETURN b.name"), ["'A'"])
    XCTAssertEqual(
      refusal("MERGE (x:Co WHERE x.n = 1)"),
      "MERGE cannot use a label expression (|, &, !, %) or WHERE inside a node pattern; give the labels as :A:B or :$(x)"
    )
  }

  /// Cypher 25's FILTER, LET and FINISH, and GQL's shortest-path selectors (the rest:
  /// PathSelectorTests).
  func testFilterLetFinishAndPathSelectors() throws {
    XCTAssertEqual(
      try rows(
        "MATCH (x) FILTER x.n > 1 LET double = x.n * 2, label = x.name + double RETURN label ORDER BY label"),
      [["'A6'"], ["'D4'"]])
    XCTAssertEqual(try names("MATCH (x) FILTER WHERE x:Fund RETURN x.name"), ["'D'"])
    XCTAssertEqual(try engine.run("MATCH (x) FINISH").rows.count, 0)
    _ = try engine.run("CREATE (:Made {name: 'E'}) FINISH")
    XCTAssertEqual(try names("MATCH (x:Made) RETURN x.name"), ["'E'"])
    XCTAssertEqual(refusal("MATCH (x) FINISH RETURN x"), "FINISH must be the last clause")
    for selector in ["ANY SHORTEST", "SHORTEST 1", "ALL SHORTEST", "SHORTEST 1 GROUPS"] {
      XCTAssertEqual(
        try rows("MATCH p = \(selector) ({name: 'A'})-[:INVESTS]-+({name: 'B'}) RETURN length(p)"), [["2"]],
        selector)
    }
  }

  func testNullsFirstOrLastAndOffset() throws {
    XCTAssertEqual(try names("MATCH (x) RETURN x.n ORDER BY x.n"), ["1", "2", "3", "null"])
    XCTAssertEqual(try names("MATCH (x) RETURN x.n ORDER BY x.n NULLS FIRST"), ["null", "1", "2", "3"])
    XCTAssertEqual(try names("MATCH (x) RETURN x.n ORDER BY x.n DESC"), ["null", "3", "2", "1"])
    XCTAssertEqual(try names("MATCH (x) RETURN x.n ORDER BY x.n DESC NULLS LAST"), ["3", "2", "1", "null"])
    // A descending order led by a null says which column it was, by expression or alias.
    XCTAssertEqual(try engine.run("MATCH (x) RETURN x.n ORDER BY x.n DESC").nullsLead, "x.n")
    XCTAssertEqual(try engine.run("MATCH (x) RETURN x.n AS size ORDER BY size DESC").nullsLead, "size")
    for quiet in [
      "MATCH (x) RETURN x.n ORDER BY x.n DESC NULLS FIRST", "MATCH (x) RETURN x.n ORDER BY x.n",
      "MATCH (x) WHERE x.n IS NOT NULL RETURN x.n ORDER BY x.n DESC",
      "MATCH (x) RETURN x.name ORDER BY x.n DESC",
    ] {
      XCTAssertNil(try engine.run(quiet).nullsLead, quiet)
    }
    XCTAssertEqual(try names("MATCH (x) RETURN x.name ORDER BY x.name OFFSET 1 LIMIT 2"), ["'B'", "'C'"])
    XCTAssertEqual(try names("MATCH (x) RETURN x.name ORDER BY x.name LIMIT 2 OFFSET 1"), ["'B'", "'C'"])
  }

  /// Neo4j 5.24 and GQL: ORDER BY, SKIP / OFFSET and LIMIT as clauses of their own.
  func testOrderSkipAndLimitStandAlone() throws {
    XCTAssertEqual(try names("MATCH (x) ORDER BY x.name DESC LIMIT 2 RETURN x.name"), ["'D'", "'C'"])
    XCTAssertEqual(try names("MATCH (x:Co) ORDER BY x.n OFFSET 1 RETURN x.name"), ["'A'"])
    XCTAssertEqual(try names("UNWIND [3, 1, 2] AS v LIMIT 2 RETURN v"), ["3", "1"])
    XCTAssertEqual(try names("UNWIND [3, 1, 2] AS v SKIP 1 ORDER BY v RETURN v"), ["1", "2"])
    // A WITH's own tail is its own; an ORDER BY after its WHERE is a clause of its own.
    XCTAssertEqual(try names("MATCH (x) WITH x WHERE x.n > 1 ORDER BY x.n RETURN x.name"), ["'D'", "'A'"])
    let plan = try engine.explain("MATCH (x) ORDER BY x.name DESC LIMIT 2 RETURN x.name")
    XCTAssertTrue(plan.hasSuffix("WITH * ORDER BY 1 key LIMIT\nRETURN x.name"), plan)
    XCTAssertTrue(try engine.explain("MATCH (x) FINISH").hasSuffix("\nFINISH"))
    XCTAssertEqual(
      refusal("MATCH (x) ORDER BY count(*) RETURN x"),
      "ORDER BY can only aggregate when the projection aggregates")
  }

  func testCollectSubqueryAndElementID() throws {
    XCTAssertEqual(
      try rows(
        "MATCH (f:Fund) RETURN COLLECT { MATCH (f)-[r]->(x) RETURN x.name ORDER BY r.amount DESC } AS backed"),
      [["['A', 'B']"]])
    XCTAssertEqual(
      refusal("MATCH (f) RETURN COLLECT { MATCH (f)-->(x) RETURN x.name, x.n } AS two"),
      "a COLLECT subquery ends with RETURN of one column, e.g. COLLECT { MATCH (n)-->(m) RETURN m.name }")
    XCTAssertEqual(
      refusal("MATCH (f) RETURN COLLECT { CREATE (x) RETURN x } AS made"),
      "a COLLECT subquery cannot change the graph")
    let ids = try rows("MATCH (x {name: 'A'}) RETURN id(x), elementId(x)")
    XCTAssertEqual(ids.first?[1], "'\(ids.first?[0] ?? "")'")
  }

  /// `||` joins strings and lists (GQL); `!` and `&&` from other languages get Cypher's word.
  static let groupBy =
    "Cypher has no GROUP BY: RETURN groups by its items that are not aggregates, e.g. RETURN n.founded, count(*)"

  func testConcatenationAndOtherLanguagesOperators() throws {
    XCTAssertEqual(
      try rows("MATCH (x {name: 'A'}) RETURN x.name || '-' || 'z', [1] || [2, 3], null || 'q'"),
      [["'A-z'", "[1, 2, 3]", "null"]])
    XCTAssertEqual(
      refusal("MATCH (x {name: 'A'}) RETURN x.n || 'z'"),
      "|| joins two strings or two lists, not an Integer and a String")
    for (text, hint) in [
      ("RETURN !true", "Cypher writes NOT x, not !x"),
      ("RETURN true && false", "Cypher writes a AND b, not a && b"),
      ("MATCH (x) WHERE x.n == 1 RETURN x", "Cypher compares with one =: write a = b, not a == b"),
      ("MATCH (x) RETURN x.n, count(*) GROUP BY x.n", Self.groupBy),
      ("MATCH (x) RETURN x.n, group BY x.n", Self.groupBy),
      ("MATCH (x) RETRUN x", "did you mean RETURN?"),
      ("MATCH (x) WERE x.n > 1 RETURN x", "did you mean WHERE?"),
      (
        "MATCH (x) WHERE x.name LIKE 'A%' RETURN x",
        "Cypher has no LIKE: write CONTAINS 'Zh', STARTS WITH 'Zh', ENDS WITH 'AI', or =~ '(?i).*zh.*'"
      ),
      ("MATCH (x) WHERE x.name IN ('A', 'B') RETURN x", "a list is written in brackets: x IN ['a', 'b']"),
      (
        "MATCH (x) RETURN x LIMIT 1, 2",
        "LIMIT and SKIP take one number each: SKIP 10 LIMIT 20 skips 10 rows, then keeps 20"
      ),
      ("MATCH (x) RETURN x.n AS 'n'", "a column name with spaces or symbols goes in backticks: AS `my name`"),
      (
        "MATCH (x) RETURN x.*",
        "properties(n) gives all of n's properties as a map, n {.*} as a map projection"
      ),
    ] {
      XCTAssertThrowsError(try engine.run(text)) { XCTAssertEqual(($0 as? KgshError)?.hint, hint, text) }
    }
    for (text, hint) in [
      ("RETURN substr('abc', 1)", "Cypher writes substring(s, start, length)"),
      ("RETURN lenght([1])", "did you mean length?"),
      ("RETURN frobnicate(1)", nil),
    ] {
      XCTAssertThrowsError(try engine.run(text)) { XCTAssertEqual(($0 as? KgshError)?.hint, hint, text) }
    }
    XCTAssertThrowsError(try engine.run("CALL db.schema.visualization()")) {
      XCTAssertEqual(
        ($0 as? KgshError)?.hint,
        "the shell's relations --schema shows which labels each relation type connects, and labels LABEL what a label's facts say"
      )
    }
    XCTAssertThrowsError(try engine.run("RETURN apoc.coll.sort([2, 1])")) {
      XCTAssertTrue(($0 as? KgshError)?.hint?.hasPrefix("APOC is a Neo4j plugin, not part of Cypher") == true)
    }
    // SQL's ORDER BY 1 is Cypher's constant: the query runs, and says so.
    let byNumber = try engine.run("MATCH (x) RETURN x.name AS name ORDER BY 1")
    XCTAssertEqual(
      byNumber.warnings,
      [
        "ORDER BY 1 sorts by the number 1, not by a column, so the order is unchanged; name what to sort by, "
          + "e.g. ORDER BY name"
      ])
    XCTAssertEqual(try engine.run("MATCH (x) RETURN x.name ORDER BY x.name").warnings, [])
  }
}

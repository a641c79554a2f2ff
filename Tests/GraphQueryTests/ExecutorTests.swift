import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

final class ExecutorTests: XCTestCase {
  var store: KnowledgeStore!
  var engine: QueryEngine!

  override func setUpWithError() throws {
    store = try KnowledgeStore.inMemory()
    engine = QueryEngine(store: store)
  }

  func rows(_ text: String, _ parameters: [String: ResultValue] = [:]) throws -> [[String]] {
    try engine.run(text, parameters: parameters).rows.map { $0.map(tckDescription) }
  }

  func testCreateThenMatch() throws {
    let created = try engine.run("CREATE (a:A {name: 'a'})-[:T {w: 1}]->(b:B {name: 'b'}), (b)-[:T]->(:C)")
    XCTAssertEqual(created.statistics.nodesCreated, 3)
    XCTAssertEqual(created.statistics.relationshipsCreated, 2)
    XCTAssertEqual(
      try rows("MATCH (x:A)-[r:T]->(y)-->(z) RETURN x.name, r.w, y, labels(z)"),
      [["'a'", "1", "(:B {name: 'b'})", "['C']"]])
    XCTAssertEqual(try rows("MATCH (x)-[*1..2]->(z:C) RETURN x.name ORDER BY x.name"), [["'a'"], ["'b'"]])
  }

  func testNullLogicAndAggregation() throws {
    _ = try engine.run("UNWIND [1, 2, null, 4] AS v CREATE ({v: v})")
    XCTAssertEqual(
      try rows("MATCH (n) RETURN count(*), count(n.v), sum(n.v), min(n.v), max(n.v), avg(n.v)"),
      [["4", "3", "7", "1", "4", "2.3333333333333335"]])
    XCTAssertEqual(
      try rows("RETURN null AND false, null OR true, null = null, NOT null, 1 IN [null, 1]"),
      [["false", "true", "null", "null", "true"]])
    XCTAssertEqual(try rows("MATCH (n) WHERE n.v IS NULL RETURN count(*)"), [["1"]])
  }

  func testOrderingAcrossTypes() throws {
    XCTAssertEqual(
      try rows("UNWIND [null, 'b', 2, true, 1.5, [1], {a: 1}] AS x RETURN x ORDER BY x"),
      [["{a: 1}"], ["[1]"], ["'b'"], ["true"], ["1.5"], ["2"], ["null"]])
    // exists() of a pattern, Cypher 4's spelling of a pattern predicate.
    _ = try engine.run("CREATE (:E {name: 'e1'})-[:T]->(:E {name: 'e2'})")
    XCTAssertEqual(
      try rows("MATCH (e:E) RETURN e.name, exists((e)-[:T]->()) ORDER BY e.name"),
      [["'e1'", "true"], ["'e2'", "false"]])
    // After DISTINCT only the returned columns can be sorted on; the error says what to do.
    XCTAssertThrowsError(try engine.run("UNWIND [{n: 'a', v: 2}] AS m RETURN DISTINCT m.n ORDER BY m.v")) {
      let error = $0 as? KgshError
      XCTAssertEqual(error?.code, "UndefinedVariable")
      XCTAssertEqual(
        error?.hint, "sort by a column it returns, or add what the sort reads as a column (... AS key)")
    }
  }

  func testParametersAndErrors() throws {
    _ = try engine.run("CREATE (:P {name: 'x'})")
    XCTAssertEqual(try rows("MATCH (p:P) WHERE p.name = $n RETURN p.name", ["n": .string("x")]), [["'x'"]])
    XCTAssertThrowsError(try engine.run("MATCH (p) RETURN q")) { error in
      let e = error as? KgshError
      XCTAssertEqual(e?.code, "UndefinedVariable")
      XCTAssertEqual(e?.position, SourcePosition(line: 1, column: 18))
    }
    XCTAssertThrowsError(try engine.run("CREATE (a)-[:T|U]->(b)"))
    XCTAssertThrowsError(try engine.run("MATCH (n) RETURN n LIMIT -1"))
  }

  func testRegularExpressionsMatchTheWholeStringAndABadOneSaysHowToEscape() throws {
    _ = try engine.run("UNWIND ['Zhipu AI', 'MiniMax', 'Kimi (beta)', 'Zhi'] AS n CREATE (:C {name: n})")
    // Two patterns in one query each keep their own compiled form.
    XCTAssertEqual(
      try rows("MATCH (c) WHERE c.name =~ 'Zh.*I' OR c.name =~ 'M.*' RETURN c.name ORDER BY c.name"),
      [["'MiniMax'"], ["'Zhipu AI'"]])
    XCTAssertEqual(try rows(#"MATCH (c) WHERE c.name =~ '.*\\(beta\\)' RETURN c.name"#), [["'Kimi (beta)'"]])
    XCTAssertEqual(try rows("RETURN 'x' =~ null, null =~ 'x', 1 =~ 'x'"), [["null", "null", "null"]])
    XCTAssertThrowsError(try engine.run("MATCH (c) WHERE c.name =~ '(' RETURN c")) { error in
      let e = error as? KgshError
      XCTAssertEqual(e?.message, "invalid regular expression '('")
      XCTAssertEqual(e?.code, "InvalidArgumentValue")
      XCTAssertTrue(e?.hint?.contains(#"n.name =~ '.*\\(beta\\)'"#) ?? false, e?.hint ?? "no hint")
    }
  }

  func testANegativeSubstringArgumentIsNamed() throws {
    XCTAssertThrowsError(try engine.run("RETURN substring('abc', -1)")) { error in
      XCTAssertEqual(
        (error as? KgshError)?.message, "substring() got a negative start (-1); positions count from 0")
    }
    XCTAssertThrowsError(try engine.run("RETURN substring('abc', 1, -2)")) { error in
      XCTAssertEqual((error as? KgshError)?.message, "substring() got a negative length (-2)")
    }
    XCTAssertEqual(try rows("RETURN substring('智谱AI', 1, 2), left('智谱AI', 1)"), [["'谱A'", "'智'"]])
  }

  /// `n {.name, .*, key: expr, var}`: a map of the node's properties, computed values and
  /// variables; null for a null node.
  func testMapProjection() throws {
    _ = try engine.run("CREATE (:P {name: 'Ada', born: 1815})-[:KNOWS {since: 1833}]->(:P {name: 'Charles'})")
    XCTAssertEqual(
      try rows("MATCH (p:P {name: 'Ada'}) WITH p, 7 AS n RETURN p {.name, twice: p.born * 2, n} AS m"),
      [["{n: 7, name: 'Ada', twice: 3630}"]])
    XCTAssertEqual(
      try rows("MATCH (p:P {name: 'Ada'}) RETURN p {.*, name: 'A.', .missing} AS m"),
      [["{born: 1815, missing: null, name: 'A.'}"]])
    XCTAssertEqual(try rows("MATCH ()-[r:KNOWS]->() RETURN r {.since} AS m"), [["{since: 1833}"]])
    XCTAssertEqual(
      try rows("OPTIONAL MATCH (q:Nobody) RETURN q {.name} AS m, q {} AS e"), [["null", "null"]])
    XCTAssertEqual(
      try rows("MATCH (p:P) RETURN p {.name} AS m ORDER BY m.name"),
      [["{name: 'Ada'}"], ["{name: 'Charles'}"]])
    // A projection and properties() are maps: their keys read like properties.
    XCTAssertEqual(
      try rows("MATCH (p:P {name: 'Ada'}) RETURN p {.name}.name AS a, properties(p).born AS b"),
      [["'Ada'", "1815"]])
    XCTAssertThrowsError(try engine.run("MATCH (p:P) RETURN p {name: } AS m"))
  }

  /// A map projection that aggregates groups by its variable, as Neo4j's documented
  /// `actor {.name, movies: collect(movie.title)}` does; other variables stay refused.
  func testMapProjectionThatAggregatesGroupsByItsVariable() throws {
    _ = try engine.run(
      "CREATE (a:P {name: 'Ada'}), (b:P {name: 'Bob'}), (c:P {name: 'Cy'}), "
        + "(a)-[:KNOWS]->(b), (a)-[:KNOWS]->(c), (b)-[:KNOWS]->(c)")
    XCTAssertEqual(
      try rows(
        "MATCH (p:P)-[:KNOWS]->(f) WITH p, f ORDER BY f.name "
          + "RETURN p {.name, friends: collect(f.name), n: count(*)} AS m ORDER BY m.name"),
      [["{friends: ['Bob', 'Cy'], n: 2, name: 'Ada'}"], ["{friends: ['Cy'], n: 1, name: 'Bob'}"]])
    // No rows in, no groups out: grouping by p, not one global group.
    XCTAssertEqual(try rows("MATCH (p:Nobody)-->(f) RETURN p {.name, n: count(f)} AS m"), [])
    XCTAssertThrowsError(
      try engine.run("MATCH (p:P)-->(f) RETURN p {.name, other: f.name, n: count(*)} AS m")
    ) {
      XCTAssertEqual(
        ($0 as? KgshError)?.message, "'f' is used next to an aggregate but is not a grouping key")
    }
  }

  func testRangeRefusesAListTooLargeToHold() throws {
    // A billion numbers asked for 64 GB at once and stopped the shell.
    XCTAssertThrowsError(try engine.run("RETURN range(1, 1000000000)")) { error in
      XCTAssertEqual(
        (error as? KgshError)?.message,
        "range(1, 1000000000) would make 1000000000 numbers, more than the 10 million one list may hold; "
          + "use a smaller range or a larger step")
    }
    XCTAssertThrowsError(try engine.run("RETURN range(-9223372036854775807, 9223372036854775807, 3)"))
    XCTAssertEqual(
      try rows("RETURN size(range(1, 10000000)), range(10, 1, -4), range(5, 1)"),
      [["10000000", "[10, 6, 2]", "[]"]])
  }

  func testReduceFoldsAListWithAnAccumulator() throws {
    XCTAssertEqual(
      try rows(
        """
        UNWIND [2, 3] AS k
        RETURN k, reduce(acc = k, x IN range(1, 3) | acc * x) AS product,
               reduce(s = '', w IN ['a', 'b'] | s + w) AS text, reduce(s = 0, x IN null | s + x) AS none
        """),
      [["2", "12", "'ab'", "null"], ["3", "18", "'ab'", "null"]])
    XCTAssertThrowsError(try engine.run("RETURN reduce(s = 0, x IN [1] | s + count(x))"))
    XCTAssertThrowsError(try engine.run("RETURN reduce(s = 0, x IN [1] | s + y)"))
    XCTAssertThrowsError(try engine.run("RETURN reduce(s = 0, x IN 5 | s + x)")) { error in
      XCTAssertEqual((error as? KgshError)?.message, "IN of reduce() cannot be applied to an Integer")
    }
    // A variable named reduce is still a variable.
    XCTAssertEqual(try rows("WITH 1 AS reduce RETURN reduce"), [["1"]])
  }

  func testIntegerEdgesAreOverflowErrorsNotCrashes() throws {
    for query in [
      "RETURN abs(-9223372036854775807 - 1)", "RETURN (-9223372036854775807 - 1) / -1",
      "RETURN reduce(s = 0, x IN [9223372036854775807, 1] | s + x)",
    ] {
      XCTAssertThrowsError(try engine.run(query), query) { error in
        XCTAssertEqual((error as? KgshError)?.code, "IntegerOverflow", query)
      }
    }
    XCTAssertEqual(try rows("RETURN (-9223372036854775807 - 1) % -1"), [["0"]])
  }

  func testNullComparisonsOfDifferentTypesAreCountedWithTheirProperty() throws {
    _ = try engine.run("CREATE (:A {d: '2019'}), (:A {d: '2021-12'}), (:A {d: 7})")
    let result = try engine.run("MATCH (a:A) WHERE a.d > date('2020-01-01') RETURN a")
    XCTAssertEqual(result.rows.count, 0)
    XCTAssertEqual(
      result.incomparable,
      [
        IncomparableComparison(left: "String", right: "Date", leftKey: "d", rightKey: nil, count: 2),
        IncomparableComparison(left: "Integer", right: "Date", leftKey: "d", rightKey: nil, count: 1),
      ])
    XCTAssertEqual(result.incomparable[0].conversion, "date()")
    XCTAssertEqual(result.incomparable[1].conversion, nil)
    // Comparisons with null, and comparisons that order, are not counted.
    XCTAssertEqual(
      try engine.run("MATCH (a:A) WHERE a.d > '2020' OR a.nope < 1 RETURN a").incomparable,
      [IncomparableComparison(left: "Integer", right: "String", leftKey: "d", rightKey: nil, count: 1)])
  }

  func testStoreNodesExposeNameAliasesAndFacts() throws {
    try store.write { w in
      let z = try w.upsertNode(key: "zhipu", name: "Zhipu AI", labels: ["Company"])
      try w.addAlias(z, "智谱")
      let i = try w.upsertNode(key: "fund", name: "Big Fund", labels: ["Investor"])
      try w.addEdge(i, "invests_in", z)
      try w.addFact(
        FactDraft(
          nodeID: z, predicate: "employees", valueType: "number", value: "800",
          provenance: Provenance(asOf: "2024")))
      try w.addFact(
        FactDraft(
          nodeID: z, predicate: "employees", valueType: "number", value: "1000",
          provenance: Provenance(asOf: "2025")))
    }
    XCTAssertEqual(
      try rows(
        "MATCH (i:Investor)-[:invests_in]->(c {name: 'Zhipu AI'}) RETURN i.name, c.key, c.employees, c.aliases"
      ),
      [["'Big Fund'", "'zhipu'", "1000", "['智谱']"]])
    let plan = try engine.explain("MATCH (i:Investor)-[:invests_in]->(c:Company {name: 'Zhipu AI'}) RETURN i")
    XCTAssertTrue(plan.contains("start c: key/name index lookup"), plan)
    XCTAssertTrue(plan.contains("expand (c)<-[:invests_in]-(i)"), plan)
  }

  /// A plan names what UNWIND unwinds and what WITH keeps, as written (a long list shortened).
  func testExplainShowsUnwindListsAndWithItems() throws {
    let plan = try engine.explain("UNWIND range(1, 3) AS x WITH x, x * 2 AS y WHERE y > 2 RETURN y")
    XCTAssertEqual(plan, "UNWIND range(1, 3) AS x\nWITH x, y + WHERE\nRETURN y")
    let long = try engine.explain(
      "UNWIND [" + (1...30).map(String.init).joined(separator: ", ") + "] AS n RETURN n")
    XCTAssertEqual(long.split(separator: "\n").first, "UNWIND [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,… AS n")
  }

  func testCreatedNodeWithoutNameHasNullName() throws {
    _ = try engine.run("CREATE (:X {v: 1})")
    XCTAssertEqual(try rows("MATCH (n:X) RETURN n.name, keys(n)"), [["null", "['v']"]])
  }

  func testWriteIsAllOrNothing() throws {
    XCTAssertThrowsError(try engine.run("CREATE (a:A) WITH a UNWIND [1, 0] AS d RETURN 1 / d"))
    XCTAssertEqual(try rows("MATCH (n) RETURN count(n)"), [["0"]])
  }
}

/// The typed-range and intersection fast paths must give the same rows as the general
/// expansion, including parallel edges, self-loops and edges already used by the pattern.
final class FastPathTests: XCTestCase {
  func testTrianglesMatchTheGeneralPath() throws {
    let store = try KnowledgeStore.inMemory()
    let engine = QueryEngine(store: store)
    _ = try engine.run(
      """
      CREATE (i:I {n: 'i'}), (j:I {n: 'j'}), (a:C {n: 'a'}), (b:C {n: 'b'}), (c:C {n: 'c'}),
        (i)-[:INV]->(a), (i)-[:INV]->(a), (i)-[:INV]->(b), (j)-[:INV]->(b), (j)-[:INV]->(c),
        (a)-[:COMP]->(b), (b)-[:COMP]->(c), (c)-[:COMP]->(c), (j)-[:INV]->(c), (a)-[:COMP]->(a),
        (i)-[:OTHER]->(b)
      """)
    // A second engine reads the committed graph fresh, so its edge lists are sorted.
    let fresh = QueryEngine(store: store)
    func rows(_ q: String) throws -> [[String]] {
      try fresh.run(q).rows.map { $0.map(tckDescription) }
    }
    let queries = [
      "MATCH (i)-[:INV]->(a)-[:COMP]->(b)<-[:INV]-(i) RETURN i.n, a.n, b.n ORDER BY i.n, a.n, b.n",
      "MATCH (i)-[r:INV]->(a)-[:COMP]->(b)<-[s:INV]-(i) RETURN count(*), count(DISTINCT i)",
      "MATCH (a)-[:COMP]->(b) RETURN a.n, b.n ORDER BY a.n, b.n",
      "MATCH (x)<-[:INV]-(i)-[:INV]->(y) RETURN x.n, y.n, i.n ORDER BY x.n, y.n, i.n",
    ]
    for q in queries {
      // `:INV|NONE` has two types, which keeps the matcher on its general path.
      let general = q.replacingOccurrences(of: ":INV]", with: ":INV|NONE]")
        .replacingOccurrences(of: ":COMP]", with: ":COMP|NONE]")
      XCTAssertEqual(try rows(q), try rows(general), q)
      XCTAssertFalse(try rows(q).isEmpty, q)
    }
    XCTAssertEqual(
      try rows("MATCH (i)-[:INV]->(a)-[:COMP]->(b)<-[:INV]-(i) RETURN count(*)"), [["8"]],
      "2 (i, a->b: two i->a edges) + 2 (i, a->a: ordered pairs of distinct i->a edges) "
        + "+ 2 (j, b->c: two j->c edges) + 2 (j, c->c: ordered pairs of distinct j->c edges)")
  }
}

extension FastPathTests {
  /// A node created by the query itself has no rows in the loaded graph's sorted edge lists.
  func testMatchingFromANodeCreatedInTheSameQuery() throws {
    let store = try KnowledgeStore.inMemory()
    _ = try QueryEngine(store: store).run("CREATE (:A {n: 1})-[:T]->(:B)")
    let engine = QueryEngine(store: store)
    let result = try engine.run("CREATE (x:X) WITH x MATCH (x)-[:T]->(y) RETURN count(y)")
    XCTAssertEqual(result.rows.map { $0.map(tckDescription) }, [["0"]])
  }
}

extension FastPathTests {
  /// A hub with hundreds of investors merged against a node with a few: the galloping merge
  /// skips ahead and must find exactly the shared ones.
  func testSkewedIntersectionsMatchTheGeneralPath() throws {
    let store = try KnowledgeStore.inMemory()
    let setup = QueryEngine(store: store)
    _ = try setup.run("CREATE (:Hub {n: 'hub'}), (:Small {n: 'small'})")
    _ = try setup.run("UNWIND range(1, 300) AS k CREATE (:I {k: k})")
    _ = try setup.run("MATCH (i:I), (h:Hub) CREATE (i)-[:INV]->(h)")
    _ = try setup.run(
      "MATCH (i:I), (s:Small) WHERE i.k % 97 = 0 OR i.k = 1 OR i.k = 300 CREATE (i)-[:INV]->(s)")
    _ = try setup.run("MATCH (h:Hub), (s:Small) CREATE (h)-[:COMP]->(s), (s)-[:COMP]->(h)")
    let fresh = QueryEngine(store: store)
    for q in [
      "MATCH (i)-[:INV]->(a)-[:COMP]->(b)<-[:INV]-(i) RETURN a.n, b.n, i.k ORDER BY a.n, i.k",
      "MATCH (i)-[:INV]->(a)-[:COMP]->(b)<-[:INV]-(i) RETURN count(*)",
    ] {
      let general = q.replacingOccurrences(of: ":INV]", with: ":INV|NONE]")
      let fast = try fresh.run(q).rows.map { $0.map(tckDescription) }
      XCTAssertEqual(fast, try fresh.run(general).rows.map { $0.map(tckDescription) }, q)
      XCTAssertFalse(fast.isEmpty, q)
    }
    XCTAssertEqual(
      try fresh.run("MATCH (i)-[:INV]->(a)-[:COMP]->(b)<-[:INV]-(i) RETURN count(*)").rows.map {
        $0.map(tckDescription)
      }, [["10"]], "5 investors of both (k = 1, 97, 194, 291, 300), in both directions")
  }
}

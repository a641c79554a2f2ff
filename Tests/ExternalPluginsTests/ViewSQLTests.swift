import Foundation
import GraphQuery
import KnowledgeGraph
import PluginProtocol
import ShellCore
import ShellTesting
import XCTest

@testable import ExternalPlugins

/// The `query` call of protocol 1.1: read-only SQL over the documented `kg_*_v1` views, with
/// everything else refused by SQLite's authorizer (not by looking at keywords).
final class ViewSQLTests: XCTestCase {
  nonisolated(unsafe) static var shared: EngineCalls?

  func calls() throws -> EngineCalls {
    if let c = Self.shared { return c }
    let t = try TestShell(plugins: [], store: try Repository.defaultStore())
    let c = EngineCalls(plugin: "p", features: [], session: t.session, version: .current)
    Self.shared = c
    return c
  }

  func rows(_ sql: String, _ params: [WireValue] = []) throws -> RowsResponse {
    let reply = try calls().answer(try .call(QueryRequest(sql: sql, params: params), id: 1))
    if let error = reply.error { XCTFail("\(sql): \(error)") }
    return try XCTUnwrap(reply.result).decode(RowsResponse.self)
  }

  func refused(_ sql: String, _ params: [WireValue] = []) throws -> String {
    let reply = try calls().answer(try .call(QueryRequest(sql: sql, params: params), id: 1))
    XCTAssertNil(reply.result, "\(sql) should be refused")
    return reply.error ?? ""
  }

  func testEveryViewIsReadableWithItsDocumentedColumns() throws {
    let expected: [String: [String]] = [
      "kg_entity_v1": ["key", "name", "description", "props", "labels", "layer"],
      "kg_label_v1": ["entity", "label"],
      "kg_alias_v1": ["entity", "alias", "norm", "layer"],
      "kg_fact_v1": [
        "key", "entity", "predicate", "value", "value_type", "number", "unit", "currency", "qualifier",
        "as_of",
        "source", "quote", "status", "ref", "note", "layer",
      ],
      "kg_edge_v1": [
        "key", "src", "type", "dst", "props", "as_of", "source", "quote", "status", "ref", "layer",
      ],
      "kg_source_v1": [
        "key", "kind", "title", "publisher", "url", "published", "reliability", "note", "layer",
      ],
    ]
    XCTAssertEqual(Set(expected.keys), Set(KnowledgeStore.pluginViews))
    for (view, columns) in expected {
      let r = try rows("SELECT * FROM \(view) LIMIT 1")
      XCTAssertEqual(r.columns, columns, view)
      XCTAssertEqual(r.rows.count, 1, view)
    }
  }

  func testViewsJoinAggregateAndBindParameters() throws {
    let r = try rows(
      """
      SELECT e.name, count(*) AS n FROM kg_edge_v1 x JOIN kg_entity_v1 e ON e.key = x.src
      WHERE x.dst = ? AND x.type = ? GROUP BY e.name ORDER BY e.name LIMIT 1
      """, ["zhipu", "INVESTS_IN"])
    XCTAssertEqual(r.columns, ["name", "n"])
    XCTAssertEqual(r.rows.count, 1)
    XCTAssertEqual(
      try rows("SELECT labels FROM kg_entity_v1 WHERE key = ?", ["zhipu"]).rows, [[#"["Company","Lab"]"#]])
    let count = try rows("SELECT count(*) FROM kg_entity_v1").rows.first?.first
    guard case .int(let n)? = count else { return XCTFail("count: \(String(describing: count))") }
    XCTAssertGreaterThan(n, 100)
    XCTAssertEqual(
      try rows("WITH t AS (SELECT alias FROM kg_alias_v1 WHERE entity = 'zhipu') SELECT count(*) > 0 FROM t")
        .rows,
      [[1]], "a CTE over a view is fine")
    XCTAssertEqual(try rows("SELECT json_extract('{\"a\":1}', '$.a') AS a").rows, [[1]])
  }

  func testInternalTablesAreRefusedWhateverTheSpelling() throws {
    let message = "plugin SQL may read only the kg_*_v1 views; 'node' is internal to kgsh"
    XCTAssertEqual(try refused("SELECT key FROM node"), message)
    XCTAssertEqual(try refused("SELECT count(*) FROM node"), message)
    XCTAssertEqual(try refused("select k from (SELECT \"key\" AS k FROM \"NODE\")"), message)
    XCTAssertEqual(try refused("SELECT name FROM kg_entity_v1 WHERE key IN (SELECT key FROM node)"), message)
    XCTAssertEqual(
      try refused("WITH kg_entity_v1 AS (SELECT predicate FROM fact) SELECT * FROM kg_entity_v1"),
      "plugin SQL may read only the kg_*_v1 views; 'fact' is internal to kgsh",
      "a CTE named like a view does not get the view's rights")
    XCTAssertEqual(
      try refused("WITH kg_source_v1 AS (SELECT id FROM source) SELECT * FROM kg_source_v1"),
      "plugin SQL may read only the kg_*_v1 views; 'source' is internal to kgsh",
      "nor may it read columns the view does not read")
    XCTAssertEqual(
      try refused("SELECT predicate FROM fact"),
      "plugin SQL may read only the kg_*_v1 views; 'fact' is internal to kgsh")
    XCTAssertTrue(
      try refused("SELECT name FROM sqlite_master").contains("'sqlite_master' is internal to kgsh"))
    let search = try refused("SELECT * FROM search WHERE search MATCH 'zhipu'")
    XCTAssertTrue(search.hasPrefix("plugin SQL may read only the kg_*_v1 views; 'search"), search)
    XCTAssertTrue(try refused("SELECT * FROM dbstat").contains("'dbstat' is internal"))
  }

  func testNothingButOneSelectRuns() throws {
    XCTAssertEqual(try refused("PRAGMA table_info(node)"), "plugin SQL may not run PRAGMA table_info")
    XCTAssertEqual(
      try refused("SELECT * FROM pragma_table_info('node')"),
      "plugin SQL may read only the kg_*_v1 views; 'pragma_table_info' is internal to kgsh")
    XCTAssertEqual(
      try refused("DELETE FROM node"), "plugin SQL is read-only and may only SELECT from the kg_*_v1 views")
    XCTAssertEqual(
      try refused("DELETE FROM kg_fact_v1"), "SQL error: cannot modify kg_fact_v1 because it is a view")
    XCTAssertEqual(
      try refused("SELECT load_extension('x')"), "plugin SQL may not call the function load_extension()")
    XCTAssertEqual(
      try refused("SELECT 1; SELECT 2"), "plugin SQL runs one statement at a time")
    XCTAssertEqual(
      try refused("SELECT key FROM kg_entity_v1 WHERE key = ?"),
      "the statement has 1 parameter but 0 values were given")
    XCTAssertTrue(try refused("SELEC 1").hasPrefix("SQL error: near \"SELEC\": syntax error"))
    XCTAssertEqual(try rows("SELECT 1; ").rows, [[1]], "a trailing semicolon is fine")
  }

  func testAFileStoreIsReadThroughItsOwnReadOnlyConnection() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-views-\(UUID()).sqlite")
      .path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let store = try KnowledgeStore.open(path: path)
    try store.allowingWrites { _ = try QueryEngine(store: store).run("CREATE (:Company {name: 'Filed'})") }
    let result = try store.viewQuery(
      "SELECT name, labels FROM kg_entity_v1 WHERE name = ?", arguments: [.string("Filed")])
    XCTAssertEqual(result.rows, [[.string("Filed"), .string(#"["Company"]"#)]])
    XCTAssertThrowsError(try store.viewQuery("SELECT * FROM node")) { error in
      XCTAssertTrue("\(error)".contains("'node' is internal to kgsh"), "\(error)")
    }
    let stopped = try? store.viewQuery(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
      isInterrupted: { true })
    XCTAssertNil(stopped, "an endless query stops when interrupted")
  }
}

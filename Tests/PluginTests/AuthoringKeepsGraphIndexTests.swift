import Foundation
import QueryPlugin
import ShellCore
import ShellTesting
import XCTest

@testable import KnowledgeGraph
@testable import KnowledgePlugin

/// Keeping a knowledge base current is mostly sources and facts: those commands leave the
/// graph's token alone, so a big graph's saved index stays valid for the next query; the
/// commands that change entities, names or relations replace it.
final class AuthoringKeepsGraphIndexTests: XCTestCase {
  override func setUp() { setenv("KGSH_AUTHOR", "ada", 1) }
  override func tearDown() { unsetenv("KGSH_AUTHOR") }

  func stamp(_ t: TestShell) throws -> String {
    try t.session.store.read { try GraphIndexStamp.current($0) }
  }

  func testSourceAndFactCommandsKeepTheTokenAndGraphCommandsReplaceIt() throws {
    let t = try TestShell(
      plugins: [KnowledgePlugin.plugin, AuthoringPlugin.plugin],
      store: try AuthoringTests.sharedBase().copyInMemory())
    let start = try stamp(t)
    for line in [
      "source add s1 --title 'Notice' --kind filing",
      "fact add Zhipu ipo_raise 'HK$4.3 bn' --source s1 --quote '募資43億港元' --as-of 2026-01-08",
      "fact correct F0001 2026-01-09 --source s1 --quote 'listed on 9 January'",
      "fact retract F0002 --reason 'wrong day'",
      "undo",
    ] {
      XCTAssertTrue(t.run(line), "\(line): \(t.errors)")
      XCTAssertEqual(try stamp(t), start, line)
    }
    var last = start
    for line in [
      "entity add kuaishou --label Company --name Kuaishou --alias 快手",
      "alias add Zhipu 'Beijing Zhipu'",
      "link Zhipu LISTED_ON HKEX --source s1 --quote '正式在港交所掛牌上市' --as-of 2026-01-08",
      "undo",
    ] {
      XCTAssertTrue(t.run(line), "\(line): \(t.errors)")
      let now = try stamp(t)
      XCTAssertNotEqual(now, last, line)
      last = now
    }
  }

  /// A Cypher SET of properties writes the node's or the relationship's row only; a label
  /// changes what the index holds.
  func testCypherPropertyWritesKeepTheTokenAndLabelWritesReplaceIt() throws {
    let t = try TestShell(
      plugins: [KnowledgePlugin.plugin, QueryPlugin.plugin],
      store: try AuthoringTests.sharedBase().copyInMemory())
    let start = try stamp(t)
    for line in [
      "match (n {name: 'Zhipu AI'}) set n.founded = 2019 return n.founded",
      "match (n {name: 'Zhipu AI'}) remove n.founded return n.name",
      "match (n {name: 'Zhipu AI'})-[r]->() set r.checked = true return count(r)",
    ] {
      XCTAssertTrue(t.run(line), "\(line): \(t.errors)")
      XCTAssertEqual(try stamp(t), start, line)
    }
    XCTAssertTrue(t.run("match (n {name: 'Zhipu AI'}) set n:Listed return n.name"), t.errors)
    XCTAssertNotEqual(try stamp(t), start, "a label added")
    XCTAssertTrue(t.run("match (n {name: 'Zhipu AI'}) return labels(n)"), t.errors)
    XCTAssertTrue(t.output.contains("Listed"), t.output)
  }
}

import Foundation
import KnowledgeGraph
import QueryPlugin
import ShellCore
import ShellTesting
import XCTest

@testable import KnowledgePlugin
@testable import ScriptingPlugin

/// Cypher writes on the knowledge base go through the change log: CREATE, SET, REMOVE and
/// DELETE are records with their author; a deleted node's facts are retracted, not erased;
/// `undo` takes a statement back.
final class CypherChangeLogTests: XCTestCase {
  override func setUp() { setenv("KGSH_AUTHOR", "ada", 1) }
  override func tearDown() { unsetenv("KGSH_AUTHOR") }

  func shell() throws -> TestShell {
    try TestShell(
      plugins: [KnowledgePlugin.plugin, AuthoringPlugin.plugin, QueryPlugin.plugin, ScriptingPlugin.plugin],
      store: try AuthoringTests.sharedBase().copyInMemory())
  }

  func userChanges(_ t: TestShell) throws -> [ChangeRecord] { try t.session.store.changes(layers: [.user]) }

  func testSetIsARecordedCorrectionAndUndoTakesItBack() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run("match (n:Company {name: 'Zhipu AI'}) set n.motto = 'open models' return n.motto"), t.errors)
    let records = try userChanges(t)
    XCTAssertEqual(records.map { "\($0.kind.rawValue) \($0.target) \($0.author)" }, ["correct zhipu ada"])
    XCTAssertEqual(try t.session.store.node(key: "zhipu")?.props["motto"], .string("open models"))
    XCTAssertEqual(try t.session.store.node(key: "zhipu")?.name, "Zhipu AI", "the name is untouched")
    // The history says what the correction changed.
    XCTAssertTrue(t.run("match (n:Company {name: 'Zhipu AI'}) set n:Pioneer remove n:Lab"), t.errors)
    XCTAssertEqual(
      ChangeHistory.summary(try userChanges(t)[0]), "Zhipu AI: +Pioneer; -Lab")
    XCTAssertEqual(
      ChangeHistory.summary(try userChanges(t)[1]), "Zhipu AI: motto = open models")
    XCTAssertTrue(t.run("undo"), t.errors)
    XCTAssertTrue(t.run("undo"), t.errors)
    XCTAssertNil(try t.session.store.node(key: "zhipu")?.props["motto"])
  }

  func testSettingAFactPredicateIsRefusedWithTheFactCommand() throws {
    let t = try shell()
    XCTAssertFalse(t.run("match (n:Company {name: 'Zhipu AI'}) set n.listing_date = '2027-01-01'"))
    XCTAssertTrue(
      t.errors.contains("listing_date is a sourced fact") && t.errors.contains("fact correct"), t.errors)
    XCTAssertTrue(try userChanges(t).isEmpty)
  }

  func testDetachDeleteRetractsTheFactsAndUndoRestoresThem() throws {
    let t = try shell()
    let model = try XCTUnwrap(try t.session.store.node(key: "glm-4.5"))
    let facts = try t.session.store.facts(of: model.id).compactMap(\.key)
    XCTAssertFalse(facts.isEmpty)
    XCTAssertTrue(t.run("match (m:Model {name: 'GLM-4.5'}) detach delete m"), t.errors)
    XCTAssertNil(try t.session.store.node(key: "glm-4.5"))
    for fact in facts {
      let history = try t.session.store.changes(about: fact)
      XCTAssertEqual(history.first?.kind, .retract, fact)
      XCTAssertEqual(history.first?.payload.field("reason"), "deleted by a Cypher DELETE")
    }
    XCTAssertTrue(t.run("undo"), t.errors)
    let back = try XCTUnwrap(try t.session.store.node(key: "glm-4.5"))
    XCTAssertEqual(Set(try t.session.store.facts(of: back.id).compactMap(\.key)), Set(facts))
  }

  func testCreateRecordsRefusesTakenNamesAndTakesASource() throws {
    let t = try shell()
    XCTAssertFalse(t.run("create (:Company {name: 'Zhipu AI'})"))
    XCTAssertTrue(
      t.errors.contains("a new node may not take the name 'Zhipu AI': it already names Zhipu AI (zhipu)")
        && t.errors.contains("--new"), t.errors)
    XCTAssertTrue(try userChanges(t).isEmpty, "nothing was created")
    XCTAssertTrue(
      t.run("create --source article (:Company {name: 'Acme'})-[:PARTNERS_WITH]->(:Lab {name: 'Beta'})"),
      t.errors)
    let records = try userChanges(t)
    XCTAssertEqual(Set(records.map(\.targetType)), [.entity, .edge])
    XCTAssertTrue(records.allSatisfy { $0.payload.field("source") == "article" && $0.author == "ada" })
    XCTAssertTrue(t.run("create --new (:Company {name: 'Zhipu AI'})"), t.errors)
    XCTAssertFalse(t.run("create --source nowhere (:Company {name: 'Gamma'})"))
    XCTAssertTrue(t.errors.contains("no source nowhere"), t.errors)
  }

  /// The line after a write says what SET, REMOVE and DELETE did ("no changes" before, while
  /// they had written).
  func testTheSummarySaysWhatSetRemoveAndDeleteChanged() throws {
    let t = try shell()
    func said(_ query: String) -> String {
      let before = t.output.count
      XCTAssertTrue(t.run(query), t.errors)
      return String(t.output.dropFirst(before)).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    XCTAssertEqual(
      said("create (:Company {name: 'Acme'})-[:PARTNERS_WITH]->(:Lab {name: 'Beta'})"),
      "created 2 nodes, 1 relationship")
    XCTAssertEqual(said("match (n {name: 'Acme'}) set n.city = 'Oslo', n.size = 3"), "changed 2 properties")
    XCTAssertEqual(said("match (n {name: 'Acme'}) set n.size = 3"), "no changes", "the same value again")
    XCTAssertEqual(said("match (n {name: 'Acme'}) remove n.city"), "changed 1 property")
    XCTAssertEqual(
      said("match (n {name: 'Acme'}) set n:Partner:Vendor remove n:Company"),
      "added 2 labels; removed 1 label")
    XCTAssertEqual(said("match ({name: 'Acme'})-[r]->() set r.since = 2024"), "changed 1 property")
    XCTAssertEqual(said("match (n {name: 'Acme'}) detach delete n"), "deleted 1 node, 1 relationship")
    XCTAssertEqual(said("match (n {name: 'Beta'}) delete n"), "deleted 1 node")
    // An entity's facts go with it, and the line says so (it said only "deleted 1 node").
    let facts = try t.session.store.facts(key: "F0001").count
    XCTAssertEqual(facts, 1)
    let zhipuFacts = try t.session.store.facts(of: try t.session.resolve("Zhipu AI").id).count
    XCTAssertEqual(
      said("match (n {key: 'zhipu'}) detach delete n").components(separatedBy: "; ").last,
      "retracted \(zhipuFacts) facts of the deleted entity, which history ENTITY keeps and undo brings back"
    )
  }

  /// SET n.name may not take a name another entity answers to, as CREATE may not.
  func testSettingANameAnotherEntityHasIsRefused() throws {
    let t = try shell()
    XCTAssertTrue(t.run("create (:Company {name: 'Acme'})"), t.errors)
    let before = try userChanges(t).count
    XCTAssertFalse(t.run("match (n {name: 'Acme'}) set n.name = 'zhipu ai'"))
    XCTAssertTrue(
      t.errors.contains("SET may not give _c-")
        && t.errors.contains("the name 'zhipu ai': it already names Zhipu AI (zhipu); nothing was changed"),
      t.errors)
    XCTAssertEqual(try userChanges(t).count, before, "nothing was written")
    guard case .found(let zhipu) = try t.session.store.resolve("Zhipu AI") else {
      return XCTFail("'Zhipu AI' no longer finds one entity")
    }
    XCTAssertEqual(zhipu.key, "zhipu")
    // Its own name in another spelling is no conflict.
    XCTAssertTrue(t.run("match (n {name: 'Acme'}) set n.name = 'ACME'"), t.errors)
  }
}

/// `profile QUERY`: the result, then the rows each clause passed on.
final class ProfileCommandTests: XCTestCase {
  func testProfileCountsTheRowsOfEachClause() throws {
    let t = try TestShell(plugins: [QueryPlugin.plugin], store: try KnowledgeStore.inMemory())
    XCTAssertTrue(
      t.run("create (:Lab {name: 'A'}), (:Lab {name: 'B'}), (:Lab {name: 'C'}), (:Company {name: 'D'})"),
      t.errors)
    let p = try TestShell(plugins: [QueryPlugin.plugin], store: t.session.store)
    let start = p.output.count
    p.session.format = .json
    p.session.jsonBatch = []
    XCTAssertTrue(
      p.run("profile match (l:Lab) where l.name <> 'B' with l order by l.name limit 1 return l.name as name"),
      p.errors)
    p.shell.finishJSON()
    guard case .map(let out) = try JSON.decode(String(p.output.dropFirst(start))),
      case .list(let steps)? = out["profile"]
    else { return XCTFail(p.output) }
    let rows = steps.compactMap { step -> String? in
      guard case .map(let m) = step else { return nil }
      return "\(m["clause"]?.plainText ?? "?") \(m["rows"]?.plainText ?? "?")"
    }
    XCTAssertEqual(rows, ["MATCH 2", "WITH 1", "RETURN 1"])
    XCTAssertEqual(out["result"], .list([.map(["name": .string("A")])]))
  }
}

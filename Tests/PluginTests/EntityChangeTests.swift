import Foundation
import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

@testable import KnowledgePlugin

/// `entity correct` and `entity retract`: an entity's own fields and the entity itself, as
/// change records that history lists and undo takes back.
extension ChangeCommandsTests {
  func testEntityCorrectChangesNameDescriptionAndLabelsAndUndoRestoresThem() throws {
    let t = try shell()
    refused(t, "entity correct baai", "give --name, --description or --label")
    refused(t, "entity correct baai --name 智谱", "'智谱' already names Zhipu AI (zhipu)")
    refused(t, "entity correct Nobody --name X", "no entity named 'Nobody'")
    refused(t, "entity correct baai --label Lab --label Organization", "already reads so; nothing to correct")
    let before = try XCTUnwrap(t.session.store.node(key: "baai"))
    XCTAssertTrue(
      t.run("entity correct BAAI --name 'BAAI Institute' --description 'A research institute' --label lab"),
      t.errors)
    XCTAssertTrue(t.output.hasSuffix("description  A research institute\nauthor       ada\n"), t.output)
    let after = try XCTUnwrap(t.session.store.node(key: "baai"))
    XCTAssertEqual(after.name, "BAAI Institute")
    XCTAssertEqual(after.description, "A research institute")
    XCTAssertEqual(after.labels, ["Lab"])
    guard case .found(let found) = try t.session.store.resolve("baai institute") else {
      return XCTFail("the new name does not find it")
    }
    XCTAssertEqual(found.key, "baai")
    guard case .found(let old) = try t.session.store.resolve("Beijing Academy of Artificial Intelligence")
    else {
      return XCTFail("the old name no longer finds it")
    }
    XCTAssertEqual(old.key, "baai")
    XCTAssertEqual(try t.session.store.changes(about: "baai", limit: 2).map(\.kind), [.assert, .correct])
    XCTAssertTrue(t.run("entity correct baai --description ''"), t.errors)
    XCTAssertNil(try t.session.store.node(key: "baai")?.description)
    XCTAssertTrue(t.run("undo; undo"), t.errors)
    let restored = try XCTUnwrap(t.session.store.node(key: "baai"))
    XCTAssertEqual(restored.name, before.name)
    XCTAssertEqual(restored.description, before.description)
    XCTAssertEqual(restored.labels.sorted(), before.labels.sorted())
  }

  func testEntityRetractWithdrawsItsFactsAndRelationsAndUndoBringsThemBack() throws {
    let t = try shell()
    refused(t, "entity retract zhipu", "--reason is required")
    refused(t, "entity retract Nobody --reason x", "no entity named 'Nobody'")
    let zhipu = try XCTUnwrap(t.session.store.node(key: "zhipu"))
    let facts = try t.session.store.facts(of: zhipu.id).count
    let relations = try t.session.store.relations(of: zhipu.id).count
    XCTAssertGreaterThan(facts, 0)
    XCTAssertTrue(t.run("entity retract 智谱 --reason 'a test'"), t.errors)
    XCTAssertTrue(
      t.output.contains("relations  \(relations)\nfacts      \(facts)\nreason     a test\n"), t.output)
    // Facts of other entities whose value it is stay, and the note says so.
    XCTAssertTrue(
      t.output.contains("of other entities have Zhipu AI as their value (AutoGLM's developer, "), t.output)
    XCTAssertNil(try t.session.store.node(key: "zhipu"))
    XCTAssertEqual(try t.session.store.facts(key: "F0001").count, 0)
    refused(t, "show zhipu", "no entity named 'zhipu': it was retracted (a test)")
    // Its history is still asked for by its name.
    let before = t.output.count
    XCTAssertTrue(t.run("history 'zhipu ai' --limit 1 --format tsv"), t.errors)
    XCTAssertTrue(t.output.dropFirst(before).contains("\tretract\tentity\tzhipu\tzhipu\t"), t.output)
    XCTAssertTrue(t.run("undo"), t.errors)
    let back = try XCTUnwrap(t.session.store.node(key: "zhipu"))
    XCTAssertEqual(try t.session.store.facts(of: back.id).count, facts)
    XCTAssertEqual(try t.session.store.relations(of: back.id).count, relations)
  }
}

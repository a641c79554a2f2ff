// `alias remove`: a name taken away, recorded, and brought back by undo.
import Foundation
import KnowledgeGraph
import PricingPlugin
import ShellCore
import ShellTesting
import XCTest

@testable import KnowledgePlugin
@testable import ScriptingPlugin

extension ChangeCommandsTests {
  /// alias remove takes a name away (any script or case of it finds it), is recorded as a
  /// retraction and undone like one; an entity's own name, and names it lacks, are refused.
  func testAliasRemoveIsRecordedAndUndone() throws {
    let t = try shell()
    XCTAssertTrue(t.run("entity add acme --label Company --name Acme --alias 阿克米"), t.errors)
    XCTAssertTrue(t.run("alias add acme 'Acme Holdings'"), t.errors)
    XCTAssertTrue(t.run("alias remove acme 'ACME holdings' --reason 'not a name in use'"), t.errors)
    XCTAssertTrue(t.output.contains("Acme Holdings"), t.output)
    guard case .notFound = try t.session.store.resolve("Acme Holdings") else { return XCTFail("still found") }
    let last = try XCTUnwrap(t.session.store.changes(about: "acme").first)
    XCTAssertEqual(last.kind, .retract)
    XCTAssertEqual(last.targetType, .alias)
    XCTAssertEqual(last.payload.field("reason"), "not a name in use")
    XCTAssertTrue(t.run("undo"), t.errors)
    guard case .found(let back) = try t.session.store.resolve("Acme Holdings") else {
      return XCTFail("not back")
    }
    XCTAssertEqual(back.key, "acme")
    XCTAssertTrue(t.run("alias remove Acme 阿克米"), t.errors)
    guard case .notFound = try t.session.store.resolve("阿克米") else { return XCTFail("阿克米 still found") }
    refused(t, "alias remove acme 'Acme Holdings Ltd'", "Acme has no alias 'Acme Holdings Ltd'")
    refused(t, "alias remove acme Acme", "is the name of Acme")
    refused(t, "alias remove acme ''", "ALIAS is empty")
    refused(t, "alias remove nosuchco x", "nosuchco")
  }

  /// Simplified and traditional spellings of one name are two aliases: removing one, spelled
  /// exactly, keeps the other; a spelling that mixes the two matches both and is refused.
  func testAliasRemoveTakesTheSpellingTyped() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run("entity add zp --label Company --name ZP --alias 龙华 --alias 龍華 --alias 龙华云 --alias 龍華雲"),
      t.errors)
    XCTAssertTrue(t.run("alias remove zp 龙华"), t.errors)
    XCTAssertEqual(
      try t.session.store.aliases(of: try t.session.resolve("zp").id).sorted(),
      ["ZP", "zp", "龍華", "龍華雲", "龙华云"])
    refused(t, "alias remove zp 龙華雲", "alias remove: '龙華雲' matches 2 aliases of ZP: ")
    // With the exact spelling gone, the folded one is found.
    XCTAssertTrue(t.run("alias remove zp 龙华"), t.errors)
    XCTAssertEqual(
      try t.session.store.aliases(of: try t.session.resolve("zp").id).sorted(), ["ZP", "zp", "龍華雲", "龙华云"])
  }
}

import Foundation
import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

@testable import KnowledgePlugin
@testable import ScriptingPlugin

/// `history ENTITY|FACT-ID|SOURCE [--author A] [--since DATE]`: change records, newest first;
/// `history` and `history N` keep their session meaning.
final class ChangeHistoryTests: XCTestCase {
  override func tearDown() { unsetenv("KGSH_AUTHOR") }

  func shell() throws -> TestShell {
    try TestShell(
      plugins: [KnowledgePlugin.plugin, AuthoringPlugin.plugin, ScriptingPlugin.plugin],
      store: try AuthoringTests.sharedBase().copyInMemory())
  }

  func rows(_ t: TestShell, _ line: String) throws -> [[String: Value]] {
    let start = t.output.count
    XCTAssertTrue(t.run(line + " --format json"), t.errors)
    guard case .list(let items) = try JSON.decode(String(t.output.dropFirst(start))) else { return [] }
    return items.compactMap { if case .map(let m) = $0 { m } else { nil } }
  }

  func testHistoryListsChangesNewestFirstAndNarrows() throws {
    let t = try shell()
    setenv("KGSH_AUTHOR", "ada", 1)
    XCTAssertTrue(t.run("source add s1 --title 'Notice'"), t.errors)
    XCTAssertTrue(t.run("fact add Zhipu ipo_raise 'HK$4.3 bn' --source s1 --quote q"), t.errors)
    setenv("KGSH_AUTHOR", "bo", 1)
    XCTAssertTrue(t.run("fact add MiniMax revenue 73.1% --unsourced"), t.errors)

    let all = try rows(t, "history --changes")
    XCTAssertEqual(all.map { $0["author"] }, [.string("bo"), .string("ada"), .string("ada")])
    XCTAssertEqual(all.map { $0["target_type"] }, [.string("fact"), .string("fact"), .string("source")])

    let zhipu = try rows(t, "history 智譜 --layer user")
    XCTAssertEqual(zhipu.count, 1)
    XCTAssertEqual(zhipu.first?["change"], .string("ipo_raise = HK$4.3 bn (s1)"))
    guard case .string(let factID)? = zhipu.first?["target"] else { return XCTFail("no fact id") }
    XCTAssertEqual(try rows(t, "history \(factID)").map { $0["target"] }, [.string(factID)])
    XCTAssertEqual(try rows(t, "history s1").map { $0["change"] }, [.string("Notice")])
    let builtin = try rows(t, "history F0001")
    XCTAssertEqual(builtin.map { $0["author"] }, [.string("Knowledge/")], "built-in facts have their record")
    XCTAssertEqual(builtin.first?["layer"], .string("builtin"))
    // In 80 columns the history of one entity leaves out the entity every row names first.
    t.session.width = 80
    t.session.isTerminal = true
    let start = t.output.count
    XCTAssertTrue(t.run("history 智譜 --layer all --limit 3"), t.errors)
    let narrow = String(t.output.dropFirst(start))
    XCTAssertFalse(narrow.contains("│ entity"), narrow)
    XCTAssertTrue(narrow.contains("author, target_type, entity, layer, id)"), narrow)
    t.session.width = nil
    t.session.isTerminal = false
    // A built-in money fact reads as money, not as its normal form's digits.
    XCTAssertEqual(
      try rows(t, "history F0325").first?["change"], .string("revenue = ¥312.4 m (ref-cnyes-219742)"))
    XCTAssertEqual(try rows(t, "history --author BO").map { $0["entity"] }, [.string("minimax")])
    XCTAssertEqual(try rows(t, "history --since 2000-01").count, 3)
    XCTAssertEqual(try rows(t, "history --since 2999-01").count, 0)
    XCTAssertEqual(try rows(t, "history MiniMax --author ada").count, 0)

    // --limit keeps the newest and says when older ones exist.
    XCTAssertEqual(try rows(t, "history --limit 2").map { $0["author"] }, [.string("bo"), .string("ada")])
    let before = t.output.count
    XCTAssertTrue(t.run("history --author ada --limit 1"), t.errors)
    XCTAssertTrue(
      t.output.hasSuffix("limit reached: the 1 newest record shown, more exist; raise --limit\n"), t.output)
    let exact = t.output.count
    XCTAssertTrue(t.run("history --author ada --limit 2"), t.errors)
    XCTAssertFalse(t.output.dropFirst(exact).contains("limit reached"), t.output)
    XCTAssertTrue(t.output.dropFirst(before).contains("ada"))
  }

  func testRefusalsAndTheSessionMeaningStays() throws {
    let t = try shell()
    XCTAssertFalse(t.run("history NoSuchThing"))
    XCTAssertTrue(t.errors.contains("NoSuchThing"), t.errors)
    XCTAssertFalse(t.run("history --since soon"))
    XCTAssertTrue(t.errors.contains("--since"), t.errors)
    XCTAssertTrue(t.run("history Zhipu --layer user"), t.errors)
    XCTAssertTrue(
      t.output.contains(
        "no changes in the user layer; the records of Knowledge/ are in the built-in layer: "
          + "add --layer builtin or --layer all"), t.output)
    // The whole log leaves the built-in layer out by default, and its empty answer says where they are.
    let whole = t.output.count
    XCTAssertTrue(t.run("history --changes"), t.errors)
    XCTAssertTrue(
      t.output.dropFirst(whole).contains("no changes by people; the records of Knowledge/"), t.output)
    t.session.history = ["labels --format csv"]
    let start = t.output.count
    XCTAssertTrue(t.run("history"), t.errors)
    XCTAssertTrue(t.output.dropFirst(start).contains("labels --format csv"), t.output)
    XCTAssertFalse(t.run("history 0"))
    XCTAssertTrue(t.errors.contains("pick 1 to 1"), t.errors)
  }
}

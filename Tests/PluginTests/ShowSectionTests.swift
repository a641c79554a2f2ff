import Foundation
import GraphPlugin
import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

@testable import KnowledgePlugin

/// `show --section` and the order of a card's facts.
final class ShowSectionTests: XCTestCase {
  func shell() throws -> TestShell {
    try TestShell(plugins: [KnowledgePlugin.plugin], store: try Repository.defaultStore())
  }

  func testASectionAloneIsThatPartOfTheCard() throws {
    let t = try shell()
    XCTAssertTrue(t.run("show Zhipu --section sources --format json"), t.errors)
    let sources = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(t.output.utf8)) as? [[String: Any]])
    XCTAssertFalse(sources.isEmpty)
    XCTAssertNotNil(sources[0]["citations"], t.output)
    let bad = try shell()
    XCTAssertFalse(bad.run("show Zhipu --section fact"))
    XCTAssertTrue(bad.errors.contains("did you mean 'facts'?"), bad.errors)
  }

  func testTheFactsPeopleAskForComeFirst() throws {
    let t = try shell()
    XCTAssertTrue(t.run("show Zhipu --section facts --format csv"), t.errors)
    let predicates = t.output.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
    let asked = predicates.filter { ShowCommand.keyPredicates.contains($0) }
    XCTAssertFalse(asked.isEmpty, t.output)
    XCTAssertEqual(Array(predicates.prefix(asked.count)), asked, "key facts first:\n\(t.output)")
    let rest = Array(predicates.dropFirst(asked.count))
    XCTAssertEqual(rest, rest.sorted(), "then alphabetical")
  }

  /// Two things a person said on one day are two statements, not a disagreement: the card
  /// shows both (it showed one, with "1 older value", and a conflicts section of the two).
  func testStatementsAreEachShownAndDoNotConflict() throws {
    let t = try shell()
    XCTAssertTrue(t.run("show 梁文锋 --format csv"), t.errors)
    let said = t.output.split(separator: "\n").filter { $0.hasPrefix("said,") }
    XCTAssertEqual(said.count, 2, t.output)
    XCTAssertTrue(said.allSatisfy { $0.hasSuffix(",0,false") }, "\(said)")
    XCTAssertFalse(t.output.contains("# conflicts"), t.output)
    // A real disagreement (two founding dates of DeepSeek) is still one.
    let u = try shell()
    XCTAssertTrue(u.run("show DeepSeek --section conflicts --format csv"), u.errors)
    XCTAssertTrue(u.output.contains(",founded_date,"), u.output)
  }

  /// A card cut short by --limit shows the first rows of the whole card, says how many there
  /// are, and still has every group fact and every source.
  func testALimitedCardKeepsItsGroupsAndSources() throws {
    func card(_ command: String) throws -> [String: Any] {
      let t = try shell()
      XCTAssertTrue(t.run(command + " --format json"), t.errors)
      return try XCTUnwrap(
        JSONSerialization.jsonObject(with: Data(t.output.utf8)) as? [String: Any], t.output)
    }
    let whole = try card("show MiniMax")
    let cut = try card("show MiniMax --limit 2")
    let all = try XCTUnwrap(whole["relations"] as? [[String: Any]])
    let first = try XCTUnwrap(cut["relations"] as? [[String: Any]])
    XCTAssertGreaterThan(all.count, 13, "its MEMBER_OF rows come after the second")
    XCTAssertEqual(first.count, 2)
    XCTAssertEqual(first as NSArray, Array(all.prefix(2)) as NSArray)
    for section in ["sources", "group facts", "facts"] {
      let wanted = try XCTUnwrap(whole[section] as? NSArray, section)
      XCTAssertEqual(cut[section] as? NSArray, wanted, section)
    }
    let t = try shell()
    XCTAssertTrue(t.run("show MiniMax --section relations --limit 2"), t.errors)
    XCTAssertTrue(t.output.contains("limit reached: 2 of \(all.count) shown; raise --limit"), t.output)
  }
}

/// `--section S` reads only what S shows; it must still be exactly that part of the whole
/// card, for cards with and without group facts and conflicts, and for one cut by --limit.
final class ShowSectionAloneTests: XCTestCase {
  func testEachSectionIsThatPartOfTheWholeCard() throws {
    let t = try TestShell(plugins: [KnowledgePlugin.plugin], store: try Repository.defaultStore())
    func json(_ command: String) throws -> Any {
      let before = t.output.utf8.count
      XCTAssertTrue(t.run(command + " --format json"), t.errors)
      let text = Data(t.output.utf8.dropFirst(before))
      return try JSONSerialization.jsonObject(with: text, options: .fragmentsAllowed)
    }
    var present: Set<String> = []
    var absent: Set<String> = []
    for show in ["show MiniMax", "show MiniMax --limit 2", "show Zhipu", "show GLM-4.5"] {
      let whole = try XCTUnwrap(try json(show) as? [String: Any], show)
      for section in ["entity", "facts", "relations", "group-facts", "conflicts", "sources"] {
        let alone = try json("\(show) --section \(section)")
        let title = section.replacingOccurrences(of: "-", with: " ")
        if let part = whole[title] {
          present.insert(section)
          XCTAssertEqual(alone as? NSObject, part as? NSObject, "\(show) --section \(section)")
        } else {
          // Left off the whole card when empty; alone, an empty table (its note goes to the terminal).
          absent.insert(section)
          XCTAssertEqual(alone as? NSArray, [], "\(show) --section \(section)")
        }
      }
    }
    XCTAssertTrue(present.isSuperset(of: ["group-facts", "conflicts"]), "\(present)")
    XCTAssertTrue(absent.isSuperset(of: ["group-facts", "conflicts"]), "\(absent)")
  }
}

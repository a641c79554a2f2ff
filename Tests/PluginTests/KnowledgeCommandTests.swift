import KnowledgeGraph
import KnowledgePlugin
import ShellCore
import ShellTesting
import XCTest

final class KnowledgeCommandTests: XCTestCase {
  func shell() throws -> TestShell {
    try TestShell(plugins: [KnowledgePlugin.plugin], store: try Repository.defaultStore())
  }

  func testEveryNameReachesTheSameCard() throws {
    var cards: [String] = []
    for name in ["智谱", "智譜", "Zhipu", "z.ai", "zhipu ai", "Knowledge Atlas"] {
      let t = try shell()
      XCTAssertTrue(t.run("show '\(name)' --format json"), t.errors)
      cards.append(t.output)
    }
    XCTAssertEqual(Set(cards).count, 1)
    guard case .map(let card) = try JSON.decode(cards[0]), case .map(let entity)? = card["entity"] else {
      return XCTFail("not a JSON object: \(cards[0])")
    }
    XCTAssertEqual(entity["key"], .string("zhipu"))
    for section in ["facts", "relations", "sources"] { XCTAssertNotNil(card[section], section) }
  }

  func testShowMarksConflicts() throws {
    let t = try shell()
    XCTAssertTrue(t.run("show Zhipu"))
    XCTAssertTrue(t.output.contains("CONFLICT"))
    XCTAssertTrue(t.output.contains("conflicts"))
  }

  func testUnknownAndTypoNames() throws {
    let t = try shell()
    XCTAssertFalse(t.run("show Zhipuu"))
    XCTAssertTrue(t.errors.contains("did you mean 'Zhipu AI'?"), t.errors)
  }

  func testFindRanksTheRightEntityFirst() throws {
    for (query, key) in [
      ("智谱", "zhipu"), ("MiniMax", "minimax"), ("月之暗面", "moonshot"), ("OpenReutor", "openrouter"),
      ("deepseek", "deepseek"),
    ] {
      let t = try shell()
      XCTAssertTrue(t.run("find \(query) --format csv"), t.errors)
      let first = t.output.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
      XCTAssertTrue(first.contains(",\(key),"), "\(query): \(first)")
    }
  }

  func testTimelineIsOrderedAndFiltered() throws {
    let t = try shell()
    XCTAssertTrue(t.run("timeline --from 2026-01-08 --to 2026-01-09 --format csv"), t.errors)
    let dates = t.output.split(separator: "\n").dropFirst().map { String($0.prefix(10)) }
    XCTAssertEqual(dates, dates.sorted())
    XCTAssertTrue(t.output.contains("Zhipu AI") && t.output.contains("MiniMax"), t.output)
  }

  func testSQLIsReadOnly() throws {
    let t = try shell()
    XCTAssertFalse(t.run("sql delete from node"))
    XCTAssertTrue(t.errors.contains("read-only"), t.errors)
  }
}

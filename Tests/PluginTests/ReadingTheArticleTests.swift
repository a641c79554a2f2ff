import Foundation
import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

@testable import KnowledgePlugin

/// Cards read claims as the article writes them: "1/6 of Claude Code", growth from a dated
/// start value, group facts on each member's card, release dates on the timeline.
final class ReadingTheArticleTests: XCTestCase {
  func run(_ command: String) throws -> Value {
    let t = try TestShell(plugins: [KnowledgePlugin.plugin], store: try Repository.defaultStore())
    XCTAssertTrue(t.run(command + " --format json"), t.errors)
    return try JSON.decode(t.output)
  }

  func rows(_ value: Value?) -> [[String: Value]] {
    guard case .list(let items)? = value else { return [] }
    return items.compactMap { if case .map(let m) = $0 { m } else { nil } }
  }

  /// An entity cell's display name (JSON gives an entity as its key and name).
  func name(_ value: Value?) -> String? {
    if case .map(let m)? = value { return m["name"]?.plainText }
    return value?.plainText
  }

  func section(_ entity: String, _ name: String) throws -> [[String: Value]] {
    guard case .map(let card) = try run("show '\(entity)'") else {
      XCTFail("not a card")
      return []
    }
    return rows(card[name])
  }

  func testAFractionClaimReadsAsWritten() throws {
    let plan = try section("GLM Coding Plan", "facts")
    let claim = try XCTUnwrap(plan.first { $0["predicate"] == .string("price_cheaper_multiple") })
    XCTAssertEqual(claim["value"], .string("1/6 of Claude Code"))
    XCTAssertEqual(claim["unit"], .null)
    let model = try section("GLM-4.5", "facts")
    let api = try XCTUnwrap(model.first { $0["predicate"] == .string("api_price_cheaper_multiple") })
    XCTAssertEqual(api["value"], .string("1/7 of Claude Sonnet 4"))
    XCTAssertEqual(api["conflict"], .bool(false), "input and output ratios are their own predicates")
    let output = try XCTUnwrap(model.first { $0["predicate"] == .string("output_price_cheaper_multiple") })
    XCTAssertEqual(output["value"], .string("1/6.8 of Claude Sonnet 4"))
  }

  func testFactsKeepTheNumberForArithmetic() throws {
    let facts = rows(try run("facts 'GLM Coding Plan' --predicate price_cheaper_multiple"))
    XCTAssertEqual(Set(facts.map { $0["value"] }), [.int(6)])
  }

  func testAGrowthClaimKeepsItsDatedStartValue() throws {
    let facts = rows(try run("facts Zhipu --predicate maas_arr"))
    let byDate = Dictionary(uniqueKeysWithValues: facts.map { ($0["as_of"]?.plainText ?? "", $0) })
    XCTAssertEqual(byDate.keys.sorted(), ["2025-03", "2026-01-08"])
    XCTAssertEqual(byDate["2025-03"]?["value"]?.plainText.filter(\.isNumber), "20000000")
    XCTAssertEqual(byDate["2026-01-08"]?["qualifier"], .string("over"))
    let card = try section("Zhipu", "facts")
    let latest = try XCTUnwrap(card.first { $0["predicate"] == .string("maas_arr") })
    XCTAssertEqual(latest["as_of"]?.plainText, "2026-01-08", "the card shows the end value")
    XCTAssertEqual(latest["older_values"], .int(1), "and says the start value is there")
  }

  func testGroupFactsAreOnEveryMembersCard() throws {
    for member in ["Zhipu", "MiniMax"] {
      let group = try section(member, "group facts")
      let burn = try XCTUnwrap(group.first { $0["predicate"] == .string("cash_burn") }, member)
      XCTAssertEqual(name(burn["group"]), "Zhipu AI and MiniMax (combined)")
      XCTAssertEqual(burn["qualifier"], .string("nearly"))
      XCTAssertEqual(group.filter { $0["predicate"] == .string("rise_year") }.count, 1, "one row per fact")
    }
    XCTAssertEqual(try section("DeepSeek", "group facts"), [], "not a member of a group")
    XCTAssertTrue(try section("Zhipu", "facts").allSatisfy { $0["predicate"] != .string("cash_burn") })
  }

  func testModelReleasesAreOnTheTimeline() throws {
    let events = rows(try run("timeline --from 2025-07 --to 2026-06"))
    // The article's and the reference tables' releases (the landscape's catalogue adds many more).
    let releases = events.filter { row in
      // An event several sources give lists them together: one of them is enough.
      let sources = (row["source"]?.plainText ?? "").components(separatedBy: ", ")
      return row["event"] == .string("release_date")
        && sources.contains { !$0.hasPrefix("ls-") && !$0.hasPrefix("modelsdev-") }
    }.map {
      "\($0["date"]?.plainText ?? "") \(name($0["entity"]) ?? "")"
    }
    XCTAssertEqual(
      releases, ["2025-07-28 GLM-4.5", "2025-09 GLM-4.6", "2025-12 GLM-4.7", "2026-06-01 MiniMax M3"])
  }
}

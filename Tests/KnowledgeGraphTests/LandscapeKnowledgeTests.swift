import Foundation
import XCTest

@testable import KnowledgeGraph

/// The AI landscape layer of Knowledge/ (issue 21): rows whose source is a landscape source
/// (`ls-…` pages and documents, `modelsdev-…` catalogue files) are sourced and well formed,
/// the coverage floors hold, and names resolve in English and in both Chinese scripts.
final class LandscapeKnowledgeTests: XCTestCase {
  static let knowledge = DefaultKnowledgeTests.root.appendingPathComponent("Knowledge").path

  /// One TSV file as dictionaries keyed by its header.
  static func rows(_ name: String) throws -> [[String: String]] {
    let text = try String(contentsOfFile: knowledge + "/" + name, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    let header = lines[0].components(separatedBy: "\t")
    return lines.dropFirst().filter { !$0.hasPrefix("#") }.map { line in
      let cells = line.components(separatedBy: "\t")
      return Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0 < cells.count ? cells[$0] : "") })
    }
  }

  static func isLandscape(_ source: String) -> Bool {
    source.hasPrefix("ls-") || source.hasPrefix("modelsdev-")
  }

  static func matches(_ text: String, _ pattern: String) -> Bool {
    text.range(of: "^(?:\(pattern))$", options: .regularExpression) != nil
  }

  static let date = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"

  func testEveryLandscapeSourceHasAnAddressPublisherAndDate() throws {
    let sources = try Self.rows("sources.tsv").filter { Self.isLandscape($0["id"]!) }
    XCTAssertGreaterThan(sources.count, 80)
    for s in sources {
      XCTAssertTrue(s["url"]!.hasPrefix("http"), "\(s["id"]!): no address")
      XCTAssertFalse(s["publisher"]!.isEmpty, "\(s["id"]!): no publisher")
      XCTAssertTrue(Self.matches(s["published"]!, Self.date), "\(s["id"]!): published '\(s["published"]!)'")
      XCTAssertTrue(
        ["news", "web", "doc", "code", "catalog"].contains(s["kind"]!), "\(s["id"]!): kind \(s["kind"]!)")
    }
  }

  func testEveryLandscapeFactAndEdgeIsQuotedAndWellFormed() throws {
    let sources = Set(try Self.rows("sources.tsv").map { $0["id"]! })
    let facts = try Self.rows("facts.tsv").filter { Self.isLandscape($0["source"]!) }
    let edges = try Self.rows("edges.tsv").filter { Self.isLandscape($0["source"]!) }
    XCTAssertGreaterThan(facts.count, 1000)
    XCTAssertGreaterThan(edges.count, 350)
    for row in facts + edges {
      let id = row["id"]!
      XCTAssertTrue(sources.contains(row["source"]!), "\(id): source \(row["source"]!) missing")
      XCTAssertFalse(row["quote"]!.trimmingCharacters(in: .whitespaces).isEmpty, "\(id): empty quote")
      let asOf = row["as_of"]!
      XCTAssertTrue(asOf.isEmpty || Self.matches(asOf, Self.date), "\(id): as_of '\(asOf)'")
    }
    for fact in facts {
      let id = fact["id"]!
      switch fact["type"]! {
      case "money":
        XCTAssertTrue(KnowledgeCheck.currencies.contains(fact["currency"]!), "\(id): currency '\(fact["currency"]!)'")
        // A plain amount, or a range low..high (FORMAT.md).
        let amount = "[0-9]+(\\.[0-9]+)?"
        XCTAssertTrue(
          Self.matches(fact["value"]!, "\(amount)(\\.\\.\(amount))?"), "\(id): amount '\(fact["value"]!)'")
      case "date":
        XCTAssertTrue(Self.matches(fact["value"]!, Self.date), "\(id): date '\(fact["value"]!)'")
      default:
        break
      }
    }
  }

  /// The issue's coverage, counted over the whole of Knowledge/ (the article layer included).
  func testCoverageFloors() throws {
    let entities = try Self.rows("entities.tsv")
    func count(_ label: String) -> Int {
      entities.filter { $0["labels"]!.components(separatedBy: ",").contains(label) }.count
    }
    let companiesAndLabs = entities.filter {
      !Set($0["labels"]!.components(separatedBy: ",")).isDisjoint(with: ["Company", "Lab"])
    }.count
    XCTAssertGreaterThanOrEqual(companiesAndLabs, 60)
    XCTAssertGreaterThanOrEqual(count("Plan"), 40)
    let facts = try Self.rows("facts.tsv")
    let released = Set(facts.filter { $0["predicate"] == "release_date" }.map { $0["subject"]! })
    XCTAssertGreaterThanOrEqual(released.count, 150)
    let rounds = Set(
      facts.filter { $0["predicate"] == "round_amount" }.map { "\($0["subject"]!) \($0["as_of"]!)" })
    XCTAssertGreaterThanOrEqual(rounds.count, 150)
  }

  func testNamesResolveInEnglishAndBothChineseScripts() throws {
    let store = try KnowledgeStore.inMemory()
    try KnowledgeLoader.ensureBuilt(store, from: Self.knowledge)
    let names: [(String, String)] = [
      // companies and labs
      ("iFlytek", "iflytek"), ("科大讯飞", "iflytek"), ("科大訊飛", "iflytek"),
      ("Baidu", "baidu"), ("百度", "baidu"), ("SoftBank", "softbank"), ("软银", "softbank"),
      ("軟銀", "softbank"), ("ASML", "asml"), ("阿斯麦", "asml"), ("阿斯麥", "asml"),
      ("中国移动", "china-mobile"), ("中國移動", "china-mobile"), ("xAI", "xai"),
      ("DeepMind", "google-deepmind"), ("谷歌DeepMind", "google-deepmind"), ("Cohere", "cohere"),
      // models
      ("文心一言", "ernie-bot"), ("讯飞星火", "spark"), ("訊飛星火", "spark"),
      ("Claude Opus 4.5", "claude-opus-4.5"), ("Qwen3 235B-A22B", "qwen3-235b-a22b"),
      ("MiniMax-M2.5", "minimax-m2.5"), ("Kimi K2.6", "kimi-k2.6"), ("GPT-5.2", "gpt-5.2"),
      // plans
      ("阿里云百炼Coding Plan Pro", "bailian-coding-plan-pro"),
      ("阿里雲百煉Coding Plan Pro", "bailian-coding-plan-pro"),
      ("千帆Coding Plan Lite", "qianfan-coding-plan-lite"), ("火山方舟Coding Plan Lite", "ark-coding-plan-lite"),
      ("GitHub Copilot Pro+", "copilot-pro-plus"), ("ChatGPT Plus", "chatgpt-plus"), ("Cursor Ultra", "cursor-ultra"),
      // people and places
      ("李彦宏", "robin-li"), ("李彥宏", "robin-li"), ("刘庆峰", "liu-qingfeng"), ("劉慶峰", "liu-qingfeng"),
      ("深交所", "szse"), ("Shenzhen Stock Exchange", "szse"),
    ]
    for (name, key) in names {
      guard case .found(let node) = try store.resolve(name) else {
        XCTFail("\(name) does not resolve to one entity")
        continue
      }
      XCTAssertEqual(node.key, key, name)
    }
  }
}

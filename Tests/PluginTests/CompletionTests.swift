import BuiltInPlugins
import Foundation
import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

/// Tab completion wherever a name is typed, over the repository's knowledge base and every
/// built-in plugin (as kgsh registers them).
final class CompletionTests: XCTestCase {
  nonisolated(unsafe) static var shared: TestShell?

  func shell() throws -> TestShell {
    if let t = Self.shared { return t }
    let t = try TestShell(plugins: BuiltIns.plugins, store: try Repository.defaultStore())
    Self.shared = t
    return t
  }

  func complete(_ line: String) throws -> CompletionResult {
    try shell().shell.complete(line: line, cursor: line.count)
  }

  /// Runs `text` and returns only what it printed.
  func output(_ t: TestShell, _ text: String) -> String {
    let before = t.output.count
    XCTAssertTrue(t.run(text), t.errors)
    return String(t.output.dropFirst(before))
  }

  func testCompareAndCostItemsAreQuotedPlanAndModelNames() throws {
    let compare = try complete("compare GLM-4.5 Claude\\ So")
    XCTAssertTrue(compare.candidates.contains("\"Claude Sonnet 4\""), "\(compare.candidates)")
    XCTAssertEqual(compare.start, "compare GLM-4.5 ".count, "replaces the escaped word as typed")
    let plan = try complete("compare 'GLM Coding Plan L")
    XCTAssertEqual(plan.candidates.first, "\"GLM Coding Plan Lite\"")
    XCTAssertFalse(plan.candidates.contains("\"GLM Coding Plan Pro\""))
    XCTAssertEqual(plan.start, "compare ".count)
    let cost = try complete("cost GLM-4")
    XCTAssertTrue(cost.candidates.contains("GLM-4.5"), "\(cost.candidates)")
    XCTAssertTrue(try complete("compare P00").candidates.contains("P001"))
    XCTAssertTrue(try complete("prices GLM-4").candidates.contains("GLM-4.5"))
  }

  func testCurrenciesPredicatesAndFactIds() throws {
    XCTAssertTrue(try complete("compare GLM-4.5 'Claude Sonnet 4' --currency C").candidates.contains("CNY"))
    let predicates = try complete("facts Zhipu --predicate listing_").candidates
    XCTAssertTrue(predicates.contains("listing_date"), "\(predicates)")
    XCTAssertTrue(try complete("cite F000").candidates.contains("F0001"))
    XCTAssertTrue(try complete("cite Zhip").candidates.contains("\"Zhipu AI\""), "cite also takes entities")
  }

  func testCypherLabelsRelationTypesAndPropertyKeys() throws {
    XCTAssertEqual(try complete("match (n:Compa").candidates, ["Company"])
    XCTAssertEqual(try complete("match (n:Compa").start, "match (n:".count)
    XCTAssertTrue(try complete("match (a)-[r:INVESTS").candidates.contains("INVESTS_IN"))
    XCTAssertFalse(try complete("match (a)-[r:INVESTS").candidates.contains("Company"))
    XCTAssertTrue(try complete("match (n:Company) return n.na").candidates.contains("name"))
    XCTAssertTrue(try complete("match (n {na").candidates.contains("name"))
    // Inside a label expression, in a pattern or in WHERE: labels, not pipeline commands.
    XCTAssertEqual(try complete("match (n:Person|La").candidates, ["Lab"])
    XCTAssertEqual(try complete("match (n) where n:Person|La").candidates, ["Lab"])
    XCTAssertEqual(try complete("match (n) where n:Person&!Compa").candidates, ["Company"])
    XCTAssertTrue(try complete("match (a)-[r:FOUNDED|INVESTS").candidates.contains("INVESTS_IN"))
    XCTAssertTrue(try complete("match (n) return n | la").candidates.contains("labels"))
    XCTAssertTrue(try complete("create (:Model {name: 'x', ke").candidates.contains("key"))
    XCTAssertEqual(try complete("match (n) where n.name = 'Zh").candidates, [])
  }

  /// Keywords in the case their first letter was typed in, functions as they are spelled,
  /// `date.` functions after the dot; nothing inside quotes or after `$`; SQL's words with
  /// the tables and columns.
  func testCypherKeywordsFunctionsAndSQLWords() throws {
    XCTAssertEqual(try complete("match (n) whe").candidates, ["where", "when"])
    XCTAssertEqual(try complete("MATCH (n) WHE").candidates, ["WHERE", "WHEN"])
    XCTAssertEqual(try complete("match (n) return toUp").candidates, ["toUpper"])
    XCTAssertEqual(try complete("return percentileC").candidates, ["percentileCont"])
    XCTAssertEqual(try complete("match (n) return n.name order by n.name lim").candidates, ["limit"])
    XCTAssertEqual(
      try complete("return date.tr").candidates.filter { $0.hasPrefix("tr") }, ["truncate", "transaction"])
    XCTAssertEqual(try complete("explain match p = shorte").candidates, ["shortest", "shortestPath"])
    XCTAssertEqual(try complete("match (n) where n.name = 'whe").candidates, [])
    XCTAssertEqual(try complete("match (n) where n.x = $whe").candidates, [])
    // The query's own variables come first, keywords and functions after.
    XCTAssertEqual(try complete("match (company:Company)-[rel]->(x) return co").candidates.first, "company")
    XCTAssertEqual(
      try complete("match (company:Company) return count(DISTINCT company) as total order by to").candidates
        .first, "total")
    XCTAssertEqual(try complete("unwind [1, 2] as item return it").candidates, ["item"])
    XCTAssertEqual(try complete("match path = (a)-->(b) return pa").candidates, ["path", "paths"])
    // A keyword after a bracket is not taken for a variable.
    XCTAssertEqual(
      try complete("match (n) return count(distinct n) as c order by DIS").candidates, ["DISTINCT"])
    XCTAssertEqual(try complete("sql sel").candidates, ["select", "seller_type"])
    XCTAssertEqual(try complete("sql select * from fa").candidates, ["fact"])
    XCTAssertTrue(try complete("sql select pred").candidates.contains("predicate"))
    XCTAssertEqual(try complete("sql select * from node where name = 'no").candidates, [])
  }

  func testPluginNames() throws {
    XCTAssertTrue(try complete("plugin remove kno").candidates.contains("knowledge"))
    XCTAssertTrue(try complete("plugin reload pri").candidates.contains("pricing"))
  }

  func testCanonicalNameComesFirst() throws {
    // Before, the 60 aliases in folded order crowded the canonical name out of the list.
    let r = try complete("path Zhipu Deep")
    XCTAssertEqual(Array(r.candidates.prefix(2)), ["DeepInfra", "DeepSeek"], "\(r.candidates)")
    XCTAssertEqual(try complete("path Zhipu DeepS").candidates.first, "DeepSeek")
    // The landscape's catalogue adds Claude Sonnet 3 and 3.x: canonical names still lead, in order.
    let sonnets = try complete("show claude\\ so").candidates
    XCTAssertEqual(sonnets.first, "\"Claude Sonnet 3\"", "\(sonnets)")
    XCTAssertTrue(sonnets.contains("\"Claude Sonnet 4\""), "\(sonnets)")
  }

  func testTheScriptTheUserTypedIsPreferred() throws {
    let simplified = try complete("show 智谱").candidates
    XCTAssertTrue(simplified.contains("智谱AI"), "\(simplified)")
    XCTAssertFalse(simplified.contains("智譜AI"), "\(simplified)")
    let plain = try complete("show 智").candidates
    XCTAssertTrue(plain.contains("智谱AI"), "\(plain)")
    let traditional = try complete("show 智譜").candidates
    XCTAssertTrue(traditional.contains("智譜AI"), "\(traditional)")
  }

  func testEscapedSpacesComplete() throws {
    let r = try complete("show Claude\\ So")
    XCTAssertTrue(r.candidates.contains("\"Claude Sonnet 4\""), "\(r.candidates)")
    XCTAssertEqual(r.start, "show ".count)
  }

  func testPlanCardPointsAtItsPrices() throws {
    let t = try shell()
    let card = output(t, "show 'GLM Coding Plan Lite'")
    XCTAssertTrue(card.contains("prices --model \"GLM Coding Plan Lite\""), card)
    XCTAssertTrue(output(t, "prices --model 'GLM Coding Plan Lite' --format csv").contains("P00"))
    XCTAssertFalse(output(t, "show Zhipu").contains("see also"), "a company's card has no price pointer")
    // A model with no price row points nowhere: prices --model would only say "no price".
    XCTAssertTrue(t.run("entity add kling --label Model --name 'Kling 2.5'"), t.errors)
    let unpriced = output(t, "show 'Kling 2.5'")
    XCTAssertTrue(unpriced.contains("Kling 2.5"), unpriced)
    XCTAssertFalse(unpriced.contains("see also"), unpriced)
  }

  func testHelpFitsTheWidthAndGroupsByPlugin() throws {
    let t = try shell()
    defer { t.session.width = nil }
    for width in [60, 100] {
      t.session.width = width
      for command in [
        "help", "help match", "help compare", "help show", "help def", "help create", "help explain",
      ] {
        let wide = output(t, command).split(separator: "\n").filter { TextWidth.of(String($0)) > width }
        XCTAssertEqual(wide, [], "\(command) at \(width)")
      }
    }
    t.session.width = 100
    let overview = output(t, "help")
    XCTAssertTrue(overview.contains("\npricing — "), overview)
    XCTAssertTrue(overview.contains("\n  compare "), overview)
    XCTAssertEqual(overview.components(separatedBy: "--format").count, 2, "--format once, as a global option")
    let match = output(t, "help match")
    XCTAssertTrue(match.contains("STARTS WITH"), match)
    XCTAssertTrue(match.contains("examples:\n  match "), match)
    XCTAssertEqual(match.components(separatedBy: "--format F").count, 2, match)
  }
}

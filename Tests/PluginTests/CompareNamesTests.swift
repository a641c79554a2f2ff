import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

@testable import PricingPlugin

/// `compare` recognises unquoted multi-word names and never compares a row with itself.
final class CompareNamesTests: XCTestCase {
  func shell() throws -> TestShell {
    try TestShell(plugins: [PricingPlugin.plugin], store: try Repository.defaultStore())
  }

  func testUnquotedMultiWordNamesAreJoined() throws {
    let quoted = try shell(), bare = try shell()
    XCTAssertTrue(quoted.run("compare 'GLM Coding Plan Lite' 'Claude Pro'"), quoted.errors)
    XCTAssertTrue(bare.run("compare GLM Coding Plan Lite Claude Pro"), bare.errors)
    XCTAssertEqual(bare.output, quoted.output)
    XCTAssertTrue(bare.output.contains("summary: GLM Coding Plan Lite"), bare.output)
  }

  /// One item has nothing to be compared with: the error names another of its kind, and
  /// `prices` for its own rows; each hint's command runs.
  func testOneItemSaysWhatToAddOrHowToSeeItsPrices() throws {
    for (line, other) in [
      ("compare GLM-4.7 --currency CNY", "\"Claude Sonnet 4\""),
      ("compare Claude Pro", "\"GLM Coding Plan Lite\""),
      ("compare 'GLM Coding Plan Lite'", "\"Claude Pro\""),
    ] {
      let t = try shell()
      XCTAssertFalse(t.run(line))
      let item =
        line.contains("4.7")
        ? "GLM-4.7" : line.contains("Lite") ? "\"GLM Coding Plan Lite\"" : "\"Claude Pro\""
      XCTAssertTrue(
        t.errors.hasSuffix(
          "compare: \(item) is one item; compare sets two or more side by side; add another to set beside it "
            + "(compare \(item) \(other)), or list its prices: prices \(item)\n"), t.errors)
      let u = try shell()
      XCTAssertTrue(u.run("compare \(item) \(other); prices \(item)"), u.errors)
    }
    let t = try shell()
    XCTAssertFalse(t.run("compare Foo"))
    XCTAssertTrue(t.errors.contains("compare: no price for 'Foo'"), t.errors)
    // A row that lists several prices in one cell (USD 18 / 72 / 160) has none to compare:
    // the summary names it and where its tiers are.
    let several = try shell()
    XCTAssertTrue(several.run("compare 'GLM Coding Plan Lite / Pro / Max' 'Claude Pro'"), several.errors)
    XCTAssertTrue(
      several.output.contains(
        "summary: GLM Coding Plan Lite / Pro / Max (P020) has no single price to compare "
          + "(it lists USD 18 / 72 / 160); name one tier or model: prices \"GLM Coding Plan\" lists them"),
      several.output)
  }

  /// `vs`, `versus`, `and`, `,` and `/` separate the names, each of which may be several words.
  /// A vendor's name stands for its one product of the other items' kind (智谱 beside a plan
  /// is GLM Coding Plan); with several, or two vendors, each stands for its products of the kind.
  func testAVendorIsReadAsItsOnlyProductOfTheKind() throws {
    let t = try shell(), named = try shell()
    XCTAssertTrue(t.run("compare 智谱 'Claude Pro' --format tsv"), t.errors)
    XCTAssertTrue(named.run("compare 'GLM Coding Plan' 'Claude Pro' --format tsv"), named.errors)
    func ids(_ out: String) -> [String] {
      out.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[1]) }
    }
    XCTAssertEqual(ids(t.output), ids(named.output))
    let human = try shell()
    XCTAssertTrue(human.run("compare 'Claude Pro' zhipu"), human.errors)
    XCTAssertTrue(human.output.contains("zhipu: read as Zhipu AI's only plan, GLM Coding Plan"), human.output)
    // Two vendors: each one's products of the kind both sell, the cheapest of each in the summary.
    let two = try shell()
    XCTAssertTrue(two.run("compare anthropic zhipu --format tsv"), two.errors)
    XCTAssertEqual(Set(ids(two.output)), Set((1...20).map { String(format: "P%03d", $0) }))
    let vendors = try shell()
    XCTAssertTrue(vendors.run("compare anthropic zhipu"), vendors.errors)
    for note in [
      "summary: GLM Coding Plan US$6.94/month (¥49 at 7.06 CNY/USD, P009) is 1/2.9 of Claude Pro's US$20/month (P001)",
      "anthropic: the 2 plans Anthropic sells (Claude Pro, Claude Max); the summary takes the cheapest",
      "anthropic, zhipu: their plans are compared; for API models name one of each",
    ] {
      XCTAssertTrue(vendors.output.contains(note), "\(note)\n\(vendors.output)")
    }
    // A reseller stands for its own rows, named with it: Groq's Kimi K2 is not Moonshot AI's.
    let resellers = try shell()
    XCTAssertTrue(resellers.run("compare 'Moonshot AI' groq"), resellers.errors)
    XCTAssertTrue(
      resellers.output.contains(
        "summary: Kimi K2 (Moonshot AI) US$1.075/1M blended 3:1 (P047) is 1/1.4 of Kimi K2 (Groq)'s"),
      resellers.output)
    let api = try shell()
    XCTAssertFalse(api.run("compare 'Amazon Bedrock' 'Claude Pro'"))
    XCTAssertTrue(
      api.errors.contains("compare: \"Amazon Bedrock\" (Amazon Bedrock) sells no plans"), api.errors)
    // Products named after their vendor are matched as products.
    let deepseek = try shell()
    XCTAssertTrue(deepseek.run("compare deepseek GLM-4.5"), deepseek.errors)
  }

  func testVsAndOtherSeparatorsEndEachName() throws {
    let quoted = try shell()
    XCTAssertTrue(quoted.run("compare 'GLM Coding Plan Lite' 'Claude Pro'"), quoted.errors)
    for line in [
      "compare GLM Coding Plan Lite vs Claude Pro", "compare GLM Coding Plan Lite VS. Claude Pro",
      "compare GLM Coding Plan Lite and Claude Pro", "compare GLM Coding Plan Lite / Claude Pro",
    ] {
      let t = try shell()
      XCTAssertTrue(t.run(line), "\(line): \(t.errors)")
      XCTAssertEqual(t.output, quoted.output, line)
    }
    XCTAssertEqual(
      PriceBook.joinNames(["GLM-4.5", "versus", "Claude", "Sonnet", "4", ",", "DeepSeek-V3"], rows: []),
      ["GLM-4.5", "Claude Sonnet 4", "DeepSeek-V3"])
  }

  /// A tier that repeats the product's last word ("Claude Max" and "Max 5x") is named once,
  /// and that name is what compare takes and what the summary says.
  func testATierThatRepeatsTheProductIsNamedOnce() throws {
    let t = try shell()
    XCTAssertTrue(t.run("compare Claude Max 5x Claude Max 20x"), t.errors)
    XCTAssertTrue(
      t.output.contains(
        "summary: Claude Max 5x US$100/month (P003) is 1/2 of Claude Max 20x's US$200/month (P004)"),
      t.output)
    XCTAssertTrue(t.run("compare P001 P002"), t.errors)
    XCTAssertTrue(t.output.contains("Claude Pro - annual billing US$16.67/month (P002)"), t.output)
    XCTAssertFalse(t.output.contains("Pro Pro"), t.output)
  }

  func testARowIsNeverComparedWithItself() throws {
    let t = try shell()
    XCTAssertFalse(t.run("compare Claude Code"))
    XCTAssertFalse(t.output.contains("1/1 of"), t.output)
    XCTAssertTrue(t.errors.contains("compare:"), t.errors)
  }

  /// A price id typed as an item is named by its model in the summary and the chart (it read
  /// "P043's US$6/1M blended 3:1 (P043)").
  func testAPriceIdIsNamedByItsModel() throws {
    let t = try shell()
    XCTAssertTrue(t.run("compare GLM-4.5 P043 --chart"), t.errors)
    XCTAssertTrue(
      t.output.contains(
        "summary: GLM-4.5 US$1/1M blended 3:1 (P033) is 1/6 of Claude Sonnet 4's US$6/1M blended 3:1 (P043)"),
      t.output)
    XCTAssertTrue(t.output.contains("Claude Sonnet 4 (P043)"), t.output)
    XCTAssertFalse(t.output.contains("P043 (P043)"), t.output)
  }

  func testTheBuyersPlanIsPicked() throws {
    let t = try shell()
    XCTAssertTrue(t.run("compare 'GLM Coding Plan' 'Claude Code' --currency CNY"), t.errors)
    let summary = t.output.split(separator: "\n").first { $0.hasPrefix("summary:") }.map(String.init) ?? ""
    XCTAssertTrue(summary.contains("(P009)"), summary)
    XCTAssertTrue(summary.contains("P001)"), summary)
    XCTAssertTrue(summary.contains("is 1/2.9 of"), summary)
    XCTAssertFalse(summary.contains("P012"), "a credit-based tier was picked: \(summary)")
  }

  func testCostJoinsUnquotedNamesToo() throws {
    let quoted = try shell(), bare = try shell()
    XCTAssertTrue(quoted.run("cost GLM-4.5 'Claude Sonnet 4' --input 1M"), quoted.errors)
    XCTAssertTrue(bare.run("cost GLM-4.5 Claude Sonnet 4 --input 1M"), bare.errors)
    XCTAssertEqual(bare.output, quoted.output)
  }

  func testRatioWording() {
    XCTAssertEqual(Money.ratioPhrase(cheap: 20, of: 120), "is 1/6 of")
    XCTAssertEqual(Money.ratioPhrase(cheap: 100, of: 102), "is about the same as")
  }
}

import Foundation
import KnowledgeGraph
import PricingPlugin
import ShellCore
import ShellTesting
import XCTest

final class PricingTests: XCTestCase {
  func shell() throws -> TestShell {
    let t = try TestShell(plugins: [PricingPlugin.plugin], store: try Repository.defaultStore())
    return t
  }

  func run(_ command: String) throws -> String {
    let t = try shell()
    XCTAssertTrue(t.run(command), "\(command): \(t.errors)")
    return t.output
  }

  func fails(_ command: String) throws -> String {
    let t = try shell()
    XCTAssertFalse(t.run(command), "\(command) should fail:\n\(t.output)")
    return t.errors
  }

  func testPricesShowStatusAsOfAndConvertExactly() throws {
    let out = try run("prices --model GLM-4.5 --currency CNY")
    XCTAssertTrue(out.contains("P033"), out)
    XCTAssertTrue(out.contains("verified_catalog"), out)
    XCTAssertTrue(out.contains("2026-01-07"), out)
    // 0.60 × 7.06 = 4.236 and 2.20 × 7.06 = 15.532 exactly.
    XCTAssertTrue(out.contains("¥4.236") && out.contains("¥15.532"), out)
    XCTAssertTrue(
      out.contains("listed_currency") && out.contains("USD"), "the listed currency stays visible:\n\(out)")
    XCTAssertFalse(out.contains("P034"), "GLM-4.5-Air is a different model:\n\(out)")
    let plans = try run("prices --kind plan --vendor moonshot")
    XCTAssertTrue(plans.contains("P023") && !plans.contains("P033"), plans)
    // A vendor nobody sells as: the note names the vendors there are.
    let nobody = try run("prices --vendor nobody")
    XCTAssertTrue(nobody.contains("\nno vendor or seller contains 'nobody'; the vendors are "), nobody)
    XCTAssertTrue(nobody.contains(", Anthropic, ") && nobody.contains(", Zhipu AI"), nobody)
  }

  func testAnnualBillingIsNormalisedPerMonth() throws {
    let out = try run("compare 'Kimi Code Andante' 'Claude Pro' --explain")
    // ¥468/year ÷ 12 = ¥39 exactly; $200/year ÷ 12 = $16.67.
    XCTAssertTrue(out.contains("¥468/year ÷ 12"), out)
    XCTAssertTrue(out.contains("US$16.67"), out)
    let yearly = try run("compare 'Kimi Code Andante' 'Claude Pro' --period year")
    XCTAssertTrue(yearly.contains("¥468"), yearly)  // 39 × 12
    XCTAssertTrue(yearly.contains("per_year"), yearly)
  }

  func testPromotionsAreFlaggedNotUsed() throws {
    let out = try run("compare 'GLM Coding Plan Lite' 'Claude Pro' --currency CNY")
    XCTAssertTrue(out.contains("promotion/first-order price: flagged, not used in the summary"), out)
    // The latest regular prices a buyer per month would pay: Lite ¥49 (P009, 2026-02) and Pro
    // with monthly billing (P001), not the annual billing P002 of the same date.
    XCTAssertTrue(
      out.contains(
        "summary: GLM Coding Plan Lite ¥49/month (P009) is 1/2.9 of Claude Pro's ¥141.20/month (US$20 at 7.06 CNY/USD, P001)"
      ), out)
    XCTAssertFalse(out.contains("(P015) is"), "the $3 first-order price must not be the summary:\n\(out)")
    // As of the article's date only the promotional entry price exists, and the sentence says so.
    let early = try run("compare 'GLM Coding Plan' 'Claude Pro' --currency CNY --as-of 2025-09")
    XCTAssertTrue(early.contains("(P005, promotion/first-order price: the item has no regular price)"), early)
    XCTAssertTrue(early.contains("Claude Pro's ¥117.67/month (US$16.67 at 7.06 CNY/USD, P002)"), early)
    XCTAssertFalse(early.contains("P001"), "P001 is first observed 2026-06-10:\n\(early)")
  }

  func testAnItemNamesAModelOrAVendorWithoutAFlag() throws {
    let t = try shell()
    XCTAssertTrue(t.run("prices --format tsv glm-4.5"), t.errors)
    let ids = t.output.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "\t" } }
    XCTAssertEqual(ids, ["P033", "P040", "P041"], "the model, as with --model:\n\(t.output)")
    XCTAssertEqual(t.output, try run("prices --format tsv --model glm-4.5"))
    let u = try shell()
    XCTAssertTrue(u.run("prices anthropic --kind plan --format tsv"), u.errors)
    let rows = u.output.split(separator: "\n").dropFirst()
    XCTAssertFalse(rows.isEmpty)
    XCTAssertTrue(rows.allSatisfy { $0.split(separator: "\t")[2] == "Anthropic" }, u.output)
    XCTAssertTrue(try fails("prices kimmi-k2").contains("did you mean"))
  }

  /// A name the knowledge graph knows (智谱, 智譜編碼套餐) reaches the same rows as the name the
  /// price rows use: a vendor, a plan, a model.
  func testChineseAndOtherGraphNamesReachThePrices() throws {
    XCTAssertEqual(try run("prices 智谱 --format tsv"), try run("prices 'Zhipu AI' --format tsv"))
    XCTAssertEqual(
      try run("prices --vendor 智谱 --format tsv"), try run("prices --vendor 'Zhipu AI' --format tsv"))
    XCTAssertEqual(
      try run("compare 智譜編碼套餐 'Claude Pro' --format tsv"),
      try run("compare 'GLM Coding Plan' 'Claude Pro' --format tsv"))
    XCTAssertFalse(try run("prices 智谱 --format tsv").split(separator: "\n").dropFirst().isEmpty)
    // A name the price rows use is theirs, even when the graph knows it as another entity's.
    XCTAssertEqual(try run("prices glm --format tsv"), try run("prices GLM --format tsv"))
  }

  func testBlendedAPIPrices() throws {
    let out = try run("compare GLM-4.5 'Claude Sonnet 4' --explain")
    XCTAssertTrue(out.contains("blended_1M"), out)
    // (3 × 0.60 + 2.20) ÷ 4 = 1 and (3 × 3 + 15) ÷ 4 = 6.
    XCTAssertTrue(out.contains("is 1/6 of Claude Sonnet 4's US$6"), out)
    let even = try run("compare GLM-4.5 'Claude Sonnet 4' --mix 1:1")
    XCTAssertTrue(even.contains("US$1.40"), even)  // (0.60 + 2.20) ÷ 2
    XCTAssertTrue(even.contains("US$9"), even)  // (3 + 15) ÷ 2
    XCTAssertTrue(try fails("compare GLM-4.5 'Claude Sonnet 4' --mix 3").contains("--mix"))
    XCTAssertTrue(try fails("compare GLM-4.5 'Claude Pro'").contains("API models with API models"))
    // An option of the other kind was ignored without a word.
    XCTAssertTrue(
      try fails("compare GLM-4.5 'Claude Sonnet 4' --period year").contains(
        "compare: --period applies to plans, and these are API models, priced per 1M tokens"))
    XCTAssertTrue(
      try fails("compare 'Claude Pro' 'Kimi Code Andante' --mix 1:1").contains(
        "compare: --mix blends API input and output prices, and these are plans"))
  }

  func testTokenCounts() throws {
    let out = try run("cost GLM-4.5 'Claude Sonnet 4' --input 10M --output 2.5k --cached 1e6 --explain")
    XCTAssertTrue(out.contains("10,000,000 input + 1,000,000 cached + 2,500 output"), out)
    // GLM-4.5: 10 × 0.60 + 1 × 0.11 + 0.0025 × 2.20 = 6.1155; Sonnet 4: 30 + 0.30 + 0.0375 = 30.3375.
    XCTAssertTrue(out.contains("US$6.1155"), out)
    XCTAssertTrue(out.contains("US$30.3375"), out)
    XCTAssertTrue(out.contains("30.3375 ÷ 6.1155 = 4.96×"), out)
    let lines = out.split(separator: "\n")
    let glm = lines.firstIndex { $0.contains("P033") }!
    let sonnet = lines.firstIndex { $0.contains("P043") }!
    XCTAssertLessThan(glm, sonnet, "cheapest first")
    let requests = try run("cost GLM-4.5 --input 1k --output 1k --requests 1000")
    XCTAssertTrue(requests.contains("US$2.80"), requests)  // (1000 × 0.60 + 1000 × 2.20) ÷ 1M × 1000
    for bad in ["abc", "1.5", "10X", "-5", "1e"] {
      XCTAssertTrue(try fails("cost GLM-4.5 --input \(bad) --output 1").contains("--input"), bad)
    }
    XCTAssertTrue(try fails("cost GLM-4.5").contains("--input"))
    // Counts written beside words that name them: the line with flags.
    XCTAssertEqual(
      try fails("cost GLM-4.5 10M in 2M out"),
      "test:1:1: cost: token counts are given with --input and --output; "
        + "write cost GLM-4.5 --input 10M --output 2M\n")
    XCTAssertTrue(
      try fails("cost input 1M 'Claude Sonnet 4'").hasSuffix("write cost \"Claude Sonnet 4\" --input 1M\n"))
    XCTAssertTrue(
      try fails("compare GLM-4.5 'Claude Sonnet 4' --input 3M").contains(
        "what a workload costs is cost ITEMS... --input TOKENS"))
    XCTAssertEqual(
      try fails("cost --input 0 --output 0"),
      "test:1:1: cost: the workload is 0 tokens, which costs nothing on every model; "
        + "give --input, --output or --cached a count above 0, e.g. --input 10M --output 2.5M\n")
    // Cached input alone is a workload (a prompt read from the cache): 2M × 0.11 per 1M.
    XCTAssertTrue(try run("cost GLM-4.5 --cached 2M").contains("US$0.22"))
    // The model column names the price row's model, however it was typed or chosen.
    let byID = try run("cost p033 glm-4.5-air --input 1M")
    XCTAssertTrue(byID.contains("│ GLM-4.5 ") && byID.contains("│ GLM-4.5-Air "), byID)
    XCTAssertFalse(byID.contains("p033") || byID.contains("glm-4.5-air"), byID)
    // A model named twice (by name and by its price id) is priced once, and the note says so.
    let twice = try run("cost GLM-4.5 P033 --input 1M")
    XCTAssertEqual(twice.split(separator: "\n").filter { $0.contains("│ P033 ") }.count, 1, twice)
    XCTAssertTrue(twice.contains("P033: the same price rows as an earlier name, shown once"), twice)
  }

  /// With no model named, cost ranks every API model at its own vendor's list price: one row
  /// per model, no resellers, nothing superseded by the date asked for.
  func testCostWithNoModelsRanksEveryModel() throws {
    func ids(_ out: String) -> [String] {
      out.split(separator: "\n").compactMap { line in
        let cells = line.split(separator: "│")
        let id = cells.count > 2 ? cells[1].trimmingCharacters(in: .whitespaces) : ""
        return id.hasPrefix("P0") ? id : nil
      }
    }
    let out = try run("cost --input 10M --output 2.5M")
    let rows = ids(out)
    XCTAssertEqual(rows.first, "P066", out)  // DeepSeek V3.2 at 0.28 / 0.42 is the cheapest
    XCTAssertEqual(Set(rows).count, rows.count, out)
    for absent in ["P038", "P046", "P067", "P060"] {  // resellers, an older V3.2 row, superseded V3
      XCTAssertFalse(rows.contains(absent), "\(absent) in\n\(out)")
    }
    for present in ["P033", "P043", "P045", "P054", "P073"] { XCTAssertTrue(rows.contains(present), out) }
    XCTAssertTrue(out.contains("every API model at its vendor's list price (\(rows.count) models)"), out)
    // In early 2025 DeepSeek V3 was current, not yet superseded.
    XCTAssertEqual(ids(try run("cost --input 10M --output 2.5M --as-of 2025-03-01")), ["P060", "P061"])
    XCTAssertEqual(
      try fails("cost --input 1M --as-of 2020-01-01"),
      "test:1:1: cost: no API model has a list price observed on or before 2020-01-01; "
        + "try a later --as-of; prices --kind api lists the rows with their dates\n")
  }

  /// A vendor or seller named to cost (`cost anthropic`, `cost 智谱`, `cost openrouter`) stands
  /// for the API models it sells, each at its latest price; superseded rows are named, not
  /// priced, unless named themselves.
  func testCostOfAVendorPricesTheModelsItSells() throws {
    func ids(_ out: String) -> [String] {
      out.split(separator: "\n").compactMap { line in
        let id = line.split(separator: "\t").dropFirst().first.map(String.init) ?? ""
        return id.hasPrefix("P0") ? id : nil
      }
    }
    // The vendor's own three, not OpenRouter's row whose tier is anthropic/claude-sonnet-4.
    let anthropic = try run("cost anthropic --input 1M --output 100k --format tsv")
    XCTAssertEqual(Set(ids(anthropic)), ["P043", "P044", "P045"], anthropic)
    let zhipu = ids(try run("cost zhipu --input 1M --format tsv"))
    XCTAssertEqual(Set(zhipu), ["P033", "P034", "P035", "P036"])
    XCTAssertEqual(
      ids(try run("cost 智谱 --input 1M --format tsv")), zhipu, "the graph's name reaches the vendor")
    let resold = ids(try run("cost openrouter --input 1M --format tsv"))
    XCTAssertTrue(resold.contains("P046") && resold.contains("P038"), "\(resold)")
    XCTAssertFalse(resold.contains("P043"), "\(resold)")
    let deepseek = try run("cost deepseek --input 1M")
    XCTAssertTrue(
      deepseek.contains(
        "deepseek: the API models DeepSeek sells (1), each at its latest price; superseded prices left out: name P060 P061 to price them"
      ), deepseek)
    let named = try run("cost deepseek P060 --input 1M")
    XCTAssertTrue(named.contains("left out: name P061 to price them"), named)
    XCTAssertTrue(named.contains("│ P060 │"), named)
    // Tab offers the vendors beside the models and plans.
    let t = try shell()
    XCTAssertTrue(t.shell.complete(line: "cost anthr", cursor: 10).candidates.contains("Anthropic"))
    XCTAssertTrue(t.shell.complete(line: "prices Open", cursor: 11).candidates.contains("OpenRouter"))
    // A model's own name still means that model.
    XCTAssertEqual(ids(try run("cost 'Claude Sonnet 4' --input 1M --format tsv")), ["P043"])
  }

  func testUnknownModelSuggests() throws {
    XCTAssertTrue(try fails("compare 'Claude Sonet 4' GLM-4.5").contains("did you mean 'Claude Sonnet 4'?"))
    XCTAssertTrue(try fails("cost GLM-4.55 --input 1M").contains("no price for 'GLM-4.55'"))
    XCTAssertTrue(try fails("prices --model Kimmi-K2").contains("did you mean"))
    // A plan named to cost is not unknown: it has a monthly price, and compare takes it.
    XCTAssertEqual(
      try fails("cost GLM-4.5 'Claude Pro' --input 1M"),
      "test:1:1: cost: 'Claude Pro' is a subscription plan, priced by the month, not per token; "
        + "cost takes API models (prices --kind api); compare plans with compare 'Claude Pro' OTHER-PLAN\n")
  }

  /// An empty listing says which filter emptied it and what to write instead.
  func testAnEmptyListingSaysWhy() throws {
    XCTAssertTrue(
      try run("prices --kind plan --model GLM-4.5").contains(
        "no plan rows match; the 3 rows that match are API models: drop --kind plan or write --kind api"))
    XCTAssertTrue(
      try run("prices --kind api --model 'Claude Pro'").contains(
        "no API rows match; the 2 rows that match are plans: drop --kind api or write --kind plan"))
    XCTAssertTrue(
      try run("prices --as-of 2020-01-01").contains(
        "no price was observed by 2020-01-01; the earliest dated row is from 2025"))
  }

  func testArticleClaims() throws {
    let out = try run("check-claim --explain")
    XCTAssertTrue(out.contains("US$17 × 7.06 (N01) = ¥120.02"), out)
    XCTAssertTrue(out.contains("120.02 ÷ 20 = 6.001"), out)
    XCTAssertTrue(out.contains("claim 1 holds"), out)
    XCTAssertTrue(out.contains("US$3 ÷ US$0.60 = 5"), out)
    XCTAssertTrue(out.contains("US$15 ÷ US$2.20 = 6.818"), out)
    XCTAssertTrue(out.contains("1/6.8"), out)
    XCTAssertTrue(out.contains("claim 2 partly holds"), out)
    XCTAssertTrue(out.contains("N02"), out)
    // At the latest prices: ¥49 Lite against US$200/year ÷ 12 × 7.06 = ¥117.67 is 1/2.4.
    XCTAssertTrue(
      out.contains(
        "annual billing: US$200/year ÷ 12 (listed US$17/month) × 7.06 CNY/USD = ¥117.67; 117.67 ÷ 49 = 2.401"),
      out)
    XCTAssertTrue(
      out.contains("at the latest prices: claim 1 does not hold (1/2.4), claim 2 output holds (1/6.8)"), out)
  }

  func testClaimsFollowImportedLatestPrices() throws {
    let t = try shell()
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("claim-\(UUID().uuidString).csv")
      .path
    try
      "price_id,category,product_or_model,input_per_1M,output_per_1M,currency,as_of,seller_type\nP033,api,GLM-4.5,0.30,1.50,USD,2026-11,vendor_list\n"
      .write(toFile: file, atomically: true, encoding: .utf8)
    XCTAssertTrue(t.run("import prices '\(file)'"), t.errors)
    XCTAssertTrue(t.run("check-claim"), t.errors)
    // 15 ÷ 1.50 = 10: output is now 1/10 of Sonnet 4's, so "1/7" no longer holds.
    XCTAssertTrue(t.output.contains("US$15 ÷ US$1.50 = 10"), t.output)
    XCTAssertTrue(t.output.contains("claim 2 output does not hold (1/10)"), t.output)
    XCTAssertTrue(
      t.output.contains("claim 2 partly holds"), "the article-date verdict is unchanged:\n\(t.output)")
  }

  func testNoFloatNoise() throws {
    let t = try shell()
    XCTAssertTrue(t.run("fx set USD CNY 7.1"), t.errors)
    for command in [
      "prices --currency CNY", "prices --currency USD",
      "compare 'GLM Coding Plan' 'Claude Pro' 'Kimi Code' --currency USD",
      "cost GLM-4.5 'Claude Sonnet 4' 'Kimi K2' --input 3.3M --output 1.1M --currency CNY --explain",
      "check-claim --explain",
    ] {
      XCTAssertTrue(t.run(command), "\(command): \(t.errors)")
    }
    // Binary floating point leaves runs like 0.30000000000000004 or 16.669999999.
    XCTAssertNil(t.output.firstMatch(of: /[0-9]\.[0-9]*(0000000|9999999)[0-9]/), t.output)
    XCTAssertTrue(t.output.contains("¥141.20") || t.output.contains("¥142"), "converted")
  }

  func testAsOfPicksRowsAndRatesOfThatDate() throws {
    let early = try run("prices --kind plan --as-of 2025-09")
    XCTAssertTrue(early.contains("P005") && early.contains("P002"), early)
    XCTAssertFalse(early.contains("P009"), "P009 is from 2026-02-12:\n\(early)")
    XCTAssertFalse(early.contains("P006"), "undated rows are left out under --as-of:\n\(early)")
    // The rate as of 2026-02 is N02 (6.97, 2026-01-08), not the default N01.
    let later = try run("compare GLM-4.5 'Claude Sonnet 4' --currency CNY --as-of 2026-02 --explain")
    XCTAssertTrue(later.contains("1 USD = 6.97 CNY (N02"), later)
    XCTAssertTrue(later.contains("¥4.182"), later)  // 0.60 × 6.97
    XCTAssertTrue(
      try fails("prices --as-of 2025-13").contains(
        "--as-of takes a date like 2025-07 or 2025-07-01, not '2025-13'"))
    XCTAssertTrue(
      try fails("cost GLM-4.5 --input 2.5 --output 1k").contains("--input takes a whole number of tokens"))
    XCTAssertTrue(
      try fails("cost GLM-4.5 --input 1k --requests 0").contains(
        "--requests takes a whole number of at least 1"))
    XCTAssertTrue(
      try fails("compare GLM-4.5 'Claude Sonnet 4' --as-of 2024-01").contains("observed on or before 2024-01")
    )
  }

  func testPriceCellsAreMoneyOrNullWithTheListedTextApart() throws {
    let out = try run("prices --vendor z.ai --format json")
    let rows = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]], out)
    let p020 = try XCTUnwrap(rows.first { $0["id"] as? String == "P020" }, out)
    XCTAssertTrue(p020["flat"] is NSNull, "several prices have no single amount: \(p020)")
    XCTAssertEqual(p020["price_text"] as? String, "USD 18 / 72 / 160")
    let p037 = try XCTUnwrap(rows.first { $0["id"] as? String == "P037" }, out)
    XCTAssertEqual(p037["price_text"] as? String, "USD input 2.20 / 1.10, output 8.90 / 4.50")
    for row in rows {
      for column in ["flat", "input_1M", "output_1M"] {
        let cell = row[column]
        XCTAssertTrue(
          cell is NSNull || (cell as? [String: Any])?["currency"] is String,
          "\(column) is money or null: \(String(describing: cell))")
      }
    }
    let csv = try run("prices --model GLM-4.5 --currency CNY --format csv")
    XCTAssertTrue(csv.contains("listed_currency"), csv)
  }

  func testCurrencyCodesGetDidYouMean() throws {
    // Case and nicknames are forgiven (the .currency parameter type); typos get a suggestion.
    XCTAssertTrue(try run("prices --model GLM-4.5 --currency usd").contains("US$"))
    XCTAssertTrue(try run("compare GLM-4.5 'Claude Sonnet 4' --currency RMB").contains("¥"))
    XCTAssertTrue(try fails("cost GLM-4.5 --input 1M --currency CYN").contains("did you mean 'CNY'?"))
    XCTAssertTrue(try fails("fx USD XYZ").contains("use one of CNY USD"))
  }

  func testJSONMoneyIsATypedNumber() throws {
    let t = try shell()
    XCTAssertTrue(t.run("compare GLM-4.5 'Claude Sonnet 4' --currency CNY --format json"), t.errors)
    // 0.60 × 7.06 = 4.236: a JSON number with its currency, not "¥4.236".
    XCTAssertTrue(t.output.contains("\"amount\": 4.236"), t.output)
    XCTAssertTrue(t.output.contains("\"currency\": \"CNY\""), t.output)
    XCTAssertFalse(t.output.contains("¥"), t.output)
    let csv = try run("cost GLM-4.5 'Claude Sonnet 4' --input 10M --output 2.5k --format csv")
    XCTAssertTrue(csv.contains("GLM-4.5,P033,Zhipu AI (Z.ai),6 USD,0 USD,0.0055 USD,6.0055 USD,1,"), csv)
  }

  func testChartAlignsBarsAndKeepsNumbersForMachines() throws {
    let t = try shell()
    XCTAssertTrue(t.run("compare 'GLM Coding Plan Lite' 'Claude Pro' --currency CNY --chart"), t.errors)
    let bars = t.output.split(separator: "\n").filter { $0.contains("█") }
    XCTAssertEqual(bars.count, 2, t.output)
    let starts = bars.map { line in TextWidth.of(String(line.prefix { $0 != "█" && $0 != "▏" })) }
    XCTAssertEqual(Set(starts).count, 1, "bars start in one column:\n\(t.output)")
    XCTAssertTrue(bars[1].hasSuffix("¥141.20"), t.output)
    let csv = try run("compare 'GLM Coding Plan Lite' 'Claude Pro' --currency CNY --chart --format csv")
    XCTAssertFalse(csv.contains("█"), "csv gets the numbers only")
    XCTAssertTrue(csv.contains(",117.67 CNY,"), csv)
  }
}

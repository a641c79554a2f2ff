import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

@testable import PricingPlugin

/// `import prices` on the catalogues people already use (LiteLLM, OpenRouter, llm-prices, a
/// plain CSV), with the real excerpts in shell-scripts/data/catalogues. Every amount is checked
/// against a hand computation: US$ per token × 1,000,000 = US$ per 1M tokens.
final class PriceCatalogTests: XCTestCase {
  static let folder = Repository.root.appendingPathComponent("shell-scripts/data/catalogues").path

  func shell() throws -> TestShell {
    try TestShell(plugins: [PricingPlugin.plugin], store: try Repository.defaultStore())
  }

  func fixture(_ name: String) -> String { "'\(Self.folder)/\(name)'" }

  func temp(_ name: String, _ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "catalogue-\(UUID().uuidString)-\(name)"
    ).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func rows(_ t: TestShell, prefix: String) throws -> [String: [PriceRecord]] {
    Dictionary(grouping: try t.session.store.priceRows().filter { $0.id.hasPrefix(prefix) }, by: \.id)
  }

  func testDecimalShiftMovesThePointWithoutBinaryArithmetic() {
    let cases: [(String, Int, String?)] = [
      ("3e-06", 6, "3"), ("1.5e-07", 6, "0.15"), ("1.25e-05", 6, "12.5"), ("2.1875e-06", 6, "2.1875"),
      ("5.46875e-07", 6, "0.546875"), ("6e-08", 6, "0.06"), ("0.000000055", 6, "0.055"),
      ("0.0000000375", 6, "0.0375"), ("0.000001875", 6, "1.875"), ("0", 6, "0"), ("0.0", 6, "0"),
      ("12.0", 0, "12"), ("0.20", 0, "0.2"), ("1e+16", 0, "10000000000000000"), ("-1", 6, "-1000000"),
      ("abc", 6, nil), ("1e", 6, nil), (".", 6, nil), ("", 6, nil), ("1.2.3", 6, nil),
    ]
    for (text, places, expected) in cases {
      XCTAssertEqual(DecimalText.shift(text, by: places), expected, text)
    }
    // A float goes through its shortest decimal text: in binary, 1e-07 × 1e6 is 0.09999999999999999
    // and 2.19e-06 × 1e6 is 2.1900000000000004.
    XCTAssertNotEqual(1e-07 * 1_000_000, 0.1)
    XCTAssertNotEqual(2.19e-06 * 1_000_000, 2.19)
    XCTAssertEqual(DecimalText.text(of: .double(1e-07)).flatMap { DecimalText.shift($0, by: 6) }, "0.1")
    XCTAssertEqual(DecimalText.text(of: .double(2.19e-06)).flatMap { DecimalText.shift($0, by: 6) }, "2.19")
    XCTAssertEqual(DecimalText.text(of: .double(3e-06)).flatMap { DecimalText.shift($0, by: 6) }, "3")
    XCTAssertEqual(DecimalText.text(of: .double(1.5e-07)).flatMap { DecimalText.shift($0, by: 6) }, "0.15")
    XCTAssertNil(DecimalText.text(of: .bool(true)))
    // Money.parse, which checks every imported amount, reads plain decimals only.
    for good in ["0", "12", "-0.5", "0.546875"] { XCTAssertNotNil(Money.parse(good), good) }
    for bad in ["1.", ".5", "1.5.0", "--1", "-", "", "1e-6", "+1", "1 000"] {
      XCTAssertNil(Money.parse(bad), bad)
    }
  }

  func testLiteLLMExcerptSkipsTheSampleSpecAndImageModels() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run("import prices \(fixture("litellm-model-prices.json")) --as-of 2026-12-01"), t.errors)
    XCTAssertTrue(
      t.output.contains(
        "litellm catalogue: 17 entries, 6 skipped (1 sample_spec (LiteLLM's description of its fields), "
          + "5 mode image_generation)"), t.output)
    XCTAssertTrue(t.output.contains("11 added, 0 changed, 0 unchanged, 0 rejected"), t.output)
    let rows = try rows(t, prefix: "litellm:")
    XCTAssertEqual(rows.count, 11)
    XCTAssertNil(rows["litellm:sample_spec"])
    // 1.25e-05 US$/token × 10^6 = 12.5; 2.1875e-06 → 2.1875; 1.75e-05 → 17.5; 5.46875e-07 → 0.546875.
    let j2 = try XCTUnwrap(rows["litellm:ai21.j2-mid-v1"]?.first)
    XCTAssertEqual([j2.input, j2.output, j2.cachedInput], ["12.5", "12.5", nil])
    let pro = try XCTUnwrap(rows["litellm:amazon.nova-2-pro-preview-20251202-v1:0"]?.first)
    XCTAssertEqual([pro.input, pro.output, pro.cachedInput], ["2.1875", "17.5", "0.546875"])
    // 6e-08 → 0.06, 2.4e-07 → 0.24; 3.3e-07 → 0.33, 2.75e-06 → 2.75, 8.25e-08 → 0.0825.
    let lite = try XCTUnwrap(rows["litellm:amazon.nova-lite-v1:0"]?.first)
    XCTAssertEqual([lite.input, lite.output], ["0.06", "0.24"])
    let jp = try XCTUnwrap(rows["litellm:jp.amazon.nova-2-lite-v1:0"]?.first)
    XCTAssertEqual([jp.input, jp.output, jp.cachedInput], ["0.33", "2.75", "0.0825"])
    XCTAssertEqual(
      [pro.vendor, pro.currency, pro.asOf, pro.category],
      ["bedrock_converse", "USD", "2026-12-01", "api_per_token"])
    XCTAssertEqual(
      pro.source, "litellm: https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json"
    )
    XCTAssertEqual(pro.importedFrom, "import: litellm-model-prices.json")
  }

  func testANewerOpenRouterSnapshotReportsChangesAndKeepsTheOlderRows() throws {
    let t = try shell()
    XCTAssertTrue(
      t.run("import prices \(fixture("openrouter-models-2024-09-28.json")) --as-of 2024-09-28"), t.errors)
    XCTAssertTrue(t.output.contains("12 added, 0 changed"), t.output)
    XCTAssertTrue(t.output.contains("1 skipped (1 with a variable price (-1, a router))"), t.output)
    XCTAssertTrue(
      t.run("import prices \(fixture("openrouter-models-2025-02-08.json")) --as-of 2025-02-08"), t.errors)
    // 4 new models; 10 models with new prices or names; Claude 3.5 Sonnet and GPT-4o-mini kept theirs.
    XCTAssertTrue(t.output.contains("4 added, 10 changed, 2 unchanged, 0 rejected"), t.output)
    XCTAssertTrue(t.output.contains("new observation after OpenAI: GPT-4o US$5 in / US$15 out"), t.output)
    let rows = try rows(t, prefix: "openrouter:")
    // "0.000005" → 5, "0.000015" → 15, then "0.0000025" → 2.5, "0.00001" → 10.
    let gpt4o = try XCTUnwrap(rows["openrouter:openai/gpt-4o"]).map { [$0.asOf, $0.input, $0.output] }
    XCTAssertEqual(gpt4o, [["2024-09-28", "5", "15"], ["2025-02-08", "2.5", "10"]])
    // "0.000001875" → 1.875, "0.00000225" → 2.25; "0.0000000375" → 0.0375.
    let magnum = try XCTUnwrap(rows["openrouter:alpindale/magnum-72b"]?.last)
    XCTAssertEqual([magnum.input, magnum.output], ["1.875", "2.25"])
    let flash = try XCTUnwrap(rows["openrouter:google/gemini-flash-1.5"]?.first)
    XCTAssertEqual([flash.asOf, flash.input, flash.output], ["2024-09-28", "0.0375", "0.15"])
    XCTAssertEqual(rows["openrouter:anthropic/claude-3.5-sonnet"]?.count, 1, "an unchanged price adds no row")
    XCTAssertNil(rows["openrouter:openrouter/auto"])
    let free = try XCTUnwrap(rows["openrouter:google/gemini-2.0-flash-exp:free"]?.first)
    XCTAssertEqual(
      [free.input, free.output, free.vendor, free.soldOn], ["0", "0", "google", "openrouter.ai"])
    // The same snapshot again changes nothing.
    XCTAssertTrue(
      t.run("import prices \(fixture("openrouter-models-2025-02-08.json")) --as-of 2025-02-08"), t.errors)
    XCTAssertTrue(t.output.contains("0 added, 0 changed, 16 unchanged, 0 rejected"), t.output)
  }

  func testOpenRouterCacheReadAndNumbersAsJSONNumbers() throws {
    // Field names as documented for /api/v1/models (the committed snapshots predate input_cache_read).
    let file = try temp(
      "models",
      """
      {"data": [
        {"id": "example/model-a", "name": "Example A",
         "pricing": {"prompt": "0.000003", "completion": "0.000015", "input_cache_read": "0.0000003"}},
        {"id": "example/model-b", "name": "Example B", "pricing": {"prompt": 1.5e-07, "completion": 6e-07}}
      ]}
      """)
    let t = try shell()
    XCTAssertTrue(t.run("import prices '\(file)' --as-of 2026-01-02"), t.errors)
    let rows = try rows(t, prefix: "openrouter:example/")
    let a = try XCTUnwrap(rows["openrouter:example/model-a"]?.first)
    XCTAssertEqual([a.input, a.output, a.cachedInput, a.vendor], ["3", "15", "0.3", "example"])
    let b = try XCTUnwrap(rows["openrouter:example/model-b"]?.first)
    XCTAssertEqual([b.input, b.output, b.asOf], ["0.15", "0.6", "2026-01-02"])
  }

  func testLLMPricesDataFileAndCurrentJSON() throws {
    let t = try shell()
    XCTAssertTrue(t.run("import prices \(fixture("llm-prices-deepseek.json")) --as-of 2026-08-05"), t.errors)
    XCTAssertTrue(t.output.contains("5 entries, 1 skipped (1 ended prices without a start date)"), t.output)
    let rows = try rows(t, prefix: "llm-prices:")
    // Per million already: 0.27 and 1.1 from 2025-02-08 (its from_date), not the snapshot date.
    let chat = try XCTUnwrap(rows["llm-prices:deepseek-chat"]).map { [$0.asOf, $0.input, $0.output] }
    XCTAssertEqual(chat, [["2025-02-08", "0.27", "1.1"]])
    let flash = try XCTUnwrap(rows["llm-prices:deepseek-v4-flash"]?.first)
    XCTAssertEqual(
      [flash.asOf, flash.input, flash.output, flash.cachedInput, flash.vendor],
      ["2026-08-05", "0.14", "0.28", "0.028", "deepseek"])
    XCTAssertTrue(t.run("import prices \(fixture("llm-prices-anthropic.json")) --as-of 2026-08-05"), t.errors)
    let haiku = try XCTUnwrap(
      try self.rows(t, prefix: "llm-prices:claude-3-haiku")["llm-prices:claude-3-haiku"])
    XCTAssertEqual(haiku.map { [$0.input, $0.output, $0.product] }, [["0.25", "1.25", "Claude 3 Haiku"]])
    // current-v1.json carries its own date, used when --as-of is not given.
    let current = try temp(
      "current-v1.json",
      """
      {"updated_at": "2025-10-10", "prices": [
        {"id": "amazon-nova-micro", "vendor": "amazon", "name": "Amazon Nova Micro",
         "input": 0.035, "output": 0.14, "input_cached": null}]}
      """)
    XCTAssertTrue(t.run("import prices '\(current)'"), t.errors)
    let micro = try XCTUnwrap(
      try self.rows(t, prefix: "llm-prices:amazon")["llm-prices:amazon-nova-micro"]?.first)
    XCTAssertEqual(
      [micro.asOf, micro.input, micro.output, micro.vendor], ["2025-10-10", "0.035", "0.14", "amazon"])
  }

  func testPlainCSVDerivesIdsAndDatesUndatedRowsToday() throws {
    let file = try temp(
      "mine.csv",
      "model,input_per_1M,output_per_1M,currency,as_of\nMy Model (Preview),0.50,1.50,USD,2026-10-01\n"
        + "Other Model,2,8,CNY,\n")
    let t = try shell()
    XCTAssertTrue(t.run("import prices '\(file)'"), t.errors)
    XCTAssertTrue(t.output.contains("plain CSV: 2 entries, none skipped"), t.output)
    let rows = try rows(t, prefix: "csv:")
    let mine = try XCTUnwrap(rows["csv:my-model-preview"]?.first)
    XCTAssertEqual(
      [mine.product, mine.input, mine.output, mine.asOf],
      ["My Model (Preview)", "0.50", "1.50", "2026-10-01"])
    let other = try XCTUnwrap(rows["csv:other-model"]?.first)
    XCTAssertEqual(
      [other.currency, other.asOf, other.source],
      ["CNY", PriceCatalog.today(), "import: " + (file as NSString).lastPathComponent])
  }

  /// A spreadsheet's own column names (`Provider`, `Model`, `Input`, `Output`, `Date`) are
  /// read as kgsh's; a file saved with ';' between columns has a decimal comma (`1,5`).
  func testPlainCSVWithOtherColumnNamesSemicolonsAndDecimalCommas() throws {
    let names = try temp(
      "names.csv", "Provider,Model,Input,Output,Currency,Date\nAcme,Acme One,0.5,2,USD,2026-11-30\n")
    let semicolons = try temp("semi.csv", "model;input_price;output_price;currency\nAcme Two;1,5;6;EUR\n")
    let t = try shell()
    XCTAssertTrue(t.run("import prices '\(names)'"), t.errors)
    XCTAssertTrue(t.output.contains("plain CSV: 1 entry, none skipped"), t.output)
    XCTAssertTrue(t.run("import prices '\(semicolons)'"), t.errors)
    let rows = try rows(t, prefix: "csv:acme-")
    let one = try XCTUnwrap(rows["csv:acme-one"]?.first)
    XCTAssertEqual([one.vendor, one.input, one.output, one.asOf], ["Acme", "0.5", "2", "2026-11-30"])
    let two = try XCTUnwrap(rows["csv:acme-two"]?.first)
    XCTAssertEqual([two.input, two.output, two.currency], ["1.5", "6", "EUR"])
    // A file whose every row is rejected does not say every row is in the knowledge base.
    let bad = try temp("bad.csv", "model,input,output,currency\nX,abc,1,USD\n")
    XCTAssertFalse(t.run("import prices '\(bad)'"))
    XCTAssertTrue(t.output.contains("1 rejected\nnothing was written\n"), t.output)
  }

  func testTheFormatComesFromTheContentNotTheName() throws {
    let text = try String(contentsOfFile: Self.folder + "/litellm-model-prices.json", encoding: .utf8)
    let misnamed = try temp("prices.csv", text)
    let t = try shell()
    XCTAssertTrue(t.run("import prices '\(misnamed)' --as-of 2026-12-01"), t.errors)
    XCTAssertTrue(t.output.contains("litellm catalogue: 17 entries"), t.output)
    let saved = try temp(
      "models",
      try String(contentsOfFile: Self.folder + "/openrouter-models-2024-09-28.json", encoding: .utf8))
    XCTAssertTrue(t.run("import prices '\(saved)' --as-of 2024-09-28"), t.errors)
    XCTAssertTrue(t.output.contains("openrouter catalogue: 13 entries"), t.output)
  }
}

import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

@testable import PricingPlugin

/// Bad catalogue files: each error is one line naming the line or model and what to do, and a
/// file that cannot be parsed imports nothing. Also `--read-only`, and a generated LiteLLM-shaped
/// catalogue of 2,000 models imported twice.
final class PriceCatalogErrorTests: XCTestCase {
  func shell() throws -> TestShell {
    try TestShell(plugins: [PricingPlugin.plugin], store: try Repository.defaultStore())
  }

  func temp(_ name: String, _ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "catalogue-\(UUID().uuidString)-\(name)"
    ).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func userRows(_ t: TestShell) throws -> [PriceRecord] { try t.session.store.priceRows() }

  func testABadEntryIsRejectedWithItsLineAndModelAndTheOthersAreImported() throws {
    let file = try temp(
      "litellm.json",
      """
      {
          "good-model": {"input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06,
                         "litellm_provider": "openai", "mode": "chat"},
          "bad-model": {"input_cost_per_token": "abc", "output_cost_per_token": 2e-06,
                        "litellm_provider": "openai", "mode": "chat"},
          "negative-model": {"input_cost_per_token": -1e-06, "output_cost_per_token": 2e-06,
                             "litellm_provider": "openai", "mode": "chat"},
          "embedder": {"input_cost_per_token": 1e-08, "litellm_provider": "openai", "mode": "embedding"}
      }
      """)
    let t = try shell()
    XCTAssertFalse(t.run("import prices '\(file)' --as-of 2026-01-01"))
    XCTAssertTrue(
      t.output.contains("bad-model: input_cost_per_token is 'abc', not a number of US$ per token"), t.output)
    XCTAssertTrue(t.output.contains("negative price in input_per_1M: -1"), t.output)
    XCTAssertTrue(t.output.contains("1 skipped (1 mode embedding)"), t.output)
    XCTAssertTrue(
      t.errors.contains("2 of 3 rows rejected (line 4, line 6); the other rows were imported"), t.errors)
    XCTAssertEqual(t.errors.split(separator: "\n").count, 1, "one line with its hint: \(t.errors)")
    XCTAssertEqual(try userRows(t).map(\.id), ["litellm:good-model"])
  }

  func testStrictImportsNothingFromACatalogueWithABadEntry() throws {
    let file = try temp(
      "models.json",
      """
      {"data": [{"id": "a/one", "name": "One", "pricing": {"prompt": "0.000001", "completion": "x"}},
                {"id": "a/two", "name": "Two", "pricing": {"prompt": "0.000001", "completion": "0.000002"}}]}
      """)
    let t = try shell()
    XCTAssertFalse(t.run("import prices '\(file)' --strict"))
    XCTAssertTrue(
      t.output.contains("a/one: pricing.completion is 'x', not a number of US$ per token"), t.output)
    XCTAssertTrue(t.errors.contains("nothing was imported (--strict)"), t.errors)
    XCTAssertEqual(try userRows(t).count, 0)
  }

  func testFilesThatCannotBeReadChangeNothing() throws {
    let t = try shell()
    let cut = try temp("cut.json", "{\n  \"gpt-x\": {\n    \"input_cost_per_token\": 1e-06,\n")
    XCTAssertFalse(t.run("import prices '\(cut)'"))
    XCTAssertTrue(
      t.errors.contains(
        "import prices: invalid JSON at line 4, column 1: unexpected end of input; nothing was imported"),
      t.errors)
    XCTAssertTrue(t.errors.contains("download the catalogue again"), t.errors)
    let other = try temp("other.json", "{\"name\": \"not prices\", \"list\": [1, 2]}")
    XCTAssertFalse(t.run("import prices '\(other)'"))
    XCTAssertTrue(t.errors.contains("this JSON is not a price catalogue kgsh knows"), t.errors)
    XCTAssertTrue(t.errors.contains("LiteLLM model_prices_and_context_window.json"), t.errors)
    let typo = try temp("typo.csv", "modle,input_per_1M,output_per_1M,currency\nx,1,2,USD\n")
    XCTAssertFalse(t.run("import prices '\(typo)'"))
    XCTAssertTrue(t.errors.contains("unknown column 'modle'; nothing was imported"), t.errors)
    XCTAssertTrue(t.errors.contains("did you mean 'model'?"), t.errors)
    let noModel = "model,input_per_1M,output_per_1M,currency\n"
    let unknown = try temp(
      "unknown.csv", noModel.replacingOccurrences(of: "currency", with: "curency") + "x,1,2,USD\n")
    XCTAssertFalse(t.run("import prices '\(unknown)'"))
    XCTAssertTrue(t.errors.contains("unknown column 'curency'"), t.errors)
    XCTAssertTrue(t.errors.contains("did you mean 'currency'?"), t.errors)
    let missing = try temp("missing.csv", "model,input_per_1M,output_per_1M\nx,1,2\n")
    XCTAssertFalse(t.run("import prices '\(missing)'"))
    XCTAssertTrue(t.errors.contains("has no column currency; nothing was imported"), t.errors)
    XCTAssertEqual(try userRows(t).count, 0)
  }

  func testPlainCSVRowsAreCheckedLikeAnyPriceRow() throws {
    let file = try temp(
      "mine.csv",
      "model,input_per_1M,output_per_1M,currency\nGood,1,2,USD\n,1,2,USD\nBad,1.5.0,2,USD\nOdd,1,2,usd\n")
    let t = try shell()
    XCTAssertFalse(t.run("import prices '\(file)'"))
    XCTAssertTrue(t.output.contains("missing model (the model name makes the price_id)"), t.output)
    XCTAssertTrue(t.output.contains("input_per_1M is not a plain decimal: '1.5.0'"), t.output)
    XCTAssertTrue(t.output.contains("unknown currency code 'usd'; did you mean USD?"), t.output)
    XCTAssertTrue(t.errors.contains("3 of 4 rows rejected (line 3, line 4, line 5)"), t.errors)
  }

  func testAsOfIsForCatalogues() throws {
    let file = try temp(
      "native.csv",
      "price_id,category,product_or_model,input_per_1M,output_per_1M,currency,as_of\nX1,api,M,1,2,USD,2026-11\n"
    )
    let t = try shell()
    XCTAssertFalse(t.run("import prices '\(file)' --as-of 2026-01-01"))
    XCTAssertTrue(t.errors.contains("--as-of dates a catalogue snapshot"), t.errors)
    XCTAssertFalse(t.run("import prices '\(file)' --as-of yesterday"))
    XCTAssertTrue(t.errors.contains("--as-of"), t.errors)
    XCTAssertEqual(try userRows(t).count, 0)
  }

  func testReadOnlyRefusesACatalogue() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString).sqlite")
      .path
    defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
    let writable = try KnowledgeStore.open(path: path)
    try KnowledgeLoader.ensureBuilt(writable, from: Repository.knowledge)
    _ = try TestShell(plugins: [PricingPlugin.plugin], store: writable)  // the pricing tables
    let t = try TestShell(
      plugins: [PricingPlugin.plugin], store: try KnowledgeStore.open(path: path, readOnly: true))
    let folder = Repository.root.appendingPathComponent("shell-scripts/data/catalogues").path
    XCTAssertFalse(t.run("import prices '\(folder)/litellm-model-prices.json'"))
    XCTAssertTrue(t.errors.lowercased().contains("read-only"), t.errors)
    XCTAssertEqual(try writable.priceRows().count, 0)
  }

  /// A LiteLLM-shaped catalogue of `count` chat models; model i costs (i+1)e-07 in, (i+1)e-06 out.
  static func generated(_ count: Int, bump: Set<Int> = []) -> String {
    let entries = (0..<count).map { i in
      let input = "\(i + 1 + (bump.contains(i) ? 1 : 0))e-07"
      return """
          "gen-model-\(i)": {"input_cost_per_token": \(input), "output_cost_per_token": \(i + 1)e-06,
              "cache_read_input_token_cost": 2.5e-08, "litellm_provider": "provider-\(i % 40)", "mode": "chat"}
        """
    }
    return "{\n  \"sample_spec\": {\"mode\": \"one of: chat, embedding\"},\n"
      + entries.joined(separator: ",\n") + "\n}\n"
  }

  func testTwoThousandModelsAndANewerSnapshot() throws {
    let t = try shell()
    let first = try temp("gen.json", Self.generated(2000))
    let start = Date()
    XCTAssertTrue(t.run("import prices '\(first)' --as-of 2026-11-01"), t.errors)
    let seconds = Date().timeIntervalSince(start)
    XCTAssertTrue(
      t.output.contains("2000 added, 0 changed, 0 unchanged, 0 rejected"), t.output.suffix(300).description)
    print("import prices: 2000 generated LiteLLM models in \(String(format: "%.2f", seconds)) s")
    let rows = try userRows(t)
    XCTAssertEqual(rows.count, 2000)
    // Model 1499: 1500e-07 = 0.00015 per token → 150 per 1M; 1500e-06 → 1500; 2.5e-08 → 0.025.
    let m = try XCTUnwrap(rows.first { $0.id == "litellm:gen-model-1499" })
    XCTAssertEqual([m.input, m.output, m.cachedInput, m.vendor], ["150", "1500", "0.025", "provider-19"])
    let second = try temp("gen2.json", Self.generated(2000, bump: [0, 7, 1999]))
    XCTAssertTrue(t.run("import prices '\(second)' --as-of 2026-12-01"), t.errors)
    XCTAssertTrue(
      t.output.contains("0 added, 3 changed, 1997 unchanged, 0 rejected"), t.output.suffix(300).description)
    let zero = try userRows(t).filter { $0.id == "litellm:gen-model-0" }.map { [$0.asOf, $0.input] }
    XCTAssertEqual(zero, [["2026-11-01", "0.1"], ["2026-12-01", "0.2"]])
  }
}

import KnowledgeGraph
import PricingPlugin
import ShellCore
import ShellTesting
import XCTest

final class PricingTests: XCTestCase {
  func shell() throws -> TestShell {
    let t = try TestShell(plugins: [PricingPlugin.plugin], store: try Repository.defaultStore())
    t.session.knowledgeDirectory = Repository.root.appendingPathComponent("Knowledge").path
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
    XCTAssertTrue(out.contains("¥4.236 in / ¥15.532 out"), out)
    XCTAssertFalse(out.contains("P034"), "GLM-4.5-Air is a different model:\n\(out)")
    let plans = try run("prices --kind plan --vendor moonshot")
    XCTAssertTrue(plans.contains("P023") && !plans.contains("P033"), plans)
  }

  func testConversionFollowsTheDefaultRate() throws {
    let t = try shell()
    XCTAssertTrue(t.run("prices --model 'Claude Pro' --currency CNY"), t.errors)
    XCTAssertTrue(t.output.contains("¥141.20"), t.output)  // 20 × 7.06
    XCTAssertTrue(t.run("fx set USD CNY 7.1 --as-of 2026-03 --source manual"), t.errors)
    XCTAssertTrue(t.run("prices --model 'Claude Pro' --currency CNY"), t.errors)
    XCTAssertTrue(t.output.contains("¥142"), t.output)  // 20 × 7.1
    XCTAssertTrue(t.run("prices --model GLM-4.5 --currency USD"), t.errors)
    XCTAssertTrue(t.output.contains("P041"), t.output)  // CNY row converted back through 1/7.1
  }

  func testFXListsSourcedRatesAndValidates() throws {
    let out = try run("fx")
    for text in ["7.06", "6.97", "N01", "N02", "2025-09", "2026-01-08"] {
      XCTAssertTrue(out.contains(text), text)
    }
    let early = try run("fx USD CNY --as-of 2025-12")
    XCTAssertTrue(early.contains("N01") && !early.contains("N02"), early)
    XCTAssertTrue(try fails("fx set usd CNY 7").contains("did you mean USD?"))
    XCTAssertTrue(try fails("fx set USD XYZ 7").contains("not a known currency"))
    XCTAssertTrue(try fails("fx set USD CNY -1").contains("positive"))
    XCTAssertTrue(try fails("fx set USD CNY 0").contains("positive"))
    XCTAssertTrue(try fails("fx set USD USD 1").contains("same currency"))
    XCTAssertTrue(try fails("prices --currency XXX").contains("not a known currency"))
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
    XCTAssertTrue(out.contains("promotion/first-order price: not used in summary"), out)
    XCTAssertTrue(
      out.contains(
        "summary: GLM Coding Plan Lite ¥20/month (P006) is 1/5.9 of Claude Pro's ¥117.67/month (P002)"), out)
    XCTAssertFalse(out.contains("(P015) is"), "the $3 first-order price must not be the summary:\n\(out)")
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
  }

  func testTokenCounts() throws {
    let out = try run("cost GLM-4.5 'Claude Sonnet 4' --input 10M --output 2.5k --cached 1e6 --explain")
    XCTAssertTrue(out.contains("10,000,000 input + 1,000,000 cached + 2,500 output"), out)
    // GLM-4.5: 10 × 0.60 + 1 × 0.11 + 0.0025 × 2.20 = 6.1155; Sonnet 4: 30 + 0.30 + 0.0375 = 30.3375.
    XCTAssertTrue(out.contains("US$6.1155"), out)
    XCTAssertTrue(out.contains("US$30.3375"), out)
    XCTAssertTrue(out.contains("4.96×"), out)
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
  }

  func testUnknownModelSuggests() throws {
    XCTAssertTrue(try fails("compare 'Claude Sonet 4' GLM-4.5").contains("did you mean 'Claude Sonnet 4'?"))
    XCTAssertTrue(try fails("cost GLM-4.55 --input 1M").contains("no price for 'GLM-4.55'"))
    XCTAssertTrue(try fails("prices --model Kimmi-K2").contains("did you mean"))
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
}

final class PricingTestsImportExport: XCTestCase {
  func shell() throws -> TestShell {
    let t = try TestShell(plugins: [PricingPlugin.plugin], store: try Repository.defaultStore())
    t.session.knowledgeDirectory = Repository.root.appendingPathComponent("Knowledge").path
    return t
  }

  func temp(_ name: String, _ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pricing-\(UUID().uuidString)-\(name)"
    ).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func testRoundTripAndImport() throws {
    let t = try shell()
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pricing-\(UUID().uuidString).tsv"
    ).path
    XCTAssertTrue(t.run("export-prices '\(out)'"), t.errors)
    let exported = try String(contentsOfFile: out, encoding: .utf8)
    let original = try String(
      contentsOfFile: Repository.root.appendingPathComponent("Knowledge/reference/prices.tsv").path,
      encoding: .utf8)
    XCTAssertEqual(exported.split(separator: "\n").count, original.split(separator: "\n").count)
    XCTAssertTrue(
      exported.contains(
        "P033\tapi_per_token\tZhipu AI (Z.ai)\tGLM-4.5\t\tapi.z.ai\tpay-as-you-go\t0.60\t0.11\t2.20"))

    let file = try temp(
      "new.tsv",
      "price_id\tcategory\tvendor\tproduct_or_model\tinput_per_1M\toutput_per_1M\tcurrency\tas_of\n"
        + "X001\tapi_per_token\tTestCo\tTest Model\t0.10\t0.30\tUSD\t2026-11\n"
        + "P033\tapi_per_token\tZhipu AI (Z.ai)\tGLM-4.5\t0.50\t2.00\tUSD\t2026-11\n")
    XCTAssertTrue(t.run("import-prices '\(file)'"), t.errors)
    XCTAssertTrue(t.run("cost 'Test Model' GLM-4.5 --input 1M --output 1M"), t.errors)
    XCTAssertTrue(t.output.contains("US$0.40"), t.output)  // 0.10 + 0.30
    XCTAssertTrue(t.output.contains("US$2.50"), t.output)  // replaced P033: 0.50 + 2.00
  }

  func testImportRejectsBadRows() throws {
    for (row, message) in [
      ("X1\tapi_per_token\tT\tM\t0.1\tabc\tUSD", "output_per_1M must be a decimal"),
      ("X1\tapi_per_token\tT\tM\t0.1\t0.2\tusd", "not a known currency"),
      ("X1\tplan\tT\tM\t0.1\t0.2\tUSD", "category must be"),
      ("X1\tapi_per_token\tT\tM\t\t0.2\tUSD", "needs input_per_1M"),
    ] {
      let t = try shell()
      let file = try temp(
        "bad.tsv",
        "price_id\tcategory\tvendor\tproduct_or_model\tinput_per_1M\toutput_per_1M\tcurrency\n\(row)\n")
      XCTAssertFalse(t.run("import-prices '\(file)'"))
      XCTAssertTrue(t.errors.contains(message), "\(row): \(t.errors)")
    }
    let t = try shell()
    XCTAssertFalse(t.run("import-prices /nonexistent/prices.tsv"))
    XCTAssertTrue(t.errors.contains("no file"), t.errors)
  }
}

/// Every row of the reference price table is reachable from kgsh with its source.
final class PriceReachabilityTests: XCTestCase {
  func testEveryPriceRowIsListedWithItsSource() throws {
    let t = try TestShell(plugins: [PricingPlugin.plugin], store: try Repository.defaultStore())
    t.session.knowledgeDirectory = Repository.root.appendingPathComponent("Knowledge").path
    XCTAssertTrue(t.run("prices --format tsv"), t.errors)
    let listed = t.output.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    let ids = Set(listed.map { String($0[0]) })
    let table = try TSV.read(Repository.root.appendingPathComponent("Knowledge/reference/prices.tsv").path)
    for row in table.rows {
      XCTAssertTrue(ids.contains(row["price_id"]), "\(row["price_id"]) is not listed by prices")
    }
    XCTAssertTrue(listed.allSatisfy { !($0.last ?? "").isEmpty }, "every listed row names its source")
  }
}

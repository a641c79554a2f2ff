import KnowledgeGraph
import PricingPlugin
import ShellCore
import ShellTesting
import XCTest

/// `import prices` and `export prices`: formats, bad rows, one transaction, nothing changed
/// when the file is malformed.
final class PriceImportTests: XCTestCase {
  static let header =
    "price_id,category,vendor,product_or_model,input_per_1M,output_per_1M,flat_price,currency,as_of,source,status"

  func shell() throws -> TestShell {
    let t = try TestShell(plugins: [PricingPlugin.plugin], store: try Repository.defaultStore())
    return t
  }

  func temp(_ name: String, _ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pricing-\(UUID().uuidString)-\(name)"
    )
    .path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func testCSVWithBOMAndCRLFReportsEveryRow() throws {
    let t = try shell()
    let file = try temp(
      "p.csv",
      "\u{FEFF}" + Self.header + "\r\n"
        + "X001,api_per_token,TestCo,Test Model,0.10,0.30,,USD,2026-11,\"TestCo, pricing page\",verified\r\n"
        + "P033,api_per_token,,GLM-4.5,0.50,2.00,,USD,2026-11-01,z.ai,verified\r\n"
        + "X002,subscription,TestCo,Test Plan,,,-5,USD,2026-11,x,verified\r\n"
        + "X003,api_per_token,TestCo,Bad Cur,1,2,,usd,2026-11,x,verified\r\n"
        + "X001,api_per_token,TestCo,Test Model,0.10,0.30,,USD,2026-11,\"TestCo, pricing page\",verified\r\n"
        + "X004,api_per_token,TestCo\r\n"
        + "X005,api_per_token,TestCo,M5,1,2,,USD,2026-13-01,x,verified\r\n")
    XCTAssertFalse(t.run("import prices '\(file)'"), "rejected rows make the command fail")
    let out = t.output
    XCTAssertTrue(out.contains("1 added, 1 changed, 0 unchanged, 5 rejected"), out)
    for expected in [
      "negative price in flat_price: -5", "unknown currency code 'usd'; did you mean USD?",
      "duplicate row: price_id X001 as of 2026-11 is already on line 2",
      "missing columns: 3 fields, the header has 11",
      "bad date '2026-13-01' in as_of",
    ] {
      XCTAssertTrue(out.contains(expected), "\(expected):\n\(out)")
    }
    XCTAssertTrue(out.contains("│    4 │ X002"), "line numbers count the header:\n\(out)")
    XCTAssertTrue(t.errors.contains("5 of 7 rows rejected"), t.errors)
    XCTAssertTrue(t.errors.contains("the other rows were imported"), t.errors)
    // The good rows are in: the quoted comma survived, P033 is a new observation and kept its seller type.
    XCTAssertTrue(t.run("cost 'Test Model' GLM-4.5 --input 1M --output 1M"), t.errors)
    XCTAssertTrue(t.output.contains("US$0.40"), t.output)  // 0.10 + 0.30
    XCTAssertTrue(t.output.contains("US$2.50"), t.output)  // new P033: 0.50 + 2.00
    XCTAssertFalse(t.output.contains("P040"), "P033 keeps vendor_list, so resellers stay out:\n\(t.output)")
    let rows = try t.session.store.priceRows()
    XCTAssertEqual(rows.map(\.id).sorted(), ["P033", "X001"])
    XCTAssertEqual(rows.first { $0.id == "X001" }?.source, "TestCo, pricing page")
    // Importing the same file again: nothing new, the same rejections.
    XCTAssertFalse(t.run("import prices '\(file)'"))
    XCTAssertTrue(t.output.contains("0 added, 0 changed, 2 unchanged, 5 rejected"), t.output)
    // A file whose every row is rejected says that nothing came in, not "the other rows".
    let bad = try temp(
      "bad.csv", Self.header + "\nX009,api_per_token,TestCo,M9,1,2,,usd,2026-11,x,verified\n")
    XCTAssertFalse(t.run("import prices '\(bad)'"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "1 of 1 rows rejected (line 2); nothing was imported; fix the rows listed above and import the file again\n"
      ), t.errors)
  }

  func testAsOfSeesTheOlderObservation() throws {
    let t = try shell()
    let file = try temp(
      "new.tsv",
      "price_id\tcategory\tproduct_or_model\tinput_per_1M\toutput_per_1M\tcurrency\tas_of\n"
        + "P033\tapi_per_token\tGLM-4.5\t0.50\t2.00\tUSD\t2026-11-01\n")
    XCTAssertTrue(t.run("import prices '\(file)'"), t.errors)
    XCTAssertTrue(
      t.output.contains("new observation after GLM-4.5 US$0.60 in / US$2.20 out per 1M as of 2026-01-07"),
      t.output)
    XCTAssertTrue(t.run("prices --model GLM-4.5 --as-of 2026-06"), t.errors)
    XCTAssertTrue(
      t.output.contains("US$0.60"), "before the import's date the built-in row holds:\n\(t.output)")
    XCTAssertTrue(t.run("prices --model GLM-4.5"), t.errors)
    XCTAssertTrue(t.output.contains("US$0.50") && t.output.contains("user"), t.output)
  }

  func testJSONArrayOfObjects() throws {
    let t = try shell()
    let file = try temp(
      "p.json",
      """
      [
        {"price_id": "J001", "category": "api", "product_or_model": "Json Model", "input_per_1M": 0.1,
         "output_per_1M": 0.3, "currency": "CNY", "as_of": "2026-10-01"},
        {"price_id": "J002", "category": "subscription", "product_or_model": "Json Plan",
         "currency": "CNY", "as_of": "2026-10-01"},
        {"price_id": "J003", "category": "subscription", "product_or_model": "No Date", "flat_price": 9,
         "currency": "CNY"}
      ]
      """)
    XCTAssertFalse(t.run("import prices '\(file)'"))
    XCTAssertTrue(t.output.contains("1 added, 0 changed, 0 unchanged, 2 rejected"), t.output)
    XCTAssertTrue(t.output.contains("│    4 │ J002     │ rejected │ missing flat_price"), t.output)
    XCTAssertTrue(t.output.contains("│    6 │ J003     │ rejected │ missing columns: as_of"), t.output)
    // 0.1 stays exactly 0.1: no binary floating point on the way in.
    XCTAssertEqual(try t.session.store.priceRows().first?.input, "0.1")
  }

  func testTSVAndJSONWithBOMAndCRLF() throws {
    let t = try shell()
    let tsv = try temp(
      "p.tsv",
      "\u{FEFF}price_id\tcategory\tproduct_or_model\tflat_price\tcurrency\tas_of\r\n"
        + "T001\tsubscription\tTab Plan\t12.5\tCNY\t2026-10\r\n\r\n"
        + "T002\tplan\tTab Plan 2\t-1\tCNY\t2026-10\r\n")
    XCTAssertFalse(t.run("import prices '\(tsv)'"))
    XCTAssertTrue(t.output.contains("1 added, 0 changed, 0 unchanged, 1 rejected"), t.output)
    XCTAssertTrue(
      t.output.contains("│    4 │ T002     │ rejected │ negative price in flat_price: -1"), t.output)
    let json = try temp(
      "p.json",
      "\u{FEFF}[\r\n {\"price_id\": \"J9\", \"category\": \"plan\", \"product_or_model\": \"BOM Plan\", \"flat_price\": 8,"
        + " \"currency\": \"CNY\", \"as_of\": \"2026-10\"}\r\n]\r\n")
    XCTAssertTrue(t.run("import prices '\(json)'"), t.errors)
    XCTAssertTrue(t.run("compare 'Tab Plan' 'BOM Plan'"), t.errors)
    XCTAssertTrue(
      t.output.contains("summary: BOM Plan ¥8/month (J9) is 1/1.6 of Tab Plan's ¥12.50/month (T001)"),
      t.output)
  }

  func testStrictImportsNothingWhenARowIsBad() throws {
    let t = try shell()
    let file = try temp(
      "s.csv",
      Self.header
        + "\nX001,api,T,Good,1,2,,USD,2026-11,x,verified\nX002,api,T,Bad,-1,2,,USD,2026-11,x,verified\n")
    XCTAssertFalse(t.run("import prices '\(file)' --strict"))
    XCTAssertTrue(t.output.contains("nothing was imported (--strict"), t.output)
    XCTAssertTrue(t.errors.contains("nothing was imported (--strict)"), t.errors)
    XCTAssertEqual(try t.session.store.priceRows().count, 0)
  }

  func testMalformedFilesChangeNothing() throws {
    let t = try shell()
    let good = try temp("g.csv", Self.header + "\nX001,api,T,Good,1,2,,USD,2026-11,x,verified\n")
    XCTAssertTrue(t.run("import prices '\(good)'"), t.errors)
    let before = try t.session.store.priceRows()
    for (name, text, message) in [
      ("a.csv", "price_id,category,product_or_model,currency\nX9,api,M,USD\n", "has no column as_of"),
      (
        "b.csv", Self.header + ",curency\nX9,api,T,M,1,2,,USD,2026-11,x,verified,USD\n",
        "did you mean 'currency'?"
      ),
      (
        "c.csv", Self.header + "\nX9,api,T,\"M,1,2,,USD,2026-11,x,verified\n",
        "c.csv:2: a quoted field is never closed"
      ),
      ("d.json", "[{\"price_id\": \"X9\",", "invalid JSON at line 1, column 20: unexpected end of input"),
      ("e.json", "{\"price_id\": \"X9\"}", "not a price catalogue kgsh knows"),
      ("f.xlsx", "x", "name the file .csv, .tsv or .json"),
      ("g.csv", "", "the file is empty"),
    ] {
      let file = try temp(name, text)
      XCTAssertFalse(t.run("import prices '\(file)'"), name)
      XCTAssertTrue(t.errors.contains(message), "\(name): \(t.errors)")
    }
    // A Latin-1 file names its first bad line (the header is line 1).
    let latin1 = try temp("h.csv", "")
    _ = FileManager.default.createFile(
      atPath: latin1,
      contents: Data(
        Array((Self.header + "\nX9,api,T,Caf").utf8) + [0xE9] + Array(",1,2,,USD,2026-11,x,verified\n".utf8)))
    XCTAssertFalse(t.run("import prices '\(latin1)'"))
    XCTAssertTrue(
      t.errors.contains("import prices: \(latin1):2: the text is not UTF-8; save the file as UTF-8"), t.errors
    )
    XCTAssertEqual(try t.session.store.priceRows(), before, "a malformed file changes nothing")
    XCTAssertFalse(t.run("import prices /nonexistent/prices.csv"))
    XCTAssertTrue(t.errors.contains("no file '/nonexistent/prices.csv'"), t.errors)
    let folder = FileManager.default.temporaryDirectory.path
    XCTAssertFalse(t.run("import prices '\(folder)'"))
    XCTAssertTrue(t.errors.contains("import prices: \(folder) is a folder, not a price file"), t.errors)
    XCTAssertEqual(try t.session.store.priceRows(), before, "a folder changes nothing")
  }

  func testExportRoundTripsAndOldNamesAreAliases() throws {
    let t = try shell()
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pricing-\(UUID().uuidString).tsv"
    ).path
    XCTAssertTrue(t.run("export prices '\(out)'"), t.errors)
    let exported = try String(contentsOfFile: out, encoding: .utf8)
    let original = try String(
      contentsOfFile: Repository.root.appendingPathComponent("Knowledge/reference/prices.tsv").path,
      encoding: .utf8)
    XCTAssertEqual(exported.split(separator: "\n").count, original.split(separator: "\n").count)
    XCTAssertTrue(
      exported.contains(
        "P033\tapi_per_token\tZhipu AI (Z.ai)\tGLM-4.5\t\tapi.z.ai\tpay-as-you-go\t0.60\t0.11\t2.20"))
    // Re-importing the built-in table: every row is unchanged, free-text dates included
    // (`2025 (GLM-4.6 era)`), and nothing is written.
    XCTAssertTrue(t.run("import-prices '\(out)'"), t.errors)
    let rows = exported.split(separator: "\n").count - 1
    XCTAssertTrue(
      t.output.contains(": 0 added, 0 changed, \(rows) unchanged, 0 rejected\nnothing was written"), t.output)
    XCTAssertEqual(try t.session.store.priceRows().count, 0)
    // A row edited in the file is read as a new observation; one whose as_of is a
    // description must be given a date first.
    let edited = exported.replacingOccurrences(
      of: "GLM-4.5\t\tapi.z.ai\tpay-as-you-go\t0.60", with: "GLM-4.5\t\tapi.z.ai\tpay-as-you-go\t0.55"
    ).replacingOccurrences(of: "\t20\tUSD\t", with: "\t21\tUSD\t")
    try edited.write(toFile: out, atomically: true, encoding: .utf8)
    XCTAssertFalse(t.run("import prices '\(out)'"))
    XCTAssertTrue(t.output.contains("│ P033     │ changed"), t.output)
    XCTAssertTrue(
      t.output.contains("│ P001     │ rejected │ bad date '2026-06-10 (verified by source)'"), t.output)
    XCTAssertEqual(try t.session.store.priceRows().map(\.id), ["P033"])
    let json = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pricing-\(UUID().uuidString).json"
    ).path
    XCTAssertTrue(t.run("export-prices '\(json)' --kind api"), t.errors)
    XCTAssertTrue(try String(contentsOfFile: json, encoding: .utf8).contains("\"price_id\": \"P033\""))
    XCTAssertNotNil(t.session.registry.command("import prices"))
    XCTAssertNil(t.session.registry.command("import"), "plain import belongs to the graph plugin")
    XCTAssertNil(t.session.registry.command("export"), "plain export belongs to the graph plugin")
  }
}

// `chart` and `save`: a table drawn as bars or written to a file.
import Foundation
import GraphPlugin
import KnowledgePlugin
import PricingPlugin
import QueryPlugin
import ScriptingPlugin
import ShellCore
import ShellTesting
import XCTest

extension ScriptingTests {
  /// Bars are named by the first column of names; a cut table's chart says so; money in two
  /// currencies is not drawn as if it were one.
  func testChartNamesBarsSaysWhenCutAndRefusesMixedCurrencies() throws {
    let t = try TestShell(
      plugins: [KnowledgePlugin.plugin, ScriptingPlugin.plugin, PricingPlugin.plugin, GraphPlugin.plugin],
      store: try Repository.defaultStore())
    let before = t.output.count
    // rank's first column is the rank, a number: the bars are named by the entity after it.
    XCTAssertTrue(t.run("rank --limit 2 | chart score --width 3"), t.errors)
    let entities = try t.session.store.nodeCount()
    XCTAssertEqual(
      String(t.output.dropFirst(before)),
      "Zhipu AI ███ 111\nOpenAI   ██ 76\ncharted only the 2 rows --limit let through, of \(entities); raise --limit\n"
    )
    XCTAssertFalse(t.run("prices --kind api | chart input_1M"))
    XCTAssertTrue(
      t.errors.contains("chart: input_1M holds amounts in both USD and CNY"), t.errors)
    XCTAssertTrue(t.run("prices --kind api --currency USD | chart input_1M"), t.errors)
    // Each bar's figure reads as the table's cell: money with its symbol and decimals.
    let priced = t.output.count
    XCTAssertTrue(
      t.run("cost GLM-4.5 'Claude Sonnet 4' --input 1M --output 1M | chart total --width 4"), t.errors)
    XCTAssertEqual(
      String(t.output.dropFirst(priced)), "GLM-4.5         ▋ US$2.80\nClaude Sonnet 4 ████ US$18.00\n")
    // A column of dates is refused, not charted from the one cell that reads as a number.
    let shown = t.output.count
    XCTAssertFalse(t.run("timeline --from 2025-01 | chart date"))
    XCTAssertEqual(t.output.count, shown, "no bars drawn")
    XCTAssertTrue(t.errors.contains("chart: column 'date' is not numeric (row 1 has '2025-01')"), t.errors)
    XCTAssertTrue(t.errors.contains("... | uniq date | chart count"), t.errors)
  }

  func testSaveWritesTheFormatOfTheExtension() throws {
    let t = try shell()
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kgsh-save-\(UUID().uuidString).csv"
    ).path
    defer { try? FileManager.default.removeItem(atPath: file) }
    XCTAssertTrue(t.run("labels | first 2 | save \(file)"), t.errors)
    XCTAssertTrue(t.output.contains("saved 2 rows to \(file)"), t.output)
    // The CSV holds the header and the two largest labels (their counts grow with Knowledge/).
    let saved = try String(contentsOfFile: file, encoding: .utf8)
    XCTAssertNotNil(
      saved.range(of: "^label,count\nModel,201\nInvestor,[0-9]+\n$", options: .regularExpression), saved)
    // A listing --limit cut is saved as it is, and the message says it is not all of it.
    let before = t.output.count
    XCTAssertTrue(t.run("list Company --limit 3 | save \(file)"), t.errors)
    let total = try t.session.store.nodeCount(label: "Company")
    XCTAssertEqual(
      String(t.output.dropFirst(before)),
      "saved 3 rows to \(file): only the rows --limit let through, of \(total); raise --limit\n")
    XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count, 4)
    // .jsonl: a row an object a line.
    let lines = String(file.dropLast(4)) + ".jsonl"
    defer { try? FileManager.default.removeItem(atPath: lines) }
    XCTAssertTrue(t.run("labels | first 2 | save \(lines)"), t.errors)
    XCTAssertTrue(
      try String(contentsOfFile: lines, encoding: .utf8).hasPrefix(
        "{\"label\":\"Model\",\"count\":201}\n{\"label\":"))
  }

  /// A card is saved whole as JSON (the document `--format json` prints) or Markdown; a
  /// one-table format says how to keep it all or one part; a spreadsheet name gets .csv.
  func testSaveOfACardKeepsItsPartsWhereTheFormatCan() throws {
    let t = try shell()
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-card-\(UUID().uuidString)")
      .path
    defer { for ext in ["json", "md"] { try? FileManager.default.removeItem(atPath: "\(base).\(ext)") } }
    XCTAssertTrue(t.run("show Zhipu | save \(base).json"), t.errors)
    XCTAssertTrue(
      t.output.contains("saved 6 parts (entity, facts, relations, group facts, conflicts, sources)"))
    let card = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base + ".json")))
    let parts = try XCTUnwrap(card as? [String: Any])
    XCTAssertEqual((parts["entity"] as? [String: Any])?["name"] as? String, "Zhipu AI")
    XCTAssertTrue(t.run("show Zhipu | save \(base).md"), t.errors)
    XCTAssertTrue(
      try String(contentsOfFile: base + ".md", encoding: .utf8).contains("### facts\n\n| predicate |"))
    XCTAssertFalse(t.run("show Zhipu | save \(base).csv"))
    XCTAssertTrue(
      t.errors.contains("save: a .csv file holds one table, and the command before | gave 6 parts"))
    XCTAssertFalse(FileManager.default.fileExists(atPath: base + ".csv"))
    XCTAssertFalse(t.run("labels | save \(base).xlsx"))
    XCTAssertTrue(t.errors.hasSuffix("a .csv file opens in any spreadsheet: save \(base).csv\n"), t.errors)
  }
}

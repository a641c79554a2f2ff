import Foundation
import KnowledgeGraph
import XCTest

@testable import ShellCore

/// Every format carries the same information (docs/OUTPUT.md): money keeps its currency in
/// CSV/TSV, every section of a card is printed, several outputs make one JSON document.
final class OutputFormatTests: XCTestCase {
  let card = Output.sections([
    ("entity", .record([("key", .string("zhipu")), ("name", .string("Zhipu AI"))])),
    (
      "facts",
      .table(
        Table(
          columns: ["predicate", "value", "as_of"],
          rows: [[.string("revenue"), .money(Money(Decimal(string: "3.124")!, "CNY")), .date("2025-06")]]))
    ),
    ("note", .message("two sources disagree")),
  ])

  func testCSVPrintsEverySectionAsABlock() {
    XCTAssertEqual(
      Renderer(format: .csv).render(card),
      """
      # entity
      field,value
      key,zhipu
      name,Zhipu AI

      # facts
      predicate,value,as_of
      revenue,3.124 CNY,2025-06

      """, "the text-only section (a chart, a remark) is for people and left out")
  }

  func testTSVMoneyKeepsItsCurrencySoMixedColumnsStayApart() {
    let table = Table(
      columns: ["model", "input_1M"],
      rows: [[.string("GLM"), .money(Money(3, "CNY"))], [.string("Claude"), .money(Money(3, "USD"))]])
    XCTAssertEqual(
      Renderer(format: .tsv).render(.table(table)), "model\tinput_1M\nGLM\t3 CNY\nClaude\t3 USD\n")
  }

  func testTSVTurnsTabsAndNewlinesInsideValuesIntoSpaces() {
    let table = Table(
      columns: ["name", "quote"],
      rows: [[.string("智谱\tAI"), .string("line one\nline two")], [.string("GLM-4.5"), .string("纯文本")]])
    XCTAssertEqual(
      Renderer(format: .tsv).render(.table(table)),
      "name\tquote\n智谱 AI\tline one line two\nGLM-4.5\t纯文本\n")
  }

  func testJSONLIsOneCompactLinePerOutput() throws {
    let line = Renderer(format: .jsonl).render(card)
    XCTAssertEqual(line.filter { $0 == "\n" }.count, 1, line)
    let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    let facts = try XCTUnwrap(parsed?["facts"] as? [[String: Any]])
    let value = try XCTUnwrap(facts.first?["value"] as? [String: Any])
    XCTAssertEqual(value["currency"] as? String, "CNY")
    XCTAssertEqual(facts.first?["as_of"] as? String, "2025-06")
    // Compact as jq -c writes it: no space after a colon or a comma, but inside strings.
    XCTAssertFalse(line.contains("\": "), line)
    let table = Table(columns: ["name", "note"], rows: [[.string("A"), .string("x: \"y\",  z")]])
    XCTAssertEqual(
      Renderer(format: .jsonl).render(.table(table)), #"{"name":"A","note":"x: \"y\",  z"}"# + "\n")
    XCTAssertEqual(Renderer(format: .jsonl).render(.record([("a", .int(1))])), "{\"a\":1}\n")
  }

  /// A write's record with untitled remarks (`fact add`'s notes): JSON keys the record as
  /// `result` and gathers the remarks as `notes` (two "" keys before); CSV and Markdown print
  /// no empty heading.
  func testUntitledSectionsHaveKeysOfTheirOwn() throws {
    let written = Output.sections([
      ("", .record([("fact", .string("UF-1"))])), ("", .message("a new predicate")),
      ("", .message("kept both")),
    ])
    let json = Renderer(format: .json).render(written)
    let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
    XCTAssertEqual(Set(parsed.keys), ["result", "notes"], json)
    XCTAssertEqual((parsed["result"] as? [String: Any])?["fact"] as? String, "UF-1")
    XCTAssertEqual(parsed["notes"] as? [String], ["a new predicate", "kept both"])
    XCTAssertEqual(Renderer(format: .csv).render(written), "field,value\nfact,UF-1\n")
    XCTAssertFalse(Renderer(format: .markdown).render(written).contains("###"))
    // Two parts with one title stay apart.
    let twice = Output.sections([("facts", .record([("a", .int(1))])), ("facts", .record([("a", .int(2))]))])
    let keys = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(Renderer(format: .json).render(twice).utf8)) as? [String: Any])
    XCTAssertEqual(Set(keys.keys), ["facts", "facts_2"])
    // A part titled `notes` keeps its key; the remarks go under `notes_2`.
    let titled = Output.sections([("notes", .record([("a", .int(1))])), ("", .message("kept both"))])
    let both = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(Renderer(format: .json).render(titled).utf8)) as? [String: Any])
    XCTAssertEqual(both["notes_2"] as? [String], ["kept both"])
  }

  func testSeveralOutputsAreOneJSONArrayAndOneOutputIsItself() throws {
    let a = Renderer(format: .json).render(.record([("n", .int(1))]))
    let b = Renderer(format: .json).render(.table(Table(columns: ["x"], rows: [[.string("y")]])))
    XCTAssertEqual(Renderer.jsonDocument([a]), a)
    XCTAssertEqual(Renderer.jsonDocument([]), "")
    let both = Renderer.jsonDocument([a, b])
    let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(both.utf8)) as? [Any])
    XCTAssertEqual(parsed.count, 2)
    XCTAssertEqual((parsed[0] as? [String: Any])?["n"] as? Int, 1)
    XCTAssertEqual(((parsed[1] as? [[String: Any]])?.first)?["x"] as? String, "y")
  }

  func testAnUnknownFormatIsWordedOnceWithACloseSuggestion() {
    XCTAssertThrowsError(try OutputFormat.named("jsn")) { error in
      XCTAssertEqual("\(error)", "unknown format 'jsn'; did you mean 'json'?")
    }
    XCTAssertThrowsError(try OutputFormat.named("xml")) { error in
      XCTAssertEqual("\(error)", "unknown format 'xml'; use one of table, json, jsonl, csv, tsv, markdown")
    }
    XCTAssertEqual(try OutputFormat.named("CSV"), .csv)
  }
}

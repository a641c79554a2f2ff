import KnowledgeGraph
import XCTest

@testable import ShellCore

final class RendererTests: XCTestCase {
  func testChineseCountsAsTwoColumnsAndTablesAlign() {
    XCTAssertEqual(TextWidth.of("智谱AI"), 6)
    XCTAssertEqual(TextWidth.of("é"), 1)
    let table = Table(
      columns: ["name", "n"], rows: [[.string("智谱"), .int(1)], [.string("MiniMax"), .int(20)]])
    let lines = Renderer(format: .table).render(.table(table)).split(separator: "\n")
    let widths = Set(lines.map { TextWidth.of(String($0)) })
    XCTAssertEqual(
      widths.count, 1, "every line of the box has the same display width:\n\(lines.joined(separator: "\n"))")
  }

  /// A terminal shows a table's screen columns (path's chain); every other format, and a
  /// card's section, carries all of them.
  func testScreenColumnsAreWhatATerminalShows() throws {
    var table = Table(
      columns: ["length", "path", "nodes"],
      rows: [[.int(1), .string("A -[R]-> B"), .list([.string("A"), .string("B")])]])
    table.screenColumns = ["length", "path"]
    for width in [nil, 80] as [Int?] {
      let text = Renderer(format: .table, width: width).render(.sections([("paths", .table(table))]))
      XCTAssertTrue(text.contains("A -[R]-> B"), text)
      XCTAssertFalse(text.contains("nodes"), text)
    }
    for format in [OutputFormat.json, .csv, .tsv, .markdown] {
      let text = Renderer(format: format).render(.table(table))
      XCTAssertTrue(text.contains("nodes"), "\(format): \(text)")
    }
  }

  /// A query's relationships and paths read as arrows between entity names in every text
  /// format; JSON keeps their parts, with the ends as entities.
  func testRelationshipsAndPathsReadAsArrows() throws {
    let a = EntityRef(id: 1, key: "tencent", name: "Tencent")
    let b = EntityRef(id: 2, key: "zhipu", name: "Zhipu AI")
    let c = EntityRef(id: 3, key: "minimax", name: "MiniMax")
    func rel(_ from: EntityRef, _ type: String, _ to: EntityRef, _ props: [String: Value] = [:]) -> Value {
      .map(["type": .string(type), "from": .entity(from), "to": .entity(to), "properties": .map(props)])
    }
    let invests = rel(a, "INVESTS_IN", b, ["amount": .int(20_000_000), "round": .string("B")])
    let path = Value.list([.entity(b), invests, .entity(a), rel(a, "INVESTS_IN", c), .entity(c)])
    let table = Table(columns: ["r", "p"], rows: [[invests, path]])
    let text = Renderer(format: .table, width: 200).render(.table(table))
    XCTAssertTrue(text.contains("│ Tencent -[INVESTS_IN {amount: 20,000,000, round: B}]-> Zhipu AI │"), text)
    XCTAssertTrue(
      text.contains(
        "Zhipu AI <-[INVESTS_IN {amount: 20,000,000, round: B}]- Tencent -[INVESTS_IN]-> MiniMax"), text)
    let csv = Renderer(format: .csv).render(.table(table))
    XCTAssertTrue(csv.contains("Tencent -[INVESTS_IN {amount: 20000000, round: B}]-> Zhipu AI"), csv)
    XCTAssertTrue(
      csv.contains("Zhipu AI <-[INVESTS_IN {amount: 20000000, round: B}]- Tencent -[INVESTS_IN]-> MiniMax"),
      csv)
    let json = Renderer(format: .json).render(.table(Table(columns: ["r"], rows: [[invests]])))
    XCTAssertTrue(json.contains(#""from" : {"#) || json.contains(#""from": {"#), json)
    XCTAssertTrue(json.contains(#""key": "tencent""#) || json.contains(#""key" : "tencent""#), json)
    // Its keys in the relationship's own order, not alphabetical.
    let keys = ["\"type\"", "\"from\"", "\"to\"", "\"properties\""].map { json.range(of: $0)?.lowerBound }
    XCTAssertFalse(keys.contains(nil), json)
    XCTAssertEqual(keys.compactMap { $0 }, keys.compactMap { $0 }.sorted(), json)
    // A list that only looks like one (no relationship between the entities) is a list.
    XCTAssertEqual(ValueFormat.human(.list([.entity(a), .string("x"), .entity(b)])), "Tencent, x, Zhipu AI")
  }

  /// In a card, an empty part that says nothing else is one line under its title's name.
  func testAnEmptySectionIsOneLine() {
    let card = Output.sections([
      ("entity", .record([("name", .string("Foo"))])), ("facts", .table(Table(columns: ["a"], rows: []))),
      ("notes", .table(Table(columns: ["a"], rows: [], notes: ["nothing cited yet"]))),
    ])
    let text = Renderer(format: .table, width: 80).render(card)
    XCTAssertTrue(text.hasPrefix("entity\nname  Foo\n\nfacts: none\n\nnotes\n┌───┐"), text)
    XCTAssertTrue(text.hasSuffix("nothing cited yet\n"), text)
    // Machine formats keep the part, empty.
    let json = Renderer(format: .json, width: 80).render(card)
    XCTAssertTrue(json.contains("\"facts\""), json)
  }

  /// An empty table that says nothing of its own is marked "(no rows)" for people; one with a
  /// note keeps only its note; machine formats stay bare.
  func testAnEmptyTableSaysSo() {
    let empty = Table(columns: ["a", "b"], rows: [])
    XCTAssertEqual(
      Renderer(format: .table, width: 80).render(.table(empty)),
      "┌───┬───┐\n│ a │ b │\n├───┼───┤\n└───┴───┘\n(no rows)\n")
    let said = Table(columns: ["a"], rows: [], notes: ["no match for 'x'"])
    XCTAssertTrue(Renderer(format: .table, width: 80).render(.table(said)).hasSuffix("┘\nno match for 'x'\n"))
    XCTAssertEqual(Renderer(format: .csv).render(.table(empty)), "a,b\n")
  }

  /// An empty table wider than the terminal never draws past its edge: the narrow columns
  /// when the command names them (without a note about the empty others), else the names.
  func testAnEmptyTableWiderThanTheTerminalStaysInside() {
    let columns = (1...20).map { "column_\($0)" }
    var wide = Table(columns: columns, rows: [], notes: ["nothing matched"])
    let named = Renderer(format: .table, width: 40).render(.table(wide))
    XCTAssertTrue(named.hasPrefix("no rows; columns: column_1, column_2,"), named)
    XCTAssertTrue(named.hasSuffix("column_20\nnothing matched\n"), named)
    wide.narrowColumns = ["column_1", "column_2"]
    let narrow = Renderer(format: .table, width: 40).render(.table(wide))
    XCTAssertTrue(narrow.hasPrefix("┌──────────┬──────────┐\n│ column_1 │ column_2 │\n"), narrow)
    XCTAssertFalse(narrow.contains("more columns"), narrow)
    for text in [named, narrow] {
      XCTAssertTrue(text.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 40 }, text)
    }
  }

  func testTruncatesToTerminalWidth() {
    let table = Table(columns: ["text"], rows: [[.string(String(repeating: "很长的文字", count: 40))]])
    for line in Renderer(format: .table, width: 40).render(.table(table)).split(separator: "\n") {
      XCTAssertLessThanOrEqual(TextWidth.of(String(line)), 40)
    }
  }

  func testEscapeSequencesAreNeutralised() {
    let out = Renderer(format: .table).render(
      .table(Table(columns: ["x"], rows: [[.string("a\u{1B}[31mb")]])))
    XCTAssertFalse(out.contains("\u{1B}"))
  }

  func testMachineFormats() throws {
    let table = Table(
      columns: ["name", "amount"], rows: [[.string("a,b"), .money(Money(24_380_000_000, "CNY"))]])
    XCTAssertEqual(Renderer(format: .csv).render(.table(table)), "name,amount\n\"a,b\",24380000000 CNY\n")
    XCTAssertEqual(Renderer(format: .tsv).render(.table(table)), "name\tamount\na,b\t24380000000 CNY\n")
    let json = Renderer(format: .json).render(.table(table))
    guard case .list(let rows) = try JSON.decode(json), case .map(let row) = rows[0] else {
      return XCTFail(json)
    }
    XCTAssertEqual(row["name"], .string("a,b"))
    // Markdown aligns number and money columns right, as the terminal table does.
    XCTAssertEqual(
      Renderer(format: .markdown).render(.table(table)),
      "| name | amount |\n| --- | ---: |\n| a,b | ¥24.38 bn |\n")
  }

  func testHumanMoney() {
    XCTAssertEqual(ValueFormat.human(.money(Money(24_380_000_000, "CNY"))), "¥24.38 bn")
    XCTAssertEqual(ValueFormat.human(.money(Money(4_300_000_000, "HKD"))), "HK$4.3 bn")
    XCTAssertEqual(ValueFormat.human(.money(Money(17, "USD"))), "US$17")
    XCTAssertEqual(ValueFormat.human(.int(1_234_567)), "1,234,567")
  }
}

/// Regressions from the bad-input corpus.
final class RendererHostileInputTests: XCTestCase {
  func testRepeatedColumnNamesInJSONAreMadeUnique() {
    let table = Table(columns: ["a", "a", "a_2"], rows: [[.int(1), .int(2), .int(3)]])
    let json = Renderer(format: .json).render(.table(table))
    XCTAssertTrue(
      json.contains("\"a\": 1") && json.contains("\"a_2\": 2") && json.contains("\"a_2_2\": 3"), json)
  }

  func testControlCharactersNeverReachTheTerminalInAnyFormat() {
    let evil = "x\u{1B}]0;title\u{07}\u{9B}2J"
    let outputs: [Output] = [
      .table(Table(columns: [evil], rows: [[.string(evil)]], notes: [evil])),
      .record([(evil, .string(evil))]),
      .sections([(evil, .message(evil))]),
      .message(evil),
    ]
    for format in OutputFormat.allCases {
      for output in outputs {
        let text = Renderer(format: format).render(output)
        let bad = text.unicodeScalars.filter {
          ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F..<0xA0).contains($0.value)
        }
        XCTAssertTrue(bad.isEmpty, "\(format): \(text.debugDescription)")
      }
    }
  }

  func testTimeoutSettingParses() throws {
    XCTAssertEqual(try Interruption.parseTimeout("5s"), 5)
    XCTAssertEqual(try Interruption.parseTimeout("500ms"), 0.5)
    XCTAssertEqual(try Interruption.parseTimeout("2m"), 120)
    XCTAssertEqual(try Interruption.parseTimeout("3"), 3)
    XCTAssertNil(try Interruption.parseTimeout("off"))
    for bad in ["-5s", "abc", "1e400", "nan", "99999999h", ""] {
      XCTAssertThrowsError(try Interruption.parseTimeout(bad), bad)
    }
    XCTAssertEqual(Interruption.format(0.5), "500ms")
    XCTAssertEqual(Interruption.format(30), "30s")
  }
}

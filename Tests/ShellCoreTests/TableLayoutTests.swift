import KnowledgeGraph
import XCTest

@testable import ShellCore

/// Tables that fit the terminal: widths by need, wrapping inside cells, the vertical
/// layout, and numbers, money, ids and dates never cut.
final class TableLayoutTests: XCTestCase {
  /// Lines of rendered text.
  func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

  func render(_ output: Output, width: Int?, layout: TableLayout = .auto, maxLines: Int? = nil) -> String {
    Renderer(format: .table, width: width, layout: layout, maxLines: maxLines).render(output)
  }

  func testWrapBreaksAtWordsAndBetweenChineseCharacters() {
    XCTAssertEqual(
      TextWrap.lines("the exact quote of a source", width: 10), ["the exact", "quote of a", "source"])
    XCTAssertEqual(TextWrap.lines("智谱正式在港交所上市", width: 8), ["智谱正式", "在港交所", "上市"])
    // Closing punctuation stays with the character before it.
    XCTAssertEqual(TextWrap.lines("中國AI大模型，正式上市", width: 13), ["中國AI大模", "型，正式上市"])
    // A word wider than the line is broken, nothing is lost.
    XCTAssertEqual(TextWrap.lines("https://example.com/a", width: 8), ["https://", "example.", "com/a"])
    XCTAssertEqual(TextWrap.lines("a b c d e f", width: 3, maxLines: 2), ["a b", "c …"])
    // Long identifiers break after _ - / . ; short words such as dates and ids never do.
    XCTAssertEqual(
      TextWrap.lines("market_cap_multiple_of_prior_valuation", width: 12),
      ["market_cap_", "multiple_of_", "prior_", "valuation"])
    XCTAssertEqual(TextWrap.longestWord("ref-guosisoft-754173537062981 2026-01-08"), 15)
    XCTAssertEqual(TextWrap.lines("as of 2026-01-08", width: 10), ["as of", "2026-01-08"])
  }

  func testWrappedLinesNeverExceedTheWidthAndKeepEveryCharacter() {
    let text = "2026年1月8日,中國AI大模型初創公司智譜,正式在港交所掛牌上市 GLM-4.5 costs ¥0.80 per million"
    for width in [4, 7, 11, 20, 33] {
      let wrapped = TextWrap.lines(text, width: width)
      for line in wrapped { XCTAssertLessThanOrEqual(TextWidth.of(line), width, line) }
      XCTAssertEqual(
        wrapped.joined().filter { $0 != " " }, text.filter { $0 != " " }, "width \(width)")
    }
  }

  func testTextColumnsGetTheRoomTheyNeedNumbersKeepTheirs() {
    let plans = [
      ColumnPlan(natural: 5, minimum: 5, atomic: true),  // id
      ColumnPlan(natural: 12, minimum: 10, atomic: false),  // a short name
      ColumnPlan(natural: 90, minimum: 10, atomic: false),  // a long quote
    ]
    let widths = ColumnPlan.widths(plans, budget: 60)
    XCTAssertEqual(widths, [5, 12, 43], "the short column gets all it needs, the long one the rest")
    XCTAssertNil(ColumnPlan.widths(plans, budget: 24), "minimums do not fit")
    XCTAssertEqual(ColumnPlan.widths(plans, budget: 200), [5, 12, 90])
  }

  static let prices = Table(
    columns: ["id", "vendor", "model", "input_1M", "output_1M", "as_of", "note"],
    rows: [
      [
        .string("P031"), .string("Zhipu AI"), .string("GLM-4.5"),
        .money(Money(Decimal(string: "0.8")!, "CNY")),
        .money(Money(2, "CNY")), .date("2025-07-28"),
        .string("price for inputs up to 32K tokens; long-context pricing differs"),
      ],
      [
        .string("P040"), .string("Anthropic"), .string("Claude Sonnet 4"), .money(Money(3, "USD")),
        .money(Money(15, "USD")), .date("2025-05-22"), .string("智谱 清华 官方价格 标准价"),
      ],
      [
        .string("P041"), .string("DeepSeek"), .string("deepseek-chat"),
        .money(Money(Decimal(string: "0.125")!, "USD")), .money(Money(Decimal(string: "25.6984")!, "CNY")),
        .date("2025-09-05"), .null,
      ],
    ], notes: ["3 price rows; prices per million tokens, as published by each vendor on its own site"])

  static let atoms = [
    "P031", "P040", "P041", "¥0.80", "¥2.00", "US$3.00", "US$15.00", "US$0.125", "¥25.70", "2025-07-28",
    "2025-05-22", "2025-09-05",
  ]

  func testAtEveryWidthEveryIdPriceAndDateIsWholeAndNoLineIsTooWide() {
    for width in [40, 60, 80, 100, 160] {
      let text = render(.table(Self.prices), width: width)
      for line in lines(text) {
        XCTAssertLessThanOrEqual(TextWidth.of(line), width, "\(width) columns:\n\(text)")
      }
      for atom in Self.atoms {
        XCTAssertTrue(lines(text).contains { $0.contains(atom) }, "\(atom) cut at \(width) columns:\n\(text)")
      }
      XCTAssertFalse(text.contains("…"), "nothing is cut at \(width):\n\(text)")
    }
  }

  func testNarrowTerminalSwitchesToVerticalRecords() {
    let narrow = render(.table(Self.prices), width: 60)
    XCTAssertTrue(narrow.hasPrefix("─[ 1 of 3 ]"), narrow)
    XCTAssertTrue(narrow.contains("model      Claude Sonnet 4"), narrow)
    let wide = render(.table(Self.prices), width: 160)
    XCTAssertTrue(wide.hasPrefix("┌"), wide)
    XCTAssertEqual(lines(wide).count, 8, "one line per row when everything fits:\n\(wide)")
  }

  func testMediumWidthWrapsTextInsideItsCell() {
    let text = render(.table(Self.prices), width: 100)
    XCTAssertTrue(text.hasPrefix("┌"), text)
    XCTAssertTrue(lines(text).contains { $0.contains("│ price for") }, text)
    XCTAssertTrue(text.contains("├"), "wrapped rows are ruled apart")
    XCTAssertEqual(Set(lines(text).prefix(while: { !$0.hasPrefix("└") }).map(TextWidth.of)).count, 1, text)
  }

  func testSingleRowResultIsOneFieldPerLine() {
    let quote = "2026年1月8日,中國AI大模型初創公司智譜,正式在港交所掛牌上市,成為全球首家以通用大模型為核心業務的上市公司"
    let cite = Table(
      columns: ["fact", "predicate", "value", "quote", "source"],
      rows: [
        [.string("F0001"), .string("listing_date"), .date("2026-01-08"), .string(quote), .string("article")]
      ])
    let text = render(.table(cite), width: 60)
    XCTAssertTrue(text.hasPrefix("fact       F0001\n"), text)
    for line in lines(text) { XCTAssertLessThanOrEqual(TextWidth.of(line), 60, text) }
    let quoteLines = lines(text).filter { $0.hasPrefix("quote") || $0.hasPrefix("     ") }
    let joined: String = quoteLines.map { String($0.dropFirst(11)) }.joined()
    XCTAssertEqual(joined, quote, "the whole quote, wrapped:\n\(text)")
  }

  func testNarrowColumnsAreShownWhenAllDoNotFitAndTheNoteNamesTheRest() {
    var table = Self.prices
    table.narrowColumns = ["id", "model", "input_1M", "output_1M"]
    let narrow = render(.table(table), width: 60)
    XCTAssertTrue(narrow.hasPrefix("┌"), narrow)
    XCTAssertFalse(narrow.contains("Zhipu AI"), "vendor is left out:\n\(narrow)")
    XCTAssertTrue(narrow.contains("3 more columns (vendor, as_of, note)"), narrow)
    table.narrowColumns = ["id", "model", "input_1M", "output_1M", "vendor", "as_of"]
    let one = render(.table(table), width: 80)
    XCTAssertTrue(one.contains("1 more column (note)"), one)
    for line in lines(narrow) { XCTAssertLessThanOrEqual(TextWidth.of(line), 60, narrow) }
    for atom in ["P031", "P040", "P041", "¥0.80", "US$15.00", "US$0.125"] {
      XCTAssertTrue(lines(narrow).contains { $0.contains(atom) }, atom)
    }
    XCTAssertTrue(render(.table(table), width: 160).contains("Zhipu AI"), "all columns when they fit")
    XCTAssertTrue(render(.table(table), width: 60, layout: .vertical).contains("Zhipu AI"))
    XCTAssertTrue(
      render(.table(table), width: 20).hasPrefix("─[ 1 of 3 ]"), "vertical when even those do not fit")
  }

  func testNarrowColumnsAreDroppedLeastImportantFirstUntilTheTableFits() {
    var table = Self.prices
    table.narrowColumns = ["model", "input_1M", "output_1M", "id", "vendor"]
    func header(_ text: String) -> [String] {
      lines(text)[1].split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty
      }
    }
    let four = render(.table(table), width: 50)
    XCTAssertEqual(header(four), ["id", "model", "input_1M", "output_1M"], "in the table's order:\n\(four)")
    XCTAssertTrue(four.contains("3 more columns (vendor, as_of, note): see them"), four)
    let three = render(.table(table), width: 42)
    XCTAssertEqual(header(three), ["model", "input_1M", "output_1M"], three)
    XCTAssertTrue(three.contains("4 more columns (id, vendor, as_of, note)"), three)
    for line in lines(four) + lines(three) { XCTAssertLessThanOrEqual(TextWidth.of(line), 50) }
    XCTAssertTrue(render(.table(table), width: 30).hasPrefix("─[ 1 of 3 ]"), "never fewer than three")
    table.narrowColumns = ["id", "model", "input_1M", "output_1M", "vendor", "as_of"]
    XCTAssertTrue(render(.table(table), width: 80).contains("1 more column (note): see it with"))
  }

  func testALongWordMovesToTheNextLineWholeWhenItFitsThere() {
    XCTAssertEqual(
      TextWrap.lines("-[DEVELOPS]->, <-[MEMBER_OF]-, -[COMPETES_WITH]->", width: 37),
      ["-[DEVELOPS]->, <-[MEMBER_OF]-,", "-[COMPETES_WITH]->"])
    // Only a word wider than the line is cut at its soft breaks.
    XCTAssertEqual(
      TextWrap.lines("see market_cap_multiple_of_prior_valuation", width: 20),
      ["see market_cap_", "multiple_of_prior_", "valuation"])
  }

  /// A source id such as `ls-nerdlawyer-harvey-e` is kept whole when every column's longest
  /// word fits, and cut at its hyphens only when they do not; a URL longer than
  /// `wholeWordLimit` does not squeeze the other columns to keep itself whole.
  func testLongWordsAreKeptWholeWhenThereIsRoom() {
    let table = Table(
      columns: ["entity", "event", "source"],
      rows: [
        [
          .string("Thinking Machines Lab"), .string("round_amount of the seed"),
          .string("ls-nerdlawyer-harvey-e"),
        ],
        [.string("Gemini 2.5 Flash-Lite"), .string("release_date"), .string("ls-dailystar-scale-meta")],
      ])
    let roomy = render(.table(table), width: 64)
    XCTAssertTrue(roomy.contains("ls-nerdlawyer-harvey-e"), roomy)
    XCTAssertTrue(roomy.contains("ls-dailystar-scale-meta"), roomy)
    XCTAssertTrue(lines(roomy).allSatisfy { TextWidth.of($0) <= 64 }, roomy)
    let tight = render(.table(table), width: 50, layout: .table)
    XCTAssertTrue(tight.contains("ls-dailystar-"), tight)
    XCTAssertFalse(tight.contains("ls-dailystar-scale-meta"), tight)
    let url = "https://www.etnet.com.hk/www/tc/news/topic_news_detail.php?newsid=385836"
    let cited = Table(
      columns: ["quote", "source"],
      rows: [[.string("月費最低僅20元人民幣, a first-order price of the GLM Coding Plan"), .string(url)]])
    let text = render(.table(cited), width: 70)
    XCTAssertFalse(text.contains(url), text)
    let quoteWidth = lines(text).first { $0.hasPrefix("│ quote") }.map {
      TextWidth.of(String($0.split(separator: "│")[0]))
    }
    XCTAssertGreaterThanOrEqual(quoteWidth ?? 0, 28, "the quote keeps a fair share: \(text)")
  }

  /// A column empty in every row gives its room to the others when the table is too wide,
  /// and the note names it; a table that fits keeps it.
  func testAColumnEmptyInEveryRowMakesRoomWhenTheTableIsTooWide() {
    let table = Table(
      columns: ["predicate", "value", "unit", "source"],
      rows: [
        [
          .string("round_note"), .string("largest single Chinese LLM round at the time"), .null,
          .string("ref-a"),
        ],
        [.string("valuation"), .string("US$4.3 bn"), .string(""), .string("ref-b")],
      ])
    let narrow = render(.table(table), width: 50)
    XCTAssertFalse(narrow.contains("unit │"), narrow)
    XCTAssertTrue(narrow.contains("1 more column (unit): empty in every row"), narrow)
    XCTAssertTrue(lines(narrow).allSatisfy { TextWidth.of($0) <= 50 }, narrow)
    let wide = render(.table(table), width: 120)
    XCTAssertTrue(wide.contains("unit"), wide)
    XCTAssertFalse(wide.contains("empty in every row"), wide)
    // A column false in every row (a card's conflict when nothing conflicts) gives its room too.
    var flagged = table
    flagged.columns.append("conflict")
    for i in flagged.rows.indices { flagged.rows[i].append(.bool(false)) }
    let squeezed = render(.table(flagged), width: 50)
    XCTAssertTrue(
      squeezed.replacingOccurrences(of: "\n", with: " ").contains(
        "2 more columns (unit: empty in every row; conflict: false in every row)"), squeezed)
    XCTAssertTrue(lines(squeezed).allSatisfy { TextWidth.of($0) <= 50 }, squeezed)
    flagged.rows[1][4] = .bool(true)
    let oneTrue = render(.table(flagged), width: 50)
    XCTAssertFalse(oneTrue.contains("false in every row"), oneTrue)
  }

  /// When not every long word fits whole, those that need the least extra room stay whole.
  func testTheLongWordsThatFitStayWholeWhenNotAllCan() {
    let table = Table(
      columns: ["predicate", "source", "note"],
      rows: [
        [
          .string("post_money_valuation"), .string("ref-socialmediaasia-moonshot"),
          .string("a b c d e f g h"),
        ],
        [.string("valuation_target"), .string("ref-asianintelligence-43"), .string("i j k l m n o p")],
      ])
    let text = render(.table(table), width: 60, layout: .table)
    XCTAssertTrue(text.contains("post_money_valuation"), text)
    XCTAssertFalse(text.contains("ref-socialmediaasia-moonshot"), text)
  }

  func testATimestampIsNeverBrokenAcrossLines() {
    XCTAssertTrue(ColumnPlan.isAtomic(.string("2026-12-07T09:29:22.455Z")))
    XCTAssertTrue(ColumnPlan.isAtomic(.string("2026-12-07T09:29:22+08:00")))
    XCTAssertFalse(ColumnPlan.isAtomic(.string("2026-12-07 and later")))
    let table = Table(
      columns: ["time", "change"],
      rows: [
        [.string("2026-12-07T09:29:22.455Z"), .string("zhipu -[DEVELOPS]-> glm-5-turbo, from the article")],
        [.string("2026-12-07T09:29:22.456Z"), .string("zhipu -[DEVELOPS]-> glm-4.7")],
      ])
    let text = render(.table(table), width: 44)
    XCTAssertTrue(text.contains("│ 2026-12-07T09:29:22.455Z │"), text)
  }

  func testLayoutSettingsAndWrapLimit() {
    let table = render(.table(Self.prices), width: 60, layout: .table)
    XCTAssertTrue(table.hasPrefix("┌"), table)
    for atom in Self.atoms { XCTAssertTrue(lines(table).contains { $0.contains(atom) }, atom) }
    let vertical = render(.table(Self.prices), width: 160, layout: .vertical)
    XCTAssertTrue(vertical.hasPrefix("─[ 1 of 3 ]"), vertical)
    let limited = render(.table(Self.prices), width: 100, maxLines: 1)
    XCTAssertTrue(limited.contains("…"), limited)
    XCTAssertFalse(lines(limited).contains { $0.hasPrefix("│      │") }, "one line per row:\n\(limited)")
  }

  func testWithoutAWidthTablesKeepTheirFullUnwrappedForm() {
    let text = render(.table(Self.prices), width: nil)
    XCTAssertEqual(lines(text).count, 8, text)
    XCTAssertTrue(text.contains("price for inputs up to 32K tokens; long-context pricing differs"))
    XCTAssertTrue(text.contains("¥25.6984"), "piped output is exact:\n\(text)")
  }

  func testMoneyHasItsCurrencysDecimalsInTerminalTables() {
    XCTAssertEqual(ValueFormat.displayMoney(Money(5, "USD")), "US$5.00")
    XCTAssertEqual(ValueFormat.displayMoney(Money(Decimal(string: "25.6984")!, "CNY")), "¥25.70")
    XCTAssertEqual(ValueFormat.displayMoney(Money(Decimal(string: "0.003")!, "USD")), "US$0.003")
    XCTAssertEqual(ValueFormat.displayMoney(Money(Decimal(string: "0.1")!, "USD")), "US$0.10")
    XCTAssertEqual(ValueFormat.displayMoney(Money(1200, "JPY")), "JP¥1,200")
    XCTAssertEqual(ValueFormat.displayMoney(Money(24_380_000_000, "CNY")), "¥24.38 bn")
    XCTAssertEqual(ValueFormat.displayMoney(Money(-2, "EUR")), "-€2.00")
  }

  func testRecordsAndMessagesWrapAtWords() {
    let record = render(
      .record([
        ("name", .string("Zhipu AI")), ("note", .string("word " + String(repeating: "long ", count: 20))),
      ]), width: 40)
    for line in lines(record) { XCTAssertLessThanOrEqual(TextWidth.of(line), 40, record) }
    XCTAssertTrue(lines(record)[2].hasPrefix("      long"), record)
    let message = render(
      .message("usage: chart [--chart] [--by COLUMN] [--value COLUMN] [--limit N] [--sort]"), width: 30)
    XCTAssertFalse(message.contains("[--c\n"), message)
    for line in lines(message) { XCTAssertLessThanOrEqual(TextWidth.of(line), 30, message) }
  }
}

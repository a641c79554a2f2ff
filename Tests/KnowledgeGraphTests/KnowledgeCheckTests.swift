import Foundation
import XCTest

@testable import KnowledgeGraph

/// `KnowledgeCheck`: the real Knowledge/ has no errors, and each rule fires on a fixture
/// broken in exactly one place, at the right line and field.
final class KnowledgeCheckTests: XCTestCase {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let article = "2026年1月8日,智譜募資43億港元。價格是Claude Code的1/6。智譜和MiniMax是對手。"
  static let fixture: [String: [String]] = [
    "sources.tsv": [
      "id\tkind\ttitle\tpublisher\turl\tpublished\treliability\tnote",
      "article\tarticle\tThe article\t36Kr\t\t2026-01-08\tsecondary\t",
      "web1\tweb\tA page\tSomeone\thttps://example.com\t2026-01-07\tsecondary\t",
    ],
    "entities.tsv": [
      "key\tlabels\tname\taliases\tdescription",
      "# a comment line is skipped",
      "zhipu\tCompany,Lab\tZhipu AI\t智譜|智谱\tA lab",
      "minimax\tCompany\tMiniMax\t稀宇\tAnother lab",
      "hkex\tExchange\tHKEX\t港交所\tThe exchange",
    ],
    "facts.tsv": [
      "id\tsubject\tpredicate\ttype\tvalue\tunit\tcurrency\tqualifier\tas_of\tsource\tquote\tstatus\tref\tnote",
      "F0001\tzhipu\tipo_raise\tmoney\t4300000000\t\tHKD\t\t2026-01-08\tarticle\t智譜募資43億港元\tsecondary\t\t",
      "F0002\tzhipu\tprice_cheaper_multiple\tnumber\t6\tx\t\t\t2025-09\tarticle\t價格是Claude Code的1/6\tsecondary\t\tvs=minimax",
      "F0003\tzhipu\tlisting_date\tdate\t2026-01-08\t\t\t\t2026-01-08\tarticle\t2026年1月8日,智譜\tsecondary\t\t",
      "F0004\tzhipu\tcompetitor\tentity\tminimax\t\t\t\t2026-01-08\tweb1\tMiniMax is a rival\tverified\t\t",
    ],
    "edges.tsv": [
      "id\tsrc\ttype\tdst\tas_of\tsource\tquote\tstatus\tref\tprops",
      "E0001\tzhipu\tCOMPETES_WITH\tminimax\t2026-01-08\tarticle\t智譜和MiniMax是對手\tsecondary\t\t",
    ],
    "hanzi-fold.tsv": ["traditional\tsimplified", "譜\t谱"],
  ]

  /// Writes the fixture into a new folder, each file's text through `edit` (its bytes as
  /// written), runs `body` on the folder and removes it.
  func withFixture<T>(
    _ edit: (_ name: String, _ text: String) -> Data = { Data($1.utf8) }, _ body: (String) throws -> T
  )
    throws -> T
  {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("kgcheck-\(UUID().uuidString)").path
    try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? fm.removeItem(atPath: dir) }
    for (name, lines) in Self.fixture {
      XCTAssertTrue(
        fm.createFile(atPath: dir + "/" + name, contents: edit(name, lines.joined(separator: "\n") + "\n")))
    }
    return try body(dir)
  }

  /// Writes the fixture with `old` replaced by `new` in `file`, and checks it.
  func check(_ file: String? = nil, _ old: String = "", _ new: String = "") throws -> KnowledgeCheck.Report {
    try withFixture({ name, text in
      guard name == file else { return Data(text.utf8) }
      XCTAssertTrue(text.contains(old), "the fixture has \(old)")
      return Data(text.replacingOccurrences(of: old, with: new).utf8)
    }) { try KnowledgeCheck.run(directory: $0, article: Self.article) }
  }

  /// Breaks the fixture once and asserts exactly one error, in `file` at `line` and `field`,
  /// whose message contains `words`.
  func assertFires(
    _ file: String, _ old: String, _ new: String, line: Int?, field: String?, _ words: String,
    sourceLine: UInt = #line
  ) throws {
    let errors = try check(file, old, new).errors
    XCTAssertEqual(errors.count, 1, "\(errors)", line: sourceLine)
    guard let e = errors.first else { return }
    XCTAssertEqual(e.file, file, line: sourceLine)
    XCTAssertEqual(e.line, line, line: sourceLine)
    XCTAssertEqual(e.field, field, line: sourceLine)
    XCTAssertTrue(e.problem.contains(words), "\(e.problem)", line: sourceLine)
    XCTAssertFalse(e.fix.isEmpty, line: sourceLine)
  }

  func testTheRealKnowledgeHasNoProblems() throws {
    let dir = Self.root.appendingPathComponent("Knowledge").path
    let withoutArticle = try KnowledgeCheck.run(directory: dir, article: nil)
    XCTAssertEqual(withoutArticle.problems, [])
    let facts = try XCTUnwrap(withoutArticle.counts.first { $0.file == "facts.tsv" }?.rows)
    XCTAssertGreaterThan(facts, 300)
    guard let path = KnowledgeCheck.locateArticle(directory: dir) else {
      throw XCTSkip("the seed article is absent, so article quotes cannot be checked here")
    }
    let report = try KnowledgeCheck.run(
      directory: dir, article: try String(contentsOfFile: path, encoding: .utf8))
    XCTAssertEqual(report.problems, [])
    XCTAssertTrue(report.articleChecked)
  }

  func testTheFixtureIsClean() throws {
    let report = try check()
    XCTAssertEqual(report.problems, [])
    XCTAssertEqual(report.counts.map(\.rows), [2, 3, 4, 1, 1])
  }

  func testWithoutTheArticleQuotesAreNotCompared() throws {
    try withFixture({ Data($1.replacingOccurrences(of: "智譜募資", with: "智谱募資").utf8) }) { dir in
      XCTAssertFalse(try KnowledgeCheck.run(directory: dir, article: nil).articleChecked)
      XCTAssertEqual(try KnowledgeCheck.run(directory: dir, article: nil).problems, [])
      XCTAssertEqual(try KnowledgeCheck.run(directory: dir, article: Self.article).errors.count, 1)
    }
  }

  func testAMissingDirectoryIsAnError() {
    XCTAssertThrowsError(try KnowledgeCheck.run(directory: "/nonexistent/kg", article: nil)) { error in
      XCTAssertEqual((error as? KgshError)?.kind, .notFound)
    }
  }

  // MARK: files

  func testBadHeader() throws {
    try assertFires("edges.tsv", "id\tsrc\ttype", "id\tfrom\ttype", line: 1, field: nil, "header")
  }

  /// A file that is not UTF-8 is an error at its first bad line (it was read with
  /// replacement characters before).
  func testTextThatIsNotUTF8() throws {
    let text = Self.fixture["hanzi-fold.tsv"]!.joined(separator: "\n") + "\n"
    // 譜 in GBK (D7 56) where the file has it in UTF-8.
    var bytes = Array(text.utf8)
    let at = try XCTUnwrap(bytes.firstIndex(of: Array("譜".utf8)[0]))
    bytes.replaceSubrange(at..<at + 3, with: [0xD7, 0x56])
    let errors = try withFixture({ name, text in name == "hanzi-fold.tsv" ? Data(bytes) : Data(text.utf8) }) {
      try KnowledgeCheck.run(directory: $0, article: Self.article).errors
    }
    let error = try XCTUnwrap(errors.first { $0.file == "hanzi-fold.tsv" }, "\(errors)")
    XCTAssertEqual(error.problem, "the text is not UTF-8")
    XCTAssertEqual(error.line, text.prefix { $0 != "譜" }.filter { $0 == "\n" }.count + 1)
  }

  func testWrongFieldCount() throws {
    try assertFires("hanzi-fold.tsv", "譜\t谱", "譜\t谱\t譜", line: 2, field: nil, "3 fields, the header has 2")
  }

  // MARK: sources and entities

  func testDuplicateSource() throws {
    try assertFires(
      "sources.tsv", "2026-01-07\tsecondary\t\n",
      "2026-01-07\tsecondary\t\narticle\tweb\tAgain\t\t\t\tsecondary\t\n",
      line: 4, field: "id", "already defined on line 2")
  }

  func testDuplicateEntity() throws {
    try assertFires(
      "entities.tsv", "hkex\tExchange", "zhipu\tExchange", line: 5, field: "key", "already defined on line 3")
  }

  func testBadEntityKey() throws {
    try assertFires(
      "entities.tsv", "hkex\tExchange", "HKEX\tExchange", line: 5, field: "key", "not a lowercase slug")
  }

  func testUnknownLabel() throws {
    try assertFires("entities.tsv", "Company,Lab", "Company,Startup", line: 3, field: "labels", "'Startup'")
  }

  func testSharedAliasIsANoteNotAnError() throws {
    let report = try check("entities.tsv", "稀宇", "智谱")
    XCTAssertEqual(report.errors, [])
    XCTAssertEqual(report.problems.map(\.severity), [.note])
    XCTAssertTrue(report.problems[0].problem.contains("minimax, zhipu"))
  }

  func testATraditionalAliasNeedsItsSimplifiedForm() throws {
    try assertFires("entities.tsv", "智譜|智谱", "智譜", line: 3, field: "aliases", "no simplified form '智谱'")
  }

  func testFoldRowOfTwoCharacters() throws {
    try assertFires("hanzi-fold.tsv", "譜\t谱", "譜譜\t谱", line: 2, field: "traditional", "not one character")
  }

  // MARK: facts

  func testDuplicateFactId() throws {
    try assertFires("facts.tsv", "F0002\t", "F0001\t", line: 3, field: "id", "fact id F0001")
  }

  func testUnknownSubject() throws {
    try assertFires("facts.tsv", "F0003\tzhipu", "F0003\tzhipu-ai", line: 4, field: "subject", "zhipu-ai")
  }

  func testUnknownType() throws {
    try assertFires("facts.tsv", "competitor\tentity", "competitor\tnode", line: 5, field: "type", "'node'")
  }

  func testUnknownQualifier() throws {
    try assertFires("facts.tsv", "HKD\t\t2026", "HKD\tcirca\t2026", line: 2, field: "qualifier", "'circa'")
  }

  func testUnknownStatus() throws {
    try assertFires(
      "facts.tsv", "rival\tverified", "rival\tconfirmed", line: 5, field: "status", "'confirmed'")
  }

  func testUnknownSource() throws {
    try assertFires("facts.tsv", "\tweb1\tMiniMax", "\tweb2\tMiniMax", line: 5, field: "source", "web2")
  }

  func testBadPredicate() throws {
    try assertFires("facts.tsv", "ipo_raise", "IPO raise", line: 2, field: "predicate", "lower_snake_case")
  }

  func testEmptyQuote() throws {
    try assertFires("facts.tsv", "MiniMax is a rival", "", line: 5, field: "quote", "empty")
  }

  func testQuoteNotInArticle() throws {
    try assertFires("facts.tsv", "2026年1月8日,智譜", "2026年1月8日智譜", line: 4, field: "quote", "exact words")
  }

  func testArticleQuoteTooShort() throws {
    let article = Self.article
    XCTAssertTrue(article.contains("1月8日"))
    try assertFires("facts.tsv", "2026年1月8日,智譜", "1月8日", line: 4, field: "quote", "4 characters")
  }

  func testUnknownEntityValue() throws {
    try assertFires("facts.tsv", "entity\tminimax", "entity\tmoonshot", line: 5, field: "value", "moonshot")
  }

  func testNumericValueSyntax() throws {
    try assertFires(
      "facts.tsv", "money\t4300000000", "money\t43億", line: 2, field: "value", "not a plain number")
  }

  func testNumericValueNotInQuote() throws {
    try assertFires(
      "facts.tsv", "money\t4300000000", "money\t4200000000", line: 2, field: "value", "cannot be read")
  }

  func testAFractionReadsAsItsDenominator() throws {
    try assertFires("facts.tsv", "number\t6\tx", "number\t7\tx", line: 3, field: "value", "7 cannot be read")
  }

  func testBadDate() throws {
    try assertFires(
      "facts.tsv", "date\t2026-01-08", "date\t8 Jan 2026", line: 4, field: "value", "not a date")
    try assertFires(
      "facts.tsv", "date\t2026-01-08", "date\t2026-02-29", line: 4, field: "value",
      "'2026-02-29' is not a date")
  }

  func testBadBool() throws {
    try assertFires(
      "facts.tsv", "competitor\tentity\tminimax", "listed\tbool\tyes", line: 5, field: "value", "bool")
  }

  func testUnknownCurrency() throws {
    try assertFires("facts.tsv", "\tHKD\t", "\tXYZ\t", line: 2, field: "currency", "'XYZ'")
  }

  func testEuroIsACurrency() {
    XCTAssertTrue(KnowledgeCheck.currencies.contains("EUR"))
    XCTAssertFalse(KnowledgeCheck.currencies.contains("XYZ"))
  }

  func testUnderscoreGroupedDigitsAreRead() {
    XCTAssertTrue(QuoteNumbers.readings("context = 1_048_576").contains(1_048_576))
    XCTAssertTrue(QuoteNumbers.readings("context = 131_072").contains(131_072))
    XCTAssertFalse(QuoteNumbers.readings("context = 131_072").contains(131_000))
  }

  func testMoneyWithoutCurrency() throws {
    try assertFires("facts.tsv", "\tHKD\t", "\t\t", line: 2, field: "currency", "no currency")
  }

  // MARK: edges

  func testDuplicateEdgeId() throws {
    var lines = Self.fixture["edges.tsv"]!
    lines.append(lines[1].replacingOccurrences(of: "COMPETES_WITH", with: "PARTNERS_WITH"))
    let line = lines[1] + "\n"
    try assertFires("edges.tsv", line, line + lines[2] + "\n", line: 3, field: "id", "edge id E0001")
  }

  func testUnknownEdgeEnd() throws {
    try assertFires("edges.tsv", "\tminimax\t", "\tmoonshot\t", line: 2, field: "dst", "moonshot")
  }

  func testBadRelationType() throws {
    try assertFires("edges.tsv", "COMPETES_WITH", "competes with", line: 2, field: "type", "UPPER_SNAKE_CASE")
  }

  func testUnknownEdgeSource() throws {
    try assertFires("edges.tsv", "\tarticle\t", "\tblog\t", line: 2, field: "source", "blog")
  }

  func testUnknownEdgeStatus() throws {
    try assertFires("edges.tsv", "\tsecondary\t", "\tsure\t", line: 2, field: "status", "'sure'")
  }

  func testEdgeQuoteNotInArticle() throws {
    try assertFires("edges.tsv", "智譜和MiniMax是對手", "智譜與MiniMax是對手", line: 2, field: "quote", "exact words")
  }

  func testSelfLoop() throws {
    try assertFires(
      "edges.tsv", "COMPETES_WITH\tminimax", "COMPETES_WITH\tzhipu", line: 2, field: "dst", "itself")
  }
}

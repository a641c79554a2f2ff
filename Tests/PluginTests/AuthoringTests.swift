import Foundation
import KnowledgeGraph
import ShellCore
import ShellTesting
import XCTest

@testable import KnowledgePlugin

/// `source add` and `fact add`: each writes its row and its change record in one transaction,
/// and every refusal says which field is wrong and what to do.
final class AuthoringTests: XCTestCase {
  nonisolated(unsafe) static var base: KnowledgeStore?

  override func setUp() { setenv("KGSH_AUTHOR", "ada", 1) }
  override func tearDown() { unsetenv("KGSH_AUTHOR") }

  /// The default knowledge base, built once for these tests.
  static func sharedBase() throws -> KnowledgeStore {
    if base == nil { base = try Repository.defaultStore() }
    return base!
  }

  func shell() throws -> TestShell {
    try TestShell(
      plugins: [KnowledgePlugin.plugin, AuthoringPlugin.plugin], store: try Self.sharedBase().copyInMemory())
  }

  /// The records a person made (the built-in layer has its own).
  static func userChanges(_ t: TestShell) throws -> Int {
    try t.session.store.changes().filter { $0.layer == .user }.count
  }

  func error(_ t: TestShell, _ line: String, file: StaticString = #filePath, line n: UInt = #line) -> String {
    XCTAssertFalse(t.run(line), "should be refused: \(line)", file: file, line: n)
    return t.errors
  }

  let addSource =
    "source add hkex-1 --title 'Listing notice' --publisher HKEX --published 2026-01-08 --kind filing"

  func testSourceAddWritesTheSourceAndItsChangeRecord() throws {
    let t = try shell()
    XCTAssertTrue(t.run(addSource + " --url https://hkex.example/1"), t.errors)
    XCTAssertTrue(t.output.contains("Listing notice"), t.output)
    let source = try XCTUnwrap(try t.session.store.source(key: "hkex-1"))
    XCTAssertEqual(source.publisher, "HKEX")
    XCTAssertEqual(source.kind, "filing")
    XCTAssertEqual(source.url, "https://hkex.example/1")
    let records = try t.session.store.changes(about: "hkex-1")
    XCTAssertEqual(records.count, 1)
    XCTAssertEqual(records[0].kind, .assert)
    XCTAssertEqual(records[0].targetType, .source)
    XCTAssertEqual(records[0].author, "ada")
    XCTAssertEqual(records[0].layer, .user)
    guard case .map(let payload) = records[0].payload else { return XCTFail("payload \(records[0].payload)") }
    XCTAssertEqual(payload["title"], .string("Listing notice"))
    XCTAssertEqual(payload["published"], .string("2026-01-08"))
  }

  func testSourceAddRefusals() throws {
    let t = try shell()
    XCTAssertTrue(error(t, "source add s1").contains("--title is required"), t.errors)
    XCTAssertTrue(error(t, "source add 'a b' --title T").contains("ID takes"), t.errors)
    // A web address typed as the ID: the hint moves it to --url and offers an ID from it.
    XCTAssertTrue(
      error(t, "source add https://example.com/news/kling-launch.html --title T").contains(
        "the address goes in --url: source add example-kling-launch --url https://example.com/news/kling-launch.html --title '...'"
      ), t.errors)
    XCTAssertTrue(error(t, "source add article --title T").contains("already exists"), t.errors)
    XCTAssertTrue(error(t, "source add s2 --title T --kind blog").contains("kind"), t.errors)
    XCTAssertTrue(
      error(t, "source add s2 --title T --quote q").hasSuffix(
        "source add: unknown flag --quote; a source has no quote of its own: each fact quotes it (fact add ENTITY PREDICATE VALUE --source ID --quote '...')\n"
      ), t.errors)
    XCTAssertTrue(error(t, "source add s2 --title T --published soon").contains("--published"), t.errors)
    XCTAssertEqual(try Self.userChanges(t), 0, "nothing recorded by a refused command")
  }

  /// The ID offered for an address names the site and the page (a page named by a number
  /// keeps the part before it: `1` alone said nothing).
  func testAnAddressGivesAnIDOfItsSiteAndPage() {
    let cases = [
      ("https://example.com/news/1", "example-news-1"),
      ("https://www.reuters.com/technology/zhipu-ipo-2026-01-08/", "reuters-zhipu-ipo-2026-01-08"),
      ("https://news.bbc.co.uk/2/hi/business/12345.stm", "bbc-business-12345"),
      ("https://example.com", "example"), ("https://36kr.com/p/2345678901234?f=rss", "36kr-p-2345678901234"),
    ]
    for (address, id) in cases { XCTAssertEqual(SourceAddCommand.id(forAddress: address), id, address) }
  }

  /// `fact add ... --source https://...`: a source added with that --url is cited by its
  /// address; an address no source has gives the source add line that works (the hint
  /// offered `source add https://...`, which source add refuses).
  func testASourceIsCitedByItsAddress() throws {
    let t = try shell()
    let address = "https://example.com/news/1"
    let fact = "fact add Zhipu employees 1,000+ --quote 'over 1,000 staff' --source "
    XCTAssertTrue(
      error(t, fact + address).hasSuffix(
        "fact add: no source \(address); add it first: source add example-news-1 --url \(address) --title '...'\n"
      ),
      t.errors)
    XCTAssertTrue(t.run("source add example-news-1 --url \(address) --title 'Example news'"), t.errors)
    XCTAssertTrue(t.run(fact + "https://www.example.com/news/1/"), t.errors)
    let facts = try t.session.store.facts(of: try XCTUnwrap(t.session.store.node(key: "zhipu")).id)
    XCTAssertEqual(facts.filter { $0.predicate == "employees" }.map(\.provenance.source), ["example-news-1"])
  }

  func testFactAddStoresTheNormalFormAndTheOriginalText() throws {
    let t = try shell()
    XCTAssertTrue(t.run(addSource), t.errors)
    XCTAssertTrue(
      t.run("fact add Zhipu ipo_raise 'HK$4.3 bn' --source hkex-1 --quote '募資43億港元' --as-of 2026-01-08"),
      t.errors)
    let node = try XCTUnwrap(try t.session.store.node(key: "zhipu"))
    let fact = try XCTUnwrap(
      try t.session.store.facts(of: node.id, predicate: "ipo_raise").first {
        $0.key?.hasPrefix("UF-") == true
      })
    XCTAssertEqual(fact.rawValue, "4300000000")
    XCTAssertEqual(fact.currency, "HKD")
    XCTAssertEqual(fact.valueType, "money")
    XCTAssertEqual(fact.provenance.source, "hkex-1")
    XCTAssertEqual(fact.provenance.status, "user")
    let original = try t.session.store.select("SELECT original FROM fact WHERE key = ?", [.string(fact.key!)])
    XCTAssertEqual(original, [["original": .string("HK$4.3 bn")]])
    let record = try XCTUnwrap(try t.session.store.changes(about: "zhipu").first)
    XCTAssertEqual(record.target, fact.key)
    XCTAssertEqual(record.targetType, .fact)
    XCTAssertEqual(record.author, "ada")
    // The same statement again is the same fact: refused, not duplicated.
    XCTAssertTrue(
      error(t, "fact add Zhipu ipo_raise 'HK$4.3 bn' --source hkex-1 --quote q --as-of 2026-01-08")
        .contains("already has this ipo_raise"), t.errors)
    XCTAssertEqual(try Self.userChanges(t), 2)
  }

  /// A leap day is a date; the record shows the quote that backs the fact.
  func testFactAddTakesALeapDayAndShowsTheQuote() throws {
    let t = try shell()
    XCTAssertTrue(t.run(addSource), t.errors)
    XCTAssertTrue(
      t.run("fact add Zhipu founded 2024-02-29 --source hkex-1 --quote '成立於2024年2月29日'"), t.errors)
    XCTAssertTrue(t.output.contains("type       date\n"), t.output)
    XCTAssertTrue(t.output.contains("quote      成立於2024年2月29日\n"), t.output)
  }

  func testFactAddUnsourcedIsUnverified() throws {
    let t = try shell()
    XCTAssertTrue(t.run("fact add MiniMax headcount 2000萬 --unsourced"), t.errors)
    let node = try XCTUnwrap(try t.session.store.node(key: "minimax"))
    let fact = try XCTUnwrap(try t.session.store.facts(of: node.id, predicate: "headcount").first)
    XCTAssertEqual(fact.provenance.status, "unverified")
    XCTAssertNil(fact.provenance.source)
    XCTAssertEqual(fact.rawValue, "20000000")
    XCTAssertTrue(t.output.contains("unverified"), t.output)
  }

  func testFactAddRefusals() throws {
    let t = try shell()
    XCTAssertTrue(t.run(addSource), t.errors)
    let cases: [(String, String)] = [
      ("fact add Zhipu revenue 5億", "--source is required"),
      ("fact add Zhipu revenue 5億 --source nowhere --quote q", "no source nowhere"),
      ("fact add Zhipu revenue 5億 --source hkex-1", "--quote is required"),
      ("fact add Zhipu revenue 5億 --source hkex-1 --quote q --unsourced", "contradicts"),
      ("fact add Zhipu Revenue 5億 --unsourced", "PREDICATE takes"),
      ("fact add Zhipu revenue ' ' --unsourced", "VALUE is empty"),
      ("fact add NoSuchCo revenue 5億 --unsourced", "NoSuchCo"),
      ("fact add Zhipu revenue 5億 --unsourced --qualifier roughly", "qualifier"),
      ("fact add Zhipu revenue 5億 --unsourced --as-of later", "--as-of"),
      (
        "fact add Zhipu founded 2023-02-29 --unsourced",
        "fact add: 2023-02-29 is not a date: 2023-02 has 28 days"
      ),
      (
        "fact add Zhipu founded 2026-04-31 --unsourced", "2026-04 has 30 days; write the day the source gives"
      ),
      // Shaped like a date, but no calendar has it: not kept as text.
      (
        "fact add Zhipu founded 2024-13-01 --unsourced",
        "fact add: 2024-13-01 is not a date: months run from 01 to 12"
      ),
      ("fact add Zhipu founded 2024-00 --unsourced", "2024-00 is not a date: months run from 01 to 12"),
      ("fact add Zhipu founded 2024-02-00 --unsourced", "2024-02-00 is not a date: days run from 01 to 31"),
      (
        "fact add Zhipu revenue 5 --unit CNY --unsourced",
        "fact add: unknown flag --unit; the unit is read from the VALUE"
      ),
      (
        "fact add Zhipu revenue 5 --currency CNY --unsourced",
        "write the currency in the VALUE: \"1.2bn CNY\""
      ),
      // A value and its currency typed as two words: the hint quotes them as one.
      (
        "fact add 智谱 revenue 1.2 billion yuan --unsourced",
        "fact add: unexpected argument 'billion'; quote the VALUE as one word: \"1.2 billion yuan\"; usage: fact add"
      ),
    ]
    for (line, expected) in cases {
      let text = error(t, line)
      XCTAssertTrue(text.contains(expected), "\(line): \(text)")
      XCTAssertFalse(text.contains("KgshError"), text)
    }
    XCTAssertEqual(
      try t.session.store.changes().filter { $0.layer == .user }.count, 1, "only the source was recorded")
  }

  /// Text where the entity's other facts of the predicate are typed is kept, with a note that
  /// says so; a qualifier written into the value is read as the qualifier.
  func testFactAddNotesTextWhereTheOtherValuesAreTyped() throws {
    let t = try shell()
    func printed(_ line: String) -> String {
      let before = t.output.count
      XCTAssertTrue(t.run(line), t.errors)
      return String(t.output.dropFirst(before))
    }
    _ = printed("fact add Zhipu employees 800 --unsourced")
    // A qualifier written into the value is read as the qualifier.
    let qualified = printed("fact add Zhipu employees 'about 900' --unsourced")
    XCTAssertTrue(qualified.contains("value      900\n"), qualified)
    XCTAssertTrue(qualified.contains("qualifier  about\n"), qualified)
    XCTAssertFalse(qualified.contains("kept as text"), qualified)
    let text = printed("fact add Zhipu employees many --unsourced")
    XCTAssertTrue(
      text.contains("'many' is kept as text, while Zhipu AI's employees is a number elsewhere (800)"), text)
    let motto = printed("fact add Zhipu motto 'think big' --unsourced")
    XCTAssertFalse(motto.contains("kept as text"), "no typed value to compare with:\n\(motto)")
  }

  func testEntityAddWithALabelAndANameWhereTheKeyGoesSaysWhatToWrite() throws {
    let t = try shell()
    XCTAssertEqual(
      error(t, "entity add Company 'Acme AI'"),
      "test:1:1: entity add: the key comes first; 'Company' is a label and 'Acme AI' a name; "
        + "write entity add acme-ai --label Company --name \"Acme AI\"\n")
    XCTAssertTrue(error(t, "entity add acme 'Acme AI'").contains("unexpected argument 'Acme AI'"), t.errors)
  }

  func testReadOnlyRefusesBoth() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ro-\(UUID().uuidString).db")
      .path
    defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
    try KnowledgeStore.open(path: path).close()
    let t = try TestShell(
      plugins: [KnowledgePlugin.plugin, AuthoringPlugin.plugin],
      store: try KnowledgeStore.open(path: path, readOnly: true))
    XCTAssertTrue(error(t, "source add s1 --title T").contains("read-only"), t.errors)
    XCTAssertTrue(error(t, "fact add x p 1 --unsourced").contains("read-only"), t.errors)
  }

  func testPastedValues() {
    let cases: [(String, PastedValue)] = [
      ("HK$4.3 bn", PastedValue(type: "money", value: "4300000000", currency: "HKD")),
      ("¥20/month", PastedValue(type: "money", value: "20", currency: "CNY", unit: "per month")),
      ("US$17", PastedValue(type: "money", value: "17", currency: "USD")),
      ("$1.5 billion", PastedValue(type: "money", value: "1500000000", currency: "USD")),
      ("73.1%", PastedValue(type: "percent", value: "73.1")),
      ("5億", PastedValue(type: "number", value: "500000000")),
      ("2000萬", PastedValue(type: "number", value: "20000000")),
      ("243.8億元", PastedValue(type: "money", value: "24380000000", currency: "CNY")),
      ("1,234.5", PastedValue(type: "number", value: "1234.5")),
      ("2026", PastedValue(type: "number", value: "2026")),
      ("2026-01", PastedValue(type: "date", value: "2026-01")),
      ("2026-01-08", PastedValue(type: "date", value: "2026-01-08")),
      ("2019年6月", PastedValue(type: "date", value: "2019-06")),
      ("2026/01/08", PastedValue(type: "date", value: "2026-01-08")),
      ("2026年1月8日", PastedValue(type: "date", value: "2026-01-08")),
      ("2026.5", PastedValue(type: "number", value: "2026.5")),
      ("2026-13", PastedValue(type: "text", value: "2026-13")),
      ("1/6", PastedValue(type: "text", value: "1/6")),
      ("Beijing", PastedValue(type: "text", value: "Beijing")),
      ("¥20/fortnight", PastedValue(type: "text", value: "¥20/fortnight")),
      // A code keeps its leading zeros: text, not the number 700.
      ("00700", PastedValue(type: "text", value: "00700")),
      ("0.5", PastedValue(type: "number", value: "0.5")),
      ("0", PastedValue(type: "number", value: "0")),
      // The currency written after the amount, as a code or a word.
      ("1.2bn CNY", PastedValue(type: "money", value: "1200000000", currency: "CNY")),
      ("1.2 billion yuan", PastedValue(type: "money", value: "1200000000", currency: "CNY")),
      ("3 billion US dollars", PastedValue(type: "money", value: "3000000000", currency: "USD")),
      ("12亿人民币", PastedValue(type: "money", value: "1200000000", currency: "CNY")),
      ("43億港元", PastedValue(type: "money", value: "4300000000", currency: "HKD")),
      // A number with one word of unit keeps the word as its unit.
      ("5 yuanbao", PastedValue(type: "number", value: "5", unit: "yuanbao")),
      ("800 people", PastedValue(type: "number", value: "800", unit: "people")),
      ("204,800 tokens", PastedValue(type: "number", value: "204800", unit: "tokens")),
      ("800人", PastedValue(type: "number", value: "800", unit: "人")),
      ("800 new hires", PastedValue(type: "text", value: "800 new hires")),
      ("GLM 5", PastedValue(type: "text", value: "GLM 5")),
      // A word that says the amount is not exact is its qualifier.
      ("about 900", PastedValue(type: "number", value: "900", qualifier: "about")),
      ("over US$1 bn", PastedValue(type: "money", value: "1000000000", currency: "USD", qualifier: "over")),
      ("约7000万美元", PastedValue(type: "money", value: "70000000", currency: "USD", qualifier: "about")),
      ("超过50%", PastedValue(type: "percent", value: "50", qualifier: "over")),
      ("400人左右", PastedValue(type: "number", value: "400", unit: "人", qualifier: "about")),
      ("近10亿元", PastedValue(type: "money", value: "1000000000", currency: "CNY", qualifier: "nearly")),
      ("5+", PastedValue(type: "number", value: "5", qualifier: "over")),
      ("about time", PastedValue(type: "text", value: "about time")),
      ("约", PastedValue(type: "text", value: "约")),
    ]
    for (text, expected) in cases { XCTAssertEqual(PastedValue.parse(text), expected, text) }
  }
}

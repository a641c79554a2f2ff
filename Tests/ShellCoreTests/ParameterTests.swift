import Foundation
import KnowledgeGraph
import XCTest

@testable import ShellCore

/// Typed parameters: declared once, checked at binding with one wording per type, read typed
/// with their declared default, and described by the same declaration in usage and JSON Schema.
final class ParameterTests: XCTestCase {
  static let entity = Param<String>.argument("entity", .entity, "a name")
  static let depth = Param.option("depth", .integer(min: 1, max: 6), default: 2, "hops")
  static let since: Param<String?> = .option("since", .date, "from this date")
  static let currency: Param<String?> = .option("currency", .currency, "show prices in")
  static let tokens: Param<Int64?> = .option("input", .tokenCount, "input tokens")
  static let chart = Param.toggle("chart", "draw a chart")
  static let period = Param.option("period", .choice(["month", "year"]), default: "month", "per")
  static let signature = Signature(
    "probe", summary: "probe",
    parameters: [entity.spec, depth.spec, since.spec, currency.spec, tokens.spec, chart.spec, period.spec])

  func bind(_ words: String) throws -> Call {
    try Call.bind(
      words.split(separator: " ").map { (String($0), Value.string(String($0)), false) }, to: Self.signature,
      rawText: "", input: nil)
  }

  func message(_ words: String) -> String {
    do {
      _ = try bind(words)
      return "no error"
    } catch { return "\(error)" }
  }

  func testValuesAreTypedAndDefaultsComeFromTheDeclaration() throws {
    let plain = try bind("Zhipu")
    XCTAssertEqual(plain[Self.entity], "Zhipu")
    XCTAssertEqual(plain[Self.depth], 2)
    XCTAssertNil(plain[Self.since])
    XCTAssertFalse(plain[Self.chart])
    XCTAssertEqual(plain[Self.period], "month")
    XCTAssertFalse(plain.given(Self.depth))
    let full = try bind("Zhipu --depth 3 --since 2025-07 --currency rmb --input 2.5k --chart --period=YEAR")
    XCTAssertEqual(full[Self.depth], 3)
    XCTAssertEqual(full[Self.since], "2025-07")
    XCTAssertEqual(full[Self.currency], "CNY")
    XCTAssertEqual(full[Self.tokens], 2500)
    XCTAssertTrue(full[Self.chart])
    XCTAssertEqual(full[Self.period], "year")
  }

  /// Too few words for a list argument: one missing reads like any missing argument.
  func testTooFewWordsForAListSayWhatIsMissing() throws {
    func message(_ minimum: Int, _ words: [String]) -> String {
      let items = Param<[String]>.arguments("items", .text, minimum: minimum, "things")
      let signature = Signature("pick", summary: "p", parameters: [items.spec])
      do {
        _ = try Call.bind(words.map { ($0, .string($0), false) }, to: signature, rawText: "", input: nil)
        return "no error"
      } catch { return "\(error)" }
    }
    XCTAssertEqual(message(1, []), "pick: missing ITEMS; usage: pick ITEMS...")
    XCTAssertEqual(message(2, ["a"]), "pick: give at least 2 ITEMS; usage: pick ITEMS...")
    XCTAssertEqual(message(2, ["a", "b"]), "no error")
  }

  /// `sort name --desc`: a value of an argument written as a flag is named as what it is.
  func testAFlagThatIsAnArgumentsValueSaysHowToWriteIt() throws {
    let order: Param<String?> = .optionalArgument("order", .choice(["asc", "Desc"]), "order")
    let signature = Signature(
      "sorter", summary: "s", parameters: [Self.entity.spec, order.spec, Self.depth.spec])
    func message(_ words: [String]) -> String {
      do {
        _ = try Call.bind(words.map { ($0, .string($0), false) }, to: signature, rawText: "", input: nil)
        return "no error"
      } catch { return "\(error)" }
    }
    XCTAssertEqual(
      message(["name", "--DESC"]),
      "sorter: unknown flag --DESC; write Desc without --: it is the ORDER in sorter ENTITY [ORDER] [--depth N]"
    )
    // A flag that is near one the command has is suggested first.
    XCTAssertEqual(message(["name", "--dept"]), "sorter: unknown flag --dept; did you mean --depth?")
    XCTAssertTrue(message(["name", "--up"]).hasSuffix("--up; usage: sorter ENTITY [ORDER] [--depth N]"))
    // A word other tools use for a flag this command has is read as that flag.
    XCTAssertEqual(message(["name", "--hops", "2"]), "sorter: unknown flag --hops; did you mean --depth?")
    XCTAssertTrue(message(["name", "--type", "X"]).hasSuffix("usage: sorter ENTITY [ORDER] [--depth N]"))
    // A command without --limit (or --top) says how a pipeline keeps the first rows.
    XCTAssertEqual(
      message(["name", "--limit", "3"]),
      "sorter: unknown flag --limit; sorter has no --limit; keep the first rows with | first N")
    // A flag that names an argument gives it (`list --label Company`, `path --from A --to B`),
    // in any order, one of many or many of one (`cost --model X` for MODELS...); without a
    // value it says to write the argument without it.
    for words in [
      ["--entity", "x", "--order", "desc"], ["--order=desc", "--entities", "x"], ["x", "--order", "desc"],
    ] {
      let call = try Call.bind(words.map { ($0, .string($0), false) }, to: signature, rawText: "", input: nil)
      XCTAssertEqual(call[Self.entity], "x", "\(words)")
      XCTAssertEqual(call[order], "Desc", "\(words)")
    }
    XCTAssertEqual(
      message(["--entity"]),
      "sorter: unknown flag --entity; write the ENTITY without --entity; usage: sorter ENTITY [ORDER] [--depth N]"
    )
    // The other words go to the other arguments, in order.
    XCTAssertEqual(message(["x", "--entity", "y"]), "sorter: ORDER takes one of asc, Desc, not 'x'")
    // path bounds a path with --max-length: --depth and --hops point there.
    let maxLength = Param<Int?>.option("max-length", .integer(min: 1), "longest path")
    let pathLike = Signature("router", summary: "r", parameters: [Self.entity.spec, maxLength.spec])
    for flag in ["--depth", "--hops"] {
      XCTAssertThrowsError(
        try Call.bind(
          [("a", .string("a"), false), (flag, .string(flag), false), ("3", .string("3"), false)],
          to: pathLike, rawText: "", input: nil)
      ) { error in XCTAssertEqual("\(error)", "router: unknown flag \(flag); did you mean --max-length?") }
    }
    // facts and history take --since, timeline a --from/--to range: each word points at the other.
    XCTAssertEqual(self.message("Zhipu --from 2025"), "probe: unknown flag --from; did you mean --since?")
    let range = Signature(
      "ranger", summary: "r",
      parameters: [
        Param<String?>.option("from", .date, "from").spec, Param<String?>.option("to", .date, "to").spec,
      ])
    for (flag, meant) in [("--since", "--from"), ("--until", "--to")] {
      XCTAssertThrowsError(
        try Call.bind(
          [(flag, .string(flag), false), ("2025", .string("2025"), false)], to: range, rawText: "", input: nil
        )
      ) { error in XCTAssertEqual("\(error)", "ranger: unknown flag \(flag); did you mean \(meant)?") }
    }
    // prices filters by --vendor; OpenRouter's and LiteLLM's word is provider.
    let vendor = Signature(
      "pricer", summary: "p", parameters: [Param<String?>.option("vendor", .text, "vendor").spec])
    XCTAssertThrowsError(
      try Call.bind(
        [("--provider", .string("--provider"), false), ("x", .string("x"), false)], to: vendor, rawText: "",
        input: nil)
    ) { error in XCTAssertEqual("\(error)", "pricer: unknown flag --provider; did you mean --vendor?") }
  }

  func testAChoiceAcceptsAnyCaseAndPassesTheDeclaredSpelling() throws {
    // An MCP server's enum may be case-sensitive: what reaches it is spelt as declared.
    let mode = ParameterType.choice(["Fast", "thorough"])
    XCTAssertEqual(try mode.parse("fast", name: "mode", command: "demo"), .string("Fast"))
    XCTAssertEqual(try mode.parse("THOROUGH", name: "mode", command: "demo"), .string("thorough"))
    XCTAssertThrowsError(try mode.parse("quick", name: "mode", command: "demo"))
  }

  /// A whole number may be written as token counts are (1e3, 1_000); a fraction may not.
  func testWholeNumbersInExponentForm() throws {
    let n = ParameterType.integer(min: 1)
    XCTAssertEqual(try n.parse("1e3", name: "requests", command: "cost"), .int(1000))
    XCTAssertEqual(try n.parse("2.5E2", name: "requests", command: "cost"), .int(250))
    XCTAssertEqual(try n.parse("1_000", name: "requests", command: "cost"), .int(1000))
    for bad in ["1.5e0", "1e", "1e99", "e3", "0e0"] {
      XCTAssertThrowsError(try n.parse(bad, name: "requests", command: "cost"), bad)
    }
  }

  /// The words of a lone entity argument are one name when together they name an entity;
  /// otherwise the extra word is refused as before.
  func testUnquotedWordsOfOneEntityAreOneNameWhenTheyNameOne() throws {
    func bind(_ words: String, names: Set<String>) throws -> Call {
      try Call.bind(
        words.split(separator: " ").map { (String($0), Value.string(String($0)), false) }, to: Self.signature,
        rawText: "", input: nil, isName: { names.contains($0) })
    }
    let call = try bind("Zhipu AI --depth 3", names: ["Zhipu AI"])
    XCTAssertEqual(call[Self.entity], "Zhipu AI")
    XCTAssertEqual(call[Self.depth], 3)
    XCTAssertThrowsError(try bind("Zhipu extra", names: ["Zhipu AI"])) { error in
      XCTAssertTrue("\(error)".hasPrefix("probe: unexpected argument 'extra'; quote a name"), "\(error)")
    }
    // Each word an entity of its own: one at a time.
    XCTAssertThrowsError(try bind("Zhipu MiniMax", names: ["Zhipu", "MiniMax"])) { error in
      XCTAssertEqual(
        "\(error)",
        "probe: one entity at a time; 'Zhipu' and 'MiniMax' name two; run probe Zhipu, then probe MiniMax")
    }
    // Without the lookup (plugins, MCP) nothing is joined.
    XCTAssertThrowsError(try self.bind("Zhipu AI"))
    // Two entities: the one split of the words into two names.
    let pair = Signature(
      "pair", summary: "pair",
      parameters: [
        Param<String>.argument("a", .entity, "one").spec, Param<String>.argument("b", .entity, "other").spec,
      ])
    func two(_ words: String, _ names: Set<String>) throws -> [String] {
      try Call.bind(
        words.split(separator: " ").map { (String($0), Value.string(String($0)), false) }, to: pair,
        rawText: "", input: nil, isName: { names.contains($0) }
      ).arguments
    }
    XCTAssertEqual(try two("Zhipu AI MiniMax", ["Zhipu AI", "MiniMax", "Zhipu"]), ["Zhipu AI", "MiniMax"])
    XCTAssertEqual(
      try two("GLM Coding Plan Claude Pro", ["GLM Coding Plan", "Claude Pro"]),
      ["GLM Coding Plan", "Claude Pro"])
    // Two readings fit: nothing is guessed.
    XCTAssertThrowsError(try two("A B C", ["A", "B C", "A B", "C"]))
  }

  /// An option given twice with two values is refused: the second would silently replace the
  /// first. The same value twice is the same call.
  func testAnOptionGivenTwiceWithTwoValuesIsRefused() throws {
    XCTAssertEqual(
      message("Zhipu --depth 2 --depth 3"),
      "probe: --depth is given twice (2, then 3); it takes one value; keep the one you mean")
    XCTAssertEqual(try bind("Zhipu --depth 2 --depth=2")[Self.depth], 2)
    XCTAssertEqual(
      try bind("Zhipu --period month --period MONTH")[Self.period], "month", "one choice, any case")
    // A relation type, label or predicate is one name in any case; text is not.
    let rel = Param<String?>.option("rel", .relationType, "relation type")
    let vendor = Param<String?>.option("vendor", .text, "vendor")
    let sig = Signature("walk", summary: "w", parameters: [rel.spec, vendor.spec])
    func call(_ words: String) throws -> Call {
      try Call.bind(
        words.split(separator: " ").map { (String($0), Value.string(String($0)), false) }, to: sig,
        rawText: "", input: nil)
    }
    XCTAssertEqual(try call("--rel INVESTS_IN --rel invests_in")[rel], "INVESTS_IN")
    XCTAssertThrowsError(try call("--rel INVESTS_IN --rel DEVELOPS"))
    XCTAssertThrowsError(try call("--vendor Zhipu --vendor zhipu"))
  }

  /// Digits typed full-width (a Chinese input method's) read as ASCII in numbers and dates;
  /// a mistake quotes what was typed.
  func testFullWidthDigitsAreNumbers() throws {
    let call = try bind("Zhipu --depth ３ --since ２０２５－０７ --input １０ｋ")
    XCTAssertEqual(call[Self.depth], 3)
    XCTAssertEqual(call[Self.since], "2025-07")
    XCTAssertEqual(call[Self.tokens], 10_000)
    XCTAssertEqual(message("Zhipu --depth ９"), "probe: --depth takes a whole number from 1 to 6, not '９'")
  }

  /// A day said relative to today (`--since yesterday`, `7d`, `2 weeks ago`, 昨天) reads as
  /// its date; words that say no day are refused as before.
  func testRelativeDays() throws {
    // 2026-03-01 at noon UTC: a week back crosses February.
    let now = Date(timeIntervalSince1970: 1_772_366_400)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .current
    let today = calendar.dateComponents([.year, .month, .day], from: now)
    XCTAssertEqual(today.day, 1, "the fixed moment is 2026-03-01 in this time zone")
    for (typed, iso) in [
      ("today", "2026-03-01"), ("Yesterday", "2026-02-28"), ("昨天", "2026-02-28"), ("7d", "2026-02-22"),
      ("7 days ago", "2026-02-22"), ("2w", "2026-02-15"), ("1 week ago", "2026-02-22"),
    ] {
      XCTAssertEqual(Dates.relative(typed, now: now), iso, typed)
    }
    for typed in ["tomorrow", "7", "d", "7 months ago", "-7d"] {
      XCTAssertNil(Dates.relative(typed, now: now), typed)
    }
    XCTAssertEqual(try bind("Zhipu --since today")[Self.since], Dates.relative("today"))
  }

  /// A date written year first in another usual way reads as its ISO date; a day-and-month
  /// date is refused with its readings, as its order is not certain.
  func testDatesYearFirstInAnySpellingDayFirstWithTheirReadings() throws {
    for (typed, iso) in [
      ("2026/11/30", "2026-11-30"), ("2026.11.30", "2026-11-30"), ("2026年11月30日", "2026-11-30"),
      ("2026年3月", "2026-03"), ("2026-9-1", "2026-09-01"), ("２０２６年１１月３０日", "2026-11-30"),
    ] {
      XCTAssertEqual(try bind("Zhipu --since \(typed)")[Self.since], iso, typed)
    }
    for typed in ["2026/2/30", "2026/11-30", "2026年11", "11月30日", "2026/11/30/1", "2026年13月"] {
      XCTAssertEqual(
        message("Zhipu --since \(typed)"),
        "probe: --since takes a date like 2025-07 or 2025-07-01, not '\(typed)'; e.g. --since 2025-07-01")
    }
    XCTAssertEqual(
      message("Zhipu --since 30/11/2026"),
      "probe: --since takes a date like 2025-07 or 2025-07-01, not '30/11/2026'; write it year first: --since 2026-11-30"
    )
    XCTAssertEqual(
      message("Zhipu --since 03.04.2026"),
      "probe: --since takes a date like 2025-07 or 2025-07-01, not '03.04.2026'; day and month could be either way: write --since 2026-04-03 or --since 2026-03-04"
    )
  }

  /// Token counts in Chinese scales (万 = 10⁴, 亿 = 10⁸); a scale or "tokens" written as a
  /// word of its own is refused with the count in one word (it was taken for an argument).
  func testTokenCountsTakeChineseScalesAndRefuseAScaleWordApart() throws {
    XCTAssertEqual(try bind("Zhipu --input 100万")[Self.tokens], 1_000_000)
    XCTAssertEqual(try bind("Zhipu --input 1.5亿")[Self.tokens], 150_000_000)
    XCTAssertEqual(
      message("Zhipu --input 1 million"),
      "probe: --input 1 million: the scale is part of the number; write --input 1M")
    XCTAssertEqual(
      message("Zhipu --input 1M tokens"),
      "probe: --input 1M tokens: the count is in tokens already; write --input 1M")
    XCTAssertEqual(
      message("Zhipu --input 3 万"), "probe: --input 3 万: the scale is part of the number; write --input 3万")
  }

  func testEachTypeWordsItsMistakeOnce() {
    XCTAssertEqual(message("Zhipu --depth 9"), "probe: --depth takes a whole number from 1 to 6, not '9'")
    XCTAssertEqual(
      message("Zhipu --since jan"),
      "probe: --since takes a date like 2025-07 or 2025-07-01, not 'jan'; e.g. --since 2025-07-01")
    XCTAssertEqual(message("Zhipu --since 2025-02-30").prefix(40), "probe: --since takes a date like 2025-07")
    XCTAssertEqual(
      message("Zhipu --currency usdd"),
      "probe: --currency takes a currency code like CNY or USD, not 'usdd'; did you mean 'USD'?")
    XCTAssertEqual(
      message("Zhipu --currency usd/cny"),
      "probe: --currency takes a currency code like CNY or USD, not 'usd/cny'; write the pair as two codes: USD CNY"
    )
    XCTAssertEqual(
      message("Zhipu --period yaer"),
      "probe: --period takes one of month, year, not 'yaer'; did you mean 'year'?")
    XCTAssertEqual(
      message("Zhipu --input 1.5"),
      "probe: --input takes a whole number of tokens like 10M, 2.5k or 1e6, not '1.5'; e.g. 2.5k = 2500")
    XCTAssertEqual(message("Zhipu --dpth 2"), "probe: unknown flag --dpth; did you mean --depth?")
    // A Unix shell's redirection is answered with the pipe kgsh writes files through.
    XCTAssertEqual(
      message("Zhipu > out.csv"),
      "probe: unexpected argument '>'; to write the output to a file: probe ... | save out.csv (output out.csv sends everything after it there)"
    )
    XCTAssertTrue(
      message("Zhipu >>log.txt").hasSuffix("| save log.txt (output log.txt sends everything after it there)"))
    XCTAssertTrue(message("").hasPrefix("probe: missing ENTITY; usage: probe ENTITY"), message(""))
  }

  func testAShortFlagIsNotMistakenForANameWithSpaces() {
    XCTAssertEqual(
      message("Zhipu -p x"),
      "probe: '-p' is not a flag of probe; flags are written in full: --depth, --since, --currency, --input, --chart, --period"
    )
    XCTAssertTrue(message("Zhipu AI").contains("quote a name with spaces"), message("Zhipu AI"))
  }

  func testUsageAndSchemaComeFromTheSameDeclaration() throws {
    XCTAssertEqual(
      Self.signature.usage,
      "probe ENTITY [--depth N] [--since DATE] [--currency CURRENCY] [--input TOKENS] [--chart] [--period month|year]"
    )
    guard case .map(let schema) = Self.signature.jsonSchema, case .map(let props)? = schema["properties"],
      case .map(let depth)? = props["depth"], case .map(let period)? = props["period"]
    else { return XCTFail("schema shape") }
    XCTAssertEqual(schema["required"], .list([.string("entity")]))
    XCTAssertEqual(depth["type"], .string("integer"))
    XCTAssertEqual(depth["minimum"], .int(1))
    XCTAssertEqual(depth["maximum"], .int(6))
    XCTAssertEqual(depth["default"], .int(2))
    XCTAssertEqual(period["enum"], .list([.string("month"), .string("year")]))
    XCTAssertEqual(props.count, 7)
  }

  func testTimeoutsReadDurationsTheWayParametersDo() throws {
    XCTAssertEqual(try Interruption.parseTimeout("2m"), Durations.seconds("2m"))
    XCTAssertEqual(try Interruption.parseTimeout("500ms"), 0.5)
    XCTAssertEqual(try Interruption.parseTimeout("1h"), 3600)
    XCTAssertNil(try Interruption.parseTimeout("off"))
    XCTAssertNil(try Interruption.parseTimeout("0s"), "any zero is off, as 0 is")
    XCTAssertNil(try Interruption.parseTimeout("0"))
    XCTAssertThrowsError(try Interruption.parseTimeout("25h"), "at most a day")
    XCTAssertThrowsError(try Interruption.parseTimeout("soon"))
  }

  /// check-knowledge accepts exactly the currencies a user can type at the shell.
  func testTheKnowledgeCheckKnowsTheShellsCurrencies() {
    XCTAssertEqual(KnowledgeCheck.currencies, Set(Currencies.codes))
  }
}

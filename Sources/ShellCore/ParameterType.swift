import Foundation
import KnowledgeGraph

/// What a parameter's value is. Binding checks and converts each value by its type, in this
/// one place, so every command words the same mistake the same way; help, completion, the
/// plugin signature and the JSON Schema are derived from it too.
public enum ParameterType: Sendable, Equatable {
  /// Free text.
  case text
  /// A name, alias or key of an entity (completed from the knowledge base).
  case entity
  /// A whole number, optionally within bounds.
  case integer(min: Int? = nil, max: Int? = nil)
  /// An exact decimal number.
  case decimal
  /// A date or period: YYYY, YYYY-MM or YYYY-MM-DD (a day that exists).
  case date
  /// A duration: 500ms, 5s, 2m, 1h (or plain seconds); the value is in seconds.
  case duration
  /// A token count: 10M, 2.5k, 1e6, 1,000 (a whole number).
  case tokenCount
  /// An ISO 4217 currency code; nicknames (RMB, 元, US$) and case are forgiven.
  case currency
  /// One of a fixed set of words (case-insensitive; the value is lower-cased).
  case choice([String])
  /// A path on disk.
  case file
  /// A node label.
  case label
  /// A relationship type.
  case relationType
  /// A fact predicate.
  case predicate
  /// A fact id such as F0001.
  case factId
  /// A command name.
  case command
  /// A variable name.
  case variable
  /// A switch: present or absent, no value.
  case toggle

  /// Words for the usage line: `N`, `DATE`, `month|year`.
  public func placeholder(for name: String) -> String {
    switch self {
    case .integer: return "N"
    case .decimal: return "NUMBER"
    case .date: return "DATE"
    case .duration: return "DURATION"
    case .tokenCount: return "TOKENS"
    case .currency: return "CURRENCY"
    case .choice(let values): return values.joinedText("|")
    case .file: return "FILE"
    default: return name.uppercased()
    }
  }

  /// A short phrase for errors and help: "a whole number from 1 to 6".
  public var expectation: String {
    switch self {
    case .integer(let lo, let hi):
      switch (lo, hi) {
      case let (lo?, hi?): return "a whole number from \(lo) to \(hi)"
      case let (lo?, nil): return "a whole number of at least \(lo)"
      case let (nil, hi?): return "a whole number of at most \(hi)"
      default: return "a whole number"
      }
    case .decimal: return "a number"
    case .date: return "a date like 2025-07 or 2025-07-01"
    case .duration: return "a duration like 500ms, 5s or 2m"
    case .tokenCount: return "a whole number of tokens like 10M, 2.5k or 1e6"
    case .currency: return "a currency code like CNY or USD"
    case .choice(let values): return "one of \(values.joinedText(", "))"
    case .toggle: return "no value"
    default: return "text"
    }
  }

  /// How completion offers values for a parameter of this type.
  public var completion: CompletionHint {
    switch self {
    case .entity: return .entity
    case .label: return .label
    case .relationType: return .relationType
    case .file: return .file
    case .command: return .command
    case .variable: return .variable
    case .currency: return .values(Currencies.codes)
    case .choice(let values): return .values(values)
    case .predicate: return .predicate
    case .factId: return .factId
    default: return .none
    }
  }

  /// The JSON Schema of a value of this type (for tools that call commands programmatically).
  public var jsonSchema: Value {
    switch self {
    case .integer(let lo, let hi):
      var m: [String: Value] = ["type": .string("integer")]
      if let lo { m["minimum"] = .int(Int64(lo)) }
      if let hi { m["maximum"] = .int(Int64(hi)) }
      return .map(m)
    case .decimal: return .map(["type": .string("number")])
    case .toggle: return .map(["type": .string("boolean")])
    case .choice(let values):
      return .map(["type": .string("string"), "enum": .list(values.map { .string($0) })])
    case .date:
      return .map([
        "type": .string("string"), "pattern": .string("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"),
        "description": .string(expectation),
      ])
    case .currency:
      return .map(["type": .string("string"), "enum": .list(Currencies.codes.map { .string($0) })])
    case .duration, .tokenCount:
      return .map(["type": .string("string"), "description": .string(expectation)])
    default: return .map(["type": .string("string")])
    }
  }

  /// What other tools (SQL, Cypher, shells, Nushell) write for a choice kgsh spells otherwise;
  /// offered as the suggestion when one of them is given.
  static let choiceSynonyms: [String: [String]] = [
    "~": ["=~", "contains"], "=~": ["contains"], "!=~": ["!~"], "like": ["contains"], "has": ["contains"],
    "includes": ["contains"], "regex": ["=~"], "matches": ["=~"], "startswith": ["starts-with"],
    "starts": ["starts-with"], "endswith": ["ends-with"], "ends": ["ends-with"], "notin": ["not-in"],
    "!in": ["not-in"], "in": ["contains"], "<>": ["!="], "eq": ["==", "="], "ne": ["!="], "gt": [">"],
    "lt": ["<"],
    "ge": [">="], "gte": [">="], "le": ["<="], "lte": ["<="], "=>": [">="], "=<": ["<="],
  ]

  /// A whole number written with an exponent (`1e3`, `2.5E2`), as token counts may be; nil
  /// when it has a fraction or does not fit an Int.
  static func wholeExponent(_ text: String) -> Int? {
    guard text.wholeMatch(of: /[+-]?[0-9]+(\.[0-9]+)?[eE]\+?[0-9]{1,2}/) != nil,
      let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), abs(d) <= Decimal(Int.max)
    else { return nil }
    let n = NSDecimalNumber(decimal: d).intValue
    return Decimal(n) == d ? n : nil
  }

  /// Checks and converts one value typed for parameter `name` of `command`.
  /// - Throws: `KgshError.invalidValue`, worded once per type.
  /// Full-width forms (`２０２６－０１`, U+FF01 to U+FF5E) as their ASCII characters; other
  /// text unchanged.
  static func halfWidth(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) }) else { return text }
    var out = String.UnicodeScalarView()
    for u in text.unicodeScalars {
      out.append((0xFF01...0xFF5E).contains(u.value) ? Unicode.Scalar(u.value - 0xFEE0)! : u)
    }
    return String(out)
  }

  /// What to write for a date that does not read as one. Year first is certain in any
  /// spelling (2026/11/30, 2026年11月30日, taken as they are); day and month first are not, so
  /// their readings are offered (`30/11/2026` → 2026-11-30).
  static func dateHint(_ text: String, flag: String?) -> String? {
    let prefix = flag.map { $0 + " " } ?? ""
    let readings = Dates.dayMonthReadings(text)
    if readings.count == 1 { return "write it year first: \(prefix)\(readings[0])" }
    if readings.count == 2 {
      return "day and month could be either way: write \(prefix)\(readings[0]) or \(prefix)\(readings[1])"
    }
    return flag.map { "e.g. \($0) 2025-07-01" }
  }

  public func parse(_ typed: String, name: String, command: String, positional: Bool = false) throws -> Value
  {
    // `--depth ２`: a number, date or count typed with a Chinese input method's full-width
    // digits reads as the ASCII it stands for.
    let text: String
    switch self {
    case .integer, .decimal, .date, .duration, .tokenCount: text = Self.halfWidth(typed)
    default: text = typed
    }
    func bad(_ hint: String? = nil, suggestions: [String] = []) -> KgshError {
      .invalidValue(
        command, positional ? name.uppercased() : "--\(name)", expected: expectation, got: typed, hint: hint,
        suggestions: suggestions)
    }
    switch self {
    case .integer(let lo, let hi):
      let digits = text.utf8.contains(UInt8(ascii: "_")) ? text.replacingOccurrences(of: "_", with: "") : text
      guard let n = Int(digits) ?? Self.wholeExponent(digits) else {
        throw bad(positional ? nil : "e.g. --\(name) \(lo ?? 2)")
      }
      if let lo, n < lo { throw bad() }
      if let hi, n > hi { throw bad() }
      return .int(Int64(n))
    case .decimal:
      guard let d = PlainDecimal.parse(text),
        text.allSatisfy({ $0.isNumber || ".-+eE".contains($0) })
      else { throw bad() }
      return .decimal(d)
    case .date:
      if let date = Dates.valid(text) ?? Dates.yearFirst(text) ?? Dates.relative(text) { return .date(date) }
      throw bad(Self.dateHint(text, flag: positional ? nil : "--\(name)"))
    case .duration:
      guard let seconds = Durations.seconds(text) else { throw bad() }
      return .double(seconds)
    case .tokenCount:
      guard let n = TokenCounts.parse(text) else { throw bad("e.g. 2.5k = 2500") }
      return .int(n)
    case .currency:
      if let code = Currencies.code(text) { return .string(code) }
      // A pair as traders write it (`USD/CNY`, `usd-cny`): the two codes go apart.
      let halves = text.split(whereSeparator: { "/-:".contains($0) }).map(String.init)
      if halves.count == 2, let a = Currencies.code(halves[0]), let b = Currencies.code(halves[1]) {
        throw bad("write the pair as two codes: \(a) \(b)")
      }
      let near = Currencies.suggestion(text.uppercased()).map { [$0] } ?? []
      throw bad(
        near.isEmpty ? "use one of \(Currencies.codes.joinedText(" "))" : nil, suggestions: near)
    case .choice(let values):
      // Any case is accepted; the value passed on is spelt as declared (an MCP server's
      // enum may be case-sensitive).
      if values.contains(text) { return .string(text) }
      let lower = text.lowercased()
      guard let declared = values.first(where: { $0.lowercased() == lower }) else {
        // Other languages' words for a choice come first: `~` means contains, not `<`.
        let meant = Self.choiceSynonyms[lower]?.filter(values.contains) ?? []
        throw bad(suggestions: meant.isEmpty ? Names.suggestions(for: lower, among: values, limit: 1) : meant)
      }
      return .string(declared)
    case .toggle:
      return .bool(!["false", "no", "off", "0"].contains(text.lowercased()))
    default:
      return .string(text)
    }
  }
}

/// Durations as kgsh takes them: 500ms, 5s, 2m, 1h, or plain seconds.
public enum Durations {
  public static func seconds(_ text: String) -> Double? {
    let t = text.lowercased().trimmingCharacters(in: .whitespaces)
    let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("", 1)]
    for (suffix, scale) in units where t.hasSuffix(suffix) {
      if let n = Double(t.dropLast(suffix.count)), n.isFinite, n >= 0 { return n * scale }
    }
    return nil
  }
}

/// Token counts as people write them: 10M, 2.5k, 1e6, 1,000.
public enum TokenCounts {
  /// Words written after a count for its scale (`1 million`), with the suffix that says it
  /// in one word (`1M`); "" for the word tokens, which the count is in already.
  public static let scaleWords = [
    "thousand": "k", "thousands": "k", "k": "k", "million": "M", "millions": "M", "mio": "M", "m": "M",
    "billion": "B", "billions": "B", "bn": "B", "b": "B", "万": "万", "萬": "万", "亿": "亿", "億": "亿",
    "tokens": "", "token": "",
  ]

  /// `2.5k`, `1M`, `1e6`, `1,000,000`, `100万` (10⁴), `1亿` (10⁸): a whole number of tokens.
  public static func parse(_ text: String) -> Int64? {
    var t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
      .replacingOccurrences(of: "_", with: "")
    var exponent = 0
    switch t.last {
    case "k", "K": exponent = 3
    case "万", "萬": exponent = 4
    case "m", "M": exponent = 6
    case "亿", "億": exponent = 8
    case "b", "B", "g", "G": exponent = 9
    default: break
    }
    if exponent > 0 { t.removeLast() }
    if let e = t.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let x = Int(t[t.index(after: e)...]), abs(x) <= 15 else { return nil }
      exponent += x
      t = String(t[..<e])
    }
    guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      let mantissa = PlainDecimal.parse(t)
    else { return nil }
    let value = mantissa * Decimal(sign: .plus, exponent: exponent, significand: 1)
    var rounded = Decimal()
    var v = value
    NSDecimalRound(&rounded, &v, 0, .plain)
    guard rounded == value, value <= Decimal(Int64.max / 2) else { return nil }
    return Int64(NSDecimalNumber(decimal: value).int64Value)
  }
}

/// The currencies kgsh knows, and the nicknames people type for them.
public enum Currencies {
  public static let codes = [
    "CNY", "USD", "HKD", "EUR", "GBP", "JPY", "KRW", "SGD", "TWD", "AUD", "CAD", "CHF", "INR",
  ]
  /// Names people type instead of the code.
  public static let nicknames = [
    "RMB": "CNY", "YUAN": "CNY", "元": "CNY", "人民币": "CNY", "人民幣": "CNY", "¥": "CNY", "$": "USD",
    "US$": "USD", "DOLLAR": "USD", "HK$": "HKD", "港元": "HKD", "港币": "HKD", "美元": "USD", "EURO": "EUR",
    "YEN": "JPY",
  ]

  /// Words people put between two currencies (`100 USD to CNY`, `100美元兑人民币`); a list
  /// of currencies reads past them.
  public static let connectives: Set<String> = ["to", "in", "into", "as", "->", "→", "=>", "兑", "换成", "兑换"]

  /// The code for a code or nickname in any case, else nil.
  public static func code(_ text: String) -> String? {
    let upper = text.uppercased()
    if codes.contains(upper) { return upper }
    return nicknames[upper]
  }

  /// The code a typo most likely meant: one edit or two swapped letters.
  public static func suggestion(_ upper: String) -> String? {
    if let near = Names.suggestions(for: upper, among: codes, limit: 1).first { return near }
    return codes.first { $0.count == upper.count && $0.sorted() == upper.sorted() }
  }
}

import Foundation

/// A fact value as people paste it (`HK$4.3 bn`, `¥20/month`, `73.1%`, `5億`, `2026-01-08`),
/// turned into the stored normal form: a value type, exact decimal text, currency and unit.
/// What cannot be read as a number or a date stays text, exactly as written.
public struct PastedValue: Equatable, Sendable {
  public var type: String
  public var value: String
  public var currency: String?
  public var unit: String?
  /// How the value is not exact, when the text says so (`about 900`, `约7000万美元`, `400人左右`):
  /// one of fact add's qualifiers.
  public var qualifier: String?

  public init(
    type: String, value: String, currency: String? = nil, unit: String? = nil, qualifier: String? = nil
  ) {
    self.type = type
    self.value = value
    self.currency = currency
    self.unit = unit
    self.qualifier = qualifier
  }

  /// Words before an amount that say it is not exact, longest first within a language.
  static let qualifierPrefixes: [(String, String)] = [
    ("approximately ", "about"), ("approx. ", "about"), ("about ", "about"), ("around ", "about"),
    ("roughly ", "about"), ("more than ", "over"), ("over ", "over"), ("nearly ", "nearly"),
    ("almost ", "nearly"), ("less than ", "under"), ("under ", "under"), ("at least ", "at-least"),
    ("at most ", "at-most"), ("up to ", "at-most"), ("estimated ", "estimate"), ("~", "about"),
    ("≈", "about"), ("约为", "about"), ("大约", "about"), ("大概", "about"), ("約", "about"), ("约", "about"),
    ("将近", "nearly"), ("將近", "nearly"), ("接近", "nearly"), ("近", "nearly"), ("超过", "over"),
    ("超過", "over"), ("逾", "over"), ("不到", "under"), ("不足", "under"), ("至少", "at-least"),
    ("最多", "at-most"), ("预计", "estimate"), ("預計", "estimate"), ("估计", "estimate"), ("估計", "estimate"),
  ]
  /// Words after an amount that say it is not exact (`400人左右`, `7000万美元以上`).
  static let qualifierSuffixes: [(String, String)] = [
    ("左右", "about"), ("上下", "about"), ("以上", "over"), ("以下", "under"), ("+", "over"),
  ]

  /// Currency marks, longest first so `HK$` wins over `$`.
  static let currencies: [(String, String)] = [
    ("HK$", "HKD"), ("US$", "USD"), ("NT$", "TWD"), ("S$", "SGD"), ("RMB", "CNY"), ("CNY", "CNY"),
    ("USD", "USD"), ("HKD", "HKD"), ("EUR", "EUR"), ("GBP", "GBP"), ("JPY", "JPY"), ("$", "USD"),
    ("¥", "CNY"), ("￥", "CNY"), ("€", "EUR"), ("£", "GBP"), ("元", "CNY"),
  ]
  /// Currency words written after the amount (`1.2bn CNY`, `1.2 billion yuan`, `12亿元`,
  /// `5億港元`), longest first.
  static let suffixCurrencies: [(String, String)] = [
    ("US dollars", "USD"), ("HK dollars", "HKD"), ("人民币", "CNY"), ("人民幣", "CNY"), ("yuan", "CNY"),
    ("RMB", "CNY"), ("CNY", "CNY"), ("USD", "USD"), ("HKD", "HKD"), ("EUR", "EUR"), ("GBP", "GBP"),
    ("JPY", "JPY"), ("港元", "HKD"), ("港幣", "HKD"), ("港币", "HKD"), ("美元", "USD"), ("元", "CNY"),
  ]
  /// Scale words and characters, longest first.
  static let scales: [(String, Decimal)] = [
    ("billion", 1_000_000_000), ("million", 1_000_000), ("thousand", 1000), ("bn", 1_000_000_000),
    ("mn", 1_000_000), ("億", 100_000_000), ("亿", 100_000_000), ("萬", 10_000), ("万", 10_000),
    ("千", 1000), ("b", 1_000_000_000), ("m", 1_000_000), ("k", 1000),
  ]
  static let periods = [
    "month": "per month", "mo": "per month", "year": "per year", "yr": "per year",
    "月": "per month", "年": "per year", "1M tokens": "per 1M tokens", "M tokens": "per 1M tokens",
  ]

  /// What to write instead of a flag for the VALUE's parts (`fact add ... --unit CNY`).
  public static let misplacedFlags = [
    "unit":
      "the unit is read from the VALUE: a currency (\"1.2bn CNY\", US$17), a period (¥20/month) or a word after the number (\"800 people\")",
    "currency": "write the currency in the VALUE: \"1.2bn CNY\", US$17, ¥20/month",
  ]

  /// Reads `text`; never fails (the fallback is text).
  public static func parse(_ text: String) -> PastedValue {
    let t = text.trimmingCharacters(in: .whitespaces)
    if isDate(t) { return PastedValue(type: "date", value: t) }
    // `2019年6月`, `2026/01/08`: a date written year first (the text stays as the original);
    // `2026.5` is a number.
    if t.contains("年") || t.filter({ "/.-".contains($0) }).count == 2, let iso = Dates.yearFirst(t) {
      return PastedValue(type: "date", value: iso)
    }
    if t.hasSuffix("%"), let n = number(String(t.dropLast())) {
      return PastedValue(type: "percent", value: "\(n)")
    }
    return qualified(t) ?? money(t) ?? measure(t) ?? PastedValue(type: "text", value: text)
  }

  /// An amount with a word that says it is not exact (`about 900`, `约7000万美元`,
  /// `400人左右`): the amount, with the word as its qualifier.
  static func qualified(_ t: String) -> PastedValue? {
    var rest = Substring(t), qualifier: String?
    if let (word, q) = qualifierPrefixes.first(where: { t.lowercased().hasPrefix($0.0) }) {
      rest = rest.dropFirst(word.count)
      qualifier = q
    }
    if let (word, q) = qualifierSuffixes.first(where: { rest.hasSuffix($0.0) }),
      qualifier == nil || qualifier == q
    {
      rest = rest.dropLast(word.count)
      qualifier = q
    }
    guard let qualifier else { return nil }
    let amount = String(rest).trimmingCharacters(in: .whitespaces)
    var read =
      amount.hasSuffix("%")
      ? number(String(amount.dropLast())).map {
        PastedValue(type: "percent", value: "\($0)")
      } : money(amount) ?? measure(amount)
    read?.qualifier = qualifier
    return read
  }

  /// A number followed by one word of unit (`800 people`, `16 rounds`, `204,800 tokens`,
  /// `800人`): the number, with the word as its unit.
  static func measure(_ t: String) -> PastedValue? {
    guard let m = t.wholeMatch(of: /(-?[0-9][0-9,]*(?:\.[0-9]+)?)\s*([A-Za-z]{2,}|\p{Han}+)/),
      let n = number(String(m.1))
    else { return nil }
    return PastedValue(type: "number", value: "\(n)", unit: String(m.2))
  }

  /// Reads a VALUE of `fact add` or `fact correct`: like `parse`, but a value written as a
  /// date must be a day the calendar has (2030-02-30 is a slip, not text to keep).
  /// - Throws: `KgshError` naming the month's last day.
  public static func checked(_ text: String, command: String) throws -> PastedValue {
    let parsed = parse(text)
    let t = text.trimmingCharacters(in: .whitespaces)
    if parsed.type == "text", let slip = dateSlip(t) {
      throw KgshError(
        .invalidValue, "\(command): \(t) is not a date: \(slip)",
        hint: "write the date as YYYY-MM or YYYY-MM-DD, as the source gives it")
    }
    guard parsed.type == "date", Dates.valid(parsed.value) == nil else { return parsed }
    let month = String(parsed.value.prefix(7))
    let days = Dates.lastDay(month: Int(month.suffix(2)) ?? 1, year: Int(month.prefix(4)) ?? 0)
    throw KgshError(
      .invalidValue, "\(command): \(parsed.value) is not a date: \(month) has \(days) days",
      hint: "write the day the source gives, or the month alone (\(month))")
  }

  /// What is wrong with text shaped like a date (`2024-13-01`, `2025-00`, `2025-02-00`), or
  /// nil when it is not shaped like one.
  static func dateSlip(_ t: String) -> String? {
    guard t.range(of: #"^\d{4}-\d{2}(-\d{2})?$"#, options: .regularExpression) != nil else { return nil }
    let parts = t.split(separator: "-").map { Int($0) ?? 0 }
    if !(1...12).contains(parts[1]) { return "months run from 01 to 12" }
    if parts.count == 3, !(1...31).contains(parts[2]) { return "days run from 01 to 31" }
    return nil
  }

  /// `2026-01` or `2026-01-08` (a bare year stays a number).
  static func isDate(_ t: String) -> Bool {
    t.range(of: #"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"#, options: .regularExpression) != nil
  }

  /// A number with an optional currency (before or after), scale and period.
  static func money(_ t: String) -> PastedValue? {
    var rest = Substring(t)
    var currency: String?
    var unit: String?
    if let (mark, code) = currencies.first(where: { rest.hasPrefix($0.0) }) {
      currency = code
      rest = rest.dropFirst(mark.count)
    }
    if let slash = rest.firstIndex(of: "/") {
      let period = rest[rest.index(after: slash)...].trimmingCharacters(in: .whitespaces)
      guard let u = periods[period] else { return nil }
      unit = u
      rest = rest[..<slash]
    }
    var s = rest.trimmingCharacters(in: .whitespaces)
    if currency == nil,
      let (mark, code) = suffixCurrencies.first(where: { s.lowercased().hasSuffix($0.0.lowercased()) })
    {
      currency = code
      s = String(s.dropLast(mark.count)).trimmingCharacters(in: .whitespaces)
    }
    var scale: Decimal = 1
    if let (word, factor) = scales.first(where: { s.lowercased().hasSuffix($0.0.lowercased()) }) {
      let head = String(s.dropLast(word.count)).trimmingCharacters(in: .whitespaces)
      if number(head) != nil {
        scale = factor
        s = head
      }
    }
    guard let n = number(s) else { return nil }
    let value = n * scale
    return PastedValue(
      type: currency == nil ? "number" : "money", value: "\(value)", currency: currency, unit: unit)
  }

  /// An exact decimal: `4.3`, `1,234.5`, `-2`; nil for anything else, and for a code with
  /// leading zeros (`00700`, a stock code, stays text as `Value.inferred` keeps it).
  static func number(_ s: String) -> Decimal? {
    let plain = s.replacingOccurrences(of: ",", with: "")
    guard plain.range(of: #"^-?\d+(\.\d+)?$"#, options: .regularExpression) != nil, !Value.isCode(plain)
    else {
      return nil
    }
    return PlainDecimal.parse(plain)
  }
}

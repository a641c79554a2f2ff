import Foundation
import ShellCore

/// An exchange-rate observation: 1 `from` = `rate` `to`, dated and sourced.
struct FXRate: Sendable {
  var from: String
  var to: String
  var rate: Decimal
  var asOf: String
  var source: String
  var ref: String

  var pair: String { "\(from)/\(to)" }
  var text: String { "1 \(from) = \(Money.number(rate, scale: 6, minFraction: 0)) \(to)" }
  var citation: String {
    "\(text) (\([ref, source, "as of \(asOf)"].filter { !$0.isEmpty }.joined(separator: ", ")))"
  }
}

/// The session's exchange rates: built-in observations from the article plus `fx set` ones,
/// with one default per currency pair.
struct FXBook {
  static let key = "pricing.fx"
  static let currencies = ["CNY", "USD", "HKD", "EUR", "GBP", "JPY"]
  static let builtIn = [
    FXRate(
      from: "USD", to: "CNY", rate: Decimal(string: "7.06")!, asOf: "2025-09", source: "article: $17 ≈ ¥120",
      ref: "N01"),
    FXRate(
      from: "USD", to: "CNY", rate: Decimal(string: "6.97")!, asOf: "2026-01-08",
      source: "article: ¥243.8億 ≈ $35億",
      ref: "N02"),
  ]

  var rates: [FXRate] = FXBook.builtIn
  /// Index into `rates` of the default for a pair key ("CNY|USD", sorted).
  var defaults: [String: Int] = ["CNY|USD": 0]

  static func pairKey(_ a: String, _ b: String) -> String { [a, b].sorted().joined(separator: "|") }

  static func of(_ session: Session) -> FXBook { session.extensions[key] as? FXBook ?? FXBook() }
  func save(_ session: Session) { session.extensions[FXBook.key] = self }

  static func validate(_ code: String, command: String) throws -> String {
    guard code.wholeMatch(of: /[A-Z]{3}/) != nil, currencies.contains(code) else {
      let upper = code.uppercased()
      throw ShellError(
        "\(command): '\(code)' is not a known currency code",
        hint: currencies.contains(upper)
          ? "did you mean \(upper)?" : "use one of \(currencies.joined(separator: " "))")
    }
    return code
  }

  /// The rate to use for a pair: on or before `asOf` (latest such), else the default.
  func rate(_ from: String, _ to: String, asOf: String? = nil) -> FXRate? {
    let candidates = rates.enumerated().filter {
      ($0.element.from == from && $0.element.to == to) || ($0.element.from == to && $0.element.to == from)
    }
    var chosen: FXRate?
    if let asOf {
      chosen =
        candidates.filter { $0.element.asOf <= asOf }.max { $0.element.asOf < $1.element.asOf }?.element
    }
    if chosen == nil, let i = defaults[FXBook.pairKey(from, to)] { chosen = rates[i] }
    if chosen == nil { chosen = candidates.last?.element }
    guard var r = chosen else { return nil }
    if r.from != from {
      r = FXRate(
        from: from, to: to, rate: 1 / r.rate, asOf: r.asOf, source: r.source,
        ref: r.ref.isEmpty ? "inverse" : r.ref + " inverted")
    }
    return r
  }

  /// Converts an amount, noting the rate used; cross rates go through USD.
  func convert(_ amount: Decimal, from: String, to: String, command: String, used: inout [String]) throws
    -> Decimal
  {
    if from == to { return amount }
    if let r = rate(from, to) {
      let line = r.citation
      if !used.contains(line) { used.append(line) }
      return amount * r.rate
    }
    if from != "USD", to != "USD", let a = rate(from, "USD"), let b = rate("USD", to) {
      for line in [a.citation, b.citation] where !used.contains(line) { used.append(line) }
      return amount * a.rate * b.rate
    }
    throw ShellError(
      "\(command): no exchange rate from \(from) to \(to)",
      hint: "add one with fx set \(from) \(to) RATE --source TEXT")
  }
}

/// `fx [FROM TO] [--as-of DATE]` lists rates; `fx set FROM TO RATE` adds one and makes it the default.
struct FXCommand: Command {
  let signature = Signature(
    "fx", summary: "Exchange rates: list the dated, sourced observations or add one with fx set",
    arguments: [Argument("words", "FROM TO, or set FROM TO RATE", optional: true, variadic: true)],
    flags: [
      Flag("as-of", "only rates observed on or before this date (YYYY[-MM[-DD]])"),
      Flag("source", "where a rate set with fx set comes from"),
      Flag("explain", "show how the rates are chosen", kind: .bool),
    ],
    help:
      "1 FROM = RATE TO. Built-in: CNY per USD 7.06 (N01, 2025-09) and 6.97 (N02, 2026-01-08), both implied by the article; 7.06 is the default.",
    examples: [
      Example("fx", "the built-in USD/CNY observations", expect: "7.06"),
      Example(
        "fx set USD CNY 7.1 --as-of 2026-03 --source manual", "add a rate and make it the default",
        expect: "7.1"),
      Example("fx USD CNY --as-of 2025-12", "rates known by a date", expect: "N01"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var book = FXBook.of(session)
    var words = call.arguments
    let asOf = try call.flag("as-of").map { try Self.date($0) }
    if words.first?.lowercased() == "set" {
      words.removeFirst()
      guard words.count == 3 else {
        throw ShellError.usage("fx set: needs FROM TO RATE, e.g. fx set USD CNY 7.1", signature)
      }
      let from = try FXBook.validate(words[0], command: "fx set")
      let to = try FXBook.validate(words[1], command: "fx set")
      guard from != to else { throw ShellError("fx set: FROM and TO are the same currency (\(from))") }
      guard let rate = Money.parse(words[2]), rate > 0 else {
        throw ShellError(
          "fx set: the rate must be a positive number, not '\(words[2])'", hint: "e.g. fx set USD CNY 7.1")
      }
      let r = FXRate(
        from: from, to: to, rate: rate, asOf: asOf ?? "session",
        source: call.flag("source") ?? "set in this session", ref: "")
      book.rates.append(r)
      book.defaults[FXBook.pairKey(from, to)] = book.rates.count - 1
      book.save(session)
      return .table(table(book, pair: (from, to), asOf: nil, explain: call.has("explain")))
    }
    guard words.isEmpty || words.count == 2 else {
      throw ShellError.usage("fx: give FROM TO or nothing", signature)
    }
    var pair: (String, String)?
    if words.count == 2 {
      pair = (try FXBook.validate(words[0], command: "fx"), try FXBook.validate(words[1], command: "fx"))
    }
    return .table(table(book, pair: pair, asOf: asOf, explain: call.has("explain")))
  }

  func table(_ book: FXBook, pair: (String, String)?, asOf: String?, explain: Bool) -> Table {
    var rows: [[Value]] = []
    for (i, r) in book.rates.enumerated() {
      if let (a, b) = pair, !((r.from == a && r.to == b) || (r.from == b && r.to == a)) { continue }
      if let asOf, r.asOf > asOf { continue }
      let isDefault = book.defaults[FXBook.pairKey(r.from, r.to)] == i
      rows.append([
        .string(r.from), .string(r.to), .string(Money.number(r.rate, scale: 6, minFraction: 0)),
        .string("1 \(r.to) = \(Money.number(1 / r.rate, scale: 6, minFraction: 0)) \(r.from)"),
        .string(r.asOf),
        .string(r.ref), .string(r.source), .string(isDefault ? "yes" : ""),
      ])
    }
    var notes: [String] = []
    if let (a, b) = pair, let r = book.rate(a, b, asOf: asOf) {
      notes.append("used for \(a)→\(b): \(r.citation)")
    }
    if explain {
      notes.append(
        "conversions use the pair's default (fx set makes the new rate the default); the inverse pair uses 1/rate"
      )
      notes.append("with --as-of, the latest observation on or before the date is shown as used")
    }
    return Table(
      columns: ["from", "to", "rate", "inverse", "as_of", "ref", "source", "default"], rows: rows,
      notes: notes)
  }

  static func date(_ text: String) throws -> String {
    guard text.wholeMatch(of: /[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?/) != nil else {
      throw ShellError("fx: --as-of must be a date like 2026-01-08 or 2025-09, not '\(text)'")
    }
    return text
  }
}

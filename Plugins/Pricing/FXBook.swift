import Foundation
import KnowledgeGraph
import ShellCore

/// An exchange-rate observation: 1 `from` = `rate` `to`, dated and sourced.
struct FXRate: Sendable {
  var from: String
  var to: String
  var rate: Decimal
  var asOf: String
  var source: String
  var ref: String
  var status = "derived"

  var pair: String { "\(from)/\(to)" }
  var text: String { "1 \(from) = \(Money.number(rate, scale: 6, minFraction: 0)) \(to)" }
  var citation: String {
    "\(text) (\([ref, source, "as of \(asOf)"].filter { !$0.isEmpty }.joinedText(", ")))"
  }

  /// The same observation the other way round (1 / rate).
  var inverted: FXRate {
    var r = self
    r.from = to
    r.to = from
    r.rate = 1 / rate
    r.ref = ref.isEmpty ? "inverse" : ref + " inverted"
    return r
  }
}

/// The session's exchange rates: the built-in observations (loaded into the knowledge base
/// from Knowledge/reference/fx_rates.tsv) plus the user's (`fx set`), with one default per
/// currency pair.
struct FXBook {
  var rates: [FXRate] = []
  /// Index into `rates` of the default for a pair key ("CNY|USD", sorted).
  var defaults: [String: Int] = [:]

  static func pairKey(_ a: String, _ b: String) -> String { [a, b].sorted().joinedText("|") }

  /// The built-in rates, in file order.
  static func builtIn(_ session: Session) throws -> [(rate: FXRate, isDefault: Bool)] {
    try session.store.select("SELECT * FROM fx_builtin ORDER BY seq").compactMap { row in
      guard let rate = decimal(row.text("rate")) else { return nil }
      return (
        FXRate(
          from: row.text("from_currency"), to: row.text("to_currency"), rate: rate, asOf: row.text("as_of"),
          source: row.text("source"), ref: row.text("ref"), status: row.text("status")),
        row["is_default"] == .int(1)
      )
    }
  }

  static func decimal(_ text: String) -> Decimal? {
    PlainDecimal.parse(text)
  }

  /// The built-in rates plus the user's from the knowledge base; a user default wins.
  static func of(_ session: Session) throws -> FXBook {
    var book = FXBook()
    for (rate, isDefault) in try builtIn(session) {
      book.rates.append(rate)
      if isDefault { book.defaults[pairKey(rate.from, rate.to)] = book.rates.count - 1 }
    }
    for r in try session.store.fxRates() {
      guard let rate = decimal(r.rate) else { continue }
      book.rates.append(
        FXRate(
          from: r.from, to: r.to, rate: rate, asOf: r.asOf, source: r.source, ref: "user", status: r.status))
      if r.isDefault { book.defaults[pairKey(r.from, r.to)] = book.rates.count - 1 }
    }
    return book
  }

  /// The rate to use for a pair: with `asOf`, the latest observed on or before it (else the
  /// default); without, the default; else the latest added.
  func rate(_ from: String, _ to: String, asOf: String? = nil) -> FXRate? {
    let candidates = rates.filter { ($0.from == from && $0.to == to) || ($0.from == to && $0.to == from) }
    var chosen: FXRate?
    if let asOf {
      let limit = PriceDate.end(asOf)
      chosen = candidates.filter { $0.asOf <= limit }.max { $0.asOf < $1.asOf }
    }
    if chosen == nil, let i = defaults[FXBook.pairKey(from, to)] { chosen = rates[i] }
    if chosen == nil { chosen = candidates.last }
    guard let r = chosen else { return nil }
    return r.from == from ? r : r.inverted
  }

  /// The currency a cross rate goes through when the pair has no rate of its own: USD, then
  /// CNY, then any other that has a rate with both (`HKD→USD` with HKD/CNY and USD/CNY: CNY).
  func pivot(_ from: String, _ to: String, asOf: String? = nil) -> String? {
    guard rate(from, to, asOf: asOf) == nil else { return nil }
    let others = Set(rates.flatMap { [$0.from, $0.to] }).subtracting(["USD", "CNY"]).sorted()
    return (["USD", "CNY"] + others).first { c in
      c != from && c != to && rate(from, c, asOf: asOf) != nil && rate(c, to, asOf: asOf) != nil
    }
  }

  /// Converts an amount, noting the rates used; a pair without a rate of its own goes through
  /// a currency both have one with (`pivot`).
  func convert(
    _ amount: Decimal, from: String, to: String, asOf: String? = nil, command: String,
    used: inout [String]
  ) throws -> Decimal {
    if from == to { return amount }
    if let r = rate(from, to, asOf: asOf) {
      if !used.contains(r.citation) { used.append(r.citation) }
      return amount * r.rate
    }
    if let via = pivot(from, to, asOf: asOf), let a = rate(from, via, asOf: asOf),
      let b = rate(via, to, asOf: asOf)
    {
      for line in [a.citation, b.citation] where !used.contains(line) { used.append(line) }
      return amount * a.rate * b.rate
    }
    throw KgshError(
      .notFound, "\(command): no exchange rate from \(from) to \(to)",
      hint: "add one with fx set \(from) \(to) RATE --source TEXT")
  }
}

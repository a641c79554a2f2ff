import Foundation
import KnowledgeGraph
import ShellCore

/// `fx [FROM TO] [--as-of DATE]`: the dated, sourced exchange rates and the one a conversion uses.
struct FXCommand: Command {
  static let from: Param<String?> = .optionalArgument("from", .currency, "a currency code such as USD")
  static let to: Param<String?> = .optionalArgument("to", .currency, "a currency code such as CNY")
  static let asOf: Param<String?> = .option("as-of", .date, "only rates observed on or before this date")
  static let explain = Param.toggle("explain", "show how the rates are chosen")
  let signature = Signature(
    "fx",
    summary: "Exchange rates: the dated, sourced observations and the default per pair (fx set adds one)",
    parameters: [from.spec, to.spec, asOf.spec, explain.spec],
    help:
      "1 FROM = RATE TO; inverse is 1 TO in FROM. Built-in: CNY per USD 7.06 (N01, 2025-09) and 6.97 (N02, 2026-01-08), both implied by the article; 7.06 is the default until fx set makes another one.",
    examples: [
      Example("fx", "the built-in USD/CNY observations", expect: "7.06"),
      Example("fx USD CNY --as-of 2025-12", "rates known by a date", expect: "N01"),
      Example("fx CNY", "every rate with the yuan on one side", expect: "USD"),
    ])

  /// `fx 100 USD CNY`, `fx US$20 CNY`: an amount where a currency goes; the command that
  /// converts it.
  func refusal(forMisfit words: [String], _ session: Session) -> KgshError? {
    guard let first = words.first, FXConvertCommand.money(first) != nil else { return nil }
    return KgshError(
      .usage, "fx: \(first) is an amount, and fx lists rates",
      hint: "to convert it write fx convert \(words.map(Shell.quoteIfNeeded).joinedText(" "))")
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    let book = try FXBook.of(session)
    var pair: (String, String)?
    switch (call[Self.from], call[Self.to]) {
    case (nil, nil): break
    case let (from?, to?) where from == to:
      throw KgshError(
        .usage, "fx: FROM and TO are both \(from), and 1 \(from) is 1 \(from)",
        hint: "name two currencies, e.g. fx USD CNY")
    case let (from?, to?): pair = (from, to)
    default: break  // one currency: every rate it is in
    }
    return .table(
      Self.table(
        book, pair: pair, asOf: call[Self.asOf], explain: call[Self.explain],
        currency: pair == nil ? call[Self.from] : nil))
  }

  static func table(
    _ book: FXBook, pair: (String, String)?, asOf: String?, explain: Bool, currency: String? = nil
  ) -> Table {
    var rows: [[Value]] = []
    let limit = asOf.map(PriceDate.end)
    for (i, r) in book.rates.enumerated() {
      if let (a, b) = pair, !((r.from == a && r.to == b) || (r.from == b && r.to == a)) { continue }
      if let currency, r.from != currency && r.to != currency { continue }
      if let limit, r.asOf > limit { continue }
      let isDefault = book.defaults[FXBook.pairKey(r.from, r.to)] == i
      rows.append([
        .string(r.from), .string(r.to), .decimal(r.rate),
        Money.decimal(1 / r.rate, scale: 6),
        .string(r.asOf), .string(r.ref), .string(r.source), .string(r.status),
        .bool(isDefault),
      ])
    }
    var notes: [String] = []
    if rows.isEmpty, let currency {
      notes.append(
        "no rate with \(currency)\(asOf.map { " observed on or before \($0)" } ?? ""); fx set \(currency) \(currency == "USD" ? "CNY" : "USD") RATE --source SOURCE records one"
      )
    } else if rows.isEmpty {
      notes.append(noRates(book, pair: pair, asOf: asOf))
    }
    if let (a, b) = pair, let r = book.rate(a, b, asOf: asOf) {
      // Before the first observation the pair's default stands in; say so rather than
      // let "as of 1900-01-01" read as if the rate had been observed then.
      let fallback = rows.isEmpty && asOf != nil ? " (the default, since none was observed by then)" : ""
      notes.append("used for \(a)→\(b)\(asOf.map { " as of \($0)" } ?? "")\(fallback): \(r.citation)")
    }
    if explain {
      notes.append(
        "conversions use the pair's default (fx set makes the new rate the default); the inverse pair uses 1/rate"
      )
      notes.append("with --as-of, the latest observation on or before the date is used, else the default")
      notes.append("user rates are kept in the knowledge base and survive restarts")
    }
    var table = Table(
      columns: ["from", "to", "rate", "inverse", "as_of", "ref", "source", "status", "default"], rows: rows,
      notes: notes)
    table.narrowColumns = ["from", "to", "rate", "as_of", "default", "ref", "source"]
    return table
  }

  /// Why the table is empty: no rate of the pair at all, or none observed by the date.
  static func noRates(_ book: FXBook, pair: (String, String)?, asOf: String?) -> String {
    let ofPair = book.rates.filter { r in
      pair.map { (a, b) in (r.from == a && r.to == b) || (r.from == b && r.to == a) } ?? true
    }
    let between = pair.map { " between \($0.0) and \($0.1)" } ?? ""
    guard let first = ofPair.map(\.asOf).filter({ !$0.isEmpty }).min(), let asOf else {
      let (a, b) = pair ?? ("FROM", "TO")
      return "no rate\(between); fx set \(a) \(b) RATE --source SOURCE records one"
    }
    return "no rate\(between) observed on or before \(asOf); the first is from \(first)"
  }
}

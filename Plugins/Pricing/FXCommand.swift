import Foundation
import KnowledgeGraph
import ShellCore

/// `fx [FROM TO] [--as-of DATE]`: the dated, sourced exchange rates and the one a conversion uses.
struct FXCommand: Command {
  let signature = Signature(
    "fx",
    summary: "Exchange rates: the dated, sourced observations and the default per pair (fx set adds one)",
    arguments: [
      Argument("from", "a currency code such as USD", optional: true),
      Argument("to", "a currency code such as CNY", optional: true),
    ],
    flags: [
      Flag("as-of", "only rates observed on or before this date (YYYY[-MM[-DD]])"),
      Flag("explain", "show how the rates are chosen", kind: .bool),
    ],
    help:
      "1 FROM = RATE TO. Built-in: CNY per USD 7.06 (N01, 2025-09) and 6.97 (N02, 2026-01-08), both implied by the article; 7.06 is the default until fx set makes another one.",
    examples: [
      Example("fx", "the built-in USD/CNY observations", expect: "7.06"),
      Example("fx USD CNY --as-of 2025-12", "rates known by a date", expect: "N01"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let book = try FXBook.of(session)
    let asOf = try call.flag("as-of").map { try PriceDate.flag($0, command: "fx") }
    var pair: (String, String)?
    switch call.arguments.count {
    case 0: break
    case 2:
      pair = (
        try Currency.validate(call.arguments[0], command: "fx"),
        try Currency.validate(call.arguments[1], command: "fx")
      )
    default: throw ShellError.usage("fx: give FROM TO or nothing", signature)
    }
    return .table(Self.table(book, pair: pair, asOf: asOf, explain: call.has("explain")))
  }

  static func table(_ book: FXBook, pair: (String, String)?, asOf: String?, explain: Bool) -> Table {
    var rows: [[Value]] = []
    let limit = asOf.map(PriceDate.end)
    for (i, r) in book.rates.enumerated() {
      if let (a, b) = pair, !((r.from == a && r.to == b) || (r.from == b && r.to == a)) { continue }
      if let limit, r.asOf > limit { continue }
      let isDefault = book.defaults[FXBook.pairKey(r.from, r.to)] == i
      rows.append([
        .string(r.from), .string(r.to), .decimal(r.rate),
        .string("1 \(r.to) = \(Money.number(1 / r.rate, scale: 6, minFraction: 0)) \(r.from)"),
        .string(r.asOf), .string(r.ref), .string(r.source), .string(r.status),
        .string(isDefault ? "yes" : ""),
      ])
    }
    var notes: [String] = []
    if let (a, b) = pair, let r = book.rate(a, b, asOf: asOf) {
      notes.append("used for \(a)→\(b)\(asOf.map { " as of \($0)" } ?? ""): \(r.citation)")
    }
    if explain {
      notes.append(
        "conversions use the pair's default (fx set makes the new rate the default); the inverse pair uses 1/rate"
      )
      notes.append("with --as-of, the latest observation on or before the date is used, else the default")
      notes.append("user rates are kept in the knowledge base and survive restarts")
    }
    return Table(
      columns: ["from", "to", "rate", "inverse", "as_of", "ref", "source", "status", "default"], rows: rows,
      notes: notes)
  }
}

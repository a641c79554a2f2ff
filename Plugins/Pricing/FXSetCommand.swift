import Foundation
import KnowledgeGraph
import ShellCore

/// `fx set FROM TO RATE [--as-of DATE] [--source TEXT]`: records a dated, sourced rate in
/// the knowledge base and makes it the pair's default.
struct FXSetCommand: Command {
  static let from = Param<String>.argument("from", .currency, "currency code, e.g. USD")
  static let to = Param<String>.argument("to", .currency, "currency code, e.g. CNY")
  static let rate = Param<Decimal>.argument("rate", .decimal, "how many TO one FROM buys, e.g. 7.1")
  static let asOf: Param<String?> = .option("as-of", .date, "when the rate was observed; default today")
  static let source = Param.option("source", .text, default: "set by the user", "where the rate comes from")
  let signature = Signature(
    "fx set", summary: "Record an exchange rate (kept in the knowledge base) and make it the default",
    parameters: [from.spec, to.spec, rate.spec, asOf.spec, source.spec],
    help:
      "The rate is stored exactly as typed (decimal text). Conversions use it from now on, in every session.",
    examples: [
      Example(
        "fx set USD CNY 7.1 --as-of 2026-03 --source manual", "add a rate and make it the default")
    ],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let from = call[Self.from]
    let to = call[Self.to]
    guard from != to else {
      throw KgshError(
        .invalidValue, "fx set: FROM and TO are the same currency (\(from))",
        hint: "name two different currencies")
    }
    let rate = call[Self.rate]
    guard rate > 0 else {
      throw KgshError.invalidValue(
        "fx set", "RATE", expected: "a positive number", got: "\(rate)", hint: "e.g. fx set USD CNY 7.1")
    }
    let asOf = call[Self.asOf] ?? Self.today()
    let source = call[Self.source]
    try session.store.write { w in
      try w.addFXRate(
        FXRecord(from: from, to: to, rate: "\(rate)", asOf: asOf, source: source, status: "user"),
        makeDefault: true)
    }
    return .table(FXCommand.table(try FXBook.of(session), pair: (from, to), asOf: nil, explain: false))
  }

  static func today() -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyy-MM-dd"
    return f.string(from: Date())
  }
}

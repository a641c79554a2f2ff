import Foundation
import KnowledgeGraph
import ShellCore

/// `fx set FROM TO RATE [--as-of DATE] [--source TEXT]`: records a dated, sourced rate in
/// the knowledge base and makes it the pair's default.
struct FXSetCommand: Command {
  let signature = Signature(
    "fx set", summary: "Record an exchange rate (kept in the knowledge base) and make it the default",
    arguments: [
      Argument("from", "currency code, e.g. USD"), Argument("to", "currency code, e.g. CNY"),
      Argument("rate", "how many TO one FROM buys, e.g. 7.1"),
    ],
    flags: [
      Flag("as-of", "when the rate was observed (YYYY[-MM[-DD]]); default today"),
      Flag("source", "where the rate comes from", default: "set by the user"),
    ],
    help:
      "The rate is stored exactly as typed (decimal text). Conversions use it from now on, in every session.",
    examples: [
      Example(
        "fx set USD CNY 7.1 --as-of 2026-03 --source manual", "add a rate and make it the default",
        expect: "7.1")
    ],
    writes: true)

  func run(_ call: Call, _ session: Session) throws -> Output {
    let from = try Currency.validate(call.arguments[0], command: "fx set")
    let to = try Currency.validate(call.arguments[1], command: "fx set")
    guard from != to else { throw ShellError("fx set: FROM and TO are the same currency (\(from))") }
    let text = call.arguments[2]
    guard let rate = Money.parse(text), rate > 0 else {
      throw ShellError(
        "fx set: the rate must be a positive number, not '\(text)'", hint: "e.g. fx set USD CNY 7.1")
    }
    let asOf = try call.flag("as-of").map { try PriceDate.flag($0, command: "fx set") } ?? Self.today()
    let source = call.flag("source") ?? "set by the user"
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

import Foundation
import KnowledgeGraph
import ShellCore

/// `fx convert AMOUNT [FROM] TO [--as-of DATE]`: an amount in another currency, at the rate a
/// comparison would use, with the rate's source.
struct FXConvertCommand: Command {
  static let amount = Param<String>.argument(
    "amount", .text, "a number, or money with its currency: 100, US$20, ¥49, 4.3bn HKD, 12亿元")
  static let currencies = Param<[String]>.arguments(
    "currency", .currency, minimum: 1, "TO, or FROM TO when AMOUNT has no currency (FROM to TO reads too)")
  static let asOf: Param<String?> = .option("as-of", .date, "the rate known on this date")
  let signature = Signature(
    "fx convert",
    summary: "An amount in another currency, at the rate conversions use, with its source",
    parameters: [amount.spec, currencies.spec, asOf.spec],
    help: """
      The rate is the pair's default (fx shows them all; fx set makes a new one), or with --as-of \
      the latest observed on or before that date. A pair with no rate of its own goes through a \
      currency both have a rate with (USD, then CNY), citing both rates.
      """,
    examples: [
      Example("fx convert US$20 CNY", "Claude Pro's monthly price in yuan", expect: "¥141.20"),
      Example("fx convert 49 CNY USD --as-of 2025-09", "at the article's rate", expect: "N01"),
      Example("fx convert 100 RMB to USD", "as said: nicknames and `to` are read", expect: "US$14.16"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let typed = call[Self.amount]
    guard let (amount, written) = Self.money(typed) else {
      // `¥20/month`: a price per period converts as its amount.
      let pasted = PastedValue.parse(typed)
      let period = pasted.type == "money" ? typed.split(separator: "/").first.map(String.init) : nil
      throw KgshError.invalidValue(
        "fx convert", "AMOUNT", expected: "a number or money like US$20, ¥49 or 4.3bn HKD", got: typed,
        hint: period.map {
          "convert the amount alone: fx convert \(([$0] + call[Self.currencies]).joinedText(" "))"
        } ?? "e.g. fx convert 100 USD CNY"
      )
    }
    let codes = call[Self.currencies]
    let from: String, to: String
    switch (written, codes.count) {
    case (let w?, 1): (from, to) = (w, codes[0])
    case (nil, 2): (from, to) = (codes[0], codes[1])
    case (nil, 1):
      // `fx convert 100 USD`: the one code is what the amount is in or what it goes to.
      let other = codes[0] == "USD" ? "CNY" : "USD"
      throw KgshError(
        .usage,
        "fx convert: one currency after \(typed); it needs the one it is in and the one to convert to",
        hint: "e.g. fx convert \(typed) \(codes[0]) \(other), or fx convert \(typed) \(other) \(codes[0])")
    case (let w?, _):
      throw KgshError(
        .usage, "fx convert: \(typed) is in \(w) already, so only TO is given",
        hint: "write fx convert \(typed) \(codes.last!)")
    default:
      throw KgshError.usage("fx convert: at most FROM and TO follow AMOUNT", signature)
    }
    guard from != to else {
      throw KgshError(
        .usage, "fx convert: the amount is in \(to) already", hint: "name another currency to convert to")
    }
    let book = try FXBook.of(session)
    var used: [String] = []
    let result = try book.convert(
      amount, from: from, to: to, asOf: call[Self.asOf], command: "fx convert", used: &used)
    var fields: [(String, Value)] = [
      ("amount", Money.value(amount, from)), ("converted", Money.value(result, to, scale: 2)),
    ]
    if amount != 0 {
      fields.append(
        ("rate", .string("1 \(from) = \(Money.number(result / amount, scale: 6, minFraction: 0)) \(to)")))
    }
    for (k, line) in used.enumerated() {
      fields.append((used.count == 1 ? "source" : "source_\(k + 1)", .string(line)))
    }
    return .record(fields)
  }

  /// A typed amount: the number and the currency written with it, if any, read as fact add
  /// reads money (`US$20`, `¥49`, `20 USD`, `4.3bn HKD`, `12亿元`, `1,234.5`, `3万`).
  static func money(_ text: String) -> (Decimal, String?)? {
    let pasted = PastedValue.parse(text)
    guard pasted.type == "money" || pasted.type == "number", pasted.unit == nil,
      let amount = Money.parse(pasted.value)
    else { return nil }
    return (amount, pasted.currency)
  }
}

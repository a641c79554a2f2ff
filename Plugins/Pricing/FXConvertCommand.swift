import Foundation
import KnowledgeGraph
import ShellCore

/// `fx convert AMOUNT [FROM] TO [--as-of DATE]`: an amount in another currency, at the rate a
/// comparison would use, with the rate's source.
struct FXConvertCommand: Command {
  static let amount = Param<String>.argument(
    "amount", .text, "a number, or money with its currency: 100, US$20, ¥49, 4.3bn HKD, 12亿元")
  static let currencies = Param<[String]>.arguments(
    "currency", .currency, minimum: 1, "TO, or FROM TO when AMOUNT has no currency")
  static let asOf: Param<String?> = .option("as-of", .date, "the rate known on this date")
  let signature = Signature(
    "fx convert",
    summary: "An amount in another currency, at the rate conversions use, with its source",
    parameters: [amount.spec, currencies.spec, asOf.spec],
    help: """
      The rate is the pair's default (fx shows them all; fx set makes a new one), or with --as-of \
      the latest observed on or before that date. A pair with no rate of its own goes through USD.
      """,
    examples: [
      Example("fx convert US$20 CNY", "Claude Pro's monthly price in yuan", expect: "¥141.20"),
      Example("fx convert 49 CNY USD --as-of 2025-09", "at the article's rate", expect: "N01"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let typed = call[Self.amount]
    guard let (amount, written) = Self.money(typed) else {
      throw KgshError.invalidValue(
        "fx convert", "AMOUNT", expected: "a number or money like US$20, ¥49 or 4.3bn HKD", got: typed,
        hint: "e.g. fx convert 100 USD CNY")
    }
    let codes = call[Self.currencies]
    let from: String, to: String
    switch (written, codes.count) {
    case (let w?, 1): (from, to) = (w, codes[0])
    case (nil, 2): (from, to) = (codes[0], codes[1])
    case (nil, 1):
      throw KgshError(
        .usage, "fx convert: \(typed) has no currency, so FROM and TO are both needed",
        hint: "e.g. fx convert \(typed) USD \(codes[0] == "USD" ? "CNY" : codes[0])")
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

  /// A typed amount: the number (with `,` grouping, a scale such as k, m, bn, 万 or 亿) and
  /// the currency written before or after it (`US$20`, `¥49`, `20 USD`, `12亿元`), if any.
  static func money(_ text: String) -> (Decimal, String?)? {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces))
    var currency: String?
    // The longest symbol or code at the start (`HK$` before `$`).
    for n in (1...min(4, rest.count)).reversed() {
      if let code = Currencies.code(String(rest.prefix(n))), rest.dropFirst(n).first?.isASCII == true,
        rest.dropFirst(n).first?.isNumber == true
      {
        currency = code
        rest = rest.dropFirst(n)
        break
      }
    }
    rest = Substring(rest.trimmingCharacters(in: .whitespaces))
    let digits = rest.prefix { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
    guard !digits.isEmpty, let number = Money.parse(digits.replacingOccurrences(of: ",", with: "")) else {
      return nil
    }
    var tail = rest.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
    let scales: [(String, Decimal)] = [
      ("bn", 1_000_000_000), ("b", 1_000_000_000), ("亿", 100_000_000), ("億", 100_000_000), ("万", 10_000),
      ("萬", 10_000), ("m", 1_000_000), ("k", 1_000),
    ]
    var scale: Decimal = 1
    for (word, factor) in scales where tail.lowercased().hasPrefix(word) {
      // `m` and `b` are scales only before a space, a currency or the end (`5 mxn` is not).
      let after = tail.dropFirst(word.count)
      guard
        after.isEmpty || after.first == " "
          || Currencies.code(after.trimmingCharacters(in: .whitespaces)) != nil
      else { continue }
      scale = factor
      tail = after.trimmingCharacters(in: .whitespaces)
      break
    }
    if !tail.isEmpty {
      guard currency == nil, let code = Currencies.code(tail) else { return nil }
      currency = code
    }
    return (number * scale, currency)
  }
}

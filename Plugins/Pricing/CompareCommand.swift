import Foundation
import ShellCore

/// `compare A B [C ...]`: plans per month (or year) or API models per 1M tokens, side by side,
/// with a summary of how many times cheaper the cheapest is.
struct CompareCommand: Command {
  let signature = Signature(
    "compare", summary: "Compare plans (per month/year) or API models (input, output, blended per 1M tokens)",
    arguments: [
      Argument(
        "items", "plans or models: product, tier or price id (quote names with spaces)", variadic: true)
    ],
    flags: [
      Flag("currency", "show prices in this currency (CNY USD HKD EUR GBP JPY)"),
      Flag(
        "period", "plans: price per month or per year", kind: .choice(["month", "year"]), default: "month"),
      Flag("mix", "API: input:output token mix for the blended price", default: "3:1"),
      Flag("explain", "list the rows, rates and arithmetic used", kind: .bool),
    ],
    help:
      "Annual billing is divided by 12; promotional and first-order prices are flagged in the note column and left out of the summary.",
    examples: [
      Example(
        "compare 'GLM Coding Plan Lite' 'Claude Pro' --currency CNY", "plans per month in CNY",
        expect: "summary"),
      Example(
        "compare GLM-4.5 'Claude Sonnet 4'", "API prices per 1M tokens, blended 3:1", expect: "blended"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    guard call.arguments.count >= 2 else {
      throw ShellError.usage("compare: give at least two plans or models", signature)
    }
    let all = try PriceBook.rows(session)
    var groups = try call.arguments.map { try PriceBook.match($0, in: all, command: "compare") }
    let kind = groups[0].first!.kind
    for (i, g) in groups.enumerated() {
      groups[i] = g.filter { $0.kind == kind }
      if groups[i].isEmpty {
        throw ShellError(
          "compare: '\(call.arguments[i])' has no \(kind == "plan" ? "plan" : "API") prices",
          hint: "compare plans with plans and API models with API models")
      }
    }
    let target = try call.flag("currency").map { try FXBook.validate($0, command: "compare") }
    let mix = try Self.mix(call.flag("mix") ?? "3:1")
    let yearly = call.flag("period") == "year"
    let book = FXBook.of(session)
    let summaryCurrency = target ?? groups[0].first!.currency
    var used: [String] = []
    var arithmetic: [String] = []
    var rows: [[Value]] = []
    var best: [(item: String, row: PriceRow, value: Decimal)] = []

    for (item, group) in zip(call.arguments, groups) {
      var pick: (row: PriceRow, value: Decimal)?
      for r in group {
        var notes: [String] = []
        if let promo = r.promotion { notes.append("\(promo): not used in summary") }
        let display = target ?? r.currency
        var value: Decimal?
        var cells: [Value]
        if kind == "plan" {
          if let m = r.monthly() {
            if !m.how.isEmpty { notes.append(m.how) }
            let period = yearly ? m.amount * 12 : m.amount
            value = try book.convert(period, from: r.currency, to: display, command: "compare", used: &used)
            arithmetic.append(
              "\(r.id): \(m.how.isEmpty ? Money.format(m.amount, r.currency) + "/month" : m.how)\(yearly ? " × 12" : "")\(display != r.currency ? " → " + Money.format(value!, display) : "")"
            )
          } else {
            notes.append(r.flatText.isEmpty ? "no price" : "several prices (\(r.flatText)): not compared")
          }
          cells = [
            .string(item), .string(r.id), .string(r.productBase), .string(r.tier), .string(r.billing),
            .string(r.flat.map { Money.format($0, r.currency) } ?? r.flatText),
            .string(value.map { Money.format($0, display) } ?? ""),
          ]
        } else {
          let input = try r.input.map {
            try book.convert($0, from: r.currency, to: display, command: "compare", used: &used)
          }
          let output = try r.output.map {
            try book.convert($0, from: r.currency, to: display, command: "compare", used: &used)
          }
          if let input, let output {
            value = (input * mix.input + output * mix.output) / (mix.input + mix.output)
            arithmetic.append(
              "\(r.id): blended = (\(Money.number(input, scale: 4)) × \(Money.number(mix.input, scale: 2, minFraction: 0)) + \(Money.number(output, scale: 4)) × \(Money.number(mix.output, scale: 2, minFraction: 0))) ÷ \(Money.number(mix.input + mix.output, scale: 2, minFraction: 0)) = \(Money.format(value!, display, scale: 4))"
            )
          } else {
            notes.append("no single input/output price (\(r.inputText) / \(r.outputText))")
          }
          if r.sellerType != "vendor_list" { notes.append(r.sellerType) }
          cells = [
            .string(item), .string(r.id), .string(r.vendor), .string(r.product), .string(r.tier),
            .string(input.map { Money.format($0, display, scale: 4) } ?? r.inputText),
            .string(output.map { Money.format($0, display, scale: 4) } ?? r.outputText),
            .string(value.map { Money.format($0, display, scale: 4) } ?? ""),
          ]
        }
        cells += [.string(r.status), .string(r.asOf), .string(notes.joined(separator: "; "))]
        rows.append(cells)
        // Summary candidate: not a promotion, a real price; API prefers the vendor's own list.
        guard let v = value, v > 0, r.promotion == nil else { continue }
        let s = try book.convert(v, from: display, to: summaryCurrency, command: "compare", used: &used)
        if let p = pick {
          let better =
            kind == "api" && (r.sellerType == "vendor_list") != (p.row.sellerType == "vendor_list")
            ? r.sellerType == "vendor_list" : s < p.value
          if better { pick = (r, s) }
        } else {
          pick = (r, s)
        }
      }
      if let pick { best.append((item, pick.row, pick.value)) }
    }

    let unit =
      kind == "plan"
      ? (yearly ? "/year" : "/month")
      : "/1M blended \(Money.number(mix.input, scale: 2, minFraction: 0)):\(Money.number(mix.output, scale: 2, minFraction: 0))"
    let scale = kind == "plan" ? 2 : 4
    var notes: [String] = []
    let sorted = best.sorted { $0.value < $1.value }
    if let cheapest = sorted.first, sorted.count >= 2 {
      for other in sorted.dropFirst() {
        notes.append(
          "summary: \(cheapest.item) \(Money.format(cheapest.value, summaryCurrency, scale: scale))\(unit) (\(cheapest.row.id)) is \(Money.fraction(cheap: cheapest.value, of: other.value)) of \(other.item)'s \(Money.format(other.value, summaryCurrency, scale: scale))\(unit) (\(other.row.id))"
        )
      }
    } else {
      notes.append("summary: not enough comparable (non-promotional, single) prices")
    }
    if call.has("explain") {
      notes.append("rows: " + groups.map { $0.map(\.id).joined(separator: ", ") }.joined(separator: " | "))
      notes += used.map { "rate: \($0)" }
      notes += arithmetic.map { "arithmetic: \($0)" }
      notes.append(
        "summary uses per item the cheapest non-promotional, non-zero price\(kind == "api" ? " from the vendor's own list when there is one" : ""), in \(summaryCurrency)"
      )
    }
    let columns =
      kind == "plan"
      ? [
        "item", "id", "product", "tier", "billing", "listed", yearly ? "per_year" : "per_month", "status",
        "as_of", "note",
      ]
      : [
        "item", "id", "seller", "model", "variant", "input_1M", "output_1M", "blended_1M", "status", "as_of",
        "note",
      ]
    return .table(Table(columns: columns, rows: rows, notes: notes))
  }

  /// "3:1" → (3, 1).
  static func mix(_ text: String) throws -> (input: Decimal, output: Decimal) {
    let parts = text.split(separator: ":").map { Money.parse(String($0)) }
    guard parts.count == 2, let i = parts[0], let o = parts[1], i >= 0, o >= 0, i + o > 0 else {
      throw ShellError("compare: --mix takes input:output like 3:1, not '\(text)'")
    }
    return (i, o)
  }
}

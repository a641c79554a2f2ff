import Foundation
import ShellCore

/// `prices [--vendor V] [--kind plan|api] [--model M] [--currency C]`: the price table.
struct PricesCommand: Command {
  let signature = Signature(
    "prices", summary: "Plan and API list prices with their status, date and source",
    flags: [
      Flag("vendor", "vendor or seller contains this text"),
      Flag("kind", "plans or API models", kind: .choice(["plan", "api"])),
      Flag("model", "product, model or tier (as in compare)"),
      Flag("currency", "add a column converted to this currency (CNY USD HKD EUR GBP JPY)"),
      Flag("explain", "list the rows and rates used", kind: .bool),
    ],
    examples: [
      Example(
        "prices --kind plan --vendor zhipu", "GLM Coding Plan prices over time", expect: "GLM Coding Plan"),
      Example("prices --model GLM-4.5 --currency CNY", "GLM-4.5 API prices, converted", expect: "¥"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    var rows = try PriceBook.rows(session)
    if let vendor = call.flag("vendor") {
      let v = Names.normalize(vendor)
      rows = rows.filter { Names.normalize($0.vendor).contains(v) || Names.normalize($0.soldOn).contains(v) }
    }
    if let kind = call.flag("kind") { rows = rows.filter { $0.kind == kind } }
    if let model = call.flag("model") { rows = try PriceBook.match(model, in: rows, command: "prices") }
    let target = try call.flag("currency").map { try FXBook.validate($0, command: "prices") }
    let book = FXBook.of(session)
    var used: [String] = []
    var table: [[Value]] = []
    for r in rows {
      let price: String
      var converted = ""
      if r.isPlan {
        price =
          r.flat.map { Money.format($0, r.currency) }
          ?? (r.flatText.isEmpty ? "" : r.currency + " " + r.flatText)
        if let target, let flat = r.flat, !r.currency.isEmpty {
          converted = Money.format(
            try book.convert(flat, from: r.currency, to: target, command: "prices", used: &used), target)
        }
      } else {
        let i = r.input.map { Money.format($0, r.currency, scale: 4) } ?? r.inputText
        let o = r.output.map { Money.format($0, r.currency, scale: 4) } ?? r.outputText
        price = i.isEmpty && o.isEmpty ? "" : "\(i) in / \(o) out per 1M"
        if let target, let input = r.input, let output = r.output {
          let ci = try book.convert(input, from: r.currency, to: target, command: "prices", used: &used)
          let co = try book.convert(output, from: r.currency, to: target, command: "prices", used: &used)
          converted = "\(Money.format(ci, target, scale: 4)) in / \(Money.format(co, target, scale: 4)) out"
        }
      }
      var cells: [Value] = [
        .string(r.id), .string(r.kind), .string(r.vendor), .string(r.product), .string(r.tier),
        .string(r.billing),
        .string(price),
      ]
      if target != nil { cells.append(.string(converted)) }
      cells += [.string(r.status), .string(r.asOf), .string(r.promotion ?? ""), .string(r.source)]
      table.append(cells)
    }
    var columns = ["id", "kind", "vendor", "product", "tier", "billing", "price"]
    if let target { columns.append("in \(target)") }
    columns += ["status", "as_of", "flag", "source"]
    var notes = ["\(rows.count) price rows from reference/prices.tsv"]
    if call.has("explain") {
      notes.append("rows: " + rows.map(\.id).joined(separator: ", "))
      notes += used.map { "rate: \($0)" }
      notes.append(
        "plans: flat price as listed; API: list price per 1M tokens; converted = price × rate, exact decimals"
      )
    }
    return .table(Table(columns: columns, rows: table, notes: notes))
  }
}

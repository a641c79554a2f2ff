import Foundation
import KnowledgeGraph
import ShellCore

/// `prices [--vendor V] [--kind plan|api] [--model M] [--as-of DATE] [--currency C]`: the price table.
struct PricesCommand: Command {
  let signature = Signature(
    "prices", summary: "Plan and API list prices with their status, date and source",
    flags: [
      Flag("vendor", "vendor or seller contains this text"),
      Flag("kind", "plans or API models", kind: .choice(["plan", "api"])),
      Flag("model", "product, model or tier (as in compare)"),
      Flag("as-of", "the latest row per price id observed on or before this date (YYYY[-MM[-DD]])"),
      Flag("currency", "convert prices to this currency (CNY USD HKD EUR GBP JPY ...)"),
      Flag("explain", "list the rows and rates used", kind: .bool),
    ],
    help:
      "Plans show flat (the listed price per billing period); API models show input and output per 1M tokens. "
      + "Built-in rows come from reference/prices.tsv, user rows from import prices.",
    examples: [
      Example(
        "prices --kind plan --vendor zhipu", "GLM Coding Plan prices over time", expect: "GLM Coding Plan"),
      Example("prices --model GLM-4.5 --currency CNY", "GLM-4.5 API prices, converted", expect: "¥"),
      Example("prices --kind plan --as-of 2025-09", "what was known in September 2025", expect: "P005"),
    ])

  func run(_ call: Call, _ session: Session) throws -> Output {
    let asOf = try call.flag("as-of").map { try PriceDate.flag($0, command: "prices") }
    let all = try PriceBook.history(session)
    var rows = PriceBook.current(all, asOf: asOf)
    if let vendor = call.flag("vendor") {
      let v = Names.normalize(vendor)
      rows = rows.filter { Names.normalize($0.vendor).contains(v) || Names.normalize($0.soldOn).contains(v) }
    }
    if let kind = call.flag("kind") { rows = rows.filter { $0.kind == kind } }
    if let model = call.flag("model") {
      let ids = Set(try PriceBook.select(model, all: all, asOf: asOf, command: "prices").map(\.id))
      rows = rows.filter { ids.contains($0.id) }
    }
    let target = try call.flag("currency").map { try Currency.validate($0, command: "prices") }
    let book = try FXBook.of(session)
    var used: [String] = []
    var table: [[Value]] = []
    for r in rows {
      let to = target ?? r.currency
      func money(_ d: Decimal?, _ text: String) throws -> Value {
        guard let d, !r.currency.isEmpty else { return text.isEmpty ? .null : .string(text) }
        let v = try book.convert(d, from: r.currency, to: to, asOf: asOf, command: "prices", used: &used)
        return Money.value(v, to, scale: 4)
      }
      var cells: [Value] = [
        .string(r.id), .string(r.kind), .string(r.vendor), .string(r.product), .string(r.tier),
        .string(r.soldOn), .string(r.billing),
        try money(r.flat, r.flatText), try money(r.input, r.inputText), try money(r.output, r.outputText),
      ]
      if target != nil { cells.append(.string(r.currency == to ? "" : PriceImport.describe(r))) }
      cells += [
        .string(r.quota), .string(r.status), .string(r.asOf), .string(r.layer), .string(r.promotion ?? ""),
        .string(r.source),
      ]
      table.append(cells)
    }
    var columns = [
      "id", "kind", "vendor", "product", "tier", "sold_on", "billing", "flat", "input_1M", "output_1M",
    ]
    if target != nil { columns.append("listed") }
    columns += ["included", "status", "as_of", "layer", "flag", "source"]
    let user = rows.filter(\.isUser).count
    var notes = [
      "\(rows.count) price rows (\(rows.count - user) from reference/prices.tsv, \(user) imported)"
    ]
    if let asOf {
      notes.append("as of \(asOf): the latest row per price id observed by then; undated rows left out")
    }
    if call.has("explain") {
      notes.append("rows: " + rows.map(\.id).joined(separator: ", "))
      notes += used.map { "rate: \($0)" }
      notes.append("converted = listed price × rate, exact decimals; API prices per 1M tokens")
    }
    return .table(Table(columns: columns, rows: table, notes: notes))
  }
}

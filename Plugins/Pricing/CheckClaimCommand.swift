import Foundation
import KnowledgeGraph
import ShellCore

/// `check-claim`: reproduces the article's two price claims from the price rows and says
/// whether each holds.
struct CheckClaimCommand: Command {
  let signature = Signature(
    "check-claim",
    summary:
      "Reproduce the article's price claims (GLM Coding Plan = 1/6 of Claude Code; GLM-4.5 API = 1/7 of Claude Sonnet 4) at its date and at the latest prices",
    flags: [Flag("explain", "list the rows, rates and arithmetic used", kind: .bool)],
    help: "A ratio within 5% of the claimed one holds; within 15% roughly holds; otherwise it does not hold.",
    examples: [Example("check-claim", "both claims with their arithmetic", expect: "holds")])

  /// "holds", "roughly holds" or "does not hold" for an actual ratio against a claimed one.
  static func verdict(_ actual: Decimal, claimed: Decimal) -> String {
    let off = abs(actual - claimed) / claimed
    if off <= Decimal(string: "0.05")! { return "holds" }
    if off <= Decimal(string: "0.15")! { return "roughly holds" }
    return "does not hold"
  }

  func run(_ call: Call, _ session: Session) throws -> Output {
    // The article's claims use the reference rows it cites; "latest" rows below include imports.
    let all = try PriceBook.builtIn(session)
    func row(_ id: String) throws -> PriceRow {
      guard let r = all.first(where: { $0.id == id }) else {
        throw ShellError("check-claim: price row \(id) is missing")
      }
      return r
    }
    let book = try FXBook.of(session)
    guard let n01 = FXBook.builtIn.first(where: { $0.ref == "N01" }),
      let n02 = FXBook.builtIn.first(where: { $0.ref == "N02" })
    else { throw ShellError("check-claim: built-in rates missing") }
    var rows: [[Value]] = []
    var notes: [String] = []

    let claim1 = try Self.claim1(row, n01: n01, n02: n02)
    rows += claim1.rows
    notes += claim1.notes
    let claim2 = try Self.claim2(row)
    rows += claim2.rows
    notes += claim2.notes
    let latest = try Self.latest(session, book)
    rows += latest.rows
    notes += latest.notes
    if call.has("explain") {
      notes.append(
        "rows: P005 \(try row("P005").source); P002, P001 (\(try row("P002").asOf)); P033, P043 (\(try row("P033").asOf))"
      )
      notes.append(
        "rates: \(n01.citation); \(n02.citation); session default for USD→CNY: \(book.rate("USD", "CNY")?.citation ?? "none")"
      )
      notes.append("verdict: within 5% of the claimed ratio holds, within 15% roughly holds")
    }
    return .table(
      Table(
        columns: ["claim", "item", "arithmetic", "claimed", "actual", "verdict"], rows: rows, notes: notes))
  }
}

extension CheckClaimCommand {
  /// Claim 1 at the article's rows and rates: GLM Coding Plan ¥20 (P005) is 1/6 of Claude
  /// Code (P002, US$17 at N01), also at N02 and with monthly billing (P001).
  static func claim1(_ row: (String) throws -> PriceRow, n01: FXRate, n02: FXRate) throws -> (
    rows: [[Value]], notes: [String]
  ) {
    var rows: [[Value]] = []
    var notes: [String] = []
    // Claim 1: GLM Coding Plan ¥20/month is 1/6 of Claude Code ($17 ≈ ¥120).
    let glm = try row("P005")
    let pro = try row("P002")
    let proMonthly = try row("P001")
    guard let glmPrice = glm.flat, let proPrice = pro.flat, let proMonthlyPrice = proMonthly.flat else {
      throw ShellError("check-claim: P005/P002/P001 have no flat price")
    }
    let proCNY = proPrice * n01.rate
    let ratio1 = proCNY / glmPrice
    let v1 = verdict(ratio1, claimed: 6)
    rows.append(
      claim: "1", "GLM Coding Plan entry price (\(glm.id))",
      "\(Money.format(glmPrice, "CNY"))/month" + (glm.promotion.map { " (flagged: \($0))" } ?? ""),
      "1/6 of Claude Code", "", "")
    rows.append(
      claim: "1", "Claude Pro incl. Claude Code, annual billing (\(pro.id))",
      "\(Money.format(proPrice, "USD")) × \(Money.number(n01.rate, minFraction: 0)) (\(n01.ref)) = \(Money.format(proCNY, "CNY"))",
      "≈ ¥120", "", "")
    rows.append(
      claim: "1", "ratio",
      "\(Money.number(proCNY)) ÷ \(Money.number(glmPrice, minFraction: 0)) = \(Money.number(ratio1, scale: 3, minFraction: 0))",
      "1/6",
      Money.fraction(cheap: glmPrice, of: proCNY), v1)
    let proN02 = proPrice * n02.rate
    let monthlyCNY = proMonthlyPrice * n01.rate
    rows.append(
      claim: "1", "same at \(n02.ref) rate",
      "\(Money.format(proPrice, "USD")) × \(Money.number(n02.rate, minFraction: 0)) = \(Money.format(proN02, "CNY")); ÷ 20 = \(Money.number(proN02 / glmPrice, scale: 3, minFraction: 0))",
      "1/6", Money.fraction(cheap: glmPrice, of: proN02), verdict(proN02 / glmPrice, claimed: 6))
    rows.append(
      claim: "1", "with monthly billing (\(proMonthly.id))",
      "\(Money.format(proMonthlyPrice, "USD")) × \(Money.number(n01.rate, minFraction: 0)) = \(Money.format(monthlyCNY, "CNY")); ÷ 20 = \(Money.number(monthlyCNY / glmPrice, scale: 3, minFraction: 0))",
      "1/6", Money.fraction(cheap: glmPrice, of: monthlyCNY), verdict(monthlyCNY / glmPrice, claimed: 6))
    notes.append(
      "claim 1 \(v1): ¥20 is \(Money.fraction(cheap: glmPrice, of: proCNY)) of US$17 × 7.06 = ¥120.02; but ¥20 is probably a first-month price and US$17 is Claude Pro's annual-billing price (monthly billing US$20 gives 1/\(Money.number(monthlyCNY / glmPrice, scale: 1, minFraction: 0)))"
    )
    return (rows, notes)
  }

  /// Claim 2 at the article's rows: GLM-4.5 API (P033) is 1/7 of Claude Sonnet 4 (P043).
  static func claim2(_ row: (String) throws -> PriceRow) throws -> (rows: [[Value]], notes: [String]) {
    var rows: [[Value]] = []
    // Claim 2: GLM-4.5 API is 1/7 of Claude Sonnet 4.
    let g45 = try row("P033")
    let sonnet = try row("P043")
    guard let gi = g45.input, let go = g45.output, let si = sonnet.input, let so = sonnet.output else {
      throw ShellError("check-claim: P033/P043 have no input/output price")
    }
    let inRatio = si / gi
    let outRatio = so / go
    let gb = (gi * 3 + go) / 4
    let sb = (si * 3 + so) / 4
    let blendRatio = sb / gb
    let vIn = Self.verdict(inRatio, claimed: 7)
    let vOut = Self.verdict(outRatio, claimed: 7)
    let vBlend = Self.verdict(blendRatio, claimed: 7)
    rows.append(
      claim: "2", "input per 1M (\(g45.id) vs \(sonnet.id))",
      "\(Money.format(si, "USD")) ÷ \(Money.format(gi, "USD")) = \(Money.number(inRatio, scale: 3, minFraction: 0))",
      "1/7",
      Money.fraction(cheap: gi, of: si), vIn)
    rows.append(
      claim: "2", "output per 1M",
      "\(Money.format(so, "USD")) ÷ \(Money.format(go, "USD")) = \(Money.number(outRatio, scale: 3, minFraction: 0))",
      "1/7",
      Money.fraction(cheap: go, of: so), vOut)
    rows.append(
      claim: "2", "blended 3:1 input:output",
      "(3 × \(Money.number(si)) + \(Money.number(so))) ÷ 4 = \(Money.number(sb)) vs (3 × \(Money.number(gi)) + \(Money.number(go))) ÷ 4 = \(Money.number(gb)); \(Money.number(sb)) ÷ \(Money.number(gb)) = \(Money.number(blendRatio, scale: 3, minFraction: 0))",
      "1/7", Money.fraction(cheap: gb, of: sb), vBlend)
    let v2 =
      vIn == "holds" && vOut == "holds"
      ? "holds" : (vOut == "holds" || vIn == "holds" ? "partly holds" : vBlend)
    return (
      rows,
      [
        "claim 2 \(v2): output is \(Money.fraction(cheap: go, of: so)) of Sonnet 4's (≈ 1/7), input only \(Money.fraction(cheap: gi, of: si)), blended 3:1 \(Money.fraction(cheap: gb, of: sb)); 1/7 fits output-heavy use only"
      ]
    )
  }
  /// Both claims again at the latest prices (user imports included) and the default rate.
  static func latest(_ session: Session, _ book: FXBook) throws -> (rows: [[Value]], notes: [String]) {
    let all = try PriceBook.history(session)
    var c = Comparison(book: book)
    func pick(_ item: String, currency: String, plan: Bool) throws -> Priced {
      let rows = try PriceBook.select(item, all: all, asOf: nil, command: "check-claim").filter {
        $0.isPlan == plan
      }
      let priced = try rows.map { plan ? try c.plan($0, item: item) : try c.api($0, item: item) }
      guard let p = Comparison.pick(priced, summary: currency, book: book, asOf: nil) else {
        throw ShellError("check-claim: no usable latest price for \(item)")
      }
      return p
    }
    var rows: [[Value]] = []
    c.target = "CNY"
    let glm = try pick("GLM Coding Plan Lite", currency: "CNY", plan: true)
    let pro = try pick("Claude Pro", currency: "CNY", plan: true)
    let r1 = pro.value! / glm.value!
    let v1 = verdict(r1, claimed: 6)
    rows.append(
      claim: "1",
      "latest: \(glm.item) (\(glm.row.id), \(glm.row.latestDate ?? "undated")) vs \(pro.item) (\(pro.row.id))",
      "\(pro.arithmetic ?? ""); \(Money.number(pro.value!)) ÷ \(Money.number(glm.value!, minFraction: 0)) = \(Money.number(r1, scale: 3, minFraction: 0))",
      "1/6", Money.fraction(cheap: glm.value!, of: pro.value!), v1)
    c.target = nil
    let g45 = try pick("GLM-4.5", currency: "USD", plan: false)
    let sonnet = try pick("Claude Sonnet 4", currency: "USD", plan: false)
    guard let gi = g45.row.input, let go = g45.row.output, let si = sonnet.row.input,
      let so = sonnet.row.output
    else {
      throw ShellError("check-claim: the latest GLM-4.5 or Claude Sonnet 4 row has no input/output price")
    }
    let v2 = verdict(so / go, claimed: 7)
    rows.append(
      claim: "2",
      "latest: output per 1M (\(g45.row.id) vs \(sonnet.row.id), \(g45.row.latestDate ?? "undated"))",
      "\(Money.format(so, sonnet.row.currency)) ÷ \(Money.format(go, g45.row.currency)) = \(Money.number(so / go, scale: 3, minFraction: 0)); input \(Money.number(si / gi, scale: 3, minFraction: 0))",
      "1/7", Money.fraction(cheap: go, of: so), v2)
    return (
      rows,
      [
        "at the latest prices: claim 1 \(v1) (\(Money.fraction(cheap: glm.value!, of: pro.value!))), claim 2 output \(v2) (\(Money.fraction(cheap: go, of: so)))"
      ]
    )
  }
}

extension Array where Element == [Value] {
  mutating func append(
    claim: String, _ item: String, _ arithmetic: String, _ claimed: String, _ actual: String,
    _ verdict: String
  ) {
    append([claim, item, arithmetic, claimed, actual, verdict].map { .string($0) })
  }
}

import Foundation
import KnowledgeGraph
import ShellCore

/// `check-claim`: reproduces the article's two price claims from the price rows and says
/// whether each holds.
struct CheckClaimCommand: Command {
  static let explain = Param.toggle("explain", "list the rows, rates and arithmetic used")
  let signature = Signature(
    "check-claim",
    summary:
      "Reproduce the article's price claims (GLM Coding Plan = 1/6 of Claude Code; GLM-4.5 API = 1/7 of Claude Sonnet 4) at its date and at the latest prices",
    parameters: [explain.spec],
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
    let claims = try PriceClaim.all(session)
    let all = try PriceBook.builtIn(session)
    func row(_ id: String) throws -> PriceRow {
      guard let r = all.first(where: { $0.id == id }) else {
        throw KgshError(.notFound, "check-claim: price row \(id) is missing from this knowledge base")
      }
      return r
    }
    let builtInRates = try FXBook.builtIn(session).map(\.rate)
    func rate(_ ref: String) throws -> FXRate {
      guard let r = builtInRates.first(where: { $0.ref == ref }) else {
        throw KgshError(.notFound, "check-claim: exchange rate \(ref) is missing from this knowledge base")
      }
      return r
    }
    let book = try FXBook.of(session)
    var rows: [[Value]] = []
    var notes: [String] = []
    var latestNotes: [String] = []
    var explained: (rows: [String], rates: [String]) = ([], [])
    for claim in claims {
      let part =
        claim.kind == "plan"
        ? try Self.planClaim(claim, row, rate: rate(claim.fxRef), also: rate(claim.alsoFXRef))
        : try Self.apiClaim(claim, row)
      rows += part.rows
      notes += part.notes
      explained.rows.append(try Self.rowsUsed(claim, row))
      for ref in [claim.fxRef, claim.alsoFXRef] where !ref.isEmpty {
        let citation = try rate(ref).citation
        if !explained.rates.contains(citation) { explained.rates.append(citation) }
      }
    }
    for claim in claims {
      let latest = try Self.latest(claim, session, book)
      rows += latest.rows
      latestNotes.append(latest.note)
    }
    notes.append("at the latest prices: " + latestNotes.joinedText(", "))
    if call[Self.explain] {
      notes.append("rows: " + explained.rows.joinedText("; "))
      notes.append(
        "rates: \(explained.rates.joinedText("; ")); session default for USD→CNY: \(book.rate("USD", "CNY")?.citation ?? "none")"
      )
      notes.append("verdict: within 5% of the claimed ratio holds, within 15% roughly holds")
    }
    var table = Table(
      columns: ["claim", "item", "arithmetic", "claimed_ratio", "actual_ratio", "verdict"], rows: rows,
      notes: notes)
    table.narrowColumns = ["claim", "item", "arithmetic", "verdict", "actual_ratio", "claimed_ratio"]
    return .table(table)
  }

  /// "P005 SOURCE; P002, P001 (AS_OF)" for a plan claim, "P033, P043 (AS_OF)" for an API one.
  static func rowsUsed(_ claim: PriceClaim, _ row: (String) throws -> PriceRow) throws -> String {
    if claim.kind == "plan" {
      let dear = [claim.dearRow, claim.alsoRow].filter { !$0.isEmpty }.joinedText(", ")
      return
        "\(claim.cheapRow) \(try row(claim.cheapRow).source); \(dear) (\(try row(claim.dearRow).asOf))"
    }
    return "\(claim.cheapRow), \(claim.dearRow) (\(try row(claim.cheapRow).asOf))"
  }
}

extension CheckClaimCommand {
  /// A plan claim at the article's rows and rates: the cheap plan's flat price is 1/N of
  /// the dear one's converted at `rate`, also at `also` and with the other billing row.
  static func planClaim(
    _ claim: PriceClaim, _ row: (String) throws -> PriceRow, rate n01: FXRate, also n02: FXRate
  ) throws -> (rows: [[Value]], notes: [String]) {
    var rows: [[Value]] = []
    var notes: [String] = []
    let glm = try row(claim.cheapRow)
    let pro = try row(claim.dearRow)
    let proMonthly = try row(claim.alsoRow)
    guard let glmPrice = glm.flat, let proPrice = pro.flat, let proMonthlyPrice = proMonthly.flat else {
      throw KgshError(
        .notFound, "check-claim: \(claim.cheapRow)/\(claim.dearRow)/\(claim.alsoRow) have no flat price")
    }
    let proCNY = proPrice * n01.rate
    let ratio1 = proCNY / glmPrice
    let v1 = verdict(ratio1, claimed: claim.claimed)
    let n = claim.claimedText
    let (cheapCur, dearCur) = (glm.currency, pro.currency)
    rows.append(
      claim: claim.claim, "\(claim.cheapLabel) (\(glm.id))",
      "\(Money.format(glmPrice, cheapCur))/month" + (glm.promotion.map { " (flagged: \($0))" } ?? "")
        + "; claimed \(n) of \(claim.vs)")
    rows.append(
      claim: claim.claim, "\(claim.dearLabel) (\(pro.id))",
      "\(Money.format(proPrice, dearCur)) × \(Money.number(n01.rate, minFraction: 0)) (\(n01.ref)) = \(Money.format(proCNY, cheapCur)); claimed \(claim.dearClaimed)"
    )
    rows.append(
      claim: claim.claim, "ratio",
      "\(Money.number(proCNY)) ÷ \(Money.number(glmPrice, minFraction: 0)) = \(Money.number(ratio1, scale: 3, minFraction: 0))",
      claimed: claim.claimed, cheap: glmPrice, dear: proCNY, v1)
    let proN02 = proPrice * n02.rate
    let monthlyCNY = proMonthlyPrice * n01.rate
    let cheapNumber = Money.number(glmPrice, minFraction: 0)
    rows.append(
      claim: claim.claim, "same at \(n02.ref) rate",
      "\(Money.format(proPrice, dearCur)) × \(Money.number(n02.rate, minFraction: 0)) = \(Money.format(proN02, cheapCur)); ÷ \(cheapNumber) = \(Money.number(proN02 / glmPrice, scale: 3, minFraction: 0))",
      claimed: claim.claimed, cheap: glmPrice, dear: proN02,
      verdict(proN02 / glmPrice, claimed: claim.claimed))
    rows.append(
      claim: claim.claim, "with \(proMonthly.billing) billing (\(proMonthly.id))",
      "\(Money.format(proMonthlyPrice, dearCur)) × \(Money.number(n01.rate, minFraction: 0)) = \(Money.format(monthlyCNY, cheapCur)); ÷ \(cheapNumber) = \(Money.number(monthlyCNY / glmPrice, scale: 3, minFraction: 0))",
      claimed: claim.claimed, cheap: glmPrice, dear: monthlyCNY,
      verdict(monthlyCNY / glmPrice, claimed: claim.claimed))
    let cheap = Money.format(glmPrice, cheapCur)
    let dear = Money.format(proPrice, dearCur)
    notes.append(
      "claim \(claim.claim) \(v1): \(cheap) is \(Money.fraction(cheap: glmPrice, of: proCNY)) of \(dear) × \(Money.number(n01.rate, minFraction: 0)) = \(Money.format(proCNY, cheapCur)); but \(cheap) is probably a first-month price and \(dear) is \(pro.productBase)'s \(pro.billing)-billing price (\(proMonthly.billing) billing \(Money.format(proMonthlyPrice, dearCur)) gives 1/\(Money.number(monthlyCNY / glmPrice, scale: 1, minFraction: 0)))"
    )
    return (rows, notes)
  }

  /// An API claim at the article's rows: the cheap model's per-token prices are 1/N of the
  /// dear one's (input, output and blended 3:1).
  static func apiClaim(_ claim: PriceClaim, _ row: (String) throws -> PriceRow) throws -> (
    rows: [[Value]], notes: [String]
  ) {
    var rows: [[Value]] = []
    let g45 = try row(claim.cheapRow)
    let sonnet = try row(claim.dearRow)
    guard let gi = g45.input, let go = g45.output, let si = sonnet.input, let so = sonnet.output else {
      throw KgshError(.notFound, "check-claim: \(claim.cheapRow)/\(claim.dearRow) have no input/output price")
    }
    let n = claim.claimedText
    let inRatio = si / gi
    let outRatio = so / go
    let gb = (gi * 3 + go) / 4
    let sb = (si * 3 + so) / 4
    let blendRatio = sb / gb
    let vIn = Self.verdict(inRatio, claimed: claim.claimed)
    let vOut = Self.verdict(outRatio, claimed: claim.claimed)
    let vBlend = Self.verdict(blendRatio, claimed: claim.claimed)
    rows.append(
      claim: claim.claim, "input per 1M (\(g45.id) vs \(sonnet.id))",
      "\(Money.format(si, sonnet.currency)) ÷ \(Money.format(gi, g45.currency)) = \(Money.number(inRatio, scale: 3, minFraction: 0))",
      claimed: claim.claimed, cheap: gi, dear: si, vIn)
    rows.append(
      claim: claim.claim, "output per 1M",
      "\(Money.format(so, sonnet.currency)) ÷ \(Money.format(go, g45.currency)) = \(Money.number(outRatio, scale: 3, minFraction: 0))",
      claimed: claim.claimed, cheap: go, dear: so, vOut)
    rows.append(
      claim: claim.claim, "blended 3:1 input:output",
      "(3 × \(Money.number(si)) + \(Money.number(so))) ÷ 4 = \(Money.number(sb)) vs (3 × \(Money.number(gi)) + \(Money.number(go))) ÷ 4 = \(Money.number(gb)); \(Money.number(sb)) ÷ \(Money.number(gb)) = \(Money.number(blendRatio, scale: 3, minFraction: 0))",
      claimed: claim.claimed, cheap: gb, dear: sb, vBlend)
    let v2 =
      vIn == "holds" && vOut == "holds"
      ? "holds" : (vOut == "holds" || vIn == "holds" ? "partly holds" : vBlend)
    return (
      rows,
      [
        "claim \(claim.claim) \(v2): output is \(Money.fraction(cheap: go, of: so)) of \(claim.vs)'s (≈ \(n)), input only \(Money.fraction(cheap: gi, of: si)), blended 3:1 \(Money.fraction(cheap: gb, of: sb)); \(n) fits output-heavy use only"
      ]
    )
  }
}

extension Array where Element == [Value] {
  /// One row of the claim table: the claimed and actual ratios are how many times dearer
  /// (6 for "1/6"), exact decimals; rows that only show a price have neither.
  mutating func append(
    claim: String, _ item: String, _ arithmetic: String, claimed: Decimal? = nil,
    cheap: Decimal? = nil, dear: Decimal? = nil, _ verdict: String? = nil
  ) {
    var actual = Value.null
    if let cheap, let dear, cheap > 0 { actual = Money.decimal(dear / cheap, scale: 2) }
    append([
      .string(claim), .string(item), .string(arithmetic), claimed.map { .decimal($0) } ?? .null, actual,
      verdict.map { .string($0) } ?? .null,
    ])
  }
}

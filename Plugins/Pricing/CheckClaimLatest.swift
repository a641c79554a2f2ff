import Foundation
import KnowledgeGraph
import ShellCore

extension CheckClaimCommand {
  /// A claim again at the latest prices (user imports included) and the default rate: plan
  /// claims per month in the claim's currency, API claims by output price per 1M tokens.
  static func latest(_ claim: PriceClaim, _ session: Session, _ book: FXBook) throws -> (
    rows: [[Value]], note: String
  ) {
    let all = try PriceBook.history(session)
    var c = Comparison(book: book)
    let plan = claim.kind == "plan"
    if plan { c.target = claim.latestCurrency }
    func pick(_ item: String) throws -> Priced {
      let rows = try PriceBook.select(item, all: all, asOf: nil, command: "check-claim").filter {
        $0.isPlan == plan
      }
      let priced = try rows.map { plan ? try c.plan($0, item: item) : try c.api($0, item: item) }
      guard let p = Comparison.pick(priced, summary: claim.latestCurrency, book: book, asOf: nil) else {
        throw KgshError(.notFound, "check-claim: no usable latest price for \(item)")
      }
      return p
    }
    let cheap = try pick(claim.latestCheap)
    let dear = try pick(claim.latestDear)
    if plan {
      let r = dear.value! / cheap.value!
      let v = verdict(r, claimed: claim.claimed)
      var rows: [[Value]] = []
      rows.append(
        claim: claim.claim,
        "latest: \(cheap.item) (\(cheap.row.id), \(cheap.row.latestDate ?? "undated")) vs \(dear.item) (\(dear.row.id))",
        "\(dear.arithmetic ?? ""); \(Money.number(dear.value!)) ÷ \(Money.number(cheap.value!, minFraction: 0)) = \(Money.number(r, scale: 3, minFraction: 0))",
        claimed: claim.claimed, cheap: cheap.value!, dear: dear.value!, v)
      return (rows, "claim \(claim.claim) \(v) (\(Money.fraction(cheap: cheap.value!, of: dear.value!)))")
    }
    guard let gi = cheap.row.input, let go = cheap.row.output, let si = dear.row.input,
      let so = dear.row.output
    else {
      throw KgshError(
        .notFound,
        "check-claim: the latest \(claim.latestCheap) or \(claim.latestDear) row has no input/output price")
    }
    let v = verdict(so / go, claimed: claim.claimed)
    var rows: [[Value]] = []
    rows.append(
      claim: claim.claim,
      "latest: output per 1M (\(cheap.row.id) vs \(dear.row.id), \(cheap.row.latestDate ?? "undated"))",
      "\(Money.format(so, dear.row.currency)) ÷ \(Money.format(go, cheap.row.currency)) = \(Money.number(so / go, scale: 3, minFraction: 0)); input \(Money.number(si / gi, scale: 3, minFraction: 0))",
      claimed: claim.claimed, cheap: go, dear: so, v)
    return (rows, "claim \(claim.claim) output \(v) (\(Money.fraction(cheap: go, of: so)))")
  }
}

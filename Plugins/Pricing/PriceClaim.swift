import Foundation
import KnowledgeGraph
import ShellCore

/// One of the article's price claims as the knowledge base holds it (loaded from
/// Knowledge/reference/claims.tsv): which rows and rates reproduce it, what it says and
/// where it says it.
struct PriceClaim {
  var claim: String
  /// `plan` (flat monthly prices, converted at a rate) or `api` (per-token prices).
  var kind: String
  /// The multiple the article states: "1/6" is 6.
  var claimed: Decimal
  var vs: String
  var dearClaimed: String
  var cheapRow: String
  var cheapLabel: String
  var dearRow: String
  var dearLabel: String
  var alsoRow: String
  var fxRef: String
  var alsoFXRef: String
  var latestCheap: String
  var latestDear: String
  var latestCurrency: String
  var source: String
  var quote: String
  var ref: String

  /// "1/6".
  var claimedText: String { "1/\(Money.number(claimed, minFraction: 0))" }

  /// The claims in the knowledge base, in order.
  /// - Throws: `KgshError` when it has none (a file not built from the Knowledge folder).
  static func all(_ session: Session) throws -> [PriceClaim] {
    let claims = try session.store.select("SELECT * FROM price_claim ORDER BY claim").map { row in
      PriceClaim(
        claim: row.text("claim"), kind: row.text("kind"), claimed: Money.parse(row.text("claimed")) ?? 1,
        vs: row.text("vs"), dearClaimed: row.text("dear_claimed"), cheapRow: row.text("cheap_row"),
        cheapLabel: row.text("cheap_label"), dearRow: row.text("dear_row"), dearLabel: row.text("dear_label"),
        alsoRow: row.text("also_row"), fxRef: row.text("fx_ref"), alsoFXRef: row.text("also_fx_ref"),
        latestCheap: row.text("latest_cheap"), latestDear: row.text("latest_dear"),
        latestCurrency: row.text("latest_currency"), source: row.text("source"), quote: row.text("quote"),
        ref: row.text("ref"))
    }
    if claims.isEmpty {
      throw KgshError(
        .notFound, "check-claim: this knowledge base holds no price claims",
        hint: "they are loaded when it is built from the Knowledge folder; use the default knowledge base")
    }
    return claims
  }
}

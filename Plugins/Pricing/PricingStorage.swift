import Foundation
import KnowledgeGraph

/// The pricing plugin's tables in the knowledge base and its built-in layer.
///
/// `price_row` and `fx_rate` (core migration `v2-prices`, landed before plugins had
/// migrations) hold the user's rows. The built-in rows, rates and claims are loaded from
/// Knowledge/reference/ into the tables below when the knowledge base is built, so a
/// copied knowledge base file answers every pricing command without the Knowledge folder.
enum PricingStorage {
  static let pricesFile = "reference/prices.tsv"
  static let ratesFile = "reference/fx_rates.tsv"
  static let claimsFile = "reference/claims.tsv"

  static let storeExtension = StoreExtension(
    owner: "pricing", migrations: migrations, builtinFiles: [pricesFile, ratesFile, claimsFile],
    loadBuiltin: { w, dir in try loadBuiltin(w, from: dir) })

  /// Numbered, never edited once landed: append new ones.
  static let migrations = [
    StoreMigration(
      "pricing-v1-builtin",
      sql: """
        CREATE TABLE price_builtin(
          seq INTEGER PRIMARY KEY, price_id TEXT NOT NULL, as_of TEXT NOT NULL, category TEXT NOT NULL,
          vendor TEXT NOT NULL, product TEXT NOT NULL, tier TEXT NOT NULL, sold_on TEXT NOT NULL,
          billing TEXT NOT NULL, input_per_1m TEXT NOT NULL, cached_input_per_1m TEXT NOT NULL,
          output_per_1m TEXT NOT NULL, flat_price TEXT NOT NULL, currency TEXT NOT NULL,
          quota TEXT NOT NULL, seller_type TEXT NOT NULL, source TEXT NOT NULL, status TEXT NOT NULL,
          note TEXT NOT NULL);
        CREATE TABLE fx_builtin(
          ref TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE,
          from_currency TEXT NOT NULL CHECK (length(from_currency) = 3),
          to_currency TEXT NOT NULL CHECK (length(to_currency) = 3 AND to_currency <> from_currency),
          rate TEXT NOT NULL, as_of TEXT NOT NULL, status TEXT NOT NULL,
          is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)), source TEXT NOT NULL,
          source_key TEXT NOT NULL, quote TEXT NOT NULL);
        CREATE TABLE price_claim(
          claim TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('plan', 'api')),
          claimed TEXT NOT NULL, vs TEXT NOT NULL, dear_claimed TEXT NOT NULL,
          cheap_row TEXT NOT NULL, cheap_label TEXT NOT NULL, dear_row TEXT NOT NULL,
          dear_label TEXT NOT NULL, also_row TEXT NOT NULL, fx_ref TEXT NOT NULL,
          also_fx_ref TEXT NOT NULL, latest_cheap TEXT NOT NULL, latest_dear TEXT NOT NULL,
          latest_currency TEXT NOT NULL, source TEXT NOT NULL, quote TEXT NOT NULL, ref TEXT NOT NULL);
        """)
  ]

  static let priceColumns = [
    "price_id", "as_of", "category", "vendor", "product", "tier", "sold_on", "billing", "input_per_1m",
    "cached_input_per_1m", "output_per_1m", "flat_price", "currency", "quota", "seller_type", "source",
    "status", "note",
  ]
  static let rateColumns = [
    "ref", "from", "to", "rate", "as_of", "status", "default", "source", "source_key", "quote",
  ]
  static let claimColumns = [
    "claim", "kind", "claimed", "vs", "dear_claimed", "cheap_row", "cheap_label", "dear_row", "dear_label",
    "also_row", "fx_ref", "also_fx_ref", "latest_cheap", "latest_dear", "latest_currency", "source", "quote",
    "ref",
  ]

  /// Replaces the built-in prices, rates and claims with those in the Knowledge folder.
  /// - Throws: `KgshError` naming the file and line of a row that cannot be stored.
  static func loadBuiltin(_ w: GraphWriter, from dir: String) throws {
    let prices = try TSV.read(dir + "/" + pricesFile)
    let rates = try TSV.read(dir + "/" + ratesFile)
    let claims = try TSV.read(dir + "/" + claimsFile)
    for table in ["price_builtin", "fx_builtin", "price_claim"] { try w.run("DELETE FROM \(table)") }
    for row in prices.rows where !row["price_id"].isEmpty {
      let r = PriceRow(row)
      let cells = [
        r.id, r.asOf, r.category, r.vendor, r.product, r.tier, r.soldOn, r.billing, r.inputText, r.cachedText,
        r.outputText, r.flatText, r.currency, r.quota, r.sellerType, r.source, r.status, r.note,
      ]
      try insert(w, "price_builtin", priceColumns, cells, at: row.location)
    }
    for (seq, row) in rates.rows.enumerated() {
      guard Money.parse(row["rate"]).map({ $0 > 0 }) == true else {
        throw KgshError(
          .invalidValue, "\(row.location): the rate must be a positive number, not '\(row["rate"])'")
      }
      var cells = rateColumns.map { row[$0] }
      cells[6] = row["default"] == "yes" ? "1" : "0"
      try insert(
        w, "fx_builtin",
        [
          "ref", "from_currency", "to_currency", "rate", "as_of", "status", "is_default", "source",
          "source_key",
          "quote", "seq",
        ], cells + [String(seq)], at: row.location)
    }
    for row in claims.rows {
      try insert(w, "price_claim", claimColumns, claimColumns.map { row[$0] }, at: row.location)
    }
  }

  static func insert(
    _ w: GraphWriter, _ table: String, _ columns: [String], _ cells: [String], at location: String
  ) throws {
    let marks = Array(repeating: "?", count: columns.count).joinedText(", ")
    do {
      try w.run(
        "INSERT INTO \(table)(\(columns.joinedText(", "))) VALUES (\(marks))",
        cells.map { .string($0) })
    } catch {
      throw KgshError(.invalidValue, "\(location): cannot store the row (\(KnowledgeStore.describe(error)))")
    }
  }
}

import Foundation
import KnowledgeGraph

/// A user price row: a plan or an API model's price with its date, source and status.
/// Prices are exact decimal text ("0.60"), never binary floating point.
package struct PriceRecord: Hashable, Sendable {
  package var id: String
  package var asOf: String
  /// `subscription` or `api_per_token`.
  package var category: String
  package var vendor = ""
  package var product: String
  package var tier = ""
  package var soldOn = ""
  package var billing = ""
  package var input: String?
  package var cachedInput: String?
  package var output: String?
  package var flat: String?
  package var currency: String
  package var quota = ""
  package var sellerType = ""
  package var source: String
  package var status: String
  package var note = ""
  /// The file the row was imported from, when it was imported.
  package var importedFrom: String?

  package init(
    id: String, asOf: String, category: String, product: String, currency: String, source: String,
    status: String
  ) {
    self.id = id
    self.asOf = asOf
    self.category = category
    self.product = product
    self.currency = currency
    self.source = source
    self.status = status
  }

  /// True when every priced or described field equals `other`'s (the import file is ignored).
  package func sameValues(as other: PriceRecord) -> Bool {
    var a = self
    var b = other
    a.importedFrom = nil
    b.importedFrom = nil
    return a == b
  }
}

/// A dated, sourced exchange-rate observation: 1 `from` = `rate` `to`.
package struct FXRecord: Hashable, Sendable {
  package var from: String
  package var to: String
  /// Exact decimal text ("7.06").
  package var rate: String
  package var asOf: String
  package var source: String
  package var status: String
  /// The pair's default rate (the one conversions use without --as-of).
  package var isDefault: Bool

  package init(
    from: String, to: String, rate: String, asOf: String, source: String, status: String,
    isDefault: Bool = false
  ) {
    self.from = from
    self.to = to
    self.rate = rate
    self.asOf = asOf
    self.source = source
    self.status = status
    self.isDefault = isDefault
  }
}

extension KnowledgeStore {
  /// The user's price rows, by price id then date.
  ///
  /// ```swift
  /// let rows = try store.priceRows()  // [PriceRecord(id: "X001", asOf: "2026-11", ...)]
  /// ```
  package func priceRows() throws -> [PriceRecord] {
    try select("SELECT * FROM price_row ORDER BY price_id, as_of").map(Self.priceRecord)
  }

  /// The user's exchange rates in the order they were added.
  package func fxRates() throws -> [FXRecord] {
    try select("SELECT * FROM fx_rate ORDER BY id").map { row in
      FXRecord(
        from: row.text("from_currency"), to: row.text("to_currency"), rate: row.text("rate"),
        asOf: row.text("as_of"), source: row.text("source"), status: row.text("status"),
        isDefault: row["is_default"] == .int(1))
    }
  }

  static func priceRecord(_ row: [String: Value]) -> PriceRecord {
    var r = PriceRecord(
      id: row.text("price_id"), asOf: row.text("as_of"), category: row.text("category"),
      product: row.text("product"), currency: row.text("currency"), source: row.text("source"),
      status: row.text("status"))
    r.vendor = row.text("vendor")
    r.tier = row.text("tier")
    r.soldOn = row.text("sold_on")
    r.billing = row.text("billing")
    r.input = row.optionalText("input_per_1m")
    r.cachedInput = row.optionalText("cached_input_per_1m")
    r.output = row.optionalText("output_per_1m")
    r.flat = row.optionalText("flat_price")
    r.quota = row.text("quota")
    r.sellerType = row.text("seller_type")
    r.note = row.text("note")
    r.importedFrom = row.optionalText("imported_from")
    return r
  }
}

extension Dictionary where Key == String, Value == KnowledgeGraph.Value {
  /// A text column ("" for NULL).
  func text(_ column: String) -> String { self[column].map(\.plainText) ?? "" }
  /// A text column that may be NULL.
  func optionalText(_ column: String) -> String? {
    guard let v = self[column], !v.isNull else { return nil }
    return v.plainText
  }
}

extension GraphWriter {
  /// Inserts a user price row, or replaces the one with the same price id and date.
  package func upsertPriceRow(_ r: PriceRecord, importedAt: String? = nil) throws {
    func opt(_ s: String?) -> Value { s.map { .string($0) } ?? .null }
    try run(
      """
      INSERT OR REPLACE INTO price_row(
        price_id, as_of, category, vendor, product, tier, sold_on, billing, input_per_1m,
        cached_input_per_1m, output_per_1m, flat_price, currency, quota, seller_type, source, status,
        note, imported_from, imported_at, layer)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'user')
      """,
      [
        .string(r.id), .string(r.asOf), .string(r.category), .string(r.vendor), .string(r.product),
        .string(r.tier), .string(r.soldOn), .string(r.billing), opt(r.input), opt(r.cachedInput),
        opt(r.output), opt(r.flat), .string(r.currency), .string(r.quota), .string(r.sellerType),
        .string(r.source), .string(r.status), .string(r.note), opt(r.importedFrom), opt(importedAt),
      ])
  }

  /// Adds an exchange rate; with `makeDefault` it becomes the only default of its pair
  /// (in either direction).
  package func addFXRate(_ r: FXRecord, makeDefault: Bool) throws {
    if makeDefault {
      try run(
        """
        UPDATE fx_rate SET is_default = 0
        WHERE (from_currency = ? AND to_currency = ?) OR (from_currency = ? AND to_currency = ?)
        """, [.string(r.from), .string(r.to), .string(r.to), .string(r.from)])
    }
    try run(
      """
      INSERT INTO fx_rate(from_currency, to_currency, rate, as_of, source, status, is_default, created_at, layer)
      VALUES (?, ?, ?, ?, ?, ?, ?, datetime('now'), 'user')
      """,
      [
        .string(r.from), .string(r.to), .string(r.rate), .string(r.asOf), .string(r.source),
        .string(r.status),
        .int(makeDefault ? 1 : 0),
      ])
  }
}

import Foundation
import GRDB

/// A user price row: a plan or an API model's price with its date, source and status.
/// Prices are exact decimal text ("0.60"), never binary floating point.
public struct PriceRecord: Hashable, Sendable {
  public var id: String
  public var asOf: String
  /// `subscription` or `api_per_token`.
  public var category: String
  public var vendor = ""
  public var product: String
  public var tier = ""
  public var soldOn = ""
  public var billing = ""
  public var input: String?
  public var cachedInput: String?
  public var output: String?
  public var flat: String?
  public var currency: String
  public var quota = ""
  public var sellerType = ""
  public var source: String
  public var status: String
  public var note = ""
  /// The file the row was imported from, when it was imported.
  public var importedFrom: String?

  public init(
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
  public func sameValues(as other: PriceRecord) -> Bool {
    var a = self
    var b = other
    a.importedFrom = nil
    b.importedFrom = nil
    return a == b
  }
}

/// A dated, sourced exchange-rate observation: 1 `from` = `rate` `to`.
public struct FXRecord: Hashable, Sendable {
  public var from: String
  public var to: String
  /// Exact decimal text ("7.06").
  public var rate: String
  public var asOf: String
  public var source: String
  public var status: String
  /// The pair's default rate (the one conversions use without --as-of).
  public var isDefault: Bool

  public init(
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
  public func priceRows() throws -> [PriceRecord] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM price_row ORDER BY price_id, as_of").map(Self.priceRecord)
    }
  }

  /// The user's exchange rates in the order they were added.
  public func fxRates() throws -> [FXRecord] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM fx_rate ORDER BY id").map { row in
        FXRecord(
          from: row["from_currency"], to: row["to_currency"], rate: row["rate"], asOf: row["as_of"],
          source: row["source"], status: row["status"], isDefault: (row["is_default"] as Int64) == 1)
      }
    }
  }

  static func priceRecord(_ row: Row) -> PriceRecord {
    var r = PriceRecord(
      id: row["price_id"], asOf: row["as_of"], category: row["category"], product: row["product"],
      currency: row["currency"], source: row["source"], status: row["status"])
    r.vendor = row["vendor"]
    r.tier = row["tier"]
    r.soldOn = row["sold_on"]
    r.billing = row["billing"]
    r.input = row["input_per_1m"]
    r.cachedInput = row["cached_input_per_1m"]
    r.output = row["output_per_1m"]
    r.flat = row["flat_price"]
    r.quota = row["quota"]
    r.sellerType = row["seller_type"]
    r.note = row["note"]
    r.importedFrom = row["imported_from"]
    return r
  }
}

extension GraphWriter {
  /// Inserts a user price row, or replaces the one with the same price id and date.
  public func upsertPriceRow(_ r: PriceRecord, importedAt: String? = nil) throws {
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO price_row(
          price_id, as_of, category, vendor, product, tier, sold_on, billing, input_per_1m,
          cached_input_per_1m, output_per_1m, flat_price, currency, quota, seller_type, source, status,
          note, imported_from, imported_at, layer)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'user')
        """,
      arguments: [
        r.id, r.asOf, r.category, r.vendor, r.product, r.tier, r.soldOn, r.billing, r.input, r.cachedInput,
        r.output, r.flat, r.currency, r.quota, r.sellerType, r.source, r.status, r.note, r.importedFrom,
        importedAt,
      ])
  }

  /// Adds an exchange rate; with `makeDefault` it becomes the only default of its pair
  /// (in either direction).
  public func addFXRate(_ r: FXRecord, makeDefault: Bool) throws {
    if makeDefault {
      try db.execute(
        sql: """
          UPDATE fx_rate SET is_default = 0
          WHERE (from_currency = ? AND to_currency = ?) OR (from_currency = ? AND to_currency = ?)
          """, arguments: [r.from, r.to, r.to, r.from])
    }
    try db.execute(
      sql: """
        INSERT INTO fx_rate(from_currency, to_currency, rate, as_of, source, status, is_default, created_at, layer)
        VALUES (?, ?, ?, ?, ?, ?, ?, datetime('now'), 'user')
        """,
      arguments: [r.from, r.to, r.rate, r.asOf, r.source, r.status, makeDefault ? 1 : 0])
  }
}

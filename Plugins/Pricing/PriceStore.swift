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
  /// Records a user price row (replacing the one with the same price id and date) in the
  /// change log; an import's rows are in the imported layer.
  package func upsertPriceRow(_ r: PriceRecord, importedAt: String? = nil) throws {
    let payload = Value.payload([
      ("price_id", r.id), ("as_of", r.asOf), ("category", r.category), ("vendor", r.vendor),
      ("product", r.product), ("tier", r.tier), ("sold_on", r.soldOn), ("billing", r.billing),
      ("input_per_1m", r.input), ("cached_input_per_1m", r.cachedInput), ("output_per_1m", r.output),
      ("flat_price", r.flat), ("currency", r.currency), ("quota", r.quota), ("seller_type", r.sellerType),
      ("source", r.source), ("status", r.status), ("note", r.note), ("imported_from", r.importedFrom),
      ("imported_at", importedAt),
    ])
    try record(
      ChangeDraft(
        kind: .assert, targetType: .price, target: r.id + "@" + r.asOf, payload: payload,
        layer: importedAt == nil ? .user : .imported))
  }

  /// Records an exchange rate; with `makeDefault` it becomes the only default of its pair
  /// (in either direction).
  package func addFXRate(_ r: FXRecord, makeDefault: Bool) throws {
    let payload = Value.payload(
      [
        ("from", r.from), ("to", r.to), ("rate", r.rate), ("as_of", r.asOf), ("source", r.source),
        ("status", r.status),
      ], extra: ["default": .bool(makeDefault)])
    try record(
      ChangeDraft(kind: .assert, targetType: .fx, target: "\(r.from)/\(r.to)@\(r.asOf)", payload: payload))
  }
}

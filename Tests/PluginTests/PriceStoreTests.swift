import KnowledgeGraph
import PricingPlugin
import XCTest

/// The v2-prices tables: user price rows keyed by id and date, rates with one default per pair.
final class PriceStoreTests: XCTestCase {
  func record(_ id: String, _ asOf: String, flat: String) -> PriceRecord {
    var r = PriceRecord(
      id: id, asOf: asOf, category: "subscription", product: "Plan", currency: "CNY", source: "s",
      status: "verified")
    r.flat = flat
    return r
  }

  func testUpsertKeepsOneRowPerIdAndDate() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      try w.upsertPriceRow(self.record("X1", "2026-01", flat: "10"))
      try w.upsertPriceRow(self.record("X1", "2026-02", flat: "12"))
      try w.upsertPriceRow(self.record("X1", "2026-02", flat: "12.50"))
    }
    let rows = try store.priceRows()
    XCTAssertEqual(rows.map(\.asOf), ["2026-01", "2026-02"])
    XCTAssertEqual(rows.last?.flat, "12.50", "exact decimal text, not a float")
  }

  func testConstraintsRejectBadRowsAndRollBack() throws {
    let store = try KnowledgeStore.inMemory()
    var bad = record("X2", "2026-01", flat: "1")
    bad.category = "plan"
    XCTAssertThrowsError(
      try store.write { w in
        try w.upsertPriceRow(self.record("X1", "2026-01", flat: "1"))
        try w.upsertPriceRow(bad)
      })
    XCTAssertEqual(try store.priceRows().count, 0, "the whole transaction rolled back")
  }

  func testOneDefaultPerPairInEitherDirection() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      try w.addFXRate(
        FXRecord(from: "USD", to: "CNY", rate: "7.1", asOf: "2026-01", source: "a", status: "user"),
        makeDefault: true)
      try w.addFXRate(
        FXRecord(from: "CNY", to: "USD", rate: "0.14", asOf: "2026-02", source: "b", status: "user"),
        makeDefault: true)
      try w.addFXRate(
        FXRecord(from: "USD", to: "HKD", rate: "7.8", asOf: "2026-02", source: "c", status: "user"),
        makeDefault: true)
    }
    let rates = try store.fxRates()
    XCTAssertEqual(rates.map(\.isDefault), [false, true, true])
    XCTAssertEqual(rates[0].rate, "7.1")
  }
}

import Foundation
import KnowledgeGraph
import PricingPlugin
import ShellCore
import ShellTesting
import XCTest

/// A knowledge base written by the release before plugin migrations (core v1 + v2 only,
/// built-in prices read from Knowledge/ at run time) keeps its user prices and rates when
/// this kgsh upgrades it and loads the built-in pricing layer into it.
final class PricingUpgradeTests: XCTestCase {
  var path = ""

  override func setUp() {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent("old-\(UUID().uuidString).sqlite").path
  }

  override func tearDown() {
    for suffix in ["", "-wal", "-shm", ".bak-v6"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }

  func testUpgradingAnOldFileKeepsUserPricesAndRates() throws {
    var kept = PriceRecord(
      id: "X9", asOf: "2026-11", category: "subscription", product: "Kept Plan", currency: "CNY",
      source: "test", status: "verified")
    kept.flat = "9.90"
    do {
      // What the previous release wrote: the core schema, the graph layer, user rows.
      let old = try KnowledgeStore.open(path: path)
      try KnowledgeLoader.ensureBuilt(old, from: Repository.knowledge)
      try old.write { w in
        try w.upsertPriceRow(kept)
        try w.addFXRate(
          FXRecord(
            from: "USD", to: "CNY", rate: "7.2", asOf: "2026-11-20", source: "bank quote", status: "user"),
          makeDefault: true)
      }
      XCTAssertEqual(
        try old.select("SELECT identifier FROM grdb_migrations ORDER BY identifier").map { $0["identifier"] },
        [
          .string("v1-graph"), .string("v2-prices"), .string("v3-plugin-views"), .string("v4-change-log"),
          .string("v5-change-log-all-writes"), .string("v6-edge-key-partial"),
        ])
      old.close()
    }
    let storage = try XCTUnwrap(PricingPlugin.plugin.storage)
    let store = try KnowledgeStore.open(path: path, extensions: [storage])
    XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".bak-v6"), "the old file is backed up first")
    XCTAssertTrue(try KnowledgeLoader.ensureBuilt(store, from: Repository.knowledge, extensions: [storage]))
    XCTAssertEqual(try store.priceRows(), [kept])
    XCTAssertEqual(try store.fxRates().map(\.rate), ["7.2"])

    let t = try TestShell(plugins: [PricingPlugin.plugin], store: store)
    XCTAssertTrue(t.run("prices --model 'Kept Plan'"), t.errors)
    XCTAssertTrue(t.output.contains("¥9.90"), t.output)
    XCTAssertTrue(t.run("fx USD CNY"), t.errors)
    XCTAssertTrue(t.output.contains("N01"), "the built-in rates are loaded:\n\(t.output)")
    let userLine = t.output.split(separator: "\n").first { $0.contains("bank quote") } ?? ""
    XCTAssertTrue(userLine.contains("true"), "the user's rate stays the default:\n\(t.output)")
    XCTAssertTrue(t.run("check-claim"), t.errors)
    XCTAssertTrue(t.output.contains("claim 1 holds"), t.output)
  }
}

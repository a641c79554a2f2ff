import KnowledgeGraph
import PricingPlugin
import ShellCore
import ShellTesting
import XCTest

/// Imported prices and `fx set` rates live in the knowledge base file: a second session on
/// the same file sees them, and rebuilding the built-in layer keeps them.
final class PricePersistenceTests: XCTestCase {
  var path = ""

  override func setUp() {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString).sqlite").path
  }

  override func tearDown() {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  }

  func session() throws -> TestShell {
    let store = try KnowledgeStore.open(path: path)
    try KnowledgeLoader.ensureBuilt(store, from: Repository.root.appendingPathComponent("Knowledge").path)
    let t = try TestShell(plugins: [PricingPlugin.plugin], store: store)
    return t
  }

  func testImportsAndRatesSurviveANewSession() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("p-\(UUID().uuidString).csv")
      .path
    try
      "price_id,category,product_or_model,input_per_1M,output_per_1M,currency,as_of\nX001,api,Kept Model,1,3,USD,2026-11\n"
      .write(toFile: file, atomically: true, encoding: .utf8)
    do {
      let first = try session()
      XCTAssertTrue(first.run("import prices '\(file)'"), first.errors)
      XCTAssertTrue(first.run("fx set USD CNY 7.2 --as-of 2026-11-20 --source 'bank quote'"), first.errors)
    }
    let second = try session()
    XCTAssertTrue(
      second.run("cost 'Kept Model' --input 1M --output 1M --currency CNY --explain"), second.errors)
    // (1 + 3) × 7.2 = 28.8 with the rate set in the first session.
    XCTAssertTrue(second.output.contains("¥28.80"), second.output)
    XCTAssertTrue(
      second.output.contains("1 USD = 7.2 CNY (user, bank quote, as of 2026-11-20)"), second.output)
    XCTAssertTrue(second.run("fx USD CNY"), second.errors)
    let line =
      second.output.split(separator: "\n").first { $0.contains("bank quote") && $0.hasPrefix("│") } ?? ""
    XCTAssertTrue(line.contains("true"), "the set rate is the default:\n\(second.output)")
    XCTAssertFalse(
      second.output.split(separator: "\n").contains { $0.contains("N01") && $0.contains("true") },
      second.output)
  }

  func testRebuildingTheBuiltInLayerKeepsUserPrices() throws {
    let t = try session()
    var row = PriceRecord(
      id: "X9", asOf: "2026-11", category: "subscription", product: "Kept Plan", currency: "CNY",
      source: "test",
      status: "verified")
    row.flat = "9.90"
    try t.session.store.write { w in
      try w.upsertPriceRow(row)
      // Make the sources look changed, so the next ensureBuilt rebuilds the built-in layer.
      try w.setMeta("builtin_hash", "stale")
      try w.setMeta("builtin_stat", "stale")
    }
    XCTAssertTrue(
      try KnowledgeLoader.ensureBuilt(
        t.session.store, from: Repository.root.appendingPathComponent("Knowledge").path))
    XCTAssertEqual(try t.session.store.priceRows(), [row])
    XCTAssertTrue(t.run("prices --model 'Kept Plan'"), t.errors)
    XCTAssertTrue(t.output.contains("¥9.90"), t.output)
  }

  func testReadOnlyKnowledgeBaseRefusesWrites() throws {
    _ = try session()
    let store = try KnowledgeStore.open(path: path, readOnly: true)
    let t = try TestShell(plugins: [PricingPlugin.plugin], store: store)
    XCTAssertFalse(t.run("fx set USD CNY 7.3"))
    XCTAssertTrue(t.errors.lowercased().contains("read-only"), t.errors)
    XCTAssertTrue(t.run("fx"), t.errors)
  }
}

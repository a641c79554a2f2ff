import Foundation
import ShellTesting
import XCTest

/// The built kgsh: imported prices and set rates persist between runs on one knowledge base,
/// and a script notices rejected rows through the exit status.
final class PricingEndToEndTests: XCTestCase {
  override func setUpWithError() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
  }

  func testImportAndRatePersistAcrossRuns() throws {
    let home = KgshProcess.temporaryHome()
    let db = home.appendingPathComponent("prices.sqlite").path
    let csv = home.appendingPathComponent("new.csv").path
    try
      "price_id,category,product_or_model,input_per_1M,output_per_1M,currency,as_of\nX001,api,Kept Model,1,3,USD,2026-11\n"
      .write(toFile: csv, atomically: true, encoding: .utf8)
    let first = try KgshProcess.run(
      ["--db", db, "-c", "import prices '\(csv)'; fx set USD CNY 7.25 --as-of 2026-11-02 --source 'e2e'"],
      home: home)
    XCTAssertEqual(first.status, 0, first.stderr)
    XCTAssertTrue(first.stdout.contains("1 added, 0 changed, 0 unchanged, 0 rejected"), first.stdout)
    let second = try KgshProcess.run(
      ["--db", db, "-c", "cost 'Kept Model' --input 1M --output 1M --currency CNY"], home: home)
    XCTAssertEqual(second.status, 0, second.stderr)
    XCTAssertTrue(second.stdout.contains("¥29"), second.stdout)  // (1 + 3) × 7.25
  }

  func testRejectedRowsExitOneAfterTheReport() throws {
    let home = KgshProcess.temporaryHome()
    let csv = home.appendingPathComponent("bad.csv").path
    try
      "price_id,category,product_or_model,input_per_1M,output_per_1M,currency,as_of\nX001,api,Good,1,3,USD,2026-11\nX002,api,Bad,1,3,XXX,2026-11\n"
      .write(toFile: csv, atomically: true, encoding: .utf8)
    let r = try KgshProcess.run(["-c", "import prices '\(csv)'; prices --model Good"], home: home)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.stdout.contains("unknown currency code 'XXX'"), r.stdout)
    XCTAssertTrue(r.stderr.contains("1 of 2 rows rejected (line 3); the other rows were imported"), r.stderr)
    XCTAssertFalse(r.stdout.contains("price rows ("), "the script stopped at the failed import")
    let again = try KgshProcess.run(["-c", "prices --model Good"], home: home)
    XCTAssertEqual(again.status, 0, again.stderr)
    XCTAssertTrue(again.stdout.contains("X001"), "the good row was committed:\n\(again.stdout)")
  }
}

import Foundation
import KnowledgeGraph
import PricingPlugin
import ShellCore
import ShellTesting
import XCTest

/// Every row of the reference price table is reachable from kgsh with its source.
final class PriceReachabilityTests: XCTestCase {
  func testEveryPriceRowIsListedWithItsSource() throws {
    let t = try TestShell(plugins: [PricingPlugin.plugin], store: try Repository.defaultStore())
    XCTAssertTrue(t.run("prices --format tsv"), t.errors)
    let listed = t.output.split(separator: "\n").dropFirst().map {
      $0.split(separator: "\t", omittingEmptySubsequences: false)
    }
    let ids = Set(listed.map { String($0[0]) })
    let table = try TSV.read(Repository.root.appendingPathComponent("Knowledge/reference/prices.tsv").path)
    for row in table.rows {
      XCTAssertTrue(ids.contains(row["price_id"]), "\(row["price_id"]) is not listed by prices")
    }
    XCTAssertTrue(listed.allSatisfy { !($0.last ?? "").isEmpty }, "every listed row names its source")
  }
}

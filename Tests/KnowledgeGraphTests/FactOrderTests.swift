import GRDB
import XCTest

@testable import KnowledgeGraph

/// `facts(of:)` reads the facts in the index's order and puts the newest first itself; the
/// result must be exactly SQLite's `ORDER BY predicate, as_of DESC, id`, ties, undated facts
/// and a predicate filter included.
final class FactOrderTests: XCTestCase {
  func testFactsComeByPredicateThenNewestFirstThenId() throws {
    let store = try KnowledgeStore.inMemory()
    let dates: [String?] = [nil, "2024", "2024-06-30", "2025-01-01", "2025-01-01", nil, "2023-12"]
    let predicates = ["valuation", "ceo", "revenue", "arr"]
    var rng = SystemRandomNumberGenerator()
    let node = try store.write { w -> Int64 in
      let z = try w.upsertNode(key: "zhipu", name: "Zhipu AI", labels: ["Company"])
      for i in 0..<60 {
        try w.addFact(
          FactDraft(
            nodeID: z, predicate: predicates.randomElement(using: &rng)!, valueType: "number",
            value: "\(i)", provenance: Provenance(asOf: dates.randomElement(using: &rng)!)))
      }
      return z
    }
    let expected = try store.queue.read { db in
      try Int64.fetchAll(
        db, sql: "SELECT id FROM fact WHERE node_id = ? ORDER BY predicate, as_of DESC, id", arguments: [node]
      )
    }
    XCTAssertEqual(expected.count, 60)
    XCTAssertEqual(try store.facts(of: node).map(\.id), expected)
    for predicate in predicates {
      let one = try store.queue.read { db in
        try Int64.fetchAll(
          db, sql: "SELECT id FROM fact WHERE node_id = ? AND predicate = ? ORDER BY as_of DESC, id",
          arguments: [node, predicate])
      }
      XCTAssertEqual(try store.facts(of: node, predicate: predicate).map(\.id), one, predicate)
    }
    XCTAssertEqual(try store.facts(of: node, predicate: "no such predicate").count, 0)
  }
}

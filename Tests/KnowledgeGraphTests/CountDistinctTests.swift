import GRDB
import XCTest

@testable import KnowledgeGraph

/// `find TEXT --prefix --count` counts the entities of an alias range inside SQLite with the
/// `kgsh_distinct_ids` aggregate; the count must be the number of different ids, whatever
/// their order, repeats, sign and size.
final class CountDistinctTests: XCTestCase {
  /// The aggregate over a one-column table of `ids`, next to SQLite's own count(DISTINCT).
  private func counts(_ ids: [Int64?]) throws -> (ours: Int64, sqlite: Int64) {
    let store = try KnowledgeStore.inMemory()
    return try store.queue.write { db in
      try db.execute(sql: "CREATE TEMP TABLE ids(id INTEGER)")
      for id in ids { try db.execute(sql: "INSERT INTO ids VALUES (?)", arguments: [id]) }
      let row = try Row.fetchOne(
        db, sql: "SELECT \(DistinctIDs.name)(id), count(DISTINCT id) FROM ids")!
      return (row[0], row[1])
    }
  }

  func testTheAggregateCountsEachIdOnce() throws {
    var rng = SystemRandomNumberGenerator()
    for size in [0, 1, 2, 63, 64, 65, 1000, 20_000] {
      let ids: [Int64?] = (0..<size).map { _ in Int64.random(in: 0...Int64(size * 2 + 1), using: &rng) }
      let (ours, sqlite) = try counts(ids)
      XCTAssertEqual(ours, sqlite, "\(size) ids")
      XCTAssertEqual(ours, Int64(Set(ids).count), "\(size) ids")
    }
    XCTAssertEqual(try counts([5, 5, 5]).ours, 1)
    XCTAssertEqual(try counts([0, 63, 64, 127, 128, 64]).ours, 5)
    // Past the first block of the bitmap, so it grows while counting.
    XCTAssertEqual(try counts([3, 1_000_000, 3, 65_536, 1_000_000, 65_537]).ours, 4)
    // Ids the bitmap does not hold take the set; NULLs are not counted.
    XCTAssertEqual(try counts([-1, -1, 3, nil, nil]).ours, 2)
    XCTAssertEqual(
      try counts([1 << 40, 1 << 40, 7, DistinctIDs.bitmapLimit, DistinctIDs.bitmapLimit - 1]).ours, 4)
    XCTAssertEqual(try counts([Int64.min, Int64.max, Int64.min]).ours, 2)
  }

  func testNoRowsCountsZero() throws {
    XCTAssertEqual(try counts([]).ours, 0)
    XCTAssertEqual(try counts([nil]).ours, 0)
  }

  func testPrefixCountsAnEntityWithSeveralMatchingNamesOnce() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      let zhipu = try w.upsertNode(key: "zhipu", name: "Zhipu AI", labels: ["Company"])
      try w.addAlias(zhipu, "Zhipu Huazhang")
      try w.addAlias(zhipu, "ZhipuAI")
      try w.upsertNode(key: "zhiyuan", name: "Zhiyuan Robotics", labels: ["Company"])
      try w.upsertNode(key: "minimax", name: "MiniMax", labels: ["Company"])
    }
    XCTAssertEqual(try store.nodes(namePrefix: "zhi", limit: 10, counting: true).total, 2)
    XCTAssertEqual(try store.nodes(namePrefix: "zhipu", limit: 0, counting: true).total, 1)
    XCTAssertEqual(try store.nodes(namePrefix: "nothing", limit: 10, counting: true).total, 0)
  }
}

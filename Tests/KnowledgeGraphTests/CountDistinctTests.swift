import XCTest

@testable import KnowledgeGraph

/// `find TEXT --prefix --count` counts the entities of an alias range in a bitmap; the count
/// must be the number of different ids, whatever their order, repeats and size.
final class CountDistinctTests: XCTestCase {
  func testTheBitmapCountsEachIdOnce() {
    var rng = SystemRandomNumberGenerator()
    for size in [0, 1, 2, 63, 64, 65, 1000, 20_000] {
      let ids = (0..<size).map { _ in Int64.random(in: 0...Int64(size * 2 + 1), using: &rng) }
      XCTAssertEqual(
        KnowledgeStore.countDistinct(ids, largest: ids.max() ?? 0), Set(ids).count, "\(size) ids")
    }
    XCTAssertEqual(KnowledgeStore.countDistinct([5, 5, 5], largest: 5), 1)
    XCTAssertEqual(KnowledgeStore.countDistinct([0, 63, 64, 127, 128, 64], largest: 128), 5)
    // Ids a bitmap would not hold take the set.
    XCTAssertEqual(KnowledgeStore.countDistinct([-1, -1, 3], largest: 3), 2)
    XCTAssertEqual(KnowledgeStore.countDistinct([1 << 40, 1 << 40, 7], largest: 1 << 40), 2)
    XCTAssertEqual(KnowledgeStore.countDistinct([1 << 31, 1 << 31, 7], largest: 1 << 31), 2)
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
  }
}

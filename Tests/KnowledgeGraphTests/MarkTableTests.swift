import XCTest

@testable import KnowledgeGraph

/// The hash table a path search keeps its marks in while few nodes are reached: every
/// set mark must read back, overwritten marks must read the last value, and absent nodes
/// none, through every growth of the table.
final class MarkTableTests: XCTestCase {
  func mark(_ d: Int32) -> SearchMarks.Mark {
    SearchMarks.Mark(distance: d, parent: d &+ 1, type: d % 7, forward: d % 2 == 0)
  }

  func testMarksReadBackThroughGrowthLikeADictionary() {
    var table = MarkTable()
    var reference: [Int32: Int32] = [:]
    var rng = SystemRandomNumberGenerator()
    for step in 0..<20_000 {
      // Clustered and scattered ids, with repeats (a search reaches neighbours of neighbours).
      let node =
        step % 3 == 0
        ? Int32.random(in: 0..<1_000_000, using: &rng) : Int32.random(in: 0..<5_000, using: &rng)
      let distance = Int32(step)
      table.set(node, mark(distance))
      reference[node] = distance
    }
    XCTAssertEqual(table.count, reference.count)
    for (node, distance) in reference {
      XCTAssertEqual(table[node]?.distance, distance)
      XCTAssertEqual(table[node]?.parent, distance &+ 1)
      XCTAssertEqual(table[node]?.type, distance % 7)
      XCTAssertEqual(table[node]?.forward, distance % 2 == 0)
    }
    var seen = 0
    table.forEach { node, m in
      seen += 1
      XCTAssertEqual(reference[node], m.distance)
    }
    XCTAssertEqual(seen, reference.count)
    for node in [Int32(1_000_001), 2_000_000, Int32.max] { XCTAssertNil(table[node]) }
  }

  func testSearchMarksMoveToTheDenseArrayWithoutLosingAny() {
    var marks = SearchMarks(nodeCount: 10_000)
    for n in stride(from: Int32(0), to: 10_000, by: 2) { marks.set(n, mark(n)) }
    for n in stride(from: Int32(0), to: 10_000, by: 2) { XCTAssertEqual(marks[n]?.distance, n) }
    for n in stride(from: Int32(1), to: 10_000, by: 2) { XCTAssertNil(marks[n]) }
  }
}

/// The set of reached nodes (a bitmap): insert must tell new nodes from repeats, at every size.
final class NodeSetTests: XCTestCase {
  func testInsertTellsNewNodesFromRepeats() {
    for nodeCount in [1, 100, 5_000, 1_000_000] {
      var set = NodeSet(count: nodeCount)
      var reference = Set<Int32>()
      var rng = SystemRandomNumberGenerator()
      for _ in 0..<min(nodeCount * 2, 60_000) {
        let node = Int32.random(in: 0..<Int32(nodeCount), using: &rng)
        XCTAssertEqual(set.insert(node), reference.insert(node).inserted, "node \(node) of \(nodeCount)")
      }
      for node in Array(reference.prefix(500)) { XCTAssertTrue(set.contains(node)) }
      if reference.count < nodeCount {
        let absent = (0..<Int32(nodeCount)).first { !reference.contains($0) }!
        XCTAssertFalse(set.contains(absent))
      }
    }
  }
}

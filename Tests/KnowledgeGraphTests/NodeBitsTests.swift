import Dispatch
import Synchronization
import XCTest

@testable import KnowledgeGraph

/// `NodeSet` keeps its buffers between searches: a search must never see the nodes an
/// earlier one reached, whatever the sizes and however many run at once.
final class NodeBitsTests: XCTestCase {
  func testABufferKeptFromAnEarlierSearchComesBackEmpty() {
    // Big enough to be mapped (`NodeBits.mappedBytes`), and a small one from calloc.
    for count in [1 << 20, 100] {
      do {
        var first = NodeSet(count: count)
        for node in stride(from: 0, to: Int32(count), by: 3) { XCTAssertTrue(first.insert(node)) }
        XCTAssertFalse(first.insert(0), "a node is added once")
      }
      let second = NodeSet(count: count)
      for node in stride(from: 0, to: Int32(count), by: 3) {
        XCTAssertFalse(second.contains(node), "node \(node) of an earlier search, set of \(count)")
      }
    }
  }

  func testNodesOutsideTheSetAreNeverAddedOrFound() {
    var set = NodeSet(count: 70)
    XCTAssertFalse(set.insert(70))
    XCTAssertFalse(set.insert(-1))
    XCTAssertFalse(set.contains(70))
    XCTAssertTrue(set.insert(69))
    XCTAssertTrue(set.contains(69))
  }

  func testSearchesAtOnceEachGetTheirOwnBits() throws {
    // A chain 0 -> 1 -> ... -> n-1: from node i, n-1-i nodes are reachable.
    let n = 200_000
    let graph = GraphIndex.testGraph(n, types: ["next"], (0..<Int32(n - 1)).map { ($0, 0, $0 + 1) })
    let filter = EdgeFilter(direction: .out)
    let counts = Mutex<[Int: Int]>([:])
    DispatchQueue.concurrentPerform(iterations: 8) { i in
      let start = Int32(i * 20_000)
      let reached = try? Traversal.reachCount(graph, from: start, maxDepth: n, filter: filter)
      counts.withLock { $0[i] = reached }
    }
    for i in 0..<8 { XCTAssertEqual(counts.withLock { $0[i] }, n - 1 - i * 20_000, "search \(i)") }
  }
}

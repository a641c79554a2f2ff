import XCTest

@testable import KnowledgeGraph

/// The bidirectional path search keeps its marks in a dictionary while it reaches few nodes
/// and moves them to a dense array past a threshold: both give the same shortest paths.
final class PathSearchTests: XCTestCase {
  /// An index of `n` nodes and the given edges (all of type "next").
  func graph(_ n: Int, _ edges: [(Int32, Int32)]) -> GraphIndex {
    GraphIndex.testGraph(n, types: ["next"], edges.map { ($0.0, 0, $0.1) })
  }

  func testLongSearchesThatGoDenseFindTheSamePathsAsShortOnes() throws {
    // A chain 0 -> 1 -> ... -> n-1, a fan from node 1 to 9,000 chain nodes (so one level of the
    // search reaches more nodes than the dictionary keeps), and a shortcut 2 -> n-3.
    let n = 20_000
    var edges: [(Int32, Int32)] = (0..<Int32(n - 1)).map { ($0, $0 + 1) }
    edges += (5_000..<Int32(14_000)).map { (1, $0) }
    edges.append((2, Int32(n - 3)))
    let g = graph(n, edges)
    let out = EdgeFilter(types: [0], direction: .out)
    let shortcut = try XCTUnwrap(Traversal.shortestPath(g, from: 0, to: Int32(n - 1), filter: out, maxLength: 50))
    XCTAssertEqual(shortcut.nodes, [0, 1, 2, Int32(n - 3), Int32(n - 2), Int32(n - 1)])
    XCTAssertEqual(shortcut.hops.map(\.forward), [true, true, true, true, true])
    let back = try XCTUnwrap(
      Traversal.shortestPath(g, from: Int32(n - 1), to: 0, filter: EdgeFilter(types: [0], direction: .in), maxLength: 50))
    XCTAssertEqual(back.nodes, shortcut.nodes.reversed())
    XCTAssertEqual(back.hops.map(\.forward), [false, false, false, false, false])
    // Undirected, from a leaf of the fan: leaf - 1 - 2 - shortcut.
    let leaf: Int32 = 9_000
    let both = try XCTUnwrap(Traversal.shortestPath(g, from: leaf, to: Int32(n - 3), filter: EdgeFilter(), maxLength: 50))
    XCTAssertEqual(both.length, 3)
    XCTAssertNil(try Traversal.shortestPath(g, from: Int32(n - 1), to: 0, filter: out, maxLength: 50))
    XCTAssertNil(try Traversal.shortestPath(g, from: 5, to: 4_000, filter: out, maxLength: 10), "too far")
  }
}

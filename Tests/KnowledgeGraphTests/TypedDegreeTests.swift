import XCTest

@testable import KnowledgeGraph

/// Degrees restricted to some edge types are counted from the type runs of the sorted rows:
/// the same numbers as counting edge by edge.
final class TypedDegreeTests: XCTestCase {
  func testTypedDegreesCountEveryEdgeOfTheChosenTypesOnce() throws {
    // Types 0 a, 1 b, 2 c; parallel edges, self-loops, and a node with no edges.
    var edges: [(Int32, Int32, Int32)] = [(0, 1, 1), (0, 1, 1), (0, 0, 2), (0, 2, 3), (1, 1, 0), (2, 2, 2)]
    for i in 0..<Int32(40) { edges.append((3, i % 3, i % 4)) }
    let g = GraphIndex.testGraph(5, types: ["a", "b", "c"], edges)
    for types in [[0], [1], [2], [0, 2], [1, 2], [0, 1, 2]] as [[Int32]] {
      for direction in TraversalDirection.allCases {
        var expected = [Int](repeating: 0, count: 5)
        for (s, t, d) in edges where types.contains(t) {
          if direction != .in { expected[Int(s)] += 1 }
          if direction != .out { expected[Int(d)] += 1 }
        }
        XCTAssertEqual(
          Traversal.degrees(g, types: Set(types), direction: direction), expected, "\(types) \(direction)")
      }
    }
    XCTAssertEqual(Traversal.degrees(g, types: [], direction: .both), [0, 0, 0, 0, 0], "no type: no edge")
  }
}

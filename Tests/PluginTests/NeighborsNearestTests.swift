import XCTest

@testable import GraphPlugin
@testable import KnowledgeGraph

/// `neighbors` reads names only for the entities that can be shown: every entity nearer than
/// the distance where the limit falls, and all the ties at that distance.
final class NeighborsNearestTests: XCTestCase {
  func reached(_ distances: [Int]) -> [Reached] {
    distances.enumerated().map {
      Reached(node: Int32($0.offset), distance: $0.element, parent: 0, type: 0, forward: true)
    }
  }

  func testTheCutKeepsAllTiesAtTheLastDistance() {
    let all = reached([1, 2, 1, 3, 2, 2, 1, 3])
    XCTAssertEqual(NeighborsCommand.nearest(all, limit: 2).map(\.node), [0, 2, 6], "three at one hop")
    XCTAssertEqual(NeighborsCommand.nearest(all, limit: 3).map(\.node), [0, 2, 6])
    XCTAssertEqual(NeighborsCommand.nearest(all, limit: 4).map(\.node), [0, 1, 2, 4, 5, 6])
    XCTAssertEqual(NeighborsCommand.nearest(all, limit: 7).map(\.node), Array(0..<8))
    XCTAssertEqual(NeighborsCommand.nearest(all, limit: 8).count, 8)
    XCTAssertEqual(NeighborsCommand.nearest([], limit: 1).count, 0)
  }
}

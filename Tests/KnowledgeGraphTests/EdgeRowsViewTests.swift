import XCTest

@testable import KnowledgeGraph

/// `EdgeRowsView` reads the same rows as `EdgeRows`, without reference counting: every
/// node's row, one type's run of it, and the galloping search of a run.
final class EdgeRowsViewTests: XCTestCase {
  /// Node 0 is a hub with edges of three types (two parallel, one loop); node 3 has none.
  let graph = GraphIndex.testGraph(
    5, types: ["a", "b", "c"],
    [
      (0, 1, 4), (0, 0, 2), (0, 1, 1), (0, 2, 0), (0, 1, 2), (0, 1, 2), (1, 0, 2), (2, 2, 4),
      (4, 1, 0),
    ])

  func testRowsAndKeysAreThoseOfTheColumns() {
    for rows in [graph.outRows, graph.inRows] {
      let view = EdgeRowsView(rows)
      for node in Int32(0)..<5 {
        let range = view.range(node)
        XCTAssertEqual(range, rows.range(node))
        XCTAssertEqual(range.map(view.key), Array(rows.keys[range]))
        XCTAssertEqual(range.map(view.edge), Array(rows.edges[range]))
      }
    }
  }

  func testNodesOutsideTheIndexHaveEmptyRows() {
    let view = EdgeRowsView(graph.outRows)
    XCTAssertTrue(view.range(3).isEmpty, "a node without edges")
    XCTAssertTrue(view.range(5).isEmpty, "past the last node")
    XCTAssertTrue(view.range(-1).isEmpty)
    XCTAssertTrue(view.range(0, type: 7).isEmpty, "a type the graph does not have")
  }

  func testOneTypesRunOfARow() {
    let view = EdgeRowsView(graph.outRows)
    // Node 0's out-edges of type 1 ("b") go to 1, 2, 2 and 4, in that order.
    let run = view.range(0, type: 1)
    XCTAssertEqual(run.map(view.otherEnd), [1, 2, 2, 4])
    XCTAssertEqual(Set(run.map { Int(view.edge($0)) }), [0, 2, 4, 5])
    XCTAssertEqual(view.range(0, type: 0).map(view.otherEnd), [2])
    XCTAssertEqual(view.range(0, type: 2).map(view.otherEnd), [0], "the loop")
    XCTAssertEqual(view.range(2, type: 2).map(view.otherEnd), [4])
  }

  func testSeekFindsTheFirstEndAtLeastTheTarget() {
    let view = EdgeRowsView(graph.outRows)
    let run = view.range(0, type: 1)  // other ends 1, 2, 2, 4
    let end = run.upperBound
    for (target, expected) in [(0, 0), (1, 0), (2, 1), (3, 3), (4, 3), (5, 4)] as [(UInt32, Int)] {
      XCTAssertEqual(
        view.seek(from: run.lowerBound, to: target, end: end), run.lowerBound + expected, "target \(target)")
    }
    XCTAssertEqual(view.seek(from: end, to: 9, end: end), end, "an empty range stays where it is")
  }
}

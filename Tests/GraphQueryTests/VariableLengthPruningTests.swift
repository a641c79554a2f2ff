import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// A variable-length relationship before `count(DISTINCT m)` or `RETURN DISTINCT` is expanded
/// breadth-first, each end once; these tests check that it gives exactly what enumerating
/// every trail gives (`WITH m, count(*)` forces the enumeration), on a graph with cycles,
/// parallel relationships and self-loops. The same graph checks the shortest-path search
/// against brute force.
final class VariableLengthPruningTests: XCTestCase {
  var engine: QueryEngine!

  override func setUpWithError() throws {
    engine = QueryEngine(store: try KnowledgeStore.inMemory())
    // A directed ring 0 -> 1 -> ... -> 5 -> 0, chords, two parallel edges, a self-loop on 3,
    // a tail 6 -> 7 -> 8 reachable only from 5, and an island 9 -> 10.
    _ = try engine.run(
      """
      UNWIND range(0, 10) AS i CREATE (:V {i: i})
      """)
    let edges = [
      (0, 1, "R"), (1, 2, "R"), (2, 3, "S"), (3, 4, "R"), (4, 5, "S"), (5, 0, "R"), (0, 3, "S"),
      (2, 0, "R"), (1, 4, "R"), (1, 4, "R"), (3, 3, "S"), (5, 6, "R"), (6, 7, "S"), (7, 8, "R"), (9, 10, "R"),
    ]
    for (a, b, t) in edges {
      _ = try engine.run("MATCH (a:V {i: \(a)}), (b:V {i: \(b)}) CREATE (a)-[:\(t)]->(b)")
    }
  }

  func value(_ text: String) throws -> String {
    try engine.run(text).rows.map { $0.map(tckDescription).joined(separator: ",") }.joined(separator: ";")
  }

  func testBreadthFirstEndsEqualEveryTrailsEnds() throws {
    let shapes = [
      "-[*]->", "-[*1..2]->", "-[*0..2]->", "-[*..3]-", "-[:R*1..4]->", "<-[:S*]-", "-[*0..1]-", "-[:R*]-",
    ]
    for start in [0, 3, 5, 9] {
      for shape in shapes {
        let pattern = "MATCH (a:V {i: \(start)})\(shape)(m)"
        let pruned = try value(pattern + " RETURN count(DISTINCT m.i)")
        let enumerated = try value(pattern + " WITH m, count(*) AS trails RETURN count(m.i)")
        XCTAssertEqual(pruned, enumerated, "\(pattern)")
        let prunedList = try value(pattern + " RETURN DISTINCT m.i AS i ORDER BY i")
        let enumeratedList = try value(pattern + " WITH m.i AS i, count(*) AS trails RETURN i ORDER BY i")
        XCTAssertEqual(prunedList, enumeratedList, "\(pattern)")
      }
    }
  }

  func testTheStartCountsOnlyThroughAClosedTrail() throws {
    // Undirected, one relationship out and back is not a trail: 9 -- 10 has no cycle.
    XCTAssertEqual(try value("MATCH (a:V {i: 9})-[*1..4]-(m) RETURN DISTINCT m.i AS i ORDER BY i"), "10")
    // 3's self-loop is a closed trail of length 1 (3 -> 4 is an R).
    XCTAssertEqual(try value("MATCH (a:V {i: 3})-[:S*1..1]->(m) RETURN DISTINCT m.i AS i ORDER BY i"), "3")
    // 0 -> 1 -> 2 -> 0 closes after three steps, not two.
    XCTAssertEqual(try value("MATCH (a:V {i: 0})-[:R*1..2]->(m) WHERE m.i = 0 RETURN count(DISTINCT m)"), "0")
    XCTAssertEqual(try value("MATCH (a:V {i: 0})-[:R*1..3]->(m) WHERE m.i = 0 RETURN count(DISTINCT m)"), "1")
    // Two parallel 1 -> 4 edges make an undirected closed trail 1 - 4 - 1.
    XCTAssertEqual(try value("MATCH (a:V {i: 4})-[:R*2..2]-(m) WHERE m.i = 4 RETURN count(DISTINCT m)"), "1")
  }

  /// The bidirectional shortest-path search against brute force: every trail of the
  /// minimal length, for every pair of nodes, in three directions.
  func testAllShortestPathsAreExactlyTheShortestTrails() throws {
    for shape in ["-[*..6]->", "-[*..6]-", "<-[:R*..6]-"] {
      for a in 0...10 {
        for b in 0...10 where a != b {
          let ends = "MATCH (a:V {i: \(a)}), (b:V {i: \(b)}) "
          let brute = try value(
            ends + "OPTIONAL MATCH p = (a)\(shape)(b) WITH a, b, min(length(p)) AS d "
              + "OPTIONAL MATCH q = (a)\(shape)(b) WHERE length(q) = d RETURN d, count(q)")
          let searched = try value(
            ends + "OPTIONAL MATCH p = allShortestPaths((a)\(shape)(b)) RETURN min(length(p)), count(p)")
          XCTAssertEqual(searched, brute, "\(a) \(shape) \(b)")
        }
      }
    }
  }

  func testOnlyDuplicateBlindProjectionsPrune() throws {
    func plan(_ q: String) throws -> String { try engine.explain(q) }
    let pattern = "MATCH (a:V {i: 0})-[*1..3]->(m) "
    XCTAssertTrue(try plan(pattern + "RETURN count(DISTINCT m)").contains("each end once"))
    XCTAssertTrue(try plan(pattern + "RETURN DISTINCT m.i").contains("each end once"))
    XCTAssertTrue(try plan(pattern + "RETURN max(m.i)").contains("each end once"))
    XCTAssertFalse(try plan(pattern + "RETURN count(m)").contains("each end once"))
    XCTAssertFalse(try plan(pattern + "RETURN m.i").contains("each end once"))
    XCTAssertFalse(
      try plan("MATCH (a:V {i: 0})-[r*1..3]->(m) RETURN DISTINCT m.i, size(r)").contains("each end once"))
    XCTAssertFalse(
      try plan("MATCH p = (a:V {i: 0})-[*1..3]->(m) RETURN DISTINCT m.i").contains("each end once"))
    XCTAssertFalse(try plan("MATCH (a:V {i: 0})-[*2..3]->(m) RETURN DISTINCT m.i").contains("each end once"))
  }
}

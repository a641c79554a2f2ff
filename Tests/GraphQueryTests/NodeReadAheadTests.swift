import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// A WHERE on every node of a scan reads the nodes' details ahead in batches
/// (`QueryGraph.properties(ofNode:)`): the answers are those of reading them one by one,
/// across batch boundaries, in any order, for nodes with and without properties and aliases.
final class NodeReadAheadTests: XCTestCase {
  func testScansSeeEveryNodeAsItIs() throws {
    let store = try KnowledgeStore.inMemory()
    let count = 1_234
    try store.write { w in
      for i in 0..<count {
        let id = try w.upsertNode(
          key: "k\(i)", name: "Node \(i)", labels: i % 2 == 0 ? ["Even"] : [],
          props: i % 3 == 0 ? ["i": .int(Int64(i))] : [:])
        if i % 5 == 0 { try w.addAlias(id, "alias \(i)") }
      }
    }
    let engine = QueryEngine(store: store)
    func ints(_ query: String) throws -> [Int] { try engine.tckRows(query).map { Int($0[0])! } }
    XCTAssertEqual(
      try ints("MATCH (n) WHERE n.i % 7 = 0 RETURN n.i ORDER BY n.i"),
      Array(stride(from: 0, to: count, by: 21)))
    XCTAssertEqual(
      try ints(
        "MATCH (n:Even) WHERE n.name ENDS WITH '1' RETURN toInteger(substring(n.key, 1)) AS i ORDER BY i"),
      (0..<count).filter { $0 % 2 == 0 && $0 % 10 == 1 })
    XCTAssertEqual(
      try engine.tckRows("MATCH (n) WHERE size(n.aliases) > 0 RETURN count(n), min(n.key), max(n.name)"),
      [["247", "'k0'", "'Node 995'"]])
    // Random order, then the scan again: cached and fresh nodes mix.
    for i in [1_233, 7, 640, 499, 500, 501, 3] {
      XCTAssertEqual(try engine.tckRows("MATCH (n {key: 'k\(i)'}) RETURN n.name"), [["'Node \(i)'"]])
    }
    XCTAssertEqual(
      try ints("MATCH (n) WHERE n.name STARTS WITH 'Node 12' RETURN count(n)"),
      [(0..<count).filter { "Node \($0)".hasPrefix("Node 12") }.count])
  }
}

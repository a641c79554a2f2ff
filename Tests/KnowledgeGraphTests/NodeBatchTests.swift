import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

/// Nodes are stored 64 to a statement (`NodeBatch`): the ids are the ones SQLite would
/// choose, and a bad row is still reported at its own line, before any later one.
final class NodeBatchTests: FileTestCase {
  /// A nodes file of `count` rows k0, k1, ... with `change` applied to some lines.
  func nodes(_ count: Int, _ change: [Int: String] = [:]) -> String {
    var text = "id,name\n"
    for i in 0..<count { text += (change[i + 2] ?? "k\(i),Node \(i)") + "\n" }
    return file("n.csv", text)
  }

  func testIdsFollowTheLargestAndEveryRowIsStored() throws {
    let store = try KnowledgeStore.inMemory()
    _ = try store.importGraph(nodes: file("a.csv", "id,name\nold,Old\n"), edges: nil)
    let report = try store.importGraph(nodes: nodes(130), edges: nil)
    XCTAssertEqual(report.nodes, 130)
    let rows = try store.read {
      try Row.fetchAll($0, sql: "SELECT id, key, name FROM node WHERE key LIKE 'k%' ORDER BY id")
    }
    let first: Int64 =
      try store.read { try Int64.fetchOne($0, sql: "SELECT id FROM node WHERE key = 'old'")! } + 1
    XCTAssertEqual(rows.map { $0["id"] as Int64 }, Array(first..<first + 130))
    XCTAssertEqual(rows.map { $0["key"] as String }, (0..<130).map { "k\($0)" })
    XCTAssertEqual(rows.last?["name"], "Node 129")
  }

  func testABadRowIsReportedAtItsLineWhereverItsBatchEnds() throws {
    let store = try KnowledgeStore.inMemory()
    _ = try store.importGraph(nodes: file("a.csv", "id,name\nold,Old\nolder,Older\n"), edges: nil)
    let cases: [(change: [Int: String], message: String)] = [
      ([3: "old,Clash"], "n.csv:3: id 'old' is already a key in the knowledge base"),
      ([70: "older,Clash", 80: "short"], "n.csv:70: id 'older' is already a key in the knowledge base"),
      ([5: "short", 10: "old,Clash"], "n.csv:5: expected 2 fields, found 1"),
      ([60: "old,Clash", 62: "k3,Again"], "n.csv:60: id 'old' is already a key in the knowledge base"),
      ([66: "k0,Again"], "n.csv:66: id 'k0' appears twice (first on line 2)"),
      ([129: "older,Clash"], "n.csv:129: id 'older' is already a key in the knowledge base"),
    ]
    for c in cases {
      XCTAssertThrowsError(try store.importGraph(nodes: nodes(130, c.change), edges: nil)) { error in
        XCTAssertTrue("\(error)".contains(c.message), "\(error) should contain \(c.message)")
      }
      XCTAssertEqual(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM node") }, 2)
    }
  }
}

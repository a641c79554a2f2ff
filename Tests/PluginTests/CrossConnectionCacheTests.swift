import Foundation
import GraphPlugin
import KnowledgeGraph
import QueryPlugin
import ShellTesting
import XCTest

/// Two stores on one file stand for two kgsh processes: a commit by one is seen by the
/// other's next graph command and next `match` (the graph index follows `PRAGMA data_version`).
final class CrossConnectionCacheTests: XCTestCase {
  func testGraphCommandsAndMatchSeeAnotherConnectionsCommit() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("kgsh-cross-\(UUID().uuidString).sqlite").path
    defer {
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    let first = try KnowledgeStore.open(path: path)
    try first.write { w in
      let a = try w.upsertNode(key: "alpha", name: "Alpha", labels: ["Company"])
      let b = try w.upsertNode(key: "beta", name: "Beta", labels: ["Company"])
      try w.addEdge(a, "INVESTS_IN", b)
    }
    let t = try TestShell(plugins: [GraphPlugin.plugin, QueryPlugin.plugin], store: first)
    XCTAssertTrue(t.run("neighbors alpha --depth 3"), t.errors)
    XCTAssertFalse(t.output.contains("Gamma"))
    XCTAssertTrue(t.run("match (a {key: 'beta'})-->(b) return b.name"), t.errors)
    XCTAssertFalse(t.output.contains("Gamma"))

    let second = try KnowledgeStore.open(path: path)
    try second.write { w in
      let c = try w.upsertNode(key: "gamma", name: "Gamma", labels: ["Company"])
      try w.addEdge(try w.nodeID(key: "beta")!, "INVESTS_IN", c)
    }

    var before = t.output.count
    XCTAssertTrue(t.run("neighbors alpha --depth 3"), t.errors)
    XCTAssertTrue(t.output.dropFirst(before).contains("Gamma"), "neighbors: \(t.output.dropFirst(before))")
    before = t.output.count
    XCTAssertTrue(t.run("path alpha gamma"), t.errors)
    XCTAssertTrue(t.output.dropFirst(before).contains("Gamma"), "path: \(t.output.dropFirst(before))")
    before = t.output.count
    XCTAssertTrue(t.run("match (a {key: 'beta'})-->(b) return b.name"), t.errors)
    XCTAssertTrue(t.output.dropFirst(before).contains("Gamma"), "match: \(t.output.dropFirst(before))")
  }

  func testGenerationMovesOnlyWhenSomeoneCommits() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("kgsh-gen-\(UUID().uuidString).sqlite").path
    defer {
      for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    let first = try KnowledgeStore.open(path: path)
    let second = try KnowledgeStore.open(path: path)
    let start = first.generation
    let index = try first.graphIndex()
    _ = try second.graphIndex()
    XCTAssertEqual(first.generation, start, "reads by either store change nothing")
    XCTAssertTrue(try first.graphIndex() === index, "an unchanged file keeps the cached index")
    try second.write { w in _ = try w.upsertNode(key: "n", name: "N", labels: []) }
    XCTAssertNotEqual(first.generation, start)
    XCTAssertFalse(try first.graphIndex() === index)
    XCTAssertEqual(try first.graphIndex().nodeCount, index.nodeCount + 1)
  }
}

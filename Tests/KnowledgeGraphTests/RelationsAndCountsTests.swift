import GRDB
import XCTest

@testable import KnowledgeGraph

/// `relations(of:limit:)`: a card of a hub stops at its first N related entities, and those
/// rows are exactly the first N rows of the whole list, parallel edges and sources included.
/// And the counts `stats` and `relations` read from the graph index.
final class RelationsAndCountsTests: XCTestCase {
  /// One card row: direction, type, entity, and the sources of its edges in order.
  struct Row: Equatable, CustomStringConvertible {
    var outgoing: Bool
    var type: String
    var other: Int64
    var sources: [String]
    var description: String { "\(outgoing ? "out" : "in") \(type) \(other) \(sources)" }
  }

  /// Groups relations the way a card does: one row per direction, type and entity, where its
  /// first edge comes.
  func rows(_ relations: [Relation]) -> [Row] {
    var rows: [Row] = []
    for r in relations {
      let source = r.source.map { [$0] } ?? []
      if let i = rows.firstIndex(where: {
        $0.outgoing == r.outgoing && $0.type == r.type && $0.other == r.other.id
      }) {
        rows[i].sources += source
      } else {
        rows.append(Row(outgoing: r.outgoing, type: r.type, other: r.other.id, sources: source))
      }
    }
    return rows
  }

  /// A hub with 12 neighbours over three types, parallel edges whose second source comes
  /// long after the first, edges into it, and a loop.
  func hub() throws -> (KnowledgeStore, Int64) {
    let store = try KnowledgeStore.inMemory()
    let hub = try store.write { w -> Int64 in
      let hub = try w.upsertNode(key: "hub", name: "Hub", labels: [])
      var others: [Int64] = []
      for i in 0..<12 { others.append(try w.upsertNode(key: "n\(i)", name: "Node \(i)", labels: [])) }
      for (i, other) in others.enumerated() {
        let type = ["INVESTS_IN", "COMPETES_WITH", "BASED_IN"][i % 3]
        try w.addEdge(hub, type, other, provenance: Provenance(source: "first-\(i)"))
      }
      try w.addEdge(hub, "INVESTS_IN", others[0], provenance: Provenance(source: "second-0"))
      try w.addEdge(hub, "BASED_IN", others[2], provenance: Provenance(source: "second-2"))
      for other in others.prefix(5) { try w.addEdge(other, "PARTNERS_WITH", hub) }
      try w.addEdge(others[7], "PARTNERS_WITH", hub, provenance: Provenance(source: "again"))
      try w.addEdge(hub, "KNOWS", hub)
      return hub
    }
    return (store, hub)
  }

  func testEveryLimitGivesTheFirstRowsWithAllTheirSources() throws {
    let (store, hub) = try hub()
    let all = rows(try store.relations(of: hub))
    XCTAssertEqual(all.count, 12 + 5 + 1 + 2, "12 out, 5 in, the loop from both ends")
    XCTAssertEqual(
      all.filter { $0.sources.count == 2 }.map(\.type), ["BASED_IN", "INVESTS_IN"], "parallel edges")
    for limit in 1...all.count + 2 {
      let (relations, total) = try store.relations(of: hub, limit: limit)
      let shown = rows(relations)
      XCTAssertEqual(shown, Array(all.prefix(limit)), "limit \(limit)")
      XCTAssertEqual(total, limit < all.count ? all.count : nil, "limit \(limit)")
    }
  }

  func testTheGroupsOfAHubAreFoundPastTheLimit() throws {
    let store = try KnowledgeStore.inMemory()
    let (hub, groups) = try store.write { w -> (Int64, [Int64]) in
      let hub = try w.upsertNode(key: "hub", name: "Hub", labels: [])
      for i in 0..<30 {
        try w.addEdge(hub, "BASED_IN", try w.upsertNode(key: "p\(i)", name: "P\(i)", labels: []))
      }
      let g1 = try w.upsertNode(key: "g1", name: "Group 1", labels: ["Group"])
      let g2 = try w.upsertNode(key: "g2", name: "Group 2", labels: ["Group"])
      try w.addEdge(hub, "MEMBER_OF", g2)
      try w.addEdge(hub, "MEMBER_OF", g1)
      try w.addEdge(g1, "MEMBER_OF", hub)
      return (hub, [g2, g1])
    }
    let (relations, total) = try store.relations(of: hub, limit: 3)
    XCTAssertFalse(relations.contains { $0.type == "MEMBER_OF" }, "BASED_IN comes first")
    XCTAssertEqual(total, 33)
    XCTAssertEqual(
      try store.targets(of: hub, type: "MEMBER_OF").map(\.id), groups, "outgoing only, in edge order")
    XCTAssertEqual(try store.targets(of: hub, type: "NO_SUCH_TYPE"), [])
  }

  /// `stats` and `relations` count entities, edges and edge types from the graph index: the
  /// same numbers as counting the tables, also right after a write.
  func testCountsFromTheGraphIndexAreTheTables() throws {
    let (store, hub) = try hub()
    func sqlCounts() throws -> (nodes: Int, edges: Int, types: [String: Int]) {
      try store.read { db in
        let nodes = try Int.fetchOne(db, sql: "SELECT count(*) FROM node") ?? -1
        let edges = try Int.fetchOne(db, sql: "SELECT count(*) FROM edge") ?? -1
        var types: [String: Int] = [:]
        for row in try GRDB.Row.fetchAll(
          db, sql: "SELECT t.name, count(*) FROM edge e JOIN edge_type t ON t.id = e.type GROUP BY t.name")
        {
          types[row[0]] = row[1]
        }
        return (nodes, edges, types)
      }
    }
    for round in 0..<2 {
      let expected = try sqlCounts()
      let counts = Dictionary(uniqueKeysWithValues: try store.counts())
      XCTAssertEqual(counts["node"], expected.nodes, "round \(round)")
      XCTAssertEqual(counts["edge"], expected.edges, "round \(round)")
      let types = try store.edgeTypeCounts()
      XCTAssertEqual(Dictionary(uniqueKeysWithValues: types.map { ($0.type, $0.count) }), expected.types)
      XCTAssertEqual(types.map(\.count), types.map(\.count).sorted(by: >), "most common first")
      try store.write { w in
        let extra = try w.upsertNode(key: "extra", name: "Extra", labels: [])
        try w.addEdge(extra, "NEW_TYPE", hub)
        try w.addEdge(extra, "NEW_TYPE", extra)
      }
    }
  }
}

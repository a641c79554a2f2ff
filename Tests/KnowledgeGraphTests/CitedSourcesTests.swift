import XCTest

@testable import KnowledgeGraph

/// A card counts its sources from the facts and relations it has already read
/// (`sources(citedBy:_:of:)`); the answer must be exactly SQLite's (`sources(of:)`): the same
/// sources, the same counts, most cited first and then by key.
final class CitedSourcesTests: XCTestCase {
  static let knowledge = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Knowledge").path

  func testEveryNodeOfTheDefaultKnowledgeBaseCountsItsSourcesAsSQLiteDoes() throws {
    let store = try KnowledgeStore.inMemory()
    try KnowledgeLoader.ensureBuilt(store, from: Self.knowledge)
    let ids = try store.read { try Int64.fetchAll($0, sql: "SELECT id FROM node ORDER BY id") }
    var cited = 0
    for id in ids {
      let expected = try store.sources(of: id)
      let derived = try store.sources(citedBy: store.facts(of: id), store.relations(of: id), of: id)
      XCTAssertEqual(derived.map(\.source), expected.map(\.source), "node \(id)")
      XCTAssertEqual(derived.map(\.citations), expected.map(\.citations), "node \(id)")
      if !expected.isEmpty { cited += 1 }
    }
    XCTAssertGreaterThan(cited, 100, "most nodes of the default knowledge base cite a source")
  }

  func testAnEdgeToItselfCountsOnceAndTiesGoByKeyInByteOrder() throws {
    let store = try KnowledgeStore.inMemory()
    let node = try store.write { w -> Int64 in
      for key in ["b-source", "a-source", "Z-source", "unused"] {
        try w.upsertSource(Source(key: key, title: "title of \(key)"))
      }
      let z = try w.upsertNode(key: "zhipu", name: "Zhipu AI", labels: ["Company"])
      let m = try w.upsertNode(key: "minimax", name: "MiniMax", labels: ["Company"])
      try w.addEdge(z, "COMPETES_WITH", z, provenance: Provenance(source: "b-source"))
      try w.addEdge(m, "COMPETES_WITH", z, provenance: Provenance(source: "a-source"))
      try w.addEdge(z, "COMPETES_WITH", m)
      for (i, source) in ["Z-source", "a-source", nil, "b-source"].enumerated() {
        try w.addFact(
          FactDraft(
            nodeID: z, predicate: "p\(i)", valueType: "number", value: "\(i)",
            provenance: Provenance(source: source)))
      }
      return z
    }
    let derived = try store.sources(citedBy: store.facts(of: node), store.relations(of: node), of: node)
    // a-source and b-source are cited twice each (the edge to itself once), Z-source once;
    // "Z" sorts before "a" in byte order but has fewer citations.
    XCTAssertEqual(derived.map(\.source.key), ["a-source", "b-source", "Z-source"])
    XCTAssertEqual(derived.map(\.citations), [2, 2, 1])
    XCTAssertEqual(derived.map(\.source.title), ["title of a-source", "title of b-source", "title of Z-source"])
    let expected = try store.sources(of: node)
    XCTAssertEqual(derived.map(\.source), expected.map(\.source))
    XCTAssertEqual(derived.map(\.citations), expected.map(\.citations))
  }
}

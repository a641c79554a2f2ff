import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

/// The built-in knowledge base: loads deterministically, quotes are verbatim, values match quotes.
final class DefaultKnowledgeTests: XCTestCase {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  var knowledge: String { Self.root.appendingPathComponent("Knowledge").path }

  func testLoadsAndRebuildsDeterministically() throws {
    let a = try KnowledgeStore.inMemory()
    XCTAssertTrue(try KnowledgeLoader.ensureBuilt(a, from: knowledge))
    XCTAssertFalse(try KnowledgeLoader.ensureBuilt(a, from: knowledge), "unchanged sources are not rebuilt")
    let b = try KnowledgeStore.inMemory()
    try KnowledgeLoader.ensureBuilt(b, from: knowledge)
    XCTAssertEqual(try a.counts().map(\.1), try b.counts().map(\.1))
    let counts = Dictionary(uniqueKeysWithValues: try a.counts())
    XCTAssertGreaterThan(counts["node"]!, 150)
    XCTAssertGreaterThan(counts["fact"]!, 300)
    XCTAssertGreaterThan(counts["edge"]!, 300)
  }

  func testEdgePropertiesKeepStockCodesAsWrittenAndReadPercentagesAsNumbers() throws {
    let store = try KnowledgeStore.inMemory()
    try KnowledgeLoader.ensureBuilt(store, from: knowledge)
    func props(_ key: String, _ type: String) throws -> [[String: Value]] {
      let node = try XCTUnwrap(store.node(key: key))
      return try store.edges(of: node.id).outgoing.filter { $0.0.type == type }.map(\.0.props)
    }
    XCTAssertTrue(try props("minimax", "LISTED_ON").contains { $0["stock_code"] == .string("00100") })
    XCTAssertTrue(try props("zhipu", "LISTED_ON").contains { $0["stock_code"] == .string("02513") })
    XCTAssertTrue(
      try props("zhipu-controlling-shareholders", "SHAREHOLDER_OF").contains {
        $0["stake_pct"] == .double(33.03)
      })
  }

  func testAPrefixPageListsEntitiesInFoldedNameOrderLikeTheWholeRangeGrouped() throws {
    let store = try KnowledgeStore.inMemory()
    try KnowledgeLoader.ensureBuilt(store, from: knowledge)
    for prefix in ["z", "g", "deep", "m", "智", "c"] {
      let norm = Names.normalize(prefix)
      let grouped = try store.read {
        try Int64.fetchAll(
          $0,
          sql: """
            SELECT node_id FROM alias WHERE norm >= ? AND norm < ?
            GROUP BY node_id ORDER BY min(norm), node_id
            """, arguments: [norm, norm + "\u{10FFFF}"])
      }
      XCTAssertGreaterThan(grouped.count, 3, prefix)
      for limit in [1, 3, grouped.count, grouped.count + 5] {
        let page = try store.nodes(namePrefix: prefix, limit: limit)
        XCTAssertEqual(page.nodes.map(\.id), Array(grouped.prefix(limit)), "\(prefix) limit \(limit)")
        XCTAssertEqual(page.total, grouped.count, prefix)
      }
      XCTAssertEqual(try store.nodes(namePrefix: prefix, limit: 2, counting: false).total, 2)
    }
  }

  func testUserDataSurvivesRebuild() throws {
    let store = try KnowledgeStore.inMemory()
    try KnowledgeLoader.ensureBuilt(store, from: knowledge)
    try store.write { w in
      let zhipu = try w.nodeID(key: "zhipu")!
      let mine = try w.upsertNode(key: "my-fund", name: "My Fund", labels: ["Investor"])
      try w.addEdge(mine, "INVESTS_IN", zhipu)
      try w.setMeta("builtin_hash", "stale")
      try w.setMeta("builtin_stat", "stale")
    }
    XCTAssertTrue(try KnowledgeLoader.ensureBuilt(store, from: knowledge))
    let mine = try XCTUnwrap(store.node(key: "my-fund"))
    XCTAssertEqual(try store.edges(of: mine.id).outgoing.first?.1.key, "zhipu")
  }

  func testTouchedButUnchangedSourcesDoNotRebuildAndChangedOnesDo() throws {
    let fm = FileManager.default
    let copy = fm.temporaryDirectory.appendingPathComponent("kgknow-\(UUID().uuidString)").path
    try fm.copyItem(atPath: knowledge, toPath: copy)
    defer { try? fm.removeItem(atPath: copy) }
    let store = try KnowledgeStore.inMemory()
    XCTAssertTrue(try KnowledgeLoader.ensureBuilt(store, from: copy))
    XCTAssertFalse(try KnowledgeLoader.ensureBuilt(store, from: copy), "nothing changed")
    try fm.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: copy + "/facts.tsv")
    XCTAssertFalse(try KnowledgeLoader.ensureBuilt(store, from: copy), "touched, same bytes: no rebuild")
    XCTAssertEqual(
      try store.meta("builtin_stat"), KnowledgeLoader.statKey(copy) + KnowledgeLoader.reading,
      "the new times are recorded")
    let sources = copy + "/sources.tsv"
    try (String(contentsOfFile: sources, encoding: .utf8) + "\n").write(
      toFile: sources, atomically: true, encoding: .utf8)
    XCTAssertTrue(try KnowledgeLoader.ensureBuilt(store, from: copy), "changed bytes rebuild")
  }

  func testAStoreBuiltByAKgshThatReadTheFilesAnotherWayIsRebuilt() throws {
    let store = try KnowledgeStore.inMemory()
    XCTAssertTrue(try KnowledgeLoader.ensureBuilt(store, from: knowledge))
    try store.write { w in
      try w.setMeta("builtin_stat", KnowledgeLoader.statKey(knowledge))
      try w.setMeta("builtin_hash", KnowledgeLoader.fingerprint(knowledge))
    }
    XCTAssertTrue(try KnowledgeLoader.ensureBuilt(store, from: knowledge), "the same bytes, read another way")
    XCTAssertFalse(try KnowledgeLoader.ensureBuilt(store, from: knowledge))
  }

  func testEveryArticleQuoteIsVerbatim() throws {
    let article = Self.root.deletingLastPathComponent().appendingPathComponent(
      "shared/seeds/000_61a020b1efeb3fe6.txt")
    guard let data = FileManager.default.contents(atPath: article.path) else {
      throw XCTSkip("../shared/seeds is absent, so article quotes cannot be checked here")
    }
    let text = String(decoding: data, as: UTF8.self)
    var checked = 0
    for file in ["facts.tsv", "edges.tsv"] {
      for row in try TSV.read(knowledge + "/" + file).rows
      where row["source"] == "article" && !row["quote"].isEmpty {
        XCTAssertTrue(
          text.contains(row["quote"]), "\(row.location): quote not in the article: \(row["quote"])")
        checked += 1
      }
    }
    XCTAssertGreaterThan(checked, 100)
  }

  func testNumericValuesAppearInTheirQuotes() throws {
    var checked = 0
    for row in try TSV.read(knowledge + "/facts.tsv").rows
    where ["number", "money", "percent"].contains(row["type"]) {
      let quote = row["quote"]
      guard quote.contains(where: \.isASCII), quote.contains(where: \.isNumber) else { continue }
      let value = row["value"].components(separatedBy: "..")[0]
      guard let v = Double(value), v != 0 else { continue }
      // Read with the checker's one number reader (digits grouped by , or _, scales, fractions,
      // Chinese numerals), so this test and check-knowledge cannot disagree.
      let ok = QuoteNumbers.readings(quote).contains { QuoteNumbers.close($0, abs(v)) }
      XCTAssertTrue(ok, "\(row.location): value \(value) not found in quote '\(quote)'")
      checked += 1
    }
    XCTAssertGreaterThan(checked, 50)
  }

  func testEveryReferenceRowIsReachable() throws {
    let store = try KnowledgeStore.inMemory()
    try KnowledgeLoader.ensureBuilt(store, from: knowledge)
    let refs = Set(
      try store.readOnlyQuery(
        "select ref from fact where ref is not null union select ref from edge where ref is not null"
      ).rows.map { $0[0].plainText })
    for file in ["investors.tsv", "contradictions_fx.tsv"] {
      for row in try TSV.read(knowledge + "/reference/" + file).rows {
        let id = row[file == "investors.tsv" ? "inv_id" : "note_id"]
        XCTAssertTrue(refs.contains(id), "\(file) row \(id) is not reachable")
      }
    }
  }
}

import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

/// The graph index's sorted folded names (`NamePrefixes`), which answer `find X --prefix`
/// when the index is at hand: the same entities, in the same order, and the same count as the
/// alias table's range scan, built from the tables, from an import, or mapped from a file;
/// a stale file is not used and a damaged one cannot crash a search.
final class NamePrefixesTests: FileTestCase {
  /// Names that share prefixes, fold alike (case, width, traditional script), are Chinese or
  /// a prefix of one another; some nodes have aliases in the same range as their names.
  let names = [
    "Zhipu", "ZHIPU AI", "Zhiyuan", "Zhi", "zhipu", "Zeta", "Z", "智谱", "智譜AI", "智源", "Ｚｈｉｐｕ Labs",
    "Alpha", "alphabet", "Alp", "MiniMax", "Minimal", "mini", "DeepSeek", "Deep", "深度求索",
  ]
  let aliases = [
    ("Zhipu", "Zhipu AI"), ("Zhipu", "智谱华章"), ("Zhipu", "ZHIPU"), ("Zhiyuan", "Zhi Yuan"), ("Alpha", "Alp"),
    ("DeepSeek", "深度求索 AI"), ("MiniMax", "Mini Max"), ("Deep", "zhi deep"),
  ]
  /// Prefixes to ask, as a user types them (folded by the search).
  let prefixes = [
    "z", "Zh", "zhi", "ZHIP", "zhipu", "zhipua", "zhiy", "智", "智谱", "智譜", "a", "alp", "alpha", "m", "mini",
    "minim", "d", "deep", "深", "深度求索a", "x", "ｚ", "\u{10FFFF}", "zz",
  ]

  func store() throws -> KnowledgeStore {
    let store = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    store.graphIndexFileMinEdges = 0
    return store
  }

  func fill(_ store: KnowledgeStore) throws {
    try store.write { w in
      var ids: [String: Int64] = [:]
      for (i, name) in names.enumerated() {
        ids[name] = try w.upsertNode(key: "k\(i)", name: name, labels: ["Company"])
      }
      for (name, alias) in aliases { try w.addAlias(ids[name]!, alias) }
      try w.addEdge(ids["Zhipu"]!, "competes_with", ids["MiniMax"]!)
    }
  }

  /// Every prefix's entities (names, in order) and count, as `find` answers them, and the
  /// number of names Tab would offer (`completeNames`' total).
  func answers(_ store: KnowledgeStore) throws -> [String] {
    try prefixes.map { prefix in
      let (nodes, total) = try store.nodes(namePrefix: prefix, limit: 5)
      let names = try store.completeNames(prefix: prefix, limit: 1).total
      return "\(prefix): \(total) \(nodes.map(\.name)) \(names) names"
    }
  }

  func testTheIndexAnswersLikeTheAliasTable() throws {
    let store = try store()
    try fill(store)
    let scanned = try answers(store)
    XCTAssertNil(try store.readyGraphIndex(), "no index yet: the alias table answers")
    // zhi, zhideep (an alias of Deep), zhipu (two nodes; one also as its alias zhipuai),
    // zhipuai, zhipulabs (full-width letters fold), zhiyuan (its alias folds alike): 7.
    // Names: those of the 7, and the aliases Zhi Yuan, Zhipu AI and ZHIPU (which folds as
    // Zhipu does: one entity, two names).
    XCTAssertEqual(scanned[2], #"zhi: 7 ["Zhi", "Deep", "Zhipu", "zhipu", "ZHIPU AI"] 10 names"#)
    XCTAssertEqual(scanned[0].prefix(5), "z: 9 ", "and Z, Zeta")
    XCTAssertEqual(scanned[8], #"智谱: 3 ["智谱", "智譜AI", "Zhipu"] 3 names"#, "traditional 譜 folds to 谱")
    _ = try store.graphIndex()
    XCTAssertNotNil(try store.readyGraphIndex())
    XCTAssertEqual(try answers(store), scanned, "the index held in memory")
    let reader = try self.store()
    XCTAssertNotNil(try reader.readyGraphIndex(), "the saved file is mapped")
    XCTAssertTrue(reader.loadedGraphIndexFromFile)
    XCTAssertEqual(try answers(reader), scanned, "the mapped file")
  }

  func testAWriteMakesTheIndexStaleAndTheAnswersFollowIt() throws {
    let store = try store()
    try fill(store)
    _ = try store.graphIndex()
    let reader = try self.store()
    XCTAssertNotNil(try reader.readyGraphIndex())
    try store.write { w in
      let id = try w.upsertNode(key: "new", name: "Zhinew", labels: ["Company"])
      try w.addAlias(id, "Alpine")
    }
    XCTAssertNil(try reader.readyGraphIndex(), "the saved file is stale: no build for a search")
    let after = try answers(reader)
    XCTAssertTrue(after.contains { $0.hasPrefix("zhi: 8 ") }, "\(after)")
    XCTAssertTrue(after.contains { $0.hasPrefix("alp: 4 ") }, "\(after)")
    _ = try reader.graphIndex()
    XCTAssertNotNil(try reader.readyGraphIndex(), "the rebuilt index is used at once")
    XCTAssertEqual(try answers(reader), after, "the rebuilt index agrees")
    let third = try self.store()
    XCTAssertNotNil(try third.readyGraphIndex(), "and its saved file by a new process")
  }

  func testAnImportedGraphsIndexHasItsNames() throws {
    let nodes = "id,name\n" + names.enumerated().map { "k\($0),\"\($1)\"" }.joined(separator: "\n") + "\n"
    let edges = "src,dst,type\nk0,k1,competes_with\nk2,k0,invests_in\n"
    let store = try store()
    _ = try store.importGraph(nodes: file("n.csv", nodes), edges: file("e.csv", edges))
    let index = try XCTUnwrap(try store.readyGraphIndex())
    XCTAssertTrue(store.graphIndexFromImport, "the import's own index")
    let fromTables = try store.read { try GraphIndex.build($0) }
    XCTAssertEqual(Array(index.namePrefixes.nodes), Array(fromTables.namePrefixes.nodes))
    XCTAssertEqual(Array(index.namePrefixes.bytes), Array(fromTables.namePrefixes.bytes))
    XCTAssertEqual(Array(index.namePrefixes.start), Array(fromTables.namePrefixes.start))
    let fromImport = try answers(store)
    try FileManager.default.removeItem(atPath: GraphIndexFile.path(for: dir + "/kb.sqlite"))
    let scanning = try self.store()
    XCTAssertNil(try scanning.readyGraphIndex())
    XCTAssertEqual(try answers(scanning), fromImport)
  }

  /// An index saved without its names (they passed 2 GB) says so in its header, and a
  /// search then reads the alias table: never a count of nothing.
  func testAnIndexWithoutItsNamesIsNotSearched() throws {
    let store = try store()
    try fill(store)
    let scanned = try answers(store)
    let g = try store.graphIndex()
    let stamp = try store.read { try GraphIndexStamp.current($0) }
    let withoutNames = GraphIndex(
      GraphIndex.Parts(
        nodeIDs: g.nodeIDs, labelNames: g.labelNames, nodeLabels: g.nodeLabels, labelMembers: g.labelMembers,
        edgeIDs: g.edgeIDs, edgeSrc: g.edgeSrc, edgeDst: g.edgeDst, edgeType: g.edgeType, typeNames: g.typeNames,
        typeCounts: g.typeCounts, outRows: g.outRows, inRows: g.inRows))
    XCTAssertFalse(withoutNames.namePrefixes.complete)
    GraphIndexFile.write(withoutNames, stamp: stamp, path: GraphIndexFile.path(for: dir + "/kb.sqlite"))
    let reader = try self.store()
    let mapped = try XCTUnwrap(try reader.readyGraphIndex())
    XCTAssertTrue(reader.loadedGraphIndexFromFile)
    XCTAssertFalse(mapped.namePrefixes.complete, "the header's flag")
    XCTAssertTrue(g.namePrefixes.complete)
    XCTAssertEqual(try answers(reader), scanned)
  }

  /// Random folded names against a count by brute force, with shared and repeated names.
  func testRangesAndCountsMatchABruteForceCount() throws {
    var generator = SystemRandomNumberGenerator()
    let letters = Array("abz智谱é")
    for round in 0..<20 {
      let nodeCount = 1 + Int.random(in: 0..<40, using: &generator)
      var entries: [(norm: String, id: Int64)] = []
      for id in 0..<nodeCount {
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
          let length = Int.random(in: 0...4, using: &generator)
          entries.append((String((0..<length).map { _ in letters.randomElement()! }), Int64(id + 10)))
        }
      }
      entries.sort { a, b in
        a.norm == b.norm ? a.id < b.id : a.norm.utf8.lexicographicallyPrecedes(b.norm.utf8)
      }
      let ids = (0..<nodeCount).map { Int64($0 + 10) }
      var builder = NamePrefixes.Builder(nodeIndex: NodeIndexMap(sortedIDs: ids), nodeCount: nodeCount)
      for (norm, id) in entries {
        var norm = norm
        norm.withUTF8 { builder.add(UnsafeRawBufferPointer($0), id: id) }
      }
      let names = builder.finish()
      for prefix in ["", "a", "b", "z", "ab", "智", "智谱", "é", "zz", "q"] {
        let expected = Set(entries.filter { $0.norm.utf8.starts(with: prefix.utf8) }.map(\.id))
        let range = names.range(prefix: prefix)
        XCTAssertEqual(names.distinctNodeCount(in: range), expected.count, "round \(round), prefix \(prefix)")
        let first = names.firstNodes(in: range, limit: 1000).map { ids[Int($0)] }
        XCTAssertEqual(Set(first), expected, "round \(round), prefix \(prefix)")
        XCTAssertEqual(first.count, expected.count, "each node once")
      }
    }
  }
}

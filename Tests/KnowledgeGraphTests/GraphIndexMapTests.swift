import Foundation
import GRDB
import XCTest

@testable import KnowledgeGraph

/// The mapped graph index file: opening checks the header, stamp and section table only, so
/// these tests damage a file as a big one would be opened (no check of the columns' bytes)
/// and show that kgsh rebuilds what the header check catches and never reads out of range
/// what it cannot catch.
final class GraphIndexMapTests: XCTestCase {
  var dir: URL!
  var savedFullCheck = 0

  override func setUpWithError() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgmap-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    savedFullCheck = GraphIndexFile.fullCheckBytes
    GraphIndexFile.fullCheckBytes = 0  // as for a big file: the columns' bytes are not read at open
  }

  override func tearDownWithError() throws {
    GraphIndexFile.fullCheckBytes = savedFullCheck
    try? FileManager.default.removeItem(at: dir)
  }

  /// A ring of `count` nodes (i -> i + 1 along `next`) plus a hub that invests in every
  /// third node; with `gap`, a node in the middle is deleted so the ids are not contiguous.
  func ring(_ count: Int = 30, gap: Bool = false) throws -> String {
    let path = dir.appendingPathComponent("kb.sqlite").path
    let store = try KnowledgeStore.open(path: path)
    try store.write { w in
      var ids: [Int64] = []
      for i in 0..<count { ids.append(try w.upsertNode(key: "n\(i)", name: "N\(i)", labels: ["Company"])) }
      let hub = try w.upsertNode(key: "hub", name: "Hub", labels: ["Investor", "Company"])
      for i in 0..<count { try w.addEdge(ids[i], "next", ids[(i + 1) % count]) }
      for i in stride(from: 0, to: count, by: 3) { try w.addEdge(hub, "invests_in", ids[i]) }
      if gap {
        let spare = try w.upsertNode(key: "spare", name: "Spare", labels: ["Company"])
        _ = try w.upsertNode(key: "last", name: "Last", labels: ["Company"])
        try w.db.execute(sql: "DELETE FROM node_label WHERE node_id = ?", arguments: [spare])
        try w.db.execute(sql: "DELETE FROM node WHERE id = ?", arguments: [spare])
      }
    }
    return path
  }

  func open(_ path: String) throws -> KnowledgeStore {
    let store = try KnowledgeStore.open(path: path)
    store.graphIndexFileMinEdges = 0
    return store
  }

  func id(_ store: KnowledgeStore, _ key: String) throws -> Int64 {
    try store.read { try Int64.fetchOne($0, sql: "SELECT id FROM node WHERE key = ?", arguments: [key])! }
  }

  /// Hops from n0 to `key` along `next` (nil: unreachable within 100).
  func hops(_ store: KnowledgeStore, to key: String) throws -> Int? {
    let g = try store.graphIndex()
    let next: Set<Int32> = g.typeID("next").map { [$0] } ?? []
    let filter = EdgeFilter(types: next, direction: .out)
    guard let a = g.index(of: try id(store, "n0")), let b = g.index(of: try id(store, key)) else {
      return nil
    }
    return try Traversal.shortestPath(g, from: a, to: b, filter: filter, maxLength: 100)?.hops.count
  }

  /// Runs every reader of the index over every node: all values stay in range.
  func exercise(_ g: GraphIndex, file: StaticString = #filePath, line: UInt = #line) throws {
    for n in 0..<Int32(g.nodeCount) {
      for (other, type) in Array(g.outgoing(n)) + Array(g.incoming(n)) {
        XCTAssertTrue(other >= 0 && Int(other) < g.nodeCount, file: file, line: line)
        XCTAssertTrue(type >= 0 && Int(type) < g.typeNames.count, file: file, line: line)
      }
      for e in Array(g.outRows.edges(n)) + Array(g.inRows.edges(n)) {
        XCTAssertTrue(e >= 0 && Int(e) < g.edgeCount, file: file, line: line)
        XCTAssertLessThan(Int(g.edgeSrc[Int(e)]), g.nodeCount, file: file, line: line)
        _ = g.edgeIDs[Int(e)]
      }
      for l in g.nodeLabels[Int(n)] { XCTAssertLessThan(Int(l), g.labelNames.count, file: file, line: line) }
      _ = try Traversal.reachCount(g, from: n, maxDepth: 3, filter: EdgeFilter())
    }
    for l in g.labelMembers.indices {
      for n in g.labelMembers[l] { XCTAssertLessThan(Int(n), g.nodeCount, file: file, line: line) }
    }
    _ = try Traversal.pageRank(g, iterations: 2)
    for prefix in ["", "n", "n1", "hub", "zz"] {
      let range = g.namePrefixes.range(prefix: prefix)
      XCTAssertLessThanOrEqual(
        g.namePrefixes.distinctNodeCount(in: range), g.nodeCount, file: file, line: line)
      for n in g.namePrefixes.firstNodes(in: range, limit: 100) {
        XCTAssertTrue(n >= 0 && Int(n) < g.nodeCount, file: file, line: line)
      }
    }
  }

  func testTheMappedIndexAnswersLikeTheBuiltOne() throws {
    for gap in [false, true] {
      let path = try ring(gap: gap)
      let writer = try open(path)
      let built = try writer.graphIndex()
      let reader = try open(path)
      let mapped = try reader.graphIndex()
      XCTAssertTrue(reader.loadedGraphIndexFromFile, "gap: \(gap)")
      XCTAssertEqual(Array(mapped.nodeIDs), Array(built.nodeIDs))
      XCTAssertEqual(Array(mapped.edgeIDs), Array(built.edgeIDs))
      XCTAssertEqual(Array(mapped.outRows.keys), Array(built.outRows.keys))
      XCTAssertEqual(Array(mapped.inRows.edges), Array(built.inRows.edges))
      XCTAssertEqual(mapped.labelMembers.map(Array.init), built.labelMembers.map(Array.init))
      XCTAssertEqual(Array(mapped.namePrefixes.bytes), Array(built.namePrefixes.bytes))
      XCTAssertEqual(Array(mapped.namePrefixes.nodes), Array(built.namePrefixes.nodes))
      let n1 = mapped.namePrefixes.range(prefix: "n1")
      XCTAssertEqual(mapped.namePrefixes.distinctNodeCount(in: n1), 11, "n1, n10 ... n19")
      for n in Array(built.nodeIDs) { XCTAssertEqual(mapped.index(of: n), built.index(of: n)) }
      XCTAssertNil(mapped.index(of: (built.nodeIDs.last ?? 0) + 1))
      XCTAssertEqual(try hops(reader, to: "n29"), 29)
      try exercise(mapped)
      try FileManager.default.removeItem(at: dir)
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
  }

  func testAMappedIndexStaysValidWhileAnotherStoreWritesAndReplacesTheFile() throws {
    let path = try ring()
    _ = try open(path).graphIndex()
    let reader = try open(path)
    let mapped = try reader.graphIndex()
    XCTAssertTrue(reader.loadedGraphIndexFromFile)
    let before = Array(mapped.outRows.keys)
    // Another connection adds a shortcut; its next graph query saves a new file over the old.
    let writer = try open(path)
    let (n0, n20) = (try id(writer, "n0"), try id(writer, "n20"))
    try writer.write { w in try w.addEdge(n0, "next", n20) }
    XCTAssertEqual(try hops(writer, to: "n29"), 10)
    XCTAssertEqual(Array(mapped.outRows.keys), before, "the old mapping still reads the old file intact")
    XCTAssertEqual(try hops(reader, to: "n29"), 10, "the reader sees the write")
    try FileManager.default.removeItem(atPath: GraphIndexFile.path(for: path))
    XCTAssertEqual(Array(mapped.outRows.keys), before, "and survives the file's removal")
  }

  /// Damage the header check catches: the index is rebuilt and the file rewritten.
  func testDamagedHeaderStampOrTableIsRebuilt() throws {
    let path = try ring()
    let built = try open(path).graphIndex()
    let file = GraphIndexFile.path(for: path)
    let good = try Data(contentsOf: URL(fileURLWithPath: file))
    let headerBytes = GraphIndexFile.headerWords * 8
    func flipped(_ at: Int) -> Data {
      var d = good
      d[at] ^= 0x40
      return d
    }
    let damaged: [(String, Data)] = [
      ("a count in the header", flipped(GraphIndexFile.Word.nodes.rawValue * 8)),
      ("the version", flipped(GraphIndexFile.Word.version.rawValue * 8)),
      ("the stamp", flipped(headerBytes + 3)),
      ("the section table", flipped(headerBytes + 64 + 8 * 5)),
      ("one word short", good.prefix(good.count - 8)),
      ("one word long", good + Data(count: 8)),
      ("another format's magic", Data("KGSHGIX1".utf8) + good.dropFirst(8)),
      ("zeros", Data(count: good.count)),
    ]
    try assertRebuilt(damaged, path: path, good: good, edges: built.edgeCount)
  }

  /// Writes each damaged copy over the saved index of `path` and checks that a new store
  /// answers right, does not use the file, and saves the good one again.
  func assertRebuilt(
    _ damaged: [(String, Data)], path: String, good: Data, edges: Int, line: UInt = #line
  ) throws {
    let file = GraphIndexFile.path(for: path)
    for (what, bytes) in damaged {
      try bytes.write(to: URL(fileURLWithPath: file))
      let store = try open(path)
      XCTAssertEqual(try hops(store, to: "n29"), 29, what, line: line)
      XCTAssertFalse(store.loadedGraphIndexFromFile, what, line: line)
      XCTAssertEqual(try store.graphIndex().edgeCount, edges, what, line: line)
      XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), good, "\(what): rewritten", line: line)
    }
  }

  /// Each section's (offset, bytes) in a saved file, from its table.
  func sections(_ file: Data) -> [GraphIndexFile.Section: Range<Int>] {
    func word(_ at: Int) -> Int {
      Int(file.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) })
    }
    let stamp = word(GraphIndexFile.Word.stampBytes.rawValue * 8)
    let table = GraphIndexFile.headerWords * 8 + GraphIndexFile.padded(stamp)
    var out: [GraphIndexFile.Section: Range<Int>] = [:]
    for s in GraphIndexFile.Section.allCases {
      let offset = word(table + 16 * s.rawValue)
      out[s] = offset..<offset + word(table + 16 * s.rawValue + 8)
    }
    return out
  }

  /// The values checked at open without the mapping (read with `pread`): the first and last
  /// words of each offset column, the type counts and the name lengths. Any of them wrong
  /// and the file is rebuilt, with the right answer.
  func testDamagedEndsCountsOrNameLengthsAreRebuilt() throws {
    let path = try ring()
    let built = try open(path).graphIndex()
    let file = GraphIndexFile.path(for: path)
    let good = try Data(contentsOf: URL(fileURLWithPath: file))
    let places = sections(good)
    func flipped(_ section: GraphIndexFile.Section, _ at: (Range<Int>) -> Int) -> Data {
      var d = good
      d[at(places[section]!)] ^= 0x01
      return d
    }
    var damaged: [(String, Data)] = []
    for section in [GraphIndexFile.Section.outStart, .inStart, .labelStart, .memberStart, .prefixStart] {
      damaged.append(("the first word of \(section)", flipped(section) { $0.lowerBound }))
      damaged.append(("the last word of \(section)", flipped(section) { $0.upperBound - 4 }))
    }
    damaged.append(("a type count", flipped(.typeCounts) { $0.lowerBound }))
    damaged.append(("a name length", flipped(.nameLengths) { $0.lowerBound }))
    try assertRebuilt(damaged, path: path, good: good, edges: built.edgeCount)
  }

  /// Damage inside the columns of a big file is not looked for at open: whatever the bytes,
  /// every value read is in range, so the graph commands and queries cannot crash.
  func testGarbageInsideTheColumnsNeverReadsOutOfRange() throws {
    let path = try ring()
    _ = try open(path).graphIndex()
    let file = GraphIndexFile.path(for: path)
    let good = try Data(contentsOf: URL(fileURLWithPath: file))
    let places = sections(good)
    // The columns whose bytes are not checked at open (the offset columns keep their first
    // and last words, which are).
    let columns: [GraphIndexFile.Section] = [
      .edgeSrc, .edgeDst, .edgeType, .outStart, .outEdges, .outKeys, .inStart, .inEdges, .inKeys,
      .labelStart, .labelList, .memberList, .prefixStart, .prefixBytes, .prefixNodes,
    ]
    let patterns: [(String, (Int) -> UInt8)] = [
      ("all ones", { _ in 0xFF }), ("counting bytes", { UInt8(truncatingIfNeeded: $0 &* 37) }),
      ("big positive words", { $0 % 4 == 3 ? 0x7F : 0xFF }), ("zeros", { _ in 0 }),
    ]
    for (what, byte) in patterns {
      var bad = good
      for section in columns {
        var range = places[section]!
        if [.outStart, .inStart, .labelStart, .prefixStart].contains(section) {
          range = range.dropFirst(4).dropLast(4)
        }
        for i in range { bad[i] = byte(i) }
      }
      try bad.write(to: URL(fileURLWithPath: file))
      let store = try open(path)
      let g = try store.graphIndex()
      XCTAssertTrue(store.loadedGraphIndexFromFile, "\(what): the damage is inside the columns")
      try exercise(g)
      _ = try hops(store, to: "n29")
    }
  }
}

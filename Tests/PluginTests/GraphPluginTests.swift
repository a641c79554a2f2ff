import Foundation
import KnowledgeGraph
import KnowledgePlugin
import ShellCore
import ShellTesting
import XCTest

@testable import GraphPlugin

/// The graph plugin on a small hand-built graph with known answers, and on the default
/// knowledge base.
///
///     Alpha -KNOWS-> Beta -KNOWS-> Gamma -KNOWS-> Alpha   (a cycle)
///     Alpha -OWNS-> Delta,  Gamma -OWNS-> Delta,  Delta -OWNS-> Delta (self-loop)
///     Epsilon -KNOWS-> Zeta                                (disconnected from the rest)
final class GraphPluginTests: XCTestCase {
  func smallStore() throws -> KnowledgeStore {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      let a = try w.upsertNode(key: "a", name: "Alpha", labels: ["Person"])
      let b = try w.upsertNode(key: "b", name: "Beta", labels: ["Person"])
      let c = try w.upsertNode(key: "c", name: "Gamma", labels: ["Company"])
      let d = try w.upsertNode(key: "d", name: "Delta", labels: ["Company"])
      let e = try w.upsertNode(key: "e", name: "Epsilon", labels: ["Person"])
      let f = try w.upsertNode(key: "f", name: "Zeta", labels: ["Person"])
      try w.addEdge(a, "KNOWS", b)
      try w.addEdge(b, "KNOWS", c)
      try w.addEdge(c, "KNOWS", a)
      try w.addEdge(a, "OWNS", d)
      try w.addEdge(c, "OWNS", d)
      try w.addEdge(d, "OWNS", d)
      try w.addEdge(e, "KNOWS", f)
    }
    return store
  }

  func shell(_ store: KnowledgeStore? = nil) throws -> TestShell {
    try TestShell(plugins: [GraphPlugin.plugin], store: store ?? smallStore())
  }

  /// Runs a command and returns only what it printed.
  @discardableResult
  func run(_ t: TestShell, _ command: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    let before = t.output.count
    XCTAssertTrue(t.run(command), "\(command): \(t.errors)", file: file, line: line)
    return String(t.output.dropFirst(before))
  }

  /// Runs a command as CSV and returns its rows (without the header) as cell arrays.
  func rows(_ t: TestShell, _ command: String, file: StaticString = #filePath, line: UInt = #line)
    -> [[String]]
  {
    t.session.format = .csv
    defer { t.session.format = .table }
    let text = run(t, command, file: file, line: line)
    return text.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
  }

  /// Runs `path` as CSV and spells each path as `A -[T]-> B` from its typed columns
  /// (length, path, nodes, relations), followed by its length; the `path` column must be
  /// that same chain.
  func paths(_ t: TestShell, _ command: String, file: StaticString = #filePath, line: UInt = #line)
    -> [[String]]
  {
    rows(t, command, file: file, line: line).map { row in
      let nodes = row[2].components(separatedBy: "; ")
      let relations = row[3].components(separatedBy: "; ")
      XCTAssertEqual(relations.count, Int(row[0]), file: file, line: line)
      var text = nodes[0]
      for (k, r) in relations.enumerated() { text += " \(r) \(nodes[k + 1])" }
      XCTAssertEqual(row[1], text, "the chain on screen is the lists'", file: file, line: line)
      return [text, row[0]]
    }
  }

  /// Runs a command that must fail and returns the error text.
  func failure(_ t: TestShell, _ command: String, file: StaticString = #filePath, line: UInt = #line)
    -> String
  {
    let before = t.errors.count
    XCTAssertFalse(t.run(command), "\(command) should fail", file: file, line: line)
    return String(t.errors.dropFirst(before))
  }

  func testPluginRegistersItsCommands() {
    XCTAssertEqual(GraphPlugin.plugin.name, "graph")
    XCTAssertEqual(
      GraphPlugin.plugin.commands.map(\.signature.name),
      ["neighbors", "path", "common", "rank", "degree", "subgraph", "export"])
    for command in GraphPlugin.plugin.commands { XCTAssertFalse(command.signature.examples.isEmpty) }
  }

  // MARK: neighbors

  func testNeighborsBothDirectionsByDefault() throws {
    let t = try shell()
    let r = rows(t, "neighbors Alpha")
    XCTAssertEqual(Set(r.map { $0[0] }), ["Beta", "Gamma", "Delta"])
    XCTAssertTrue(r.allSatisfy { $0[2] == "1" })
    let gamma = r.first { $0[0] == "Gamma" }!
    // The relation is seen from the neighbour: Gamma -[KNOWS]-> Alpha, Beta <-[KNOWS]- Alpha.
    XCTAssertEqual(gamma[3...], ["-[KNOWS]->", "Alpha"])
    let beta = r.first { $0[0] == "Beta" }!
    XCTAssertEqual(beta[3...], ["<-[KNOWS]-", "Alpha"])
  }

  func testNeighborsDirectionRelationAndDepth() throws {
    let t = try shell()
    XCTAssertEqual(Set(rows(t, "neighbors Alpha --dir out").map { $0[0] }), ["Beta", "Delta"])
    XCTAssertEqual(Set(rows(t, "neighbors Alpha --dir in").map { $0[0] }), ["Gamma"])
    let knows = rows(t, "neighbors Alpha --rel KNOWS --dir out --depth 2")
    XCTAssertEqual(knows.map { $0[0] }, ["Beta", "Gamma"])
    XCTAssertEqual(knows.map { $0[2] }, ["1", "2"])
    // The cycle does not bring Alpha back, and each node appears once.
    let deep = rows(t, "neighbors Alpha --depth 10")
    XCTAssertEqual(deep.map { $0[0] }.sorted(), ["Beta", "Delta", "Gamma"])
    XCTAssertEqual(
      Set(rows(t, "neighbors Alpha --depth 3 --label Company").map { $0[0] }), ["Gamma", "Delta"])
    // A label's case is forgiven, as list forgives it; an unknown one is refused with the nearest.
    XCTAssertEqual(
      Set(rows(t, "neighbors Alpha --depth 3 --label company").map { $0[0] }), ["Gamma", "Delta"])
    XCTAssertEqual(rows(t, "rank --label PERSON"), rows(t, "rank --label Person"))
    XCTAssertFalse(rows(t, "rank --label Person").isEmpty)
    XCTAssertTrue(
      failure(t, "neighbors Alpha --label Compny").contains(
        "no label named 'Compny'; did you mean 'Company'?"))
    XCTAssertTrue(failure(t, "rank --label Nobody").contains("no label named 'Nobody'"))
  }

  func testSelfLoopIsNotANeighbour() throws {
    let t = try shell()
    XCTAssertEqual(rows(t, "neighbors Delta --dir out"), [])
    XCTAssertEqual(Set(rows(t, "neighbors Delta --dir in").map { $0[0] }), ["Alpha", "Gamma"])
  }

  func testNeighborsLimitAddsANote() throws {
    let t = try shell()
    let text = run(t, "neighbors Alpha --limit 1")
    XCTAssertTrue(text.contains("limit reached: 1 of 3 shown; raise --limit"), text)
  }

  func testHugeDepthIsAClearError() throws {
    let t = try shell()
    let error = failure(t, "neighbors Alpha --depth 1000000")
    XCTAssertTrue(error.contains("--depth takes a whole number from 1 to 10, not '1000000'"), error)
    XCTAssertTrue(failure(t, "neighbors Alpha --depth 0").contains("from 1 to 10"))
  }

  func testUnknownNamesAndTypes() throws {
    let t = try shell()
    XCTAssertTrue(failure(t, "neighbors Nobody").contains("no entity named 'Nobody'"))
    XCTAssertTrue(failure(t, "path Alpha Nobody").contains("no entity named 'Nobody'"))
    XCTAssertTrue(failure(t, "common Nobody Alpha").contains("no entity named"))
    XCTAssertTrue(failure(t, "degree Nobody").contains("no entity named"))
    XCTAssertTrue(failure(t, "neighbors Alpha --rel KNOWZ").contains("no relation type named 'KNOWZ'"))
  }

  // MARK: path

  /// The graph index of `nodes` entities and `edges` edges of types R and S between
  /// pseudo-random ends (the same for the same seed).
  func randomGraph(seed start: UInt64, nodes: Int, edges: Int) throws -> GraphIndex {
    let store = try KnowledgeStore.inMemory()
    var seed = start
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    try store.write { w in
      var ids: [Int64] = []
      for i in 0..<nodes { ids.append(try w.upsertNode(key: "n\(i)", name: "N\(i)", labels: ["Thing"])) }
      for _ in 0..<edges { try w.addEdge(ids[next(nodes)], next(2) == 0 ? "R" : "S", ids[next(nodes)]) }
    }
    return try store.graphIndex()
  }

  /// Bidirectional search agrees with plain BFS distances on a pseudo-random graph.
  func testBidirectionalSearchMatchesBreadthFirstDistances() throws {
    let adj = try randomGraph(seed: 42, nodes: 60, edges: 90)
    for direction in TraversalDirection.allCases {
      let filter = EdgeFilter(direction: direction)
      for a in 0..<adj.nodeCount where a % 3 == 0 {
        let dist = try Traversal.distances(adj, from: Int32(a), maxDepth: 60, filter: filter)
        for b in 0..<adj.nodeCount {
          let path = try Traversal.shortestPath(
            adj, from: Int32(a), to: Int32(b), filter: filter, maxLength: 60)
          XCTAssertEqual(path?.length ?? -1, dist[b], "\(direction) \(a)→\(b)")
          if let path {
            // Every hop is a real edge in the stated direction.
            for (k, hop) in path.hops.enumerated() {
              let (x, y) = (path.nodes[k], path.nodes[k + 1])
              let ok =
                hop.forward
                ? adj.outgoing(x).contains { $0.0 == y && $0.1 == hop.type }
                : adj.incoming(x).contains { $0.0 == y && $0.1 == hop.type }
              XCTAssertTrue(ok)
              if direction == .out { XCTAssertTrue(hop.forward) }
              if direction == .in { XCTAssertFalse(hop.forward) }
            }
          }
        }
      }
    }
  }

  /// `--all --limit N` keeps the N shortest simple paths: a search that stopped at a bound
  /// and then sorted what it had missed short paths (`path Zhipu DeepSeek --all --limit 3`
  /// began at four hops where two-hop paths exist). On a pseudo-random graph, every limited
  /// answer is the start of the unlimited one's lengths, shortest first.
  func testAllPathsWithALimitKeepTheShortest() throws {
    let adj = try randomGraph(seed: 7, nodes: 40, edges: 110)
    let filter = EdgeFilter(direction: .both)
    var compared = 0
    for (a, b) in [(0, 1), (2, 3), (5, 17), (8, 30), (11, 29), (13, 39)] {
      let all = try Traversal.allPaths(
        adj, from: Int32(a), to: Int32(b), filter: filter, maxLength: 5, limit: 1_000_000)
      XCTAssertFalse(all.truncated)
      let lengths = all.paths.map(\.length)
      XCTAssertEqual(lengths, lengths.sorted(), "\(a)→\(b): shortest first")
      for limit in [1, 3, 10] where lengths.count > limit {
        let cut = try Traversal.allPaths(
          adj, from: Int32(a), to: Int32(b), filter: filter, maxLength: 5, limit: limit)
        XCTAssertTrue(cut.truncated)
        XCTAssertEqual(cut.paths.map(\.length), Array(lengths.prefix(limit)), "\(a)→\(b) --limit \(limit)")
        compared += 1
      }
    }
    XCTAssertGreaterThan(compared, 10, "the graph has enough paths to compare")
  }

  // MARK: common, degree, rank, relations

  func testCommonNeighbours() throws {
    let t = try shell()
    XCTAssertEqual(rows(t, "common Alpha Delta").map { $0[0] }, ["Gamma"])
    XCTAssertEqual(rows(t, "common Alpha Beta --rel OWNS"), [])
    XCTAssertEqual(rows(t, "common Alpha Epsilon"), [])
    let same = failure(t, "common Alpha alpha")
    XCTAssertTrue(
      same.hasSuffix(
        "common: 'Alpha' and 'alpha' are the same entity, Alpha; give two different entities; neighbors a lists its own\n"
      ), same)
  }

  func testCommonSaysHowEachSideReachesTheEntity() throws {
    let t = try shell()
    // Gamma -KNOWS-> Alpha, Alpha -OWNS-> Delta; Gamma -OWNS-> Delta: seen from Alpha and Delta.
    t.session.format = .json
    defer { t.session.format = .table }
    let json = run(t, "common Alpha Delta")
    guard case .list(let items) = try JSON.decode(json), case .map(let gamma)? = items.first else {
      return XCTFail(json)
    }
    XCTAssertEqual(gamma["labels"], .list([.string("Company")]))
    XCTAssertEqual(gamma["via_a"], .list([.string("<-[KNOWS]-")]))
    XCTAssertEqual(gamma["via_b"], .list([.string("<-[OWNS]-")]))
  }

  /// Every edge between a side and the common entity is listed, in both directions; the two
  /// entities themselves (and a self-loop) are never common.
  func testCommonListsEveryEdgeOfEachSide() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      let a = try w.upsertNode(key: "a", name: "Alpha", labels: [])
      let b = try w.upsertNode(key: "b", name: "Beta", labels: [])
      let c = try w.upsertNode(key: "c", name: "Gamma", labels: [])
      try w.addEdge(a, "KNOWS", c)
      try w.addEdge(c, "OWNS", a)
      try w.addEdge(b, "KNOWS", c)
      try w.addEdge(a, "KNOWS", b)
      try w.addEdge(a, "KNOWS", a)
      try w.addEdge(b, "KNOWS", a)
    }
    let t = try shell(store)
    t.session.format = .json
    defer { t.session.format = .table }
    let json = run(t, "common Alpha Beta")
    guard case .list(let items) = try JSON.decode(json), items.count == 1, case .map(let gamma) = items[0]
    else {
      return XCTFail(json)
    }
    XCTAssertEqual(gamma["entity"], .map(["key": .string("c"), "name": .string("Gamma")]))
    XCTAssertEqual(gamma["via_a"], .list([.string("-[KNOWS]->"), .string("<-[OWNS]-")]))
    XCTAssertEqual(gamma["via_b"], .list([.string("-[KNOWS]->")]))
  }

  func testDegree() throws {
    let t = try shell()
    let text = run(t, "degree Delta")
    XCTAssertEqual(rows(t, "degree Delta"), [["out", "1"], ["in", "3"], ["total", "4"]], text)
    // --rel counts only those types (the self-loop is OWNS both ways); an unknown type is named.
    XCTAssertEqual(rows(t, "degree Delta --rel OWNS"), [["out", "1"], ["in", "3"], ["total", "4"]])
    XCTAssertEqual(rows(t, "degree Alpha --rel KNOWS"), [["out", "1"], ["in", "1"], ["total", "2"]])
    XCTAssertEqual(rows(t, "degree Alpha --rel OWNS,KNOWS"), rows(t, "degree Alpha"))
    XCTAssertTrue(failure(t, "degree Delta --rel OWN").contains("did you mean 'OWNS'?"))
  }

  func testRank() throws {
    let t = try shell()
    XCTAssertEqual(rows(t, "rank --limit 1").first?[1], "Delta")
    XCTAssertEqual(rows(t, "rank --by in-degree --limit 1").first?[3], "3")
    XCTAssertEqual(rows(t, "rank --by pagerank --limit 1").first?[1], "Delta")
    XCTAssertEqual(rows(t, "rank --label Person").map { $0[1] }.first, "Alpha")
    XCTAssertTrue(run(t, "rank --limit 2").contains("limit reached: 2 of 6 shown; raise --limit"))
    let adj = try t.session.store.graphIndex()
    let pr = try Traversal.pageRank(adj)
    XCTAssertEqual(pr.reduce(0, +), 1, accuracy: 1e-9)
  }

  // MARK: default knowledge base

  func testDefaultKnowledgeBase() throws {
    let t = try TestShell(
      plugins: [KnowledgePlugin.plugin, GraphPlugin.plugin], store: try Repository.defaultStore())
    let path = run(t, "path Zhipu MiniMax")
    XCTAssertTrue(path.contains("Zhipu AI") && path.contains("MiniMax") && path.contains("length"), path)
    XCTAssertFalse(rows(t, "neighbors 智谱 --depth 2").isEmpty)
    let relations = rows(t, "relations Zhipu")
    XCTAssertTrue(relations.contains { $0[0] == "LISTED_ON" && $0[1] == "out" }, "\(relations)")
    XCTAssertTrue(rows(t, "relations").contains { $0[0] == "LISTED_ON" })
    // --type narrows to one type, spelled as link spells it; an unknown one is named.
    XCTAssertEqual(rows(t, "relations Zhipu --type listed_on"), [["LISTED_ON", "out", "2"]])
    XCTAssertTrue(
      run(t, "relations Zhipu --type listed_on").contains(
        "each one with its source: relations Zhipu --type LISTED_ON --explain"))
    XCTAssertEqual(rows(t, "relations --type LISTED_ON").map { $0[0] }, ["LISTED_ON"])
    XCTAssertEqual(
      Set(rows(t, "relations Zhipu --explain --type LISTED_ON").map { $0[2] }), ["LISTED_ON"])
    XCTAssertTrue(failure(t, "relations Zhipu --type LISTD_ON").contains("did you mean 'LISTED_ON'?"))
    // A Chinese word for a type reads as that type, as 公司 reads as Company.
    XCTAssertEqual(rows(t, "relations Zhipu --type 上市"), [["LISTED_ON", "out", "2"]])
    XCTAssertEqual(
      rows(t, "neighbors 智谱 --rel 投資 --dir in"), rows(t, "neighbors 智谱 --rel INVESTS_IN --dir in"))
    XCTAssertEqual(rows(t, "neighbors 智谱 --rel 投资 --dir in").count, 32)
    // --schema counts every edge once, by the label sets of its two ends.
    let counts = rows(t, "relations").map { ($0[0], Int($0[1])!) }
    func tsv(_ command: String) -> [[String]] {
      run(t, command + " --format tsv").split(separator: "\n").dropFirst().map {
        $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      }
    }
    let schema = tsv("relations --schema")
    XCTAssertEqual(schema.map { Int($0[3])! }.reduce(0, +), counts.map(\.1).reduce(0, +))
    for (type, count) in counts {
      XCTAssertEqual(schema.filter { $0[1] == type }.map { Int($0[3])! }.reduce(0, +), count, type)
    }
    XCTAssertEqual(tsv("relations --schema --type listed_on").map { $0[2] }, ["Exchange", "Exchange"])
    XCTAssertTrue(
      schema.contains { $0[0] == "Company, Lab" && $0[1] == "LISTED_ON" && $0[2] == "Exchange" }, "\(schema)")
  }

  /// Two names with spaces need no quotes when only one split of the words names two entities.
  func testTwoEntityNamesWithoutQuotes() throws {
    let t = try TestShell(plugins: [GraphPlugin.plugin], store: try Repository.defaultStore())
    XCTAssertEqual(
      run(t, "path Zhipu AI MiniMax --format csv"), run(t, "path 'Zhipu AI' MiniMax --format csv"))
    XCTAssertTrue(run(t, "common Zhipu AI MiniMax --format csv").contains("Hillhouse"))
  }

  func testExportedDotIsValidGraphviz() throws {
    let dot = "/usr/bin/dot"
    guard FileManager.default.isExecutableFile(atPath: dot) else {
      throw XCTSkip("Graphviz is not installed (\(dot) missing)")
    }
    let t = try TestShell(plugins: [GraphPlugin.plugin], store: try Repository.defaultStore())
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("kgsh-graph-\(getpid()).dot")
    defer { try? FileManager.default.removeItem(at: file) }
    run(t, "subgraph 智谱 --depth 2")
    XCTAssertTrue(run(t, "export dot \(file.path)").contains("wrote"))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: dot)
    process.arguments = ["-Tsvg", file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = Pipe()
    try process.run()
    let svg = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    XCTAssertTrue(svg.contains("<svg"))
    XCTAssertTrue(svg.contains("Zhipu AI"))
    XCTAssertTrue(run(t, "export svg").contains("<svg"))
  }
}

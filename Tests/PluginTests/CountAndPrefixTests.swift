import Foundation
import GraphPlugin
import KnowledgeGraph
import KnowledgePlugin
import ShellCore
import ShellTesting
import XCTest

/// `neighbors --count` and `find --prefix [--count]`: the fast paths the benchmark uses must
/// agree with the full listings they shortcut.
final class CountAndPrefixTests: XCTestCase {
  func shell() throws -> TestShell {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      let a = try w.upsertNode(key: "a", name: "Alpha", labels: ["Person"])
      let b = try w.upsertNode(key: "b", name: "Beta", labels: ["Person"])
      let c = try w.upsertNode(key: "c", name: "Gamma", labels: ["Company"])
      let d = try w.upsertNode(key: "d", name: "Delta", labels: ["Company"])
      let z = try w.upsertNode(key: "z", name: "智谱 AI", labels: ["Company"])
      try w.addAlias(z, "Zhipu AI")
      try w.addAlias(z, "Zhipu")
      try w.upsertNode(key: "zh", name: "Zhongguancun Lab", labels: ["Company"])
      try w.addEdge(a, "KNOWS", b)
      try w.addEdge(b, "KNOWS", c)
      try w.addEdge(c, "KNOWS", a)
      try w.addEdge(a, "OWNS", d)
      try w.addEdge(a, "OWNS", d)
      try w.addEdge(d, "OWNS", d)
      try w.addEdge(c, "OWNS", z)
    }
    return try TestShell(plugins: [GraphPlugin.plugin, KnowledgePlugin.plugin], store: store)
  }

  func csv(_ t: TestShell, _ command: String, file: StaticString = #filePath, line: UInt = #line) -> [String]
  {
    let before = t.output.count
    XCTAssertTrue(t.run(command + " --format csv"), "\(command): \(t.errors)", file: file, line: line)
    return String(t.output.dropFirst(before)).split(separator: "\n").dropFirst().map(String.init)
  }

  func testNeighborsCountEqualsTheListing() throws {
    let t = try shell()
    for flags in [
      "", "--depth 2", "--depth 3", "--dir out", "--dir in --depth 2", "--rel KNOWS --depth 10", "--rel OWNS",
      "--depth 2 --label Company",
    ] {
      let listed = csv(t, "neighbors Alpha --limit 1000 \(flags)").count
      XCTAssertEqual(csv(t, "neighbors Alpha --count \(flags)"), ["\(listed)"], flags)
    }
    XCTAssertEqual(csv(t, "neighbors Delta --count --dir out"), ["0"], "a self-loop does not count the start")
  }

  func testFindPrefixFoldsCaseAndCountsEntitiesNotAliases() throws {
    let t = try shell()
    // In folded-name order of the best matching alias: the key "zh" sorts before "zhipu".
    XCTAssertEqual(
      csv(t, "find zh --prefix").map { $0.split(separator: ",")[0] }, ["Zhongguancun Lab", "智谱 AI"])
    XCTAssertEqual(csv(t, "find ZH --prefix --count"), ["2"], "智谱 AI has two aliases starting with zh")
    XCTAssertEqual(csv(t, "find 智 --prefix --count"), ["1"])
    XCTAssertEqual(csv(t, "find q --prefix --count"), ["0"])
    XCTAssertEqual(csv(t, "find zh --prefix --limit 1").count, 1)
    XCTAssertTrue(t.run("find zh --prefix --limit 1"))
    XCTAssertTrue(t.output.contains("limit reached: 1 of 2 shown"), t.output)
    XCTAssertFalse(t.run("find zh --count"))
    XCTAssertTrue(t.errors.contains("--count needs --prefix"), t.errors)
  }
}

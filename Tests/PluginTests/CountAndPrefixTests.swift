import Foundation
import GraphPlugin
import KnowledgeGraph
import KnowledgePlugin
import ScriptingPlugin
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
    return try TestShell(
      plugins: [GraphPlugin.plugin, KnowledgePlugin.plugin, ScriptingPlugin.plugin], store: store)
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
    // Without --prefix, the count is of what the search finds (names, aliases and quotes).
    let found = csv(t, "find zh --limit 100").count
    XCTAssertGreaterThan(found, 1)
    XCTAssertEqual(csv(t, "find zh --count"), ["\(found)"])
    // Empty text matches nothing useful: refused, not an empty table or a count of 0.
    XCTAssertFalse(t.run("find ' ' --prefix --count"))
    XCTAssertTrue(
      t.errors.hasSuffix(
        "find: the text to look for is empty; usage: find TEXT... [--limit N] [--prefix] [--count] [--label LABEL]\n"
      ),
      t.errors)
    XCTAssertFalse(t.run("neighbors ''"))
    XCTAssertTrue(t.errors.hasSuffix("the entity name is empty; give a name or key, e.g. Zhipu\n"), t.errors)
  }

  /// A ranked `find` and `list` cut short by `--limit` say so under the table, as the other
  /// listings do; a list the limit did not cut has no note.
  func testFindAndListSayWhenTheLimitCutThem() throws {
    let t = try shell()
    // "Zh" matches Zhongguancun Lab and 智谱 AI (by its aliases).
    XCTAssertEqual(csv(t, "find Zh").count, 2)
    XCTAssertTrue(t.run("find Zh --limit 1"))
    XCTAssertTrue(t.output.hasSuffix("limit reached: 1 of 2 shown; raise --limit\n"), t.output)
    let before = t.output.count
    XCTAssertTrue(t.run("find Zh --limit 2"))
    XCTAssertFalse(t.output.dropFirst(before).contains("limit reached"), t.output)
    XCTAssertTrue(t.run("list Company --limit 2"))
    XCTAssertTrue(t.output.hasSuffix("limit reached: 2 of 4 shown; raise --limit\n"), t.output)
    XCTAssertTrue(t.run("list --limit 5"))
    XCTAssertTrue(t.output.hasSuffix("limit reached: 5 of 6 shown; raise --limit\n"), t.output)
    let listed = t.output.count
    XCTAssertTrue(t.run("list Person --limit 2"))
    XCTAssertFalse(t.output.dropFirst(listed).contains("limit reached"), t.output)
    XCTAssertEqual(csv(t, "list Company --limit 2").count, 2, "the note is for people: not in CSV")
  }

  /// The output of what a pipeline verb after a cut listing printed (the last command's).
  func piped(_ t: TestShell, _ command: String, file: StaticString = #filePath, line: UInt = #line) -> String
  {
    let before = t.output.count
    XCTAssertTrue(t.run(command), "\(command): \(t.errors)", file: file, line: line)
    return String(t.output.dropFirst(before))
  }

  /// `count`, `where` and `uniq` after a listing `--limit` cut say they saw only those rows
  /// and how many matched; `sort` and `select` keep the cut for them; `first` is a cut of its own.
  func testPipelineVerbsSayTheLimitCutTheirInput() throws {
    let t = try shell()
    let counted = piped(t, "list --limit 2 | count")
    XCTAssertTrue(counted.contains("│     2 │"), counted)
    XCTAssertTrue(
      counted.hasSuffix("counted only the 2 rows --limit let through, of 6; raise --limit\n"), counted)
    XCTAssertTrue(
      piped(t, "find Zh --limit 1 | count").hasSuffix(
        "counted only the 1 row --limit let through, of 2; raise --limit\n"))
    XCTAssertTrue(
      piped(t, "list --limit 3 | sort name | select key | count").hasSuffix(
        "counted only the 3 rows --limit let through, of 6; raise --limit\n"))
    let filtered = piped(t, "list --limit 3 | where labels contains Company")
    XCTAssertTrue(
      filtered.hasSuffix("filtered only the 3 rows --limit let through, of 6; raise --limit\n"), filtered)
    XCTAssertTrue(
      piped(t, "list --limit 4 | uniq labels").hasSuffix(
        "counted only the 4 rows --limit let through, of 6; raise --limit\n"))
    // After a filter, the count is of fewer rows than the limit let through: both are said.
    let kept = piped(t, "list --limit 3 | where labels contains Company | count")
    XCTAssertTrue(kept.contains("│     1 │"), kept)
    XCTAssertTrue(
      kept.hasSuffix("counted 1 of only the 3 rows --limit let through, of 6; raise --limit\n"), kept)
    // No cut, no note; `first` cuts by itself and says so.
    XCTAssertFalse(piped(t, "list --limit 6 | count").contains("--limit"))
    XCTAssertFalse(piped(t, "list --limit 4 | first 2 | count").contains("--limit"))
    XCTAssertEqual(csv(t, "list --limit 2 | count"), ["2"], "the count is of the rows it was given")
  }

  /// CSV, TSV and JSON hold only the rows: the note that rows are missing goes to stderr,
  /// once, and only when rows are missing.
  func testMachineFormatsSayOnStderrThatRowsAreMissing() throws {
    let t = try shell()
    func stderr(_ command: String) -> String {
      let before = t.errors.count
      XCTAssertTrue(t.run(command), "\(command): \(t.errors)")
      return String(t.errors.dropFirst(before))
    }
    XCTAssertEqual(
      stderr("list --limit 2 --format csv"), "note: limit reached: 2 of 6 shown; raise --limit\n")
    XCTAssertEqual(
      stderr("list --limit 2 | count --format json"),
      "note: counted only the 2 rows --limit let through, of 6; raise --limit\n")
    XCTAssertEqual(
      stderr("list --limit 3 | where labels contains Company --format tsv"),
      "note: filtered only the 3 rows --limit let through, of 6; raise --limit\n")
    XCTAssertEqual(
      stderr("list --limit 4 | select key --format jsonl"),
      "note: limit reached: 4 of 6 shown; raise --limit\n")
    XCTAssertEqual(
      stderr("list --limit 4 | first 2 --format csv"), "", "first's own cut is what was asked for")
    XCTAssertEqual(stderr("list --limit 6 --format csv"), "")
    // A table for a person has the note under it, not on stderr.
    XCTAssertEqual(stderr("list --limit 2"), "")
    XCTAssertTrue(t.output.hasSuffix("limit reached: 2 of 6 shown; raise --limit\n"), t.output)
  }

  /// A search whose way of matching stopped at its first 500 rows counts "at least".
  func testAFindBeyondFiveHundredMatchesCountsAtLeast() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      for i in 0..<520 { try w.upsertNode(key: "m\(i)", name: "Model \(i)", labels: ["Model"]) }
    }
    let t = try TestShell(plugins: [KnowledgePlugin.plugin], store: store)
    XCTAssertTrue(t.run("find Model --limit 3"))
    // The prefix scan stopped at 500 aliases; the full-text search found all 520 names.
    XCTAssertTrue(t.output.contains("limit reached: 3 of at least 520 shown; raise --limit"), t.output)
  }

  /// --label keeps the matches with that label, in the same order, with their own count; past
  /// the matches it reads it says so and counts "at least".
  func testFindWithALabelKeepsThatLabelsMatches() throws {
    let store = try KnowledgeStore.inMemory()
    try store.write { w in
      for i in 0..<600 {
        try w.upsertNode(key: "m\(i)", name: "Nova \(i)", labels: [i % 100 == 7 ? "Lab" : "Model"])
      }
      try w.upsertNode(key: "x", name: "Other", labels: ["Lab"])
    }
    let t = try TestShell(plugins: [KnowledgePlugin.plugin], store: store)
    let all = csv(t, "find Nova --limit 1000")
    let labs = csv(t, "find nova --label lab --limit 1000")
    // The label's among the 500 best matches, in their order.
    XCTAssertEqual(labs, all.prefix(500).filter { $0.contains(",Lab,") })
    XCTAssertFalse(labs.isEmpty)
    XCTAssertTrue(labs.allSatisfy { $0.contains(",Lab,") }, "\(labs)")
    XCTAssertTrue(t.run("find Nova --label Lab --limit 2"), t.errors)
    XCTAssertTrue(t.output.contains("limit reached: 2 of at least \(labs.count) shown"), t.output)
    XCTAssertTrue(t.output.contains("--label looked at the first 500 best matches of 'Nova'"), t.output)
    let prefixed = csv(t, "find nov --prefix --label Lab --limit 1000")
    XCTAssertEqual(
      Set(prefixed.map { $0.split(separator: ",")[1] }), Set(labs.map { $0.split(separator: ",")[1] }))
    XCTAssertTrue(t.run("find Other --label Model"), t.errors)
    XCTAssertTrue(t.output.contains("is labelled Model"), t.output)
    XCTAssertFalse(t.run("find nov --prefix --count --label Lab"))
    XCTAssertTrue(t.errors.contains("find: --count counts every match, not one label's"), t.errors)
  }
}

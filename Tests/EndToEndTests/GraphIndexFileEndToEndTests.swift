import Foundation
import ShellTesting
import XCTest

/// The graph index file beside a knowledge base, across kgsh processes: the next process
/// reads it instead of rebuilding, and a write by another process makes it stale.
final class GraphIndexFileEndToEndTests: XCTestCase {
  /// Every graph saves its index (the default leaves small graphs out).
  let environment = ["KGSH_GRAPH_INDEX_MIN_EDGES": "0"]
  /// Each test's own home (XDG folders and knowledge base files), removed after it.
  var home = URL(fileURLWithPath: "/nonexistent")

  override func setUpWithError() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
    home = KgshProcess.temporaryHome()
  }

  override func tearDown() { try? FileManager.default.removeItem(at: home) }

  func run(_ db: String, _ command: String, home: URL) throws -> String {
    let r = try KgshProcess.run(
      ["--db", db, "--format", "csv", "-c", command], home: home, environment: environment)
    XCTAssertEqual(r.status, 0, r.stderr)
    return r.stdout
  }

  func stamp(_ path: String) throws -> [String] {
    let a = try FileManager.default.attributesOfItem(atPath: path)
    return ["\(a[.systemFileNumber] ?? "")", "\(a[.modificationDate] ?? "")", "\(a[.size] ?? "")"]
  }

  func testAnotherProcesssWriteChangesTheNextProcesssAnswer() throws {
    let db = home.appendingPathComponent("kb.sqlite").path
    let index = db + "-graphindex"
    _ = try run(
      db,
      "create (a:Lab {name:'Alpha Lab'})-[:FUNDS]->(:Lab {name:'Beta Lab'})-[:FUNDS]->(:Lab {name:'Gamma Lab'})",
      home: home)
    let path = "path 'Alpha Lab' 'Gamma Lab'"
    XCTAssertEqual(try run(db, path, home: home).split(separator: "\n").last?.first, "2")
    XCTAssertTrue(FileManager.default.fileExists(atPath: index), "the first graph query saves the index")
    let saved = try stamp(index)
    XCTAssertEqual(try run(db, path, home: home).split(separator: "\n").last?.first, "2")
    XCTAssertEqual(try stamp(index), saved, "the second process read the file, it did not rebuild it")

    _ = try run(
      db, "match (a:Lab {name:'Alpha Lab'}), (c:Lab {name:'Gamma Lab'}) create (a)-[:FUNDS]->(c)", home: home)
    let after = try run(db, path + "; match (:Lab)-[r:FUNDS]->() return count(r) as funds", home: home)
    XCTAssertEqual(
      after.split(separator: "\n").map(String.init),
      [
        "length,path,nodes,relations", "1,Alpha Lab -[FUNDS]-> Gamma Lab,Alpha Lab; Gamma Lab,-[FUNDS]->",
        "funds",
        "3",
      ])
    XCTAssertNotEqual(try stamp(index), saved, "the stale file was replaced")

    // A copy of the knowledge base with its index file answers the same elsewhere.
    let elsewhere = home.appendingPathComponent("copy")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let copy = elsewhere.appendingPathComponent("kb.sqlite").path
    try FileManager.default.copyItem(atPath: db, toPath: copy)
    if FileManager.default.fileExists(atPath: db + "-wal") {
      try FileManager.default.copyItem(atPath: db + "-wal", toPath: copy + "-wal")
    }
    try FileManager.default.copyItem(atPath: index, toPath: copy + "-graphindex")
    XCTAssertEqual(try run(copy, path, home: home).split(separator: "\n").last?.first, "1")
  }

  /// The path of `kb.sqlite` in the test's home, now holding Benchmarks/sample imported by
  /// the built kgsh (which saves the graph index beside it).
  func importedSample(line: UInt = #line) throws -> String {
    let db = home.appendingPathComponent("kb.sqlite").path
    let sample = Repository.root.appendingPathComponent("Benchmarks/sample")
    _ = try run(
      db,
      "import \(sample.appendingPathComponent("nodes.csv").path) \(sample.appendingPathComponent("edges.csv").path)",
      home: home)
    XCTAssertTrue(
      FileManager.default.fileExists(atPath: db + "-graphindex"), "the import saved the graph index",
      line: line)
    return db
  }

  func testAnImportLeavesTheIndexFileAndADamagedFileIsReplaced() throws {
    let db = try importedSample()
    let index = db + "-graphindex"
    let saved = try stamp(index)
    let path = "path sample-hx sample-mm --dir out"
    XCTAssertEqual(try run(db, path, home: home).split(separator: "\n").last?.first, "1")
    XCTAssertEqual(try stamp(index), saved, "the query process mapped the file the import left")

    // Overwrite the middle of the file with garbage, then cut it short: each time the next
    // process answers right and leaves a good file behind.
    var bytes = try Data(contentsOf: URL(fileURLWithPath: index))
    for i in 8..<min(bytes.count, 400) { bytes[i] = 0xA5 }
    try bytes.write(to: URL(fileURLWithPath: index))
    XCTAssertEqual(try run(db, path, home: home).split(separator: "\n").last?.first, "1")
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: index))
    XCTAssertEqual(
      try run(db, "path sample-hx sample-zp --dir out", home: home).split(separator: "\n").last?.first, "1")
    XCTAssertEqual(try run(db, path, home: home).split(separator: "\n").last?.first, "1")
    XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: index)).count, bytes.count / 2, "rewritten")
  }

  /// `find --prefix` reads the saved index's sorted names when the file matches, and the
  /// alias table when another process's write made it stale: the answers are the same.
  func testFindByPrefixFollowsAnotherProcesssWrite() throws {
    let db = try importedSample()
    let index = db + "-graphindex"
    let find = "find ZHI --prefix --count; find zhipu --prefix"
    let before = try run(db, find, home: home)
    XCTAssertTrue(before.hasPrefix("count\n1\n"), before)
    XCTAssertTrue(before.contains("Zhipu Sample"), before)
    _ = try run(db, "create (:Company {name:'Zhipu Second'}), (:Company {name:'ＺＨＩ Labs'})", home: home)
    let after = try run(db, find, home: home)
    XCTAssertTrue(after.hasPrefix("count\n3\n"), "the stale file is not used: \(after)")
    XCTAssertTrue(after.contains("Zhipu Second"), after)
    _ = try run(db, "neighbors 'Zhipu Sample' --count", home: home)
    XCTAssertEqual(try run(db, find, home: home), after, "the rebuilt file agrees")
    try FileManager.default.removeItem(atPath: index)
    XCTAssertEqual(try run(db, find, home: home), after, "and so does the alias table alone")
  }

  /// On a terminal, a graph query that has to build the index (after a change to the graph)
  /// shows the build on one bar that ends cleared; a query that finds it ready shows none.
  /// Only big graphs report: the threshold is lowered here to the test's three nodes.
  func testABuildAfterAChangeShowsOneBarOnATerminalAndClearsIt() throws {
    let db = home.appendingPathComponent("kb.sqlite").path
    let shell = try PseudoTerminal.kgsh(
      home: home, columns: 80, arguments: ["--db", db],
      environment: environment.merging(["KGSH_GRAPH_INDEX_PROGRESS_MIN_EDGES": "0", "KGSH_AUTHOR": "ada"]) {
        $1
      })
    shell.send("create (:Lab {name:'Alpha Lab'})-[:FUNDS]->(:Lab {name:'Beta Lab'})\r")
    _ = try shell.waitForPrompt()
    shell.send("path 'Alpha Lab' 'Beta Lab'\r")
    let built = try shell.waitForPrompt()
    for phase in ["graph index nodes", "graph index names", "graph index rows", "graph index saving"] {
      XCTAssertTrue(built.contains(phase), "\(phase) in:\n\(built)")
    }
    let raw = shell.transcript
    let lastBar = try XCTUnwrap(raw.range(of: "graph index saving", options: .backwards))
    let table = try XCTUnwrap(raw.range(of: "Alpha Lab", range: lastBar.upperBound..<raw.endIndex))
    XCTAssertTrue(
      raw[lastBar.upperBound..<table.lowerBound].contains("\r\u{1B}[2K"), "the bar's line is cleared first")
    shell.send("path 'Beta Lab' 'Alpha Lab' --dir both\r")
    let ready = try shell.waitForPrompt()
    XCTAssertTrue(ready.contains("<-[FUNDS]-"), ready)
    XCTAssertFalse(ready.contains("graph index"), "the index is ready: no bar\n\(ready)")
    try shell.quitREPL()
  }
}

import Foundation
import ShellTesting
import XCTest

/// Faults against the built kgsh on a knowledge base file: kill -9 in the middle of an
/// import, a write past a file-size limit (a full disk), two writers at once, --read-only,
/// and truncated or corrupted files. After each, `PRAGMA integrity_check` must say ok and
/// the data must be exactly what was committed.
final class FaultTests: XCTestCase {
  private var dir: URL!

  override func setUpWithError() throws {
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Repository.kgsh.path), "build kgsh first")
    dir = KgshProcess.temporaryHome()
  }

  override func tearDownWithError() throws {
    if let dir { try? FileManager.default.removeItem(at: dir) }
  }

  func testKillNineDuringAnImportLeavesTheKnowledgeBaseAsBefore() throws {
    let db = try seededKnowledgeBase()
    let before = try counts(db)
    let (nodes, edges) = try bigGraph(nodes: 100_000, edges: 200_000)
    // How much CPU time a whole import takes, on a copy; the real one is killed halfway.
    let copy = dir.appendingPathComponent("copy.sqlite").path
    try FileManager.default.copyItem(atPath: db, toPath: copy)
    let whole = try cpuSeconds { _ = try kgsh(["--db", copy, "-c", "import \(nodes) \(edges)"]) }
    XCTAssertEqual(try counts(copy).nodes, before.nodes + 100_000, "the reference import did not complete")

    let process = Process()
    process.executableURL = Repository.kgsh
    process.arguments = ["--db", db, "-c", "import \(nodes) \(edges)"]
    process.environment = KgshProcess.environment(home: dir)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    while process.isRunning, KgshProcess.cpuSeconds(of: process.processIdentifier) < whole / 2 {
      usleep(10_000)
    }
    XCTAssertTrue(process.isRunning, "the import ended before it could be killed")
    let spent = KgshProcess.cpuSeconds(of: process.processIdentifier)
    print("kill -9 after \(spent) of the \(whole) CPU seconds a whole import takes")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationReason, .uncaughtSignal)

    // A bulk import runs in SQLite's rollback journal: read-only opens are told to let a
    // writable one roll the interrupted import back; the first writable open does.
    XCTAssertTrue(FileManager.default.fileExists(atPath: db + "-journal"), "the import ran in the write-ahead log")
    let readOnly = try kgsh(["--db", db, "--read-only", "-c", "stats"])
    XCTAssertEqual(readOnly.status, 1)
    XCTAssertTrue(readOnly.stderr.contains("without --read-only"), readOnly.stderr)
    XCTAssertEqual(readOnly.stderr.split(separator: "\n").count, 1, readOnly.stderr)
    XCTAssertEqual(try kgsh(["--db", db, "-c", "stats"]).status, 0)
    XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-journal"))
    try assertIntact(db)
    XCTAssertEqual(try counts(db), before, "kill -9 mid-import changed the knowledge base")
    let (moreNodes, moreEdges) = try bigGraph(nodes: 10, edges: 10)
    let again = try kgsh(["--db", db, "-c", "import \(moreNodes) \(moreEdges)"])
    XCTAssertEqual(again.status, 0, "the knowledge base is not usable after the kill: \(again.stderr)")
  }

  func testAFullDiskFailsTheImportWithAClearErrorAndNoPartialState() throws {
    let db = try seededKnowledgeBase()
    let before = try counts(db)
    let (nodes, edges) = try bigGraph(nodes: 20_000, edges: 40_000)
    // A file-size limit of 1 MB (ulimit -f counts 512-byte blocks): writes past it fail.
    let r = try KgshProcess.run(
      [
        "-c", "ulimit -f 2048; exec \"$0\" \"$@\"", Repository.kgsh.path, "--db", db, "-c",
        "import \(nodes) \(edges)",
      ],
      input: nil, home: dir, executable: "/bin/sh")
    XCTAssertEqual(r.status, 1, r.stderr)
    XCTAssertTrue(r.stderr.contains("disk"), r.stderr)
    XCTAssertTrue(r.stderr.contains("nothing was"), r.stderr)
    XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    try assertIntact(db)
    XCTAssertEqual(try counts(db), before)
  }

  func testTwoWritersAtOnceBothSucceedOrAreToldToRetry() throws {
    let db = try seededKnowledgeBase()
    let before = try counts(db)
    let perWriter = 150
    var scripts: [String] = []
    for writer in ["a", "b"] {
      let path = dir.appendingPathComponent("\(writer).kgsh").path
      let text = (1...perWriter).map { "create (n:Stress {name: '\(writer)\($0)'})" }.joined(separator: "\n")
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      scripts.append(path)
    }
    final class Results: @unchecked Sendable { var runs: [KgshProcess?] = [nil, nil] }
    let results = Results()
    let home: URL = dir
    let paths = scripts
    DispatchQueue.concurrentPerform(iterations: 2) { i in
      results.runs[i] = try? KgshProcess.run(
        ["--db", db, "--continue-on-error", paths[i]], input: nil, home: home, timeout: 600)
    }
    var failed = 0
    for run in results.runs {
      let r = try XCTUnwrap(run)
      XCTAssertFalse(r.signalled, r.stderr)
      let errors = r.stderr.split(separator: "\n")
      for line in errors { XCTAssertTrue(line.contains("busy") && line.contains("retry"), String(line)) }
      failed += errors.count
    }
    // How often commits alternate between the writers (in id order): > 1 means they overlapped.
    let order = try kgsh([
      "--db", db, "--format", "tsv", "-c",
      "sql select substr(name, 1, 1) from node where name glob '[ab][0-9]*' order by id",
    ])
    let letters = order.stdout.split(separator: "\n").dropFirst()
    let switches = zip(letters, letters.dropFirst()).filter { $0 != $1 }.count
    print(
      "two writers: \(2 * perWriter - failed) of \(2 * perWriter) writes committed, \(failed) told busy, "
        + "\(switches) switches between writers")
    try assertIntact(db)
    XCTAssertEqual(
      try counts(db).nodes, before.nodes + 2 * perWriter - failed, "a committed write is missing")
    XCTAssertEqual(try scalar(db, "select journal_mode from pragma_journal_mode"), "wal")
  }

  func testReadOnlyRefusesWritesAndLeavesTheFileUnchanged() throws {
    let db = try seededKnowledgeBase()
    _ = try kgsh(["--db", db, "-c", "sql select 1"])  // settle the WAL into the file
    let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
    let reading = try kgsh(["--db", db, "--read-only", "-c", "match (n) return count(*)"])
    XCTAssertEqual(reading.status, 0, "a plain match must run read-only: \(reading.stderr)")
    for command in [
      "create (n:X {name: 'x'})", "import \(Self.sample("nodes.csv"))", "match (n) create (m:X {name: 'y'})",
    ] {
      let r = try kgsh(["--db", db, "--read-only", "-c", command])
      XCTAssertEqual(r.status, 1)
      XCTAssertTrue(r.stderr.contains("read-only"), r.stderr)
      XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), bytes)
  }

  func testATruncatedFileIsRefusedAtOpenAndLeftUntouched() throws {
    let db = try settledKnowledgeBase()
    let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: db))
    try handle.truncate(atOffset: 20_000)
    try handle.close()
    try assertRefusedAndUntouched(db)
  }

  func testACorruptedPageIsDetectedAtOpenAndCanBeRecoveredIntoANewFile() throws {
    let db = try settledKnowledgeBase()
    let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: db))
    try handle.seek(toOffset: 4096 * 5)  // a b-tree page header: an invalid page type
    handle.write(Data([0x0D, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]))
    try handle.close()
    try assertRefusedAndUntouched(db)

    let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
    let r = try kgsh(["--db", db, "--recover"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("recovered"), r.stdout)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), bytes, "recover changed the original")
    let recovered = db + ".recovered.sqlite"
    try assertIntact(recovered)
    XCTAssertGreaterThan(try counts(recovered).nodes, 0)
  }

  // MARK: - Helpers

  private func assertRefusedAndUntouched(_ db: String) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
    for args in [["-c", "stats"], ["--read-only", "-c", "stats"], ["-c", "create (n:X {name: 'x'})"]] {
      let r = try kgsh(["--db", db] + args)
      XCTAssertEqual(r.status, 1, "a damaged file was opened: \(r.stdout)")
      XCTAssertTrue(r.stderr.contains("damaged"), r.stderr)
      XCTAssertTrue(r.stderr.contains("--recover"), "no suggestion: \(r.stderr)")
      XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    }
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), bytes, "the damaged file was changed")
  }

  private func kgsh(_ arguments: [String]) throws -> KgshProcess {
    try KgshProcess.run(arguments, input: nil, home: dir, timeout: 600)
  }

  /// A knowledge base file with the benchmark's sample graph (6 nodes, 7 edges).
  private func seededKnowledgeBase() throws -> String {
    let db = dir.appendingPathComponent("kb-\(UUID()).sqlite").path
    let r = try kgsh(["--db", db, "-c", "import \(Self.sample("nodes.csv")) \(Self.sample("edges.csv"))"])
    XCTAssertEqual(r.status, 0, r.stderr)
    return db
  }

  /// A seeded knowledge base with everything checkpointed into the file itself (no WAL).
  private func settledKnowledgeBase() throws -> String {
    let db = try seededKnowledgeBase()
    let (nodes, edges) = try bigGraph(nodes: 2_000, edges: 2_000)
    XCTAssertEqual(try kgsh(["--db", db, "-c", "import \(nodes) \(edges)"]).status, 0)
    for suffix in ["-wal", "-shm"] { XCTAssertFalse(FileManager.default.fileExists(atPath: db + suffix)) }
    return db
  }

  private static func sample(_ name: String) -> String {
    Repository.root.appendingPathComponent("Benchmarks/sample/\(name)").path
  }

  private func bigGraph(nodes: Int, edges: Int) throws -> (String, String) {
    let tag = UUID().uuidString.prefix(8)
    let nodesPath = dir.appendingPathComponent("nodes-\(tag).csv").path
    let edgesPath = dir.appendingPathComponent("edges-\(tag).csv").path
    var text = "id,label,name,n\n"
    for i in 0..<nodes { text += "t\(tag)-\(i),Thing,Thing \(tag) \(i),\(i)\n" }
    try text.write(toFile: nodesPath, atomically: true, encoding: .utf8)
    text = "src,type,dst\n"
    for i in 0..<edges { text += "t\(tag)-\(i % nodes),LINKS,t\(tag)-\((i * 7 + 3) % nodes)\n" }
    try text.write(toFile: edgesPath, atomically: true, encoding: .utf8)
    return (nodesPath, edgesPath)
  }

  private struct Counts: Equatable {
    var nodes: Int
    var edges: Int
  }

  private func counts(_ db: String) throws -> Counts {
    let n = try scalar(db, "select count(*) from node")
    let e = try scalar(db, "select count(*) from edge")
    return Counts(nodes: Int(n) ?? -1, edges: Int(e) ?? -1)
  }

  private func scalar(_ db: String, _ sql: String) throws -> String {
    let r = try kgsh(["--db", db, "--read-only", "--format", "tsv", "-c", "sql \(sql)"])
    XCTAssertEqual(r.status, 0, r.stderr)
    return r.stdout.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
  }

  private func assertIntact(_ db: String, file: StaticString = #filePath, line: UInt = #line) throws {
    XCTAssertEqual(
      try scalar(db, "select integrity_check from pragma_integrity_check"), "ok", "integrity_check of \(db)",
      file: file, line: line)
    FaultTests.integrityChecks += 1
  }

  nonisolated(unsafe) static var integrityChecks = 0

  override class func tearDown() {
    print("fault tests: \(integrityChecks) integrity checks passed")
    super.tearDown()
  }

  /// CPU seconds the child processes started by `body` used.
  private func cpuSeconds(_ body: () throws -> Void) throws -> Double {
    func children() -> Double {
      var usage = rusage()
      getrusage(RUSAGE_CHILDREN.rawValue, &usage)
      return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
    let start = children()
    try body()
    return children() - start
  }
}

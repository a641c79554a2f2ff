import Foundation
import KnowledgeGraph
import XCTest

/// Plugins' migrations run after the core's and are recorded; their built-in layers are
/// rebuilt on their own when their files change.
final class StoreExtensionTests: XCTestCase {
  var path = ""

  override func setUp() {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent("ext-\(UUID().uuidString).sqlite").path
  }

  override func tearDown() {
    for suffix in ["", "-wal", "-shm", ".bak-v2", ".bak-v6"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }

  func notes(
    _ steps: [StoreMigration], files: [String] = [],
    load: (@Sendable (GraphWriter, String) throws -> Void)? = nil
  )
    -> StoreExtension
  {
    StoreExtension(owner: "notes", migrations: steps, builtinFiles: files, loadBuiltin: load)
  }

  let v1 = StoreMigration(
    "notes-v1-table", sql: "CREATE TABLE note_row(id INTEGER PRIMARY KEY, text TEXT NOT NULL)")

  func testMigrationsRunOnceAndAreRecorded() throws {
    let store = try KnowledgeStore.open(path: path, extensions: [notes([v1])])
    try store.write { w in try w.run("INSERT INTO note_row(text) VALUES (?)", [.string("kept")]) }
    store.close()
    let again = try KnowledgeStore.open(path: path, extensions: [notes([v1])])
    XCTAssertEqual(try again.select("SELECT text FROM note_row"), [["text": .string("kept")]])
    let applied = try again.select("SELECT identifier FROM grdb_migrations ORDER BY rowid").map {
      $0["identifier"]
    }
    XCTAssertEqual(applied.last, .string("notes-v1-table"))
  }

  func testAnOlderFileIsUpgradedWithABackup() throws {
    try KnowledgeStore.open(path: path).close()  // the core migrations only, as an older kgsh wrote it
    let store = try KnowledgeStore.open(path: path, extensions: [notes([v1])])
    XCTAssertEqual(try store.select("SELECT count(*) AS n FROM note_row"), [["n": .int(0)]])
    XCTAssertTrue(FileManager.default.fileExists(atPath: path + ".bak-v6"), "a backup before the upgrade")
  }

  func testUnknownMigrationOfALoadedPluginMeansANewerFile() throws {
    let v2 = StoreMigration("notes-v2-column", sql: "ALTER TABLE note_row ADD COLUMN tag TEXT")
    try KnowledgeStore.open(path: path, extensions: [notes([v1, v2])]).close()
    XCTAssertThrowsError(try KnowledgeStore.open(path: path, extensions: [notes([v1])])) { error in
      XCTAssertTrue("\(error)".contains("written by a newer kgsh"), "\(error)")
    }
    // Without the plugin, its tables are simply not used.
    XCTAssertNoThrow(try KnowledgeStore.open(path: path).close())
  }

  func testABuiltInLayerRebuildsOnlyWhenItsFilesChange() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("k-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: Repository.knowledge, toPath: dir)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "text\nfirst\n".write(toFile: dir + "/notes.tsv", atomically: true, encoding: .utf8)
    let ext = notes([v1], files: ["notes.tsv"]) { w, dir in
      try w.run("DELETE FROM note_row")
      for row in try TSV.read(dir + "/notes.tsv").rows {
        try w.run("INSERT INTO note_row(text) VALUES (?)", [.string(row["text"])])
      }
    }
    let store = try KnowledgeStore.open(path: path, extensions: [ext])
    XCTAssertTrue(try KnowledgeLoader.ensureBuilt(store, from: dir, extensions: [ext]))
    XCTAssertFalse(try KnowledgeLoader.ensureBuilt(store, from: dir, extensions: [ext]))
    try "text\nsecond\n".write(toFile: dir + "/notes.tsv", atomically: true, encoding: .utf8)
    let nodes = try store.nodeCount()
    XCTAssertTrue(try KnowledgeLoader.ensureBuilt(store, from: dir, extensions: [ext]))
    XCTAssertEqual(try store.select("SELECT text FROM note_row"), [["text": .string("second")]])
    XCTAssertEqual(try store.nodeCount(), nodes)
  }

  /// `select` binds each kind of value and reads each column type back as the same value;
  /// a wrong number of arguments is one clear error.
  func testSelectBindsAndReadsEveryStorageClass() throws {
    let store = try KnowledgeStore.inMemory()
    let rows = try store.select(
      "SELECT ?1 AS i, ?2 AS d, ?3 AS s, ?4 AS n, ?3 || '!' AS t, x'4869' AS b",
      [.int(42), .double(2.5), .string("智谱"), .null])
    XCTAssertEqual(
      rows,
      [
        [
          "i": .int(42), "d": .double(2.5), "s": .string("智谱"), "n": .null, "t": .string("智谱!"),
          "b": .string("Hi"),
        ]
      ])
    XCTAssertEqual(try store.select("SELECT 1 AS one WHERE 0"), [])
    XCTAssertThrowsError(try store.select("SELECT ? AS a, ? AS b", [.int(1)])) { error in
      XCTAssertEqual(
        KgshError.describe(error), "the SQL takes 2 arguments, 1 given; pass one value for each ? in the SQL")
    }
    XCTAssertThrowsError(try store.select("SELECT * FROM no_such_table")) { error in
      XCTAssertTrue(KgshError.describe(error).contains("no_such_table"), KgshError.describe(error))
    }
  }
}

private enum Repository {
  static let knowledge = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Knowledge").path
}

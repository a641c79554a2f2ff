import CSQLiteSetup
import Foundation
import GRDBSQLite
import XCTest

@testable import KnowledgeGraph

/// SQLite's process-wide settings (CSQLiteSetup) are made when the program loads, before any
/// connection: memory statistics are off, so SQLite's malloc and free take no global mutex.
final class SQLiteSetupTests: FileTestCase {
  func testMemoryStatisticsAreOffBeforeTheFirstConnection() throws {
    XCTAssertEqual(kgsh_sqlite_setup_result(), SQLITE_OK, "sqlite3_config came after SQLite initialized")
    let store = try KnowledgeStore.open(path: dir + "/kb.sqlite")
    try store.write { w in
      for i in 0..<50 { try w.upsertNode(key: "k\(i)", name: "Company \(i)", labels: ["Company"]) }
    }
    guard case .found(let node) = try store.resolve("Company 7") else { return XCTFail("not found") }
    XCTAssertEqual(node.key, "k7")
    // With the statistics on, SQLite counts every allocation of the writes and reads above.
    XCTAssertEqual(sqlite3_memory_used(), 0, "SQLite still counts its memory")
    XCTAssertEqual(sqlite3_memory_highwater(0), 0)
    store.close()
  }
}

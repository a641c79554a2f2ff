import Foundation
import KnowledgeGraph
import ShellTesting
import XCTest

/// A call the client gives up on stops: `notifications/cancelled` interrupts a running call
/// and keeps a queued one from running; `--timeout` bounds a call nobody cancels.
final class MCPCancellationTests: XCTestCase {
  /// Three unconnected patterns over every entity: far more rows than a call may take.
  static let slow = #"{"name":"match","arguments":{"query":"(a), (b), (c) return count(*)"}}"#

  func server(_ options: [String] = []) throws -> MCPClientPipe {
    let home = KgshProcess.temporaryHome()
    XCTAssertEqual(try KgshProcess.run(["-c", "stats"], home: home).status, 0)
    let server = try MCPClientPipe(["mcp"] + options, home: home, environment: [:])
    try server.initialize(as: "canceller")
    return server
  }

  func testACancelledCallIsInterruptedAndAQueuedOneNeverRuns() throws {
    let server = try server()
    let running = try server.start("tools/call", Self.slow)
    let queued = try server.start("tools/call", Self.slow)
    // The queued call is cancelled first, so it is certainly still waiting.
    for id in [queued, running] {
      try server.send(
        #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":\#(id),"reason":"user"}}"#
      )
    }
    for id in [running, queued] {
      let result = try server.result(of: server.answer(to: id))
      XCTAssertEqual(result["isError"] as? Bool, true, "\(result)")
      let text = ((result["content"] as? [[String: Any]])?.first?["text"] as? String) ?? ""
      XCTAssertTrue(text.hasPrefix("interrupted"), text)  // not "timed out": the default limit is 30s
    }
    // The interrupt was for those calls only: the next one runs.
    let next = try server.call("match", #"{"query":"(l:Lab) return count(l)"}"#)
    XCTAssertEqual(next["isError"] as? Bool, false, "\(next)")
    XCTAssertEqual(try server.finish(), 0, server.stderrText)
  }

  func testACallPastTheTimeoutIsAnsweredTimedOut() throws {
    let server = try server(["--timeout", "300ms"])
    let result = try server.result(of: server.request("tools/call", Self.slow))
    XCTAssertEqual(result["isError"] as? Bool, true, "\(result)")
    let text = ((result["content"] as? [[String: Any]])?.first?["text"] as? String) ?? ""
    XCTAssertTrue(text.hasPrefix("timed out after 300ms"), text)
    XCTAssertEqual(try server.finish(), 0, server.stderrText)
  }
}

/// A knowledge base an older kgsh left behind is upgraded before it is served, so an
/// assistant's server does not stop at "needs a schema upgrade".
final class MCPUpgradeTests: XCTestCase {
  func testAKnowledgeBaseWithAnOlderSchemaIsUpgradedThenServedReadOnly() throws {
    let home = KgshProcess.temporaryHome()
    let db = home.appendingPathComponent("old.sqlite").path
    XCTAssertEqual(try KgshProcess.run(["--db", db, "-c", "stats"], home: home).status, 0)
    // Make it what kgsh wrote before migration v6.
    let store = try KnowledgeStore.open(path: db)
    try store.write { w in
      try w.run("DELETE FROM grdb_migrations WHERE identifier = 'v6-edge-key-partial'")
      try w.run("DROP INDEX edge_key")
      try w.run("CREATE INDEX edge_key ON edge(key)")
    }
    store.close()
    let refused = try KgshProcess.run(
      ["mcp", "--db", db, "--read-only"], input: nil, home: home, timeout: 60)
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(refused.stderr.contains("needs a schema upgrade"), refused.stderr)
    let server = try MCPClientPipe(["mcp", "--db", db], home: home, environment: [:])
    try server.initialize(as: "upgrader")
    let stats = try server.call("stats", "{}")
    XCTAssertEqual(stats["isError"] as? Bool, false, "\(stats)")
    XCTAssertEqual(try server.finish(), 0, server.stderrText)
    let files = try FileManager.default.contentsOfDirectory(atPath: home.path)
    XCTAssertTrue(files.contains { $0.hasPrefix("old.sqlite.bak-v") }, "the upgrade keeps a backup: \(files)")
    let upgraded = try KnowledgeStore.open(path: db, readOnly: true)
    defer { upgraded.close() }
    XCTAssertEqual(
      try upgraded.select("SELECT sql FROM sqlite_master WHERE name = 'edge_key'").first?["sql"],
      .string("CREATE INDEX edge_key ON edge(key) WHERE key IS NOT NULL"))
  }
}

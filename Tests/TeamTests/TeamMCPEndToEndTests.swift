import Foundation
import ShellTesting
import XCTest

/// `kgsh mcp --team`: an assistant's server keeps up with the team like the REPL does.
extension TeamEndToEndTests {
  static let assistant = ["PGPASSWORD": PostgresCluster.ownerPassword, "KGSH_AUTHOR": "mo"]

  func testAReadOnlyKgshMcpPullsAtStartAndAgainWhenATeammatePushes() throws {
    let (_, url) = try team()
    XCTAssertEqual(try kgsh(["--db", db("a"), "--team", url, "-c", Self.aliceWrites]).status, 0)
    let server = try MCPClientPipe(
      ["mcp", "--db", db("m"), "--team", url], home: home, environment: Self.assistant)
    try server.initialize(as: "mo-assistant")
    let first = MCPClientPipe.rows(try server.call("facts", #"{"entity":"acme"}"#))
    XCTAssertEqual(first.map { $0["predicate"] as? String }, ["employees"])
    XCTAssertEqual((first.first?["value"] as? NSNumber)?.intValue, 12)
    // A teammate pushes while the server runs: a later call sees it without a restart.
    let more = try kgsh(
      ["--db", db("a"), "--team", url, "-c", "fact add acme offices 3 --source s1 --quote 'three offices'"])
    XCTAssertEqual(more.status, 0, more.stderr)
    var seen: [[String: Any]] = []
    for _ in 0..<120 where seen.count < 2 {
      seen = MCPClientPipe.rows(try server.call("facts", #"{"entity":"acme"}"#))
      if seen.count < 2 { Thread.sleep(forTimeInterval: 0.25) }  // the notification is on its way
    }
    XCTAssertEqual(Set(seen.compactMap { $0["predicate"] as? String }), ["employees", "offices"])
    // Pulling wrote to the file, yet what is served stays read-only.
    let refused = try server.call("match", #"{"query":"create (:Company {name: 'Sneaky'})"}"#)
    XCTAssertEqual(refused["isError"] as? Bool, true, "\(refused)")
    XCTAssertEqual(try server.finish(), 0, server.stderrText)
    XCTAssertTrue(
      server.stderrText.contains("kgsh mcp: team: 3 changes from alice pulled"), server.stderrText)
    XCTAssertTrue(server.stderrText.contains("kgsh mcp: team: 1 change from alice pulled"), server.stderrText)
  }

  func testKgshMcpWithAllowWritesPushesWhatAnAssistantWrites() throws {
    let (_, url) = try team()
    XCTAssertEqual(try kgsh(["--db", db("a"), "--team", url, "-c", Self.aliceWrites]).status, 0)
    let server = try MCPClientPipe(
      ["mcp", "--db", db("m"), "--team", url, "--allow-writes"], home: home, environment: Self.assistant)
    try server.initialize(as: "mo-assistant")
    let added = try server.call(
      "fact_add",
      #"{"entity":"acme","predicate":"offices","value":"3","source":"s1","quote":"three offices"}"#)
    XCTAssertEqual(added["isError"] as? Bool, false, "\(added)")
    XCTAssertEqual(try server.finish(), 0, server.stderrText)
    XCTAssertTrue(server.stderrText.contains("kgsh mcp: team: 1 change pushed"), server.stderrText)
    // A third member sees the assistant's fact, recorded under the client's name.
    let c = try kgsh(
      ["--db", db("c"), "--team", url, "--format", "csv", "-c", "history acme"], author: "carla")
    XCTAssertEqual(c.status, 0, c.stderr)
    let row = c.stdout.split(separator: "\n").first { $0.contains("offices") }
    XCTAssertNotNil(row, c.stdout)
    XCTAssertTrue(row?.contains("mo-assistant") ?? false, c.stdout)
  }
}

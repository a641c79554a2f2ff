import Foundation
import KnowledgeGraph
import XCTest

@testable import Team

/// Push, pull, roles and failures against a real PostgreSQL server (a throwaway cluster).
final class TeamServerTests: PostgresClusterTestCase {
  /// A new database with the team schema, and its URL for `user`.
  func team(user: String = PostgresCluster.owner, initialise: Bool = true) throws -> (PostgresCluster, String)
  {
    let (cluster, name) = try newDatabase("team")
    if initialise {
      let owner = try TeamServer.connect(
        address(cluster.url(database: name), password: PostgresCluster.ownerPassword))
      defer { owner.close() }
      XCTAssertEqual(try owner.migrate(), [1, 2])
    }
    return (cluster, cluster.url(user: user, database: name))
  }

  func address(_ url: String, password: String?) throws -> TeamAddress {
    var a = try TeamAddress.parse(url, environment: [:], passwordFile: "")
    a.password = password
    return a
  }

  /// A local knowledge base with `n` new sources written by `author`.
  func store(sources n: Int, author: String = "alice", prefix: String = "s") throws -> KnowledgeStore {
    let store = try KnowledgeStore.inMemory()
    try TeamState.prepare(store)
    try store.write { w in
      for i in 0..<n {
        try w.record(
          ChangeDraft(
            kind: .assert, targetType: .source, target: "\(prefix)\(i)",
            payload: .map(["key": .string("\(prefix)\(i)"), "title": .string("Title \(i)")]), author: author))
      }
    }
    return store
  }

  func testInitIsNumberedMigrationsAppliedOnce() throws {
    let (cluster, url) = try team()
    let server = try TeamServer.connect(address(url, password: PostgresCluster.ownerPassword))
    defer { server.close() }
    XCTAssertEqual(try server.migrate(), [], "a second init applies nothing")
    XCTAssertEqual(try server.schemaVersion(), 2)
    let dbName = PostgresCluster.database(of: url)
    XCTAssertEqual(
      try cluster.psql(
        "SELECT string_agg(version || ':' || name, ',' ORDER BY version) FROM kgsh.migrations",
        database: dbName
      )
      .trimmingCharacters(in: .whitespacesAndNewlines), "1:change-log,2:roles")
  }

  func testPushThenPullIsAUnionAndPushingTwiceIsHarmless() throws {
    let (_, url) = try team()
    let a = try store(sources: 3, author: "alice")
    let alice = TeamLink(address: try address(url, password: PostgresCluster.ownerPassword)) { _ in }
    defer { alice.close() }
    let first = try alice.push(a)
    XCTAssertEqual([first.sent, first.new], [3, 3])
    XCTAssertEqual(try TeamState.queueCount(a), 0)
    XCTAssertEqual(
      try alice.connection().push(try a.changes(after: 0, layers: [.user]).map(\.record)), 0,
      "the same records again: nothing new on the server")

    let b = try store(sources: 1, author: "bo", prefix: "b")
    let bo = TeamLink(address: try address(url, password: PostgresCluster.ownerPassword)) { _ in }
    defer { bo.close() }
    let pulled = try bo.pull(b)
    XCTAssertEqual(pulled.merged.count, 3)
    XCTAssertEqual(TeamLink.describe(pulled), "3 changes from alice pulled")
    XCTAssertEqual(try b.source(key: "s2")?.title, "Title 2")
    XCTAssertEqual(
      Set(try b.changes(author: "alice").map(\.layer)), [.team], "pulled records are the team's layer")
    XCTAssertEqual(try TeamState.queueCount(b), 1, "what was pulled is not pushed back")
    XCTAssertNil(TeamLink.describe(try bo.pull(b)), "a second pull finds nothing new")
    _ = try bo.push(b)
    let back = try alice.pull(a)
    XCTAssertEqual(back.merged.map(\.author), ["bo"], "alice's own records come back and are skipped")
    XCTAssertEqual(try a.changeCount(), 4)
    XCTAssertEqual(try b.changeCount(), 4)
  }

  func testAReadersPushIsRefusedByTheServerAndAnEditorsAccepted() throws {
    let (cluster, url) = try team()
    try cluster.createUser("rita", password: "rita-pw")
    try cluster.createUser("eddie", password: "eddie-pw")
    let owner = try TeamServer.connect(address(url, password: PostgresCluster.ownerPassword))
    defer { owner.close() }
    try owner.grant("rita", editor: false)
    try owner.grant("eddie", editor: true)
    XCTAssertThrowsError(try owner.grant("nobody_here", editor: false)) { error in
      XCTAssertTrue(KgshError.describe(error).contains("there is no PostgreSQL role nobody_here"), "\(error)")
    }

    let readerURL = url.replacingOccurrences(of: PostgresCluster.owner, with: "rita")
    let reader = TeamLink(address: try address(readerURL, password: "rita-pw")) { _ in }
    defer { reader.close() }
    let local = try store(sources: 2)
    XCTAssertThrowsError(try reader.push(local)) { error in
      let text = KgshError.describe(error)
      XCTAssertTrue(text.contains("the server refused: rita may not write"), text)
      XCTAssertFalse(text.contains("\n") || text.contains("PSQLError"), text)
    }
    XCTAssertEqual(try TeamState.queueCount(local), 2, "a refused push keeps the queue")
    XCTAssertEqual(try reader.pull(local).seen, 0, "a reader may pull")

    let editorURL = url.replacingOccurrences(of: PostgresCluster.owner, with: "eddie")
    let editor = TeamLink(address: try address(editorURL, password: "eddie-pw")) { _ in }
    defer { editor.close() }
    XCTAssertEqual(try editor.push(local).new, 2)
    XCTAssertEqual(try reader.pull(try store(sources: 0)).merged.count, 2)
  }

  func testAWrongPasswordIsOneClearLine() throws {
    let (_, url) = try team()
    XCTAssertThrowsError(try TeamServer.connect(address(url, password: "wrong"))) { error in
      XCTAssertEqual(
        KgshError.describe(error),
        "team: wrong password for kgsh_owner at \(try! address(url, password: nil).place); check PGPASSWORD or ~/.pgpass (mode 0600)"
      )
    }
    XCTAssertThrowsError(try TeamServer.connect(address(url, password: nil))) { error in
      XCTAssertTrue(KgshError.describe(error).contains("asks kgsh_owner for a password"), "\(error)")
    }
  }

  func testWithTheServerDownWritesQueueAndArePushedWhenItIsBack() throws {
    let (cluster, url) = try team()
    let local = try store(sources: 2)
    var lines: [String] = []
    let link = TeamLink(address: try address(url, password: PostgresCluster.ownerPassword)) {
      lines.append($0)
    }
    defer { link.close() }
    try cluster.pause()
    link.afterWrites(local)
    XCTAssertEqual(lines.count, 1, "\(lines)")
    XCTAssertTrue(lines[0].hasPrefix("team: cannot reach the server at "), lines[0])
    XCTAssertTrue(lines[0].hasSuffix("working locally, 2 changes wait to be pushed"), lines[0])
    XCTAssertEqual(try TeamState.queueCount(local), 2)
    try cluster.resume()
    link.afterWrites(local)
    XCTAssertEqual(lines.last, "team: 2 changes pushed")
    XCTAssertEqual(try TeamState.queueCount(local), 0)
  }

  func testTwoPeopleCorrectingOneFactBecomeAConflictEverywhere() throws {
    let (_, url) = try team()
    let a = try store(sources: 0)
    let b = try store(sources: 0)
    let alice = TeamLink(address: try address(url, password: PostgresCluster.ownerPassword)) { _ in }
    let bo = TeamLink(address: try address(url, password: PostgresCluster.ownerPassword)) { _ in }
    defer { alice.close(); bo.close() }
    try a.write { w in
      try w.record(
        ChangeDraft(
          kind: .assert, targetType: .entity, target: "acme", entity: "acme",
          payload: .map([
            "key": .string("acme"), "name": .string("Acme"), "labels": .list([.string("Company")]),
          ]), author: "alice"))
      try w.record(
        ChangeDraft(
          kind: .assert, targetType: .fact, target: "UF-1", entity: "acme",
          payload: .map([
            "entity": .string("acme"), "predicate": .string("employees"), "value": .string("10"),
          ]), author: "alice"))
    }
    try alice.push(a)
    try bo.pull(b)
    try a.write { w in
      try w.record(
        ChangeDraft(
          kind: .correct, targetType: .fact, target: "UF-1", entity: "acme",
          payload: .map(["value": .string("12")]), author: "alice"))
    }
    try b.write { w in
      try w.record(
        ChangeDraft(
          kind: .correct, targetType: .fact, target: "UF-1", entity: "acme",
          payload: .map(["value": .string("15")]), author: "bo"))
    }
    try alice.push(a)
    try bo.push(b)
    try alice.pull(a)
    try bo.pull(b)
    XCTAssertEqual(try a.conflicts().map(\.fact), ["UF-1"])
    XCTAssertEqual(try b.conflicts().map { $0.claims.map(\.author).sorted() }, [["alice", "bo"]])
    XCTAssertEqual(try a.changeCount(), try b.changeCount())
  }
}

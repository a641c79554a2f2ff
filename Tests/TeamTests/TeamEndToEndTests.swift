import Foundation
import ShellTesting
import XCTest

/// The built kgsh against a real server: two processes on one team, a push killed with
/// kill -9, a server that is down, a reader and a wrong password, each seen from the command line.
final class TeamEndToEndTests: PostgresClusterTestCase {
  var home: URL!

  override func setUp() { home = KgshProcess.temporaryHome() }
  override func tearDown() { try? FileManager.default.removeItem(at: home) }

  /// A new database with the team schema made by `kgsh team init`; its URL for the owner.
  func team() throws -> (PostgresCluster, String) {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
    let (cluster, name) = try newDatabase("e2e")
    let url = cluster.url(database: name)
    let made = try kgsh(["--db", db("owner"), "-c", "team init '\(url)'"])
    XCTAssertEqual(made.status, 0, made.stderr)
    XCTAssertTrue(made.stdout.contains("version 2"), made.stdout)
    return (cluster, url)
  }

  func db(_ name: String) -> String { home.appendingPathComponent(name + ".sqlite").path }

  func kgsh(_ arguments: [String], author: String = "alice", password: String = PostgresCluster.ownerPassword)
    throws -> KgshProcess
  {
    try KgshProcess.run(
      arguments, input: nil, home: home, environment: ["PGPASSWORD": password, "KGSH_AUTHOR": author],
      timeout: 120)
  }

  static let aliceWrites =
    "entity add acme --label Company --name Acme; source add s1 --title Notes; "
    + "fact add acme employees 12 --source s1 --quote 'twelve people'"

  func testAFactAddedByOneProcessReachesTheOthersREPLLiveAndAOneShotAtStart() throws {
    let (_, url) = try team()
    let b = try PseudoTerminal.kgsh(
      home: home, arguments: ["--db", db("b"), "--team", url],
      environment: ["PGPASSWORD": PostgresCluster.ownerPassword, "KGSH_AUTHOR": "bo"])
    Thread.sleep(forTimeInterval: 0.5)  // B's listener connects
    let started = Date()
    let a = try kgsh(["--db", db("a"), "--team", url, "-c", Self.aliceWrites])
    let exited = Date()
    XCTAssertEqual(a.status, 0, a.stderr)
    XCTAssertEqual(a.stderr, "team: 3 changes pushed\n")
    // waitFor throws unless the announcement appears on B's screen.
    try b.waitFor("team: 3 changes from alice pulled", timeout: .seconds(15))
    print(
      "team figure: alice's kgsh ran \(Int(exited.timeIntervalSince(started) * 1000)) ms (start, 3 writes, push); "
        + "B's REPL showed the announcement \(Int(Date().timeIntervalSince(exited) * 1000)) ms after it exited"
    )
    try b.waitForPrompt()  // drawn again below the announcement
    b.send("facts acme\r")
    let facts = PseudoTerminal.stripANSI(try b.waitForPrompt())
    XCTAssertTrue(facts.contains("employees") && facts.contains("12"), facts)
    try b.quitREPL()

    let c = try kgsh(["--db", db("c"), "--team", url, "-c", "facts acme"], author: "carla")
    XCTAssertEqual(c.status, 0, c.stderr)
    XCTAssertEqual(c.stderr, "team: 3 changes from alice pulled\n")
    XCTAssertTrue(c.stdout.contains("employees") && c.stdout.contains("12"), c.stdout)
    let again = try kgsh(["--db", db("c"), "--team", url, "-c", "facts acme | count"], author: "carla")
    XCTAssertEqual(again.stderr, "", "nothing new: the start-up pull is quiet")

    let log = try kgsh(["--db", db("c"), "--team", url, "--format", "csv", "-c", "team log --author ALICE"])
    let rows = log.stdout.split(separator: "\n").dropFirst()
    XCTAssertEqual(rows.count, 3, log.stdout)
    XCTAssertTrue(rows.allSatisfy { $0.contains(",alice,") && $0.hasSuffix(",kgsh_owner") }, log.stdout)
    XCTAssertEqual(rows.map { $0.split(separator: ",")[3] }, ["assert", "assert", "assert"])
    let newest = try kgsh(["--db", db("c"), "--team", url, "-c", "team log --limit 2"])
    XCTAssertTrue(
      newest.stdout.hasSuffix("limit reached: the 2 newest changes shown, more exist; raise --limit\n"),
      newest.stdout)
    let all = try kgsh(["--db", db("c"), "--team", url, "-c", "team log --limit 3"])
    XCTAssertFalse(all.stdout.contains("limit reached"), "exactly 3 changes: \(all.stdout)")
    // The largest limit there is: asking for one more than it must not overflow.
    let largest = try kgsh(
      ["--db", db("c"), "--team", url, "--format", "csv", "-c", "team log --limit \(Int.max)"])
    XCTAssertEqual(largest.status, 0, largest.stderr)
    XCTAssertEqual(
      largest.stdout.split(separator: "\n").count, 4, "a header and 3 changes: \(largest.stdout)")
    let none = try kgsh(["--db", db("c"), "--team", url, "-c", "team log --since 2999-01-01"])
    XCTAssertTrue(none.stdout.contains("no shared changes match"), none.stdout)
  }

  func testAPushKilledWithSIGKILLLeavesAllOrNoneAndTheNextPushCompletesIt() throws {
    let (cluster, url) = try team()
    let database = PostgresCluster.database(of: url)
    // 10,000 changes wait in a knowledge base that has not pushed yet.
    let script = (0..<10_000).map { "source add k\($0) --title 'Note \($0)'" }.joined(separator: "\n")
    let made = try KgshProcess.run(
      ["--db", db("big")], stdin: script, home: home, environment: ["KGSH_AUTHOR": "alice"])
    XCTAssertEqual(made.status, 0, made.stderr)

    let push = Process()
    push.executableURL = Repository.kgsh
    push.arguments = ["--db", db("big"), "--team", url, "-c", "stats"]
    push.environment = KgshProcess.environment(home: home).merging([
      "PGPASSWORD": PostgresCluster.ownerPassword
    ]) { $1 }
    push.standardOutput = FileHandle.nullDevice
    push.standardError = FileHandle.nullDevice
    try push.run()
    // Wait until its transaction has written rows on the server, then kill it.
    var inFlight = false
    for _ in 0..<400 where !inFlight && push.isRunning {
      let writing = try cluster.psql(
        "SELECT count(*) FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()",
        database: database)
      inFlight = writing.trimmingCharacters(in: .whitespacesAndNewlines) != "0"
      if !inFlight { usleep(5_000) }
    }
    kill(push.processIdentifier, SIGKILL)
    push.waitUntilExit()
    let count = {
      try cluster.psql("SELECT count(*) FROM kgsh.change_log", database: database).trimmingCharacters(
        in: .whitespacesAndNewlines)
    }
    let afterKill = try count()
    print(
      "team figure: push killed \(inFlight ? "while its transaction was writing" : "(not seen writing)"); server holds \(afterKill)"
    )
    XCTAssertTrue(inFlight, "the push was seen in flight")
    XCTAssertTrue(["0", "10000"].contains(afterKill), "all or none, not \(afterKill)")
    let next = try kgsh(["--db", db("big"), "--team", url, "-c", "team status"])
    XCTAssertEqual(next.status, 0, next.stderr)
    XCTAssertEqual(try count(), "10000")
    XCTAssertEqual(
      try cluster.psql("SELECT count(DISTINCT id) FROM kgsh.change_log", database: database)
        .trimmingCharacters(in: .whitespacesAndNewlines),
      "10000")
  }

  /// Joining a server that is not there joins nothing, and says so (no "changes wait").
  func testJoiningAServerThatIsNotThereJoinsNothing() throws {
    guard FileManager.default.isExecutableFile(atPath: Repository.kgsh.path) else {
      throw XCTSkip("kgsh is not built at \(Repository.kgsh.path); run swift build first")
    }
    for command in ["team connect", "team init"] {
      let r = try kgsh(["--db", db("lonely"), "-c", "\(command) postgresql://nobody@127.0.0.1:1/team"])
      XCTAssertEqual(r.status, 1, r.stderr)
      XCTAssertEqual(
        r.stderr,
        "-c:1:1: team: cannot reach the server at 127.0.0.1:1 (connection refused); nothing was joined; "
          + "start the server, or check the host and port, and run this again\n")
    }
    let status = try kgsh(["--db", db("lonely"), "-c", "team status"])
    XCTAssertTrue(status.stderr.contains("this knowledge base has not joined a team"), status.stderr)
  }

  func testWithTheServerDownWorkGoesOnAndTheQueueIsPushedLater() throws {
    let (cluster, url) = try team()
    try cluster.pause()
    let offline = try kgsh(["--db", db("a"), "--team", url, "-c", Self.aliceWrites + "; team status"])
    XCTAssertEqual(offline.status, 0, offline.stderr)
    let lines = offline.stderr.split(separator: "\n")
    XCTAssertEqual(lines.count, 2, offline.stderr)  // at start, and after the writes
    XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("team: cannot reach the server at ") }, offline.stderr)
    XCTAssertTrue(lines[1].hasSuffix("working locally, 3 changes wait to be pushed"), offline.stderr)
    XCTAssertTrue(offline.stdout.contains("waiting") && offline.stdout.contains("3"), offline.stdout)
    try cluster.resume()
    let back = try kgsh(["--db", db("a"), "--team", url, "-c", "team status"])
    XCTAssertEqual(back.stderr, "team: 3 changes pushed\n")
    XCTAssertTrue(back.stdout.contains("3 changes, up to 3"), back.stdout)
  }

  func testAReadersPushIsRefusedInOneLineAndAWrongPasswordIsOneLine() throws {
    let (cluster, url) = try team()
    try cluster.createUser("rita", password: "rita-pw")
    let grant = try kgsh(["--db", db("owner"), "-c", "team grant rita reader"])
    XCTAssertEqual(grant.stdout, "team: rita is now a reader (pull only)\n", grant.stderr)
    let readerURL = url.replacingOccurrences(of: PostgresCluster.owner, with: "rita")
    let refused = try kgsh(
      ["--db", db("r"), "-c", "team connect '\(readerURL)'; source add r1 --title Mine; team push"],
      author: "rita", password: "rita-pw")
    XCTAssertEqual(refused.status, 1)
    let errors = refused.stderr.split(separator: "\n")
    XCTAssertTrue(
      errors.last?.contains("the server refused: rita may not write this team's knowledge base") == true,
      refused.stderr)
    XCTAssertFalse(refused.stderr.contains("PSQLError"), refused.stderr)

    let wrong = try kgsh(["--db", db("w"), "-c", "team connect '\(url)'"], password: "not-it")
    XCTAssertEqual(wrong.status, 1)
    XCTAssertEqual(
      wrong.stderr.split(separator: "\n").count, 1, wrong.stderr)
    XCTAssertTrue(wrong.stderr.contains("team: wrong password for kgsh_owner"), wrong.stderr)
  }
}

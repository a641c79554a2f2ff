import KnowledgeGraph
import XCTest

@testable import Team

/// The URL, the PG* variables and ~/.pgpass, read the way libpq reads them.
final class TeamAddressTests: XCTestCase {
  func testAFullURL() throws {
    let a = try TeamAddress.parse(
      "postgresql://ada:s%40cret@db.example.org:6543/team?sslmode=require", environment: [:], passwordFile: "")
    XCTAssertEqual(a.host, "db.example.org")
    XCTAssertEqual(a.port, 6543)
    XCTAssertEqual(a.user, "ada")
    XCTAssertEqual(a.password, "s@cret")
    XCTAssertEqual(a.database, "team")
    XCTAssertEqual(a.sslMode, .require)
    XCTAssertFalse(a.redacted.contains("cret"), "the password is never in what kgsh prints or keeps")
    XCTAssertEqual(a.redacted, "postgresql://ada@db.example.org:6543/team?sslmode=require")
  }

  func testWhatTheURLLeavesOutComesFromPGVariables() throws {
    let env = [
      "PGHOST": "pg.internal", "PGPORT": "5433", "PGUSER": "bo", "PGDATABASE": "kb", "PGPASSWORD": "pw",
      "PGSSLMODE": "verify-full",
    ]
    let a = try TeamAddress.parse("postgresql://", environment: env, passwordFile: "")
    XCTAssertEqual([a.host, "\(a.port)", a.user, a.database, a.password], ["pg.internal", "5433", "bo", "kb", "pw"])
    XCTAssertEqual(a.sslMode, .verifyFull)
    let b = try TeamAddress.parse("postgresql://carla@other/x", environment: env, passwordFile: "")
    XCTAssertEqual([b.host, b.user, b.database], ["other", "carla", "x"], "the URL wins over the variables")
  }

  func testASocketDirectoryInTheQuery() throws {
    let a = try TeamAddress.parse(
      "postgresql://ada@/team?host=/tmp/pg%20dir&port=5999", environment: [:], passwordFile: "")
    XCTAssertTrue(a.isSocket)
    XCTAssertEqual(a.socketPath, "/tmp/pg dir/.s.PGSQL.5999")
    XCTAssertEqual(a.sslMode, .disable, "no TLS over a local socket unless asked")
    XCTAssertEqual(try TeamAddress.parse(a.redacted, environment: [:], passwordFile: ""), a)
  }

  func testThePasswordFile() throws {
    let file = """
      # team servers
      db.example.org:5432:team:ada:first\\:part
      *:*:*:bo:bo-pw
      localhost:5999:team:carla:carla-pw
      """
    func password(_ url: String) throws -> String? {
      try TeamAddress.parse(url, environment: [:], passwordFile: file).password
    }
    XCTAssertEqual(try password("postgresql://ada@db.example.org/team"), "first:part")
    XCTAssertNil(try password("postgresql://ada@db.example.org/other"))
    XCTAssertEqual(try password("postgresql://bo@anywhere:1/any"), "bo-pw")
    XCTAssertEqual(try password("postgresql://carla@/team?host=/run/pg&port=5999"), "carla-pw", "a socket matches localhost")
    XCTAssertEqual(
      try TeamAddress.parse("postgresql://bo@h/d", environment: ["PGPASSWORD": "env"], passwordFile: file).password,
      "env", "PGPASSWORD comes before the file")
  }

  func testAPasswordFileOthersCanReadIsIgnored() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(getpid())").path
    defer { unlink(path) }
    try "*:*:*:*:secret\n".write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o644)
    XCTAssertNil(try TeamAddress.parse("postgresql://a@h/d", environment: ["PGPASSFILE": path]).password)
    chmod(path, 0o600)
    XCTAssertEqual(try TeamAddress.parse("postgresql://a@h/d", environment: ["PGPASSFILE": path]).password, "secret")
  }

  func testMistakesAreOneClearLine() {
    for (url, words) in [
      ("mysql://a@b/c", "must start with postgresql://"),
      ("postgresql://a@b:99999/c", "port"),
      ("postgresql://a@b/c?sslmode=always", "sslmode"),
      ("postgresql://a@b/c?colour=blue", "unknown URL parameter 'colour'"),
    ] {
      XCTAssertThrowsError(try TeamAddress.parse(url, environment: [:], passwordFile: "")) { error in
        let text = KgshError.describe(error)
        XCTAssertTrue(text.contains(words), text)
        XCTAssertFalse(text.contains("\n"), text)
      }
    }
  }
}

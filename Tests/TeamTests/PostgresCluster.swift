import Foundation
import XCTest

/// A throwaway PostgreSQL 15 cluster for tests: initdb and pg_ctl in a temporary directory,
/// listening only on a Unix socket there, with password (SCRAM) authentication, stopped
/// and removed by `stop()`. PostgreSQL refuses to run as root, so under root the server
/// runs as the `postgres` user (Debian's package creates it) or `nobody`.
final class PostgresCluster: @unchecked Sendable {
  static let bin = "/usr/lib/postgresql/15/bin"
  static let owner = "kgsh_owner"
  static let ownerPassword = "owner-secret"

  let directory: URL
  let port: Int
  private let runAs: String?

  var socketDirectory: String { directory.appendingPathComponent("socket").path }
  var data: String { directory.appendingPathComponent("data").path }

  /// Starts a cluster, or throws `XCTSkip` (with the reason) when PostgreSQL is not installed.
  static func start() throws -> PostgresCluster {
    guard FileManager.default.isExecutableFile(atPath: bin + "/initdb") else {
      throw XCTSkip("PostgreSQL 15 is not installed at \(bin): `make deps` installs Debian's postgresql")
    }
    let cluster = try PostgresCluster()
    try cluster.initialise()
    return cluster
  }

  private init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kgsh-pg-\(getpid())-\(UUID().uuidString.prefix(8))")
    port = 50_000 + Int.random(in: 0..<10_000)
    if getuid() == 0 {
      runAs = getpwnam("postgres") != nil ? "postgres" : "nobody"
    } else {
      runAs = nil
    }
    try FileManager.default.createDirectory(
      atPath: directory.appendingPathComponent("socket").path, withIntermediateDirectories: true)
  }

  private func initialise() throws {
    let pwfile = directory.appendingPathComponent("pw").path
    try Self.ownerPassword.write(toFile: pwfile, atomically: true, encoding: .utf8)
    if let runAs {
      try run("/bin/chown", ["-R", runAs, directory.path])
      chmod(directory.path, 0o755)
    }
    try server(
      "initdb",
      [
        "-D", data, "-U", Self.owner, "--pwfile", pwfile, "--auth", "scram-sha-256", "-E", "UTF8", "--locale",
        "C.UTF-8",
      ])
    try server(
      "pg_ctl",
      [
        "-D", data, "-l", directory.appendingPathComponent("log").path, "-w", "-t", "30", "-o",
        "-k \(socketDirectory) -p \(port) -c listen_addresses='' -c fsync=off -c max_connections=60",
        "start",
      ])
  }

  /// A URL for `user` on `database` through the socket.
  func url(user: String = PostgresCluster.owner, database: String = "team") -> String {
    "postgresql://\(user)@/\(database)?host=\(socketDirectory)&port=\(port)"
  }

  /// The database a URL of `url(user:database:)` names.
  static func database(of url: String) -> String {
    String(url.split(separator: "@/")[1].split(separator: "?")[0])
  }

  /// Runs SQL as the owner with psql (set-up only; kgsh itself never uses psql).
  @discardableResult
  func psql(_ sql: String, database: String = "postgres") throws -> String {
    try run(
      "/usr/bin/psql",
      [
        "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", socketDirectory, "-p", "\(port)", "-U",
        Self.owner, "-d", database, "-c", sql,
      ],
      environment: ["PGPASSWORD": Self.ownerPassword])
  }

  /// A new empty database.
  func createDatabase(_ name: String) throws {
    try psql("CREATE DATABASE \(name)")
  }

  /// A login role with a password.
  func createUser(_ name: String, password: String) throws {
    try psql("CREATE ROLE \(name) LOGIN PASSWORD '\(password)'")
  }

  func stop() {
    _ = try? server("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
    try? FileManager.default.removeItem(at: directory)
  }

  /// Stops the server without removing its files (a server that went away), or starts it again.
  func pause() throws { try server("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]) }
  func resume() throws {
    try server(
      "pg_ctl",
      [
        "-D", data, "-l", directory.appendingPathComponent("log").path, "-w", "-t", "30", "-o",
        "-k \(socketDirectory) -p \(port) -c listen_addresses='' -c fsync=off -c max_connections=60", "start",
      ])
  }

  @discardableResult
  private func server(_ tool: String, _ arguments: [String]) throws -> String {
    if let runAs {
      return try run("/usr/sbin/runuser", ["-u", runAs, "--", Self.bin + "/" + tool] + arguments)
    }
    return try run(Self.bin + "/" + tool, arguments)
  }

  /// Runs a program to its end with posix_spawn and waitpid (Foundation's Process can miss
  /// the exit of `pg_ctl start`, whose server lives on), its output in a file.
  @discardableResult
  private func run(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws
    -> String
  {
    let outPath = directory.appendingPathComponent("out-\(UUID().uuidString)").path
    defer { unlink(outPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let env = ProcessInfo.processInfo.environment.merging(environment) { _, b in b }.map {
      "\($0.key)=\($0.value)"
    }
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup($0) } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
    guard spawned == 0 else {
      throw NSError(
        domain: "PostgresCluster", code: Int(spawned),
        userInfo: [NSLocalizedDescriptionKey: "cannot run \(path)"])
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    guard status == 0 else {
      throw NSError(
        domain: "PostgresCluster", code: Int(status),
        userInfo: [NSLocalizedDescriptionKey: "\(path) \(arguments.joined(separator: " ")) failed: \(text)"])
    }
    return text
  }
}

/// A test class with one throwaway PostgreSQL cluster for all its tests, started before the
/// first and stopped after the last; each test takes a new database of it.
class PostgresClusterTestCase: XCTestCase {
  nonisolated(unsafe) static var cluster: PostgresCluster?
  nonisolated(unsafe) static var startError: (any Error)?
  nonisolated(unsafe) static var databases = 0

  override class func setUp() {
    do { cluster = try PostgresCluster.start() } catch { startError = error }
  }

  override class func tearDown() {
    cluster?.stop()
    cluster = nil
  }

  /// A new, empty database named `prefix` and a number: the cluster and the name.
  func newDatabase(_ prefix: String) throws -> (PostgresCluster, String) {
    if let startError = Self.startError { throw startError }
    let cluster = try XCTUnwrap(Self.cluster)
    Self.databases += 1
    let name = "\(prefix)\(Self.databases)"
    try cluster.createDatabase(name)
    return (cluster, name)
  }
}

import Foundation
import KnowledgeGraph
import PostgresNIO

/// One connection to a team's PostgreSQL server, used from synchronous commands. Every
/// value in a statement is a bound parameter (`PostgresQuery` interpolation binds).
public final class TeamServer: @unchecked Sendable {
  public let address: TeamAddress
  let connection: PostgresConnection

  init(address: TeamAddress, connection: PostgresConnection) {
    self.address = address
    self.connection = connection
  }

  /// Quiet: the driver's own log lines never reach the terminal.
  static let logger: Logger = {
    var l = Logger(label: "kgsh.team")
    l.logLevel = .critical
    return l
  }()

  /// Connects (TLS as `sslmode` asks).
  /// - Throws: `KgshError`, one line: unreachable server, wrong password, missing database.
  public static func connect(_ address: TeamAddress) throws -> TeamServer {
    let configuration = try address.configuration()
    do {
      let connection = try Blocking.run {
        try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.logger)
      }
      return TeamServer(address: address, connection: connection)
    } catch {
      throw TeamFailure.describe(error, address, doing: "connect")
    }
  }

  public func close() {
    let connection = self.connection
    _ = try? Blocking.run { try await connection.close() }
  }

  public var isClosed: Bool { connection.isClosed }

  /// Runs statements on the connection; errors become one-line `KgshError`s.
  func run<T: Sendable>(
    doing: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
  ) throws -> T {
    let connection = self.connection
    do {
      return try Blocking.run { try await body(connection) }
    } catch {
      throw TeamFailure.describe(error, address, doing: doing)
    }
  }

  /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
  func transaction<T: Sendable>(
    doing: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
  ) throws -> T {
    try run(doing: doing) { c in
      try await c.query("BEGIN", logger: Self.logger)
      do {
        let value = try await body(c)
        try await c.query("COMMIT", logger: Self.logger)
        return value
      } catch {
        _ = try? await c.query("ROLLBACK", logger: Self.logger)
        throw error
      }
    }
  }
}

extension TeamAddress {
  /// The driver's configuration: socket or TCP, TLS for `sslmode`, the connect timeout.
  func configuration() throws -> PostgresConnection.Configuration {
    var c: PostgresConnection.Configuration
    if isSocket {
      c = .init(unixSocketPath: socketPath, username: user, password: password, database: database)
    } else {
      c = .init(host: host, port: port, username: user, password: password, database: database, tls: try tls())
    }
    c.options.connectTimeout = .seconds(Int64(connectTimeout))
    return c
  }

  /// libpq's modes: prefer and allow try TLS without checking the certificate, require
  /// insists on TLS, verify-ca checks the certificate's authority, verify-full the host name too.
  func tls() throws -> PostgresConnection.Configuration.TLS {
    if sslMode == .disable { return .disable }
    var t = TLSConfiguration.makeClientConfiguration()
    switch sslMode {
    case .verifyFull: t.certificateVerification = .fullVerification
    case .verifyCA: t.certificateVerification = .noHostnameVerification
    default: t.certificateVerification = .none
    }
    if let rootCertificate { t.trustRoots = .file(rootCertificate) }
    let context: NIOSSLContext
    do {
      context = try NIOSSLContext(configuration: t)
    } catch {
      throw KgshError(
        .invalidValue, "team: cannot set up TLS for \(place): \(error)",
        hint: "check sslrootcert, or use sslmode=prefer")
    }
    return sslMode == .allow || sslMode == .prefer ? .prefer(context) : .require(context)
  }
}

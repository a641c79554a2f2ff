import Foundation
import KnowledgeGraph
import PostgresNIO

/// What went wrong with the server, in one line a user can act on (never the driver's
/// type names).
enum TeamFailure {
  /// The SQLSTATE of a server error, when the error came from the server.
  static func sqlState(_ error: any Error) -> String? {
    (error as? PSQLError)?.serverInfo?[.sqlState]
  }

  /// Whether the server could not be reached at all (down, refused, timed out, gone).
  static func isUnreachable(_ error: any Error) -> Bool {
    if let e = error as? KgshError { return e.code == "team-unreachable" }
    guard let e = error as? PSQLError else { return true }
    return [.connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection].contains(
      e.code)
  }

  static func describe(_ error: any Error, _ a: TeamAddress, doing: String) -> KgshError {
    if let e = error as? KgshError { return e }
    let who = a.user
    if let state = sqlState(error) {
      let message = (error as? PSQLError)?.serverInfo?[.message] ?? "error \(state)"
      return refusal(state, message, a, doing: doing)
    }
    if let e = error as? PSQLError {
      switch e.code {
      case .authMechanismRequiresPassword:
        return KgshError(
          .invalidValue, "team: the server at \(a.place) asks \(who) for a password",
          hint: "put it in ~/.pgpass (mode 0600) or PGPASSWORD; kgsh never stores it")
      case .sslUnsupported:
        return KgshError(
          .unsupported,
          "team: the server at \(a.place) does not offer TLS, and sslmode=\(a.sslMode.rawValue) requires it",
          hint: "use sslmode=prefer, or turn ssl on in the server")
      case .unsupportedAuthMechanism:
        return KgshError(
          .unsupported, "team: the server at \(a.place) asks for an authentication kgsh does not speak",
          hint: "use scram-sha-256, md5 or trust in pg_hba.conf")
      default: break
      }
    }
    let reason = reasonText(error)
    return KgshError(
      .io, "team: cannot reach the server at \(a.place)\(reason.isEmpty ? "" : " (\(reason))")",
      hint: "local work continues; changes wait and are pushed when it is back", code: "team-unreachable")
  }

  /// A short reason from an error underneath the driver's (refused, no such socket, timeout).
  static func reasonText(_ error: any Error) -> String {
    var underlying: (any Error)? = (error as? PSQLError)?.underlying ?? error
    if let e = error as? PSQLError, e.code == .serverClosedConnection { return "the connection was closed" }
    if let io = underlying as? IOError { return String(cString: strerror(io.errnoCode)).lowercased() }
    if underlying is ChannelError { return "connection timed out" }
    if let text = underlying.map({ "\($0)" }), text.contains("connectTimeout") {
      return "connection timed out"
    }
    // NIO's connection errors name the system's error number: "(errno: 111)".
    if let text = underlying.map({ "\($0)" }),
      let range = text.range(of: #"errno: \d+"#, options: .regularExpression),
      let number = Int32(text[range].dropFirst("errno: ".count))
    {
      return String(cString: strerror(number)).lowercased()
    }
    if let text = underlying.map({ "\($0)" }),
      text.contains("connectFailed") || text.contains("NIOConnectionError")
    {
      underlying = nil
      return "connection refused"
    }
    return ""
  }

  /// What a server's SQLSTATE means for the team commands, and what to do about it.
  static func refusal(_ state: String, _ message: String, _ a: TeamAddress, doing: String) -> KgshError {
    let who = a.user
    switch state {
    case "28P01":
      return KgshError(
        .invalidValue, "team: wrong password for \(who) at \(a.place)",
        hint: "check PGPASSWORD or ~/.pgpass (mode 0600)")
    case "28000":
      return KgshError(
        .invalidValue, "team: the server at \(a.place) does not let \(who) in: \(message)",
        hint: "ask its administrator (pg_hba.conf, the role \(who))")
    case "3D000":
      return KgshError(
        .notFound, "team: there is no database \(a.database) at \(a.place)",
        hint: "create it with createdb \(a.database), then run team init")
    case "42501" where doing == "grant":
      return KgshError(
        .readOnly, "team grant: the server refused: \(who) may not grant roles (\(message))",
        hint: "run it as the team's owner, the user who ran team init")
    case "42501":
      let write = doing == "push"
      return KgshError(
        .readOnly,
        "team \(doing): the server refused: \(who) may not \(write ? "write" : "read") this team's knowledge base",
        hint: write
          ? "\(who) is a reader; the owner can run team grant \(who) editor"
          : "the owner can run team grant \(who) reader")
    case "42P01", "3F000":
      return KgshError(
        .notFound, "team: \(a.redacted) holds no team knowledge base yet",
        hint: "create it with team init URL")
    default:
      return KgshError(.failed, "team \(doing): the server said: \(message) (SQLSTATE \(state))")
    }
  }
}

import Foundation
import KnowledgeGraph

/// Where a team's server is and who connects: a `postgresql://` URL completed the way libpq
/// completes it (the PG* variables, then defaults), with the password from the URL,
/// `PGPASSWORD` or ~/.pgpass.
///
/// ```swift
/// let a = try TeamAddress.parse("postgresql://ada@db.example.org/team?sslmode=require", environment: [:])
/// a.redacted  // "postgresql://ada@db.example.org:5432/team?sslmode=require"
/// ```
public struct TeamAddress: Sendable, Equatable {
  /// A host name, or a directory holding the server's Unix socket (starts with `/`).
  public var host: String
  public var port: Int
  public var user: String
  public var database: String
  /// Never printed, never written to kgsh's files.
  public var password: String?
  public var sslMode: SSLMode
  /// `sslrootcert`: the certificate authorities to trust for verify-ca and verify-full.
  public var rootCertificate: String?
  /// Seconds to wait for the connection (`connect_timeout`, `PGCONNECT_TIMEOUT`).
  public var connectTimeout: Int

  /// libpq's `sslmode` values.
  public enum SSLMode: String, Sendable, CaseIterable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
  }

  /// Whether the host is a Unix socket directory.
  public var isSocket: Bool { host.hasPrefix("/") }

  /// The socket file for a socket directory: `DIR/.s.PGSQL.PORT`.
  public var socketPath: String { host + "/.s.PGSQL.\(port)" }

  /// The URL without the password: what kgsh prints and remembers.
  public var redacted: String {
    var text = "postgresql://" + Self.escape(user) + "@"
    if isSocket {
      text += "/" + Self.escape(database) + "?host=" + Self.escape(host) + "&port=\(port)"
    } else {
      let h = host.contains(":") ? "[\(host)]" : host
      text += "\(h):\(port)/" + Self.escape(database)
    }
    var query: [String] = []
    if sslMode != (isSocket ? .disable : .prefer) { query.append("sslmode=\(sslMode.rawValue)") }
    if let rootCertificate { query.append("sslrootcert=" + Self.escape(rootCertificate)) }
    if !query.isEmpty { text += (isSocket ? "&" : "?") + query.joinedText("&") }
    return text
  }

  /// Where the server is, for messages: `HOST:PORT` or the socket file.
  public var place: String { isSocket ? socketPath : "\(host):\(port)" }

  /// Parses `text` (a `postgresql://` or `postgres://` URL) and completes it.
  ///
  /// - Parameters:
  ///   - environment: the process environment (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD,
  ///     PGSSLMODE, PGSSLROOTCERT, PGCONNECT_TIMEOUT, PGPASSFILE, HOME).
  ///   - passwordFile: the contents of the password file, when the caller has read it
  ///     (nil: read `PGPASSFILE` or ~/.pgpass here).
  /// - Throws: `KgshError` naming what is wrong in the URL.
  public static func parse(
    _ text: String, environment: [String: String], passwordFile: String? = nil
  ) throws -> TeamAddress {
    var parts = try URLParts(text)
    func env(_ name: String) -> String? {
      guard let v = environment[name], !v.isEmpty else { return nil }
      return v
    }
    let host = parts.take("host") ?? parts.host ?? env("PGHOST") ?? "/var/run/postgresql"
    let portText = parts.take("port") ?? parts.port ?? env("PGPORT") ?? "5432"
    guard let port = Int(portText), (1...65535).contains(port) else {
      throw KgshError.invalidValue(
        "team", "port", expected: "a number from 1 to 65535", got: portText,
        hint: "e.g. postgresql://HOST:5432/DATABASE")
    }
    let user =
      parts.take("user") ?? parts.user ?? env("PGUSER") ?? env("USER") ?? env("LOGNAME")
      ?? NSUserName()
    let database = parts.take("dbname") ?? parts.database ?? env("PGDATABASE") ?? user
    let modeText = parts.take("sslmode") ?? env("PGSSLMODE") ?? (host.hasPrefix("/") ? "disable" : "prefer")
    guard let sslMode = SSLMode(rawValue: modeText) else {
      throw KgshError.invalidValue(
        "team", "sslmode", expected: SSLMode.allCases.map(\.rawValue).joinedText(", "), got: modeText,
        hint: "e.g. ?sslmode=require")
    }
    let timeoutText = parts.take("connect_timeout") ?? env("PGCONNECT_TIMEOUT") ?? "5"
    var address = TeamAddress(
      host: host, port: port, user: user, database: database, password: nil, sslMode: sslMode,
      rootCertificate: parts.take("sslrootcert") ?? env("PGSSLROOTCERT"),
      connectTimeout: max(1, Int(timeoutText) ?? 5))
    _ = parts.take("application_name")
    if let unknown = parts.query.keys.sorted().first {
      throw KgshError(
        .invalidValue, "team: unknown URL parameter '\(unknown)'",
        hint: "kgsh reads host, port, user, dbname, sslmode, sslrootcert and connect_timeout")
    }
    address.password =
      parts.take("password") ?? parts.password ?? env("PGPASSWORD")
      ?? PasswordFile.lookup(address, contents: passwordFile ?? PasswordFile.read(environment: environment))
    return address
  }

  /// Percent-escapes what a URL component cannot hold as it is.
  static func escape(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
  }
}

/// The pieces of a `postgresql://` URL, percent-decoded.
struct URLParts {
  var user: String?
  var password: String?
  var host: String?
  var port: String?
  var database: String?
  var query: [String: String] = [:]

  init(_ text: String) throws {
    let bad = { (why: String) in
      KgshError(
        .invalidValue, "team: '\(text.prefix(60))' is not a PostgreSQL URL: \(why)",
        hint: "write postgresql://USER@HOST:PORT/DATABASE (the password goes in ~/.pgpass or PGPASSWORD)")
    }
    var rest = Substring(text)
    guard let scheme = ["postgresql://", "postgres://"].first(where: { rest.hasPrefix($0) }) else {
      throw bad("it must start with postgresql://")
    }
    rest = rest.dropFirst(scheme.count)
    if let q = rest.firstIndex(of: "?") {
      for pair in rest[rest.index(after: q)...].split(separator: "&") where !pair.isEmpty {
        let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard kv.count == 2, let key = Self.decode(kv[0]), let value = Self.decode(kv[1]) else {
          throw bad("the parameter '\(pair)' is not NAME=VALUE")
        }
        query[key] = value
      }
      rest = rest[..<q]
    }
    var authority = rest
    if let slash = rest.firstIndex(of: "/") {
      authority = rest[..<slash]
      let db = rest[rest.index(after: slash)...]
      if !db.isEmpty { database = Self.decode(db) }
    }
    if let at = authority.lastIndex(of: "@") {
      let credentials = authority[..<at]
      authority = authority[authority.index(after: at)...]
      if let colon = credentials.firstIndex(of: ":") {
        user = Self.decode(credentials[..<colon])
        password = Self.decode(credentials[credentials.index(after: colon)...])
      } else {
        user = Self.decode(credentials)
      }
    }
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { throw bad("an IPv6 address lacks its ]") }
      host = String(authority[authority.index(after: authority.startIndex)..<close])
      let after = authority[authority.index(after: close)...]
      if after.hasPrefix(":") { port = String(after.dropFirst()) }
    } else if let colon = authority.lastIndex(of: ":") {
      host = Self.decode(authority[..<colon])
      port = String(authority[authority.index(after: colon)...])
    } else if !authority.isEmpty {
      host = Self.decode(authority)
    }
    if host?.isEmpty == true { host = nil }
    if user?.isEmpty == true { user = nil }
  }

  /// Removes and returns a query parameter.
  mutating func take(_ name: String) -> String? {
    guard let v = query.removeValue(forKey: name), !v.isEmpty else { return nil }
    return v
  }

  static func decode(_ s: Substring) -> String? { String(s).removingPercentEncoding }
}

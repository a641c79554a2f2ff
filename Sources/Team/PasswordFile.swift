import Foundation

/// libpq's password file (`PGPASSFILE`, else ~/.pgpass): lines of
/// `hostname:port:database:username:password`, `*` matching anything, `\:` and `\\`
/// escaping. Like libpq, a file that others may read is ignored.
public enum PasswordFile {
  /// The file's path for this environment.
  public static func path(environment: [String: String]) -> String? {
    if let p = environment["PGPASSFILE"], !p.isEmpty { return p }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.pgpass"
  }

  /// The file's text, or nil when it is missing, unreadable or readable by others.
  static func read(environment: [String: String]) -> String? {
    guard let path = path(environment: environment) else { return nil }
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    if info.st_mode & 0o077 != 0 { return nil }
    return try? String(contentsOfFile: path, encoding: .utf8)
  }

  /// The password of the first line matching the address (a socket matches `localhost`).
  static func lookup(_ a: TeamAddress, contents: String?) -> String? {
    guard let contents else { return nil }
    for line in contents.split(whereSeparator: \.isNewline) {
      if line.hasPrefix("#") { continue }
      let fields = split(line)
      guard fields.count == 5 else { continue }
      func matches(_ field: String, _ value: String) -> Bool { field == "*" || field == value }
      let hostMatches = matches(fields[0], a.host) || (a.isSocket && fields[0] == "localhost")
      if hostMatches && matches(fields[1], String(a.port)) && matches(fields[2], a.database)
        && matches(fields[3], a.user)
      {
        return fields[4]
      }
    }
    return nil
  }

  /// The fields of one line: `:` separates, `\` escapes the next character.
  static func split(_ line: Substring) -> [String] {
    var fields: [String] = []
    var current = ""
    var escaped = false
    for c in line {
      if escaped {
        current.append(c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == ":" && fields.count < 4 {
        fields.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    fields.append(current)
    return fields
  }
}

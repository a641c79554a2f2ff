import Foundation

/// Who is writing: `KGSH_AUTHOR`, else git's `user.name`, else the login name.
public enum ChangeAuthor {
  /// The author of changes made now: `KGSH_AUTHOR` is read at every change, the fallbacks
  /// (git, login) once per process.
  public static var current: String {
    // getenv, not ProcessInfo.environment: that copies the whole environment on every call.
    if let raw = getenv("KGSH_AUTHOR") {
      let a = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
      if !a.isEmpty { return a }
    }
    return fallback
  }

  static let fallback: String = resolve(
    environment: ProcessInfo.processInfo.environment.filter { $0.key != "KGSH_AUTHOR" }, gitName: gitUserName)

  /// The first non-blank of `KGSH_AUTHOR`, git's user name, `USER`/`LOGNAME`, the login name.
  ///
  /// ```swift
  /// ChangeAuthor.resolve(environment: ["KGSH_AUTHOR": "ada"], gitName: { "Ada L." })  // "ada"
  /// ```
  public static func resolve(environment: [String: String], gitName: () -> String?) -> String {
    func clean(_ s: String?) -> String? {
      guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
      return t
    }
    if let a = clean(environment["KGSH_AUTHOR"]) { return a }
    if let g = clean(gitName()) { return g }
    if let u = clean(environment["USER"]) ?? clean(environment["LOGNAME"]) { return u }
    return clean(NSUserName()) ?? "unknown"
  }

  /// `git config user.name`, or nil when git is missing or has no name.
  static func gitUserName() -> String? {
    ProgramOutput.run("git", ["config", "--get", "user.name"])
  }
}

import Foundation

/// Helpers for driving kgsh's REPL in a pseudo-terminal, shared by the end-to-end tests.
extension PseudoTerminal {
  /// A kgsh prompt such as "kgsh:default> ".
  public static var kgshPrompt: Regex<Substring> { #/kgsh:[^\n]*?> /# }

  /// Waits for the next prompt and for the terminal's raw mode (the line editor reads keys
  /// again), then returns what came before the prompt.
  @discardableResult
  public func waitForPrompt(timeout: Duration = defaultTimeout) throws -> String {
    let seen = try waitFor(Self.kgshPrompt, timeout: timeout)
    try waitUntilRawMode(timeout: timeout)
    return seen
  }

  /// Starts the built kgsh in a terminal of `columns` x `rows` with its XDG directories
  /// under `home` and the repository's Knowledge folder, and waits until it reads keys at
  /// its first prompt. `environment` adds to (or overrides) that environment; the pager
  /// is `cat` unless it says otherwise.
  public static func kgsh(
    home: URL, columns: Int = 120, rows: Int = 40, arguments: [String] = [],
    environment extra: [String: String] = [:]
  ) throws -> PseudoTerminal {
    let environment = [
      "PATH": "/usr/local/bin:/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "HOME": home.path,
      "XDG_DATA_HOME": home.appendingPathComponent("data").path,
      "XDG_STATE_HOME": home.appendingPathComponent("state").path,
      "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
      "KGSH_KNOWLEDGE": Repository.knowledge, "KGSH_PAGER": "cat",
    ].merging(extra) { $1 }
    let shell = try PseudoTerminal(
      executable: Repository.kgsh.path, arguments: arguments, environment: environment, columns: columns,
      rows: rows)
    try shell.waitFor(kgshPrompt, timeout: .seconds(60))
    try shell.waitUntilRawMode()
    return shell
  }

  /// Clears the line and ends the session with Ctrl-D.
  /// - Throws: `REPLExitError` when kgsh does not exit with status 0.
  public func quitREPL() throws {
    send(key: .ctrlU)
    send(key: .ctrlD)
    let status = try waitForExit()
    guard status == 0 else { throw REPLExitError(status: status) }
  }
}

/// kgsh ended with a non-zero status after Ctrl-D.
public struct REPLExitError: Error, CustomStringConvertible {
  public let status: Int32
  public var description: String { "kgsh exited with status \(status) after Ctrl-D, expected 0" }
}

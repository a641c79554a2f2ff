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

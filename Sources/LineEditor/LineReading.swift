/// What one call to ``LineReading/readLine(prompt:)`` produced.
public enum ReadResult: Equatable, Sendable {
  /// A line the user entered, without its line terminator. It holds newlines when the
  /// user recalled a multi-line history entry: treat it as one complete input.
  case line(String)
  /// Ctrl-C while editing: the line was thrown away; ask again with a fresh prompt.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
}

/// Reads lines from the user: the one seam between the shell and the terminal.
///
/// ```swift
/// let reader = makeLineReader(programName: "kgsh", historyPath: path, completer: shell)
/// while case .line(let text) = reader.readLine(prompt: "kgsh> ") {
///   reader.addHistory(text)
/// }
/// ```
public protocol LineReading: AnyObject {
  /// Shows `prompt` (when the input is a terminal) and reads one line.
  func readLine(prompt: String) -> ReadResult
  /// Remembers `entry` for Up-arrow recall; a multi-line entry is kept as ONE entry.
  /// Empty and whitespace-only entries are ignored.
  func addHistory(_ entry: String)
}

/// A command-line parser's message (swift-argument-parser's `Error: Unknown option '-x'` with
/// usage lines after it) as kgsh's one line: the first line, lower-cased at the start.
public enum ParserMessage {
  public static func oneLine(_ message: String) -> String {
    let first = message.split(separator: "\n").first.map(String.init) ?? message
    return first.prefix(1).lowercased() + first.dropFirst()
  }
}

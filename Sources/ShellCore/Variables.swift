import KnowledgeGraph

/// The rules every way of setting a variable shares (`let`, `kgsh --param`): what a name
/// may be, and what a bare word stands for.
public enum Variables {
  /// "a name starts with a letter or _ and goes on with letters, digits and _".
  public static var nameRule: String { Lexer.nameRule }

  public static func isName(_ text: String) -> Bool { Lexer.isName(text) }

  /// A bare word as a number or `true`/`false`, or nil when it is neither (it is text); a
  /// code with leading zeros (`--param code=02513`) is text, as a property read from a file.
  public static func scalar(_ text: String) -> Value? {
    if Value.isCode(text) { return nil }
    if let i = Int64(text) { return .int(i) }
    if let first = text.first, first.isNumber || first == "-" || first == ".", let d = Double(text) {
      return .double(d)
    }
    if text == "true" || text == "false" { return .bool(text == "true") }
    return nil
  }
}

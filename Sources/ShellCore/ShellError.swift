import KnowledgeGraph

/// An error the user made or met, worded as one line that says what was wrong and what to do.
public struct ShellError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var hint: String?

  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  public var description: String { hint.map { "\(message); \($0)" } ?? message }

  /// "unknown command 'shwo'; did you mean 'show'?"
  public static func unknownCommand(_ name: String, suggestions: [String]) -> ShellError {
    ShellError(
      "unknown command '\(name)'",
      hint: suggestions.isEmpty ? "type help for the list of commands" : "did you mean '\(suggestions[0])'?")
  }

  public static func usage(_ message: String, _ signature: Signature) -> ShellError {
    ShellError(message, hint: "usage: \(signature.usage)")
  }

  /// The one-line text of any error, without Swift type names.
  public static func describe(_ error: any Error) -> String {
    switch error {
    case let e as ShellError: return e.description
    case let e as KnowledgeError: return e.description
    case let e as any CustomStringConvertible: return e.description
    default: return "unexpected error (\(error.localizedDescription)); please report it"
    }
  }
}

/// An error from the knowledge store, worded for the user: what went wrong and what to do.
public struct KnowledgeError: Error, CustomStringConvertible, Sendable, Equatable {
  /// One line saying what was wrong.
  public var message: String
  /// What the user can do about it, when there is something to say.
  public var hint: String?

  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  public var description: String { hint.map { "\(message); \($0)" } ?? message }

  static func readOnly(_ what: String) -> KnowledgeError {
    KnowledgeError(
      "the knowledge base is open read-only, so \(what) was refused", hint: "run kgsh without --read-only")
  }
}

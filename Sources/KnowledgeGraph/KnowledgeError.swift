/// Errors of the store are `KgshError`s; this name remains for code written before the one type.
public typealias KnowledgeError = KgshError

extension KgshError {
  /// An error whose kind the caller did not name: a command that failed for the reason it states.
  /// Prefer an initialiser with a kind, or one of the static constructors, in new code.
  public init(_ message: String, hint: String? = nil) {
    self.init(.failed, message, hint: hint)
  }
}

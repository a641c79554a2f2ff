import KnowledgeGraph

/// Shell errors are `KgshError`s (defined with the store, so every module throws the same type).
public typealias ShellError = KgshError

extension KgshError {
  /// A command line that does not fit a command, with its usage line as the hint.
  public static func usage(_ message: String, _ signature: Signature) -> KgshError {
    .usage(message, usage: signature.usage)
  }
}

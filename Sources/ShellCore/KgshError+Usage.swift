import KnowledgeGraph

extension KgshError {
  /// A command line that does not fit a command, with its usage line as the hint.
  public static func usage(_ message: String, _ signature: Signature) -> KgshError {
    .usage(message, usage: signature.usage)
  }
}

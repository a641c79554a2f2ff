import KnowledgeGraph

/// Query errors are `KgshError`s of kind syntax, semantic, runtime or unsupported; `code` is the
/// openCypher TCK error detail when one applies (`VariableTypeConflict`, `UndefinedVariable`, ...).
extension KgshError {
  static func syntax(_ message: String, at position: SourcePosition?, code: String? = "UnexpectedSyntax")
    -> KgshError
  {
    KgshError(.syntax, message, code: code, at: position)
  }
  static func semantic(_ message: String, code: String, at position: SourcePosition? = nil) -> KgshError {
    KgshError(.semantic, message, code: code, at: position)
  }
  static func runtime(_ message: String, code: String? = nil) -> KgshError {
    KgshError(.runtime, message, code: code)
  }
  static func unsupported(_ construct: String, at position: SourcePosition? = nil) -> KgshError {
    KgshError(
      .unsupported, "\(construct) is not supported by kgsh's Cypher subset", code: "Unsupported", at: position
    )
  }
}

/// A position in the query text, 1-based.
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
  public var description: String { "line \(line), column \(column)" }
}

/// An error from parsing, checking or running a query, worded for the user.
///
/// `kind` says when it was found (syntax and semantic errors before anything runs,
/// runtime errors while running); `code` is the openCypher TCK error detail when one
/// applies (`VariableTypeConflict`, `UndefinedVariable`, ...), and `unsupported` for
/// syntax this engine recognises but does not implement.
public struct QueryError: Error, CustomStringConvertible, Sendable, Equatable {
  public enum Kind: String, Sendable { case syntax, semantic, runtime, unsupported }
  public var kind: Kind
  public var code: String?
  public var message: String
  public var position: SourcePosition?

  public init(_ kind: Kind, _ message: String, code: String? = nil, at position: SourcePosition? = nil) {
    self.kind = kind
    self.message = message
    self.code = code
    self.position = position
  }

  public var description: String {
    var text = kind == .unsupported ? "unsupported: \(message)" : "\(kind.rawValue) error: \(message)"
    if let position { text += " (\(position))" }
    return text
  }

  static func syntax(_ message: String, at position: SourcePosition?, code: String? = nil) -> QueryError {
    QueryError(.syntax, message, code: code, at: position)
  }
  static func semantic(_ message: String, code: String, at position: SourcePosition? = nil) -> QueryError {
    QueryError(.semantic, message, code: code, at: position)
  }
  static func runtime(_ message: String, code: String? = nil) -> QueryError {
    QueryError(.runtime, message, code: code)
  }
  static func unsupported(_ construct: String, at position: SourcePosition? = nil) -> QueryError {
    QueryError(
      .unsupported, "\(construct) is not supported by kgsh's Cypher subset", code: "Unsupported", at: position
    )
  }
}

import KnowledgeGraph

/// Where the errors of a statement are reported: at a later stage of a pipeline, at a
/// position inside a query, or where a nested file says.
extension Shell {
  /// An error at a position inside a raw-text command's text (counted from the text's
  /// first character, as the command reports it): reported at that place in the file, or
  /// in the REPL with the position counted in the entry.
  func located(_ error: KgshError, in stage: Stage) -> StageError {
    guard let position = error.position, let start = stage.rawTextLocation else {
      return StageError(location: stage.location, underlying: error)
    }
    let line = start.line + position.line - 1
    let column = position.line == 1 ? start.column + position.column - 1 : position.column
    var moved = error
    if origins.last == "" {
      moved.position = SourcePosition(line: line, column: column)
    } else {
      moved.position = nil
    }
    return StageError(
      location: SourceLocation(file: start.file, line: line, column: column), underlying: moved)
  }
}

extension Shell {
  /// Where a failed statement's error is when a pipeline stage or a position inside a query
  /// placed it, with the error itself; nil for any other error.
  public static func placed(_ error: any Error) -> (location: SourceLocation, error: any Error)? {
    guard let stage = error as? StageError else { return nil }
    return (stage.location, stage.underlying)
  }
}

/// An error of a later stage of a pipeline, or at a position inside a query, reported there.
struct StageError: Error, CustomStringConvertible {
  var location: SourceLocation
  var underlying: any Error
  var description: String { KgshError.describe(underlying) }
}

extension Shell {
  /// Whether an error is Ctrl-C or the timeout stopping a command (in any stage of a
  /// pipeline), as opposed to the command refusing its input.
  public static func isStop(_ error: any Error) -> Bool {
    if let stage = error as? StageError { return isStop(stage.underlying) }
    guard let e = error as? KgshError else { return false }
    return e.kind == .interrupted || e.kind == .timedOut
  }
}

/// An error that already carries its own `FILE:LINE:COLUMN:` location (from a nested file).
public struct LocatedError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

import KnowledgeGraph

/// A command behind a language statement (`let`, `def`, `assert`, `expect`): the parser
/// reads the statement's parts and the shell hands the command the parsed statement, so
/// nothing is turned back into text and parsed again.
public protocol StatementCommand: Command {
  /// Runs the statement (its `kind` is the one this command's keyword produces).
  func run(_ statement: Statement, in shell: Shell) throws -> Output
}

extension StatementCommand {
  /// Reached only when the statement's parts could not be parsed as a statement.
  public func run(_ call: Call, _ session: Session) throws -> Output {
    throw KgshError(
      .usage, "\(signature.name) is a statement of its own",
      hint: "write it at the start of a statement; help \(signature.name)")
  }
}

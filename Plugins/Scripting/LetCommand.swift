import KnowledgeGraph
import ShellCore

/// `let NAME = VALUE`: a string, number, list or a command's structured output.
struct LetCommand: StatementCommand {
  static let assignment = Param<String>.argument(
    "assignment", .command, "NAME = \"text\" | NUMBER | [a, b] | $var | WORD | COMMAND")
  let signature = Signature(
    "let", summary: "Set a variable to a value or to a command's output",
    parameters: [assignment.spec],
    help: """
      A table is stored as a list of rows (maps); print $NAME shows it again, $NAME.COLUMN is
      one column, $NAME[0] the first row and $NAME[-1] the last. A single word that names no
      command is stored as text (let c = Zhipu); quote text with spaces.
      """,
    examples: [
      Example("let company = \"Zhipu AI\"; print $company", "store a string"),
      Example("let c = Zhipu; print $c", "a word that is no command is text"),
      Example("let rows = find GLM; print $rows", "store a command's table"),
      Example("let top = rank --limit 2; echo $top[-1].entity", "the last row's entity", expect: "OpenAI"),
    ])

  func run(_ statement: Statement, in shell: Shell) throws -> Output {
    guard case .assignment(let assignment) = statement.kind else { return .empty }
    let session = shell.session
    let (value, columns) = try value(assignment, shell)
    session.variables[assignment.name] = value
    ScriptValues.setColumns(assignment.name, columns, session)
    return .empty
  }

  /// The value, with the column order when it came from a table.
  func value(_ assignment: Assignment, _ shell: Shell) throws -> (Value, [String]) {
    switch assignment.value {
    case .list(let words):
      return (.list(try words.map { try item($0, shell) }), [])
    case .pipeline(let pipeline):
      if pipeline.stages.count == 1, let word = pipeline.stages[0].words.first,
        pipeline.stages[0].words.count == 1, pipeline.stages[0].rawText == nil
      {
        if let name = word.variableName {
          return (try shell.session.variable(name), ScriptValues.columns(name, shell.session))
        }
        if word.quoted || word.literal == nil || shell.session.registry.resolve(word.literal!, nil) == nil {
          // `let first = $rows[0]`: a row keeps its table's column order.
          var columns: [String] = []
          if case .variable(let name)? = word.pieces.first {
            columns = ScriptValues.columns(name, shell.session)
          }
          return (try item(word, shell), columns)
        }
      }
      let first = pipeline.stages[0].words[0]
      if first.literal == nil || first.quoted {
        throw KgshError(
          .usage,
          "let \(assignment.name): '\(first.source)' is not a command, so '\(pipeline.text)' cannot run",
          hint: pipeline.stages[0].words.dropFirst().contains {
            ["+", "-", "*", "/", "%"].contains($0.source)
          }
            ? "Cypher's return computes it: let \(assignment.name) = return \(pipeline.text)"
            : "to store the text, quote it: let \(assignment.name) = \"\(pipeline.text)\"")
      }
      let output = try shell.evaluate(pipeline)
      return (ScriptValues.value(of: output), output.asTable?.columns ?? [])
    }
  }

  /// One word's value: a variable keeps its value, quoted text stays text, a bare word
  /// that reads as a number or true/false becomes one.
  func item(_ word: Word, _ shell: Shell) throws -> Value {
    let (text, value) = try shell.expand(word)
    if word.variableName != nil { return value }
    // `$rows.name`: a column keeps its values.
    if case .string = value {} else { return value }
    if word.quoted || word.literal == nil { return .string(text) }
    return Variables.scalar(text) ?? .string(text)
  }
}

import KnowledgeGraph
import ShellCore

/// `expect COMMAND == VALUE | contains TEXT | rows N`: checks a command's output.
struct ExpectCommand: StatementCommand {
  static let check = Param<String>.argument(
    "check", .command, "COMMAND == VALUE | COMMAND contains TEXT | COMMAND rows N")
  let signature = Signature(
    "expect", summary: "Fail unless a command's output is, contains or has what you expect",
    parameters: [check.spec],
    help: "== compares the output's one cell (or its plain table text); rows counts table rows.",
    examples: [
      Example("expect find GLM contains GLM; echo ok", "the output mentions a text"),
      Example("expect echo 42 == 42; echo ok", "the output is exactly a value"),
    ])

  func run(_ statement: Statement, in shell: Shell) throws -> Output {
    guard case .expectation(let expectation) = statement.kind else { return .empty }
    let command = expectation.pipeline.text
    let wanted = try ScriptValues.text(expectation.expected, shell)
    let output = try shell.evaluate(expectation.pipeline)
    switch expectation.op {
    case "rows":
      guard let n = Int(wanted), n >= 0 else {
        throw KgshError(
          .invalidValue, "expect \(command) rows: '\(wanted)' is not a row count",
          hint: "give a whole number of 0 or more, e.g. expect find GLM rows 3")
      }
      let got = output.asTable?.rows.count ?? 0
      if got != n { throw KgshError(.failed, "expect failed: \(command) got \(got) rows, expected \(n)") }
    case "contains":
      let got = plain(output)
      if !got.contains(wanted) {
        throw KgshError(
          .failed, "expect failed: \(command) got \(short(got)), expected it to contain \(wanted)")
      }
    default:
      let got = single(output) ?? plain(output).trimmingCharacters(in: .whitespacesAndNewlines)
      if got != wanted {
        throw KgshError(.failed, "expect failed: \(command) got \(short(got)), expected \(wanted)")
      }
    }
    return .empty
  }

  func plain(_ output: Output) -> String { Renderer(format: .table, width: nil, color: false).render(output) }

  /// The one cell of a 1x1 table, or a message's text.
  func single(_ output: Output) -> String? {
    if case .message(let m) = output { return m }
    if let t = output.asTable, t.rows.count == 1, t.rows[0].count == 1 { return t.rows[0][0].plainText }
    return nil
  }

  func short(_ text: String) -> String {
    let line = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(
      separator: " / ")
    return "'" + TextWidth.truncate(line, to: 80) + "'"
  }
}

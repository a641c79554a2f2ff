import KnowledgeGraph
import ShellCore

/// `expect COMMAND == VALUE | contains TEXT | rows N | fails [TEXT]`: checks a command's
/// output, or that it is refused.
struct ExpectCommand: StatementCommand {
  static let check = Param<String>.argument(
    "check", .command, "COMMAND == VALUE | COMMAND contains TEXT | COMMAND rows N | COMMAND fails [TEXT]")
  let signature = Signature(
    "expect",
    summary: "Fail unless a command's output is a value, contains a text or has N rows, or it fails",
    parameters: [check.spec],
    help: """
      == compares the output's one cell (or its plain table text); rows counts table rows \
      (rows 3, or rows >= 3 with ==, !=, <, >, <= or >=); \
      fails passes when the command is refused (with TEXT in its error, when given), so a \
      script can test that bad input is turned away; its error is not printed.
      """,
    examples: [
      Example("expect find GLM contains GLM; echo ok", "the output mentions a text"),
      Example("expect echo 42 == 42; echo ok", "the output is exactly a value"),
      Example("expect show Nobody fails 'no entity'; echo refused", "a refusal, with words of its error"),
    ])

  func run(_ statement: Statement, in shell: Shell) throws -> Output {
    guard case .expectation(let expectation) = statement.kind else { return .empty }
    let command = expectation.pipeline.text
    let wanted = try ScriptValues.text(expectation.expected, shell)
    if expectation.op == "fails" { return try refusal(of: expectation.pipeline, command, wanted, shell) }
    let output = try shell.evaluate(expectation.pipeline)
    // `expect find GLM rows 27`: find showed its first 20; say so, or the count misleads.
    let cut = output.asTable?.missingRowsNote.map { " (\($0))" } ?? ""
    switch expectation.op {
    case "rows":
      let (op, n) = try Self.rowCount(wanted, command)
      let got = output.asTable?.rows.count ?? 0
      if try !ScriptValues.holds(
        op, got < n ? .orderedAscending : got > n ? .orderedDescending : .orderedSame)
      {
        let expected = op == "==" ? "\(n)" : "\(op) \(n)"
        throw KgshError(.failed, "expect failed: \(command) got \(got) rows, expected \(expected)\(cut)")
      }
    case "contains":
      let got = plain(output)
      if !got.contains(wanted) {
        // A table is named by its size, not by the first characters of its box.
        let seen =
          output.asTable.map {
            "its \($0.rows.count.counted("row")) \($0.rows.count == 1 ? "does" : "do") not"
          }
          ?? "got \(short(got)), which does not"
        throw KgshError(.failed, "expect failed: \(command): \(seen) contain \(wanted)\(cut)")
      }
    default:
      let got = single(output) ?? plain(output).trimmingCharacters(in: .whitespacesAndNewlines)
      if got != wanted {
        throw KgshError(.failed, "expect failed: \(command) got \(short(got)), expected \(wanted)\(cut)")
      }
    }
    return .empty
  }

  /// `rows 3`, `rows >= 10`: the comparison and the count.
  static func rowCount(_ wanted: String, _ command: String) throws -> (String, Int) {
    // The comparison may touch the number (`rows >=3`).
    let written = wanted.filter { $0 != " " }
    let op = ["==", "!=", "<=", ">=", "<", ">"].first { written.hasPrefix($0) } ?? "=="
    let digits = written.hasPrefix(op) ? String(written.dropFirst(op.count)) : written
    guard let n = Int(digits), n >= 0, digits.allSatisfy(\.isNumber) else {
      throw KgshError(
        .invalidValue, "expect \(command) rows: '\(wanted)' is not a row count",
        hint: "give a whole number of 0 or more, with a comparison if need be: expect find GLM rows >= 3")
    }
    return (op, n)
  }

  /// `fails [TEXT]`: the command must throw (Ctrl-C and timeouts are not refusals: they stop
  /// the script as always).
  func refusal(of pipeline: Pipeline, _ command: String, _ wanted: String, _ shell: Shell) throws -> Output {
    var refused: String?
    do {
      _ = try shell.evaluate(pipeline)
    } catch let stop where Shell.isStop(stop) {
      throw stop
    } catch {
      refused = KgshError.describe(error)
    }
    guard let error = refused else {
      throw KgshError(.failed, "expect failed: \(command) succeeded, expected it to fail")
    }
    if !wanted.isEmpty, !error.contains(wanted) {
      throw KgshError(
        .failed,
        "expect failed: \(command) failed with \(short(error)), expected the error to contain \(wanted)")
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

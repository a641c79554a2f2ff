import Foundation
import KnowledgeGraph
import ShellCore

/// `assert A OP B`: fails the script unless the comparison holds.
struct AssertCommand: StatementCommand {
  static let expression = Param<String>.argument(
    "expression", .variable, "A OP B over numbers, amounts or strings; $vars are expanded")
  let signature = Signature(
    "assert", summary: "Fail unless A == B (or !=, <, >, <=, >=) holds",
    parameters: [expression.spec],
    help: """
      Numbers compare as numbers and amounts of money as amounts (US$1.50 == US$1.5); amounts in \
      two currencies, or a number ordered against text, are refused rather than compared as text. \
      Anything else compares as text. Quote strings with spaces. A table of one row and one \
      column is its value (let n = labels | count; assert $n >= 10); a larger table is not: \
      expect COMMAND rows N checks its size.
      """,
    examples: [Example("let n = 3; assert $n >= 2; echo ok", "check a value")])

  func run(_ statement: Statement, in shell: Shell) throws -> Output {
    guard case .assertion(let assertion) = statement.kind else { return .empty }
    let a = try Self.operand(assertion.left, shell)
    let b = try Self.operand(assertion.right, shell)
    let op = assertion.op
    if try ScriptValues.holds(op, Self.compare(a, b, op: op)) { return .empty }
    let expected = op == "==" ? b : op == "!=" ? "anything but \(b)" : "\(op) \(b)"
    throw KgshError(.failed, "assertion failed: got \(a), expected \(expected)")
  }

  /// One side's text; a stored table is refused (its rows would be compared as one long text).
  static func operand(_ words: [Word], _ shell: Shell) throws -> String {
    for word in words {
      let value = try shell.expand(word).value
      guard case .list(let items) = value,
        items.contains(where: { if case .map = $0 { true } else { false } })
      else { continue }
      throw KgshError(
        .invalidValue, "assert: \(word.source) is a table of \(items.count.counted("row")), not one value",
        hint: "check its size with expect COMMAND rows N, or compare a count: let n = COMMAND | count")
    }
    return try ScriptValues.text(words, shell)
  }

  /// Amounts of money as amounts, numbers as numbers, anything else as text.
  /// - Throws: for amounts in two currencies, and for a number ordered against text.
  static func compare(_ a: String, _ b: String, op: String) throws -> ComparisonResult {
    if let x = CellComparison.amount(a), let y = CellComparison.amount(b),
      x.currency != nil || y.currency != nil
    {
      if let cx = x.currency, let cy = y.currency, cx != cy {
        throw KgshError(
          .invalidValue, "assert: \(a) and \(b) are in \(cx) and \(cy), which do not compare without a rate",
          hint: "convert one first, e.g. cost MODEL --currency \(cx)")
      }
      return x.value < y.value ? .orderedAscending : x.value > y.value ? .orderedDescending : .orderedSame
    }
    let numbers = (Variables.scalar(a)?.number, Variables.scalar(b)?.number)
    if CellComparison.ordering.contains(op), (numbers.0 == nil) != (numbers.1 == nil) {
      let (number, text) = numbers.0 != nil ? (a, b) : (b, a)
      throw KgshError(
        .invalidValue, "assert: \(number) is a number and '\(text)' is not, so \(op) cannot order them",
        hint: "compare two numbers or two texts")
    }
    return ScriptValues.compare(.string(a), .string(b))
  }
}

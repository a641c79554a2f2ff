import KnowledgeGraph
import ShellCore

/// `assert A OP B`: fails the script unless the comparison holds.
struct AssertCommand: StatementCommand {
  static let expression = Param<String>.argument(
    "expression", .variable, "A OP B over numbers or strings; $vars are expanded")
  let signature = Signature(
    "assert", summary: "Fail unless A == B (or !=, <, >, <=, >=) holds",
    parameters: [expression.spec],
    help: "Numbers compare as numbers, anything else as text. Quote strings with spaces.",
    examples: [Example("let n = 3; assert $n >= 2; echo ok", "check a value")])

  func run(_ statement: Statement, in shell: Shell) throws -> Output {
    guard case .assertion(let assertion) = statement.kind else { return .empty }
    let a = try ScriptValues.text(assertion.left, shell)
    let b = try ScriptValues.text(assertion.right, shell)
    let op = assertion.op
    if ScriptValues.holds(op, .string(a), .string(b)) { return .empty }
    let expected = op == "==" ? b : op == "!=" ? "anything but \(b)" : "\(op) \(b)"
    throw KgshError(.failed, "assertion failed: got \(a), expected \(expected)")
  }
}

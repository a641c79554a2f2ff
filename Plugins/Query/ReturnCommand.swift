import ShellCore

extension CypherClauseCommand {
  /// `return EXPRESSION, ...`: a Cypher query of expressions only (one row).
  static let `return` = CypherClauseCommand(
    "return", summary: "Evaluate Cypher expressions (RETURN without MATCH: one row)",
    about: "Handy to try a function or a date calculation before using it in a query. ",
    examples: [
      Example(
        "return 6 * 7 as answer, date('2026-01-08') > date('2025-12-31') as later", "Arithmetic and dates",
        expect: "42")
    ])
}

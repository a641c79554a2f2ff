import Foundation
import KnowledgeGraph
import ShellCore

/// How `where` and `sort` compare table cells: money only within one currency (a column
/// that mixes currencies is refused, naming them and `--currency`), and empty cells never
/// satisfy a comparison.
enum CellComparison {
  /// The operators that order values (an empty cell satisfies none of them).
  static let ordering: Set<String> = ["<", ">", "<=", ">="]

  /// Whether a cell is empty: null or blank text.
  static func isEmpty(_ value: Value) -> Bool {
    if value.isNull { return true }
    if case .string(let s) = value { return s.trimmingCharacters(in: .whitespaces).isEmpty }
    return false
  }

  /// The operators that test text: case-insensitive except the regular expressions.
  static let textual: Set<String> = ["contains", "starts-with", "ends-with", "=~", "!~"]

  /// The rows whose cell in `column` satisfies `op operand`.
  ///
  /// Empty cells match only `= ""` (and never `!=`, `<`, `>`, `contains`). A money column is
  /// compared by amount against a number (`1`) or an amount (`US$1`, `1 USD`, `¥7`). `in` and
  /// `not-in` take a comma-separated list and compare each item as `=` does.
  /// - Throws: `KgshError` when the column (with the operand) holds more than one currency,
  ///   when a money column is compared with something that is not an amount, or when a regular
  ///   expression does not compile.
  static func filter(
    _ rows: [[Value]], column: Int, name: String, op: String, operand: String
  ) throws -> [[Value]] {
    let cells = rows.map { $0[column] }
    if op == "in" || op == "not-in" {
      let items = listItems(operand)
      guard items.contains(where: { !$0.isEmpty }) else {
        throw KgshError(
          .usage, "where: \(op) needs a list of values separated by commas",
          hint: "e.g. where \(name) \(op) Zhipu AI, MiniMax")
      }
      let tests = try items.map { try predicate(cells, name: name, op: "=", operand: $0) }
      return rows.filter { row in tests.contains { $0(row[column]) } == (op == "in") }
    }
    let test = try predicate(cells, name: name, op: op, operand: operand)
    return rows.filter { test($0[column]) }
  }

  /// The items of `in`'s list: `A, B`, also written as Cypher or SQL write a list
  /// (`[A, B]`, `('A', 'B')`).
  static func listItems(_ operand: String) -> [String] {
    var text = operand.trimmingCharacters(in: .whitespaces)
    if let open = text.first, let close = text.last, text.count >= 2,
      [("[", "]"), ("(", ")")].contains(where: {
        $0.0 == open && $0.1 == close
      })
    {
      text = String(text.dropFirst().dropLast())
    }
    return text.split(separator: ",").map { item in
      let word = item.trimmingCharacters(in: .whitespaces)
      if word.count >= 2, let q = word.first, "'\"".contains(q), word.last == q {
        return String(word.dropFirst().dropLast())
      }
      return word
    }
  }

  /// The test one cell of the column must pass for `op operand`.
  static func predicate(_ cells: [Value], name: String, op: String, operand: String) throws -> (Value) -> Bool
  {
    let blankOperand = operand.trimmingCharacters(in: .whitespaces).isEmpty
    if textual.contains(op) && blankOperand {
      // Every cell contains nothing: that would be no filter at all, and is surely a slip.
      throw KgshError(
        .usage, "where: \(op) needs text to look for", hint: "e.g. where \(name) \(op) GLM")
    }
    if op == "=~" || op == "!~" {
      let re = try expression(operand)
      return { cell in
        if isEmpty(cell) { return false }
        let text = cell.plainText
        return (re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil) == (op == "=~")
      }
    }
    if ordering.contains(op), !blankOperand, number(operand.trimmingCharacters(in: .whitespaces)) == nil,
      cells.contains(where: isNumber), cells.allSatisfy({ isEmpty($0) || isNumber($0) })
    {
      throw KgshError(
        .invalidValue, "where: \(name) holds numbers, and '\(operand)' is not a number",
        hint: "compare with a number, e.g. where \(name) \(op) 10")
    }
    guard !textual.contains(op), !blankOperand, cells.contains(where: isMoney) else {
      return { cell in
        if isEmpty(cell) { return blankOperand && (op == "=" || op == "==") }
        return ScriptValues.holds(op, cell, .string(operand))
      }
    }
    guard let amount = amount(operand) else {
      throw KgshError(
        .invalidValue, "where: \(name) holds money, and '\(operand)' is not an amount",
        hint: "compare with a number or an amount such as 1, US$1 or 7 CNY")
    }
    try requireOneCurrency(cells, plus: amount.currency, column: name, verb: "where")
    return { cell in
      guard let value = decimal(cell) else { return false }
      let r: ComparisonResult =
        value < amount.value ? .orderedAscending : value > amount.value ? .orderedDescending : .orderedSame
      return ScriptValues.holds(op, r)
    }
  }

  /// A regular expression typed after `=~`, or an error that says how to write one.
  static func expression(_ pattern: String) throws -> NSRegularExpression {
    guard let re = try? NSRegularExpression(pattern: pattern) else {
      throw KgshError(
        .invalidValue, "where: '\(pattern)' is not a regular expression",
        hint:
          #"=~ finds the pattern anywhere in the cell, as grep does; put \ before ( [ . * + ? to match the character itself, e.g. where name =~ '\(beta\)'"#
      )
    }
    return re
  }

  /// Fails when the money cells (and an operand's currency) are in more than one currency.
  /// - Throws: `KgshError` naming two of the currencies and `--currency`.
  static func requireOneCurrency(_ cells: [Value], plus extra: String? = nil, column: String, verb: String)
    throws
  {
    var seen: [String] = []
    for case .money(let m) in cells where !seen.contains(m.currency) { seen.append(m.currency) }
    if let extra, !seen.isEmpty, !seen.contains(extra) { seen.append(extra) }
    guard seen.count > 1 else { return }
    throw KgshError(
      .invalidValue,
      "\(verb): \(column) holds amounts in both \(seen[0]) and \(seen[1]), which do not compare without a rate",
      hint:
        "prices, compare and cost convert to one currency with --currency \(seen[0]); from other commands, "
        + "keep the rows of one currency first")
  }

  static func isMoney(_ value: Value) -> Bool { if case .money = value { true } else { false } }

  /// Whether a cell is a plain number (not money, not text).
  static func isNumber(_ value: Value) -> Bool {
    switch value {
    case .int, .decimal, .double: true
    default: false
    }
  }

  /// A cell's amount: money's amount, or a plain number.
  static func decimal(_ value: Value) -> Decimal? {
    switch value {
    case .money(let m): return m.amount
    case .int(let i): return Decimal(i)
    case .decimal(let d): return d
    case .double(let d): return Decimal(d)
    case .string(let s): return number(s)
    default: return nil
    }
  }

  /// An amount typed after `where`: `1`, `0.5`, `US$1`, `¥7`, `1 USD`, `CNY 7` (the currency
  /// is nil for a bare number).
  static func amount(_ text: String) -> (value: Decimal, currency: String?)? {
    var rest = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
    var currency: String? = nil
    for symbol in ["US$", "HK$", "JP¥", "¥", "$", "€", "£"] where rest.hasPrefix(symbol) {
      currency =
        symbol == "€" ? "EUR" : symbol == "£" ? "GBP" : symbol == "JP¥" ? "JPY" : Currencies.code(symbol)
      rest = String(rest.dropFirst(symbol.count))
      break
    }
    if currency == nil, rest.count > 3 {
      if let code = Currencies.code(String(rest.suffix(3))), Currencies.codes.contains(code) {
        currency = code
        rest = String(rest.dropLast(3))
      } else if let code = Currencies.code(String(rest.prefix(3))), Currencies.codes.contains(code) {
        currency = code
        rest = String(rest.dropFirst(3))
      }
    }
    guard let value = number(rest.trimmingCharacters(in: .whitespaces)) else { return nil }
    return (value, currency)
  }

  /// A decimal number: an optional sign, digits with at most one point, and an optional
  /// exponent (`1e2`, `2.5E-3`); else nil.
  static func number(_ text: String) -> Decimal? {
    guard text.wholeMatch(of: /[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?/) != nil else { return nil }
    return PlainDecimal.parse(text)
  }
}

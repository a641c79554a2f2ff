import Foundation
import KnowledgeGraph
import ShellCore

/// Helpers shared by the scripting commands: literals, variable expansion, conversions.
enum ScriptValues {
  /// Words' expanded texts joined by spaces (`assert`, `expect`, `print`).
  static func text(_ words: [Word], _ shell: Shell) throws -> String {
    try words.map { try shell.expand($0).text }.joinedText(" ")
  }

  /// A command's output as a value: tables become lists of maps, records maps.
  static func value(of output: Output) -> Value {
    switch output {
    case .table(let t):
      return .list(
        t.rows.map { row in
          .map(Dictionary(zip(t.columns, row).map { ($0, $1) }, uniquingKeysWith: { a, _ in a }))
        })
    case .record(let fields): return .map(Dictionary(fields, uniquingKeysWith: { a, _ in a }))
    case .sections(let parts):
      return .map(Dictionary(parts.map { ($0.0, value(of: $0.1)) }, uniquingKeysWith: { a, _ in a }))
    case .message(let m): return .string(m)
    case .empty: return .null
    }
  }

  /// A value as output: lists of maps become tables (columns in first-seen order).
  static func output(of value: Value, columns order: [String] = []) -> Output {
    switch value {
    case .list(let items)
    where !items.isEmpty && items.allSatisfy({ if case .map = $0 { true } else { false } }):
      var columns: [String] = []
      for case .map(let m) in items.prefix(1) { columns = order.filter { m[$0] != nil } }
      for case .map(let m) in items {
        for k in m.keys.sorted() where !columns.contains(k) { columns.append(k) }
      }
      let rows = items.map { item -> [Value] in
        guard case .map(let m) = item else { return [] }
        return columns.map { m[$0] ?? .null }
      }
      return .table(Table(columns: columns, rows: rows))
    case .list(let items) where items.isEmpty && !order.isEmpty:
      return .table(Table(columns: order, rows: []))
    case .list(let items): return .table(Table(columns: ["value"], rows: items.map { [$0] }))
    case .map(let m):
      // A stored record keeps its fields' order; other maps list their keys alphabetically.
      let keys = order.filter { m[$0] != nil } + m.keys.sorted().filter { !order.contains($0) }
      return .record(keys.map { ($0, m[$0]!) })
    case .null: return .empty
    default: return .message(value.plainText)
    }
  }

  /// Column order of stored tables, by variable name (maps do not keep it).
  static func columns(_ name: String, _ session: Session) -> [String] {
    (session.extensions["scripting.columns"] as? [String: [String]])?[name] ?? []
  }

  static func setColumns(_ name: String, _ columns: [String], _ session: Session) {
    var all = session.extensions["scripting.columns"] as? [String: [String]] ?? [:]
    all[name] = columns
    session.extensions["scripting.columns"] = all
  }

  /// A short description of a value for `params`.
  static func summary(_ value: Value) -> String {
    if case .list(let items) = value, items.contains(where: { if case .map = $0 { true } else { false } }) {
      return "table of \(items.count.counted("row"))"
    }
    if case .string(let s) = value { return "\"\(s)\"" }
    if case .list(let items) = value { return "[" + items.map(summary).joinedText(", ") + "]" }
    return TextWidth.truncate(value.plainText, to: 60)
  }

  /// Compares two values: numerically when both are numbers, else as text.
  static func compare(_ a: Value, _ b: Value) -> ComparisonResult {
    if let x = a.number ?? Double(a.plainText), let y = b.number ?? Double(b.plainText) {
      return x < y ? .orderedAscending : x > y ? .orderedDescending : .orderedSame
    }
    let x = a.plainText, y = b.plainText
    return x < y ? .orderedAscending : x > y ? .orderedDescending : .orderedSame
  }

  /// Whether `compare(a, b)` satisfies an operator (`==`/`=`, `!=`, `<`, `>`, `<=`, `>=`).
  static func holds(_ op: String, _ a: Value, _ b: Value) -> Bool {
    switch op {
    case "contains": return a.plainText.lowercased().contains(b.plainText.lowercased())
    case "starts-with": return a.plainText.lowercased().hasPrefix(b.plainText.lowercased())
    case "ends-with": return a.plainText.lowercased().hasSuffix(b.plainText.lowercased())
    default: break
    }
    return holds(op, compare(a, b))
  }

  /// Whether a comparison result satisfies an ordering or equality operator.
  static func holds(_ op: String, _ r: ComparisonResult) -> Bool {
    switch op {
    case "==", "=": return r == .orderedSame
    case "!=": return r != .orderedSame
    case "<": return r == .orderedAscending
    case ">": return r == .orderedDescending
    case "<=": return r != .orderedDescending
    case ">=": return r != .orderedAscending
    default: return false
    }
  }

  /// The pipeline input as a table, or a clear error naming the verb.
  static func inputTable(_ call: Call, example: String) throws -> Table {
    let verb = call.signature.name
    guard let input = call.input else {
      throw KgshError(.usage, "\(verb) needs a table from the command before |", hint: "e.g. \(example)")
    }
    if case .sections(let parts) = input {
      // A card: its parts are tables, and the command that made it can give one of them.
      let titles = parts.map(\.0).filter { !$0.isEmpty }
      throw KgshError(
        .usage,
        "\(verb) needs one table from the command before |, which gave \(parts.count.counted("part"))"
          + (titles.isEmpty ? "" : ": \(titles.joinedText(", "))"),
        hint: titles.contains("facts")
          ? "pipe one part, e.g. show ENTITY --section facts | \(verb)" : "e.g. \(example)")
    }
    guard let table = input.asTable else {
      throw KgshError(
        .usage, "\(verb) needs a table from the command before |, which gave no table",
        hint: "e.g. \(example)")
    }
    return table
  }

  /// A column index, or an error listing the columns.
  /// The columns named by words separated by commas or spaces (`name,score`, `name score`),
  /// each once; empty when no name is given.
  /// - Throws: `KgshError` for a column the table lacks or one named twice.
  static func columns(_ words: [String], in table: Table, verb: String) throws -> [Int] {
    let names = words.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    let indexes = try names.map { try column($0, in: table, verb: verb) }
    if let twice = indexes.indices.first(where: { indexes[..<$0].contains(indexes[$0]) }) {
      throw KgshError(
        .usage, "\(verb): \(table.columns[indexes[twice]]) is named twice", hint: "name each column once")
    }
    return indexes
  }

  static func column(_ name: String, in table: Table, verb: String) throws -> Int {
    guard let index = table.column(name) else {
      let near = Names.suggestions(for: name, among: table.columns)
      throw KgshError(
        .notFound, "\(verb): no column '\(name)'",
        hint: near.first.map { "did you mean '\($0)'?" }
          ?? "columns: \(table.columns.joinedText(", "))")
    }
    return index
  }
}

import Foundation
import KnowledgeGraph
import ShellCore

/// Helpers shared by the scripting commands: literals, variable expansion, conversions.
enum ScriptValues {
  /// Expands `$name` and `${name}` in raw text; single-quoted parts are left alone.
  static func expand(_ text: String, _ session: Session) throws -> String {
    var out = ""
    let chars = Array(text)
    var i = 0
    var inSingle = false
    while i < chars.count {
      let c = chars[i]
      if c == "'" { inSingle.toggle() }
      if c == "$", !inSingle, i + 1 < chars.count,
        chars[i + 1].isLetter || chars[i + 1] == "_" || chars[i + 1] == "{"
      {
        var j = i + 1
        var name = ""
        if chars[j] == "{" {
          j += 1
          while j < chars.count, chars[j] != "}" { name.append(chars[j]); j += 1 }
          j += 1
        } else {
          while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" {
            name.append(chars[j]); j += 1
          }
        }
        out += try session.variable(name).plainText
        i = j
        continue
      }
      out.append(c)
      i += 1
    }
    return out
  }

  /// Removes one pair of matching quotes around text.
  static func unquote(_ text: String) -> String {
    let t = text.trimmingCharacters(in: .whitespaces)
    if t.count >= 2, let f = t.first, f == "\"" || f == "'", t.last == f {
      return String(t.dropFirst().dropLast())
    }
    return t
  }

  /// A literal: quoted string, number, `[a, b]` list, `true`/`false`, or nil when it is none.
  static func literal(_ text: String) -> Value? {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard let first = t.first else { return .string("") }
    if first == "\"" || first == "'" {
      guard t.count >= 2, t.last == first else { return nil }
      return .string(String(t.dropFirst().dropLast()))
    }
    if let i = Int64(t) { return .int(i) }
    if let d = Double(t), t.first!.isNumber || t.first == "-" || t.first == "." { return .double(d) }
    if t == "true" || t == "false" { return .bool(t == "true") }
    if first == "[", t.last == "]" {
      let inner = String(t.dropFirst().dropLast())
      if inner.trimmingCharacters(in: .whitespaces).isEmpty { return .list([]) }
      return .list(
        splitTopLevel(inner, on: ",").map { literal($0) ?? .string($0.trimmingCharacters(in: .whitespaces)) })
    }
    return nil
  }

  /// Splits text at a separator outside quotes and brackets.
  static func splitTopLevel(_ text: String, on separator: Character) -> [String] {
    var parts: [String] = []
    var current = ""
    var quote: Character?
    var depth = 0
    for c in text {
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "[" || c == "(" || c == "{" {
        depth += 1
      } else if c == "]" || c == ")" || c == "}" {
        depth -= 1
      } else if c == separator, depth == 0 {
        parts.append(current)
        current = ""
        continue
      }
      current.append(c)
    }
    parts.append(current)
    return parts
  }

  /// Finds the last occurrence of one of `operators` outside quotes; longest operators first.
  static func findOperator(_ text: String, _ operators: [String]) -> (Range<String.Index>, String)? {
    var found: (Range<String.Index>, String)?
    var quote: Character?
    var i = text.startIndex
    while i < text.endIndex {
      let c = text[i]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if let op = operators.first(where: { text[i...].hasPrefix($0) }) {
        let end = text.index(i, offsetBy: op.count)
        found = (i..<end, op)
        i = end
        continue
      }
      i = text.index(after: i)
    }
    return found
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
    case .list(let items): return .table(Table(columns: ["value"], rows: items.map { [$0] }))
    case .map(let m): return .record(m.keys.sorted().map { ($0, m[$0]!) })
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
      return "table of \(items.count) row\(items.count == 1 ? "" : "s")"
    }
    if case .string(let s) = value { return "\"\(s)\"" }
    if case .list(let items) = value { return "[" + items.map(summary).joined(separator: ", ") + "]" }
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
    let r = compare(a, b)
    switch op {
    case "==", "=": return r == .orderedSame
    case "!=": return r != .orderedSame
    case "<": return r == .orderedAscending
    case ">": return r == .orderedDescending
    case "<=": return r != .orderedDescending
    case ">=": return r != .orderedAscending
    case "contains": return a.plainText.lowercased().contains(b.plainText.lowercased())
    default: return false
    }
  }

  /// The pipeline input as a table, or a clear error naming the verb.
  static func inputTable(_ call: Call, example: String) throws -> Table {
    let verb = call.signature.name
    guard let input = call.input else {
      throw ShellError("\(verb) needs a table from the command before |", hint: "e.g. \(example)")
    }
    guard let table = input.asTable else {
      throw ShellError(
        "\(verb) needs a table from the command before |, which gave no table", hint: "e.g. \(example)")
    }
    return table
  }

  /// A column index, or an error listing the columns.
  static func column(_ name: String, in table: Table, verb: String) throws -> Int {
    guard let index = table.column(name) else {
      let near = Names.suggestions(for: name, among: table.columns)
      throw ShellError(
        "\(verb): no column '\(name)'",
        hint: near.first.map { "did you mean '\($0)'?" }
          ?? "columns: \(table.columns.joined(separator: ", "))")
    }
    return index
  }
}

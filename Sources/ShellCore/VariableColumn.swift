import KnowledgeGraph

/// `$rows.name`, `$rows[0]`, `$rows[-1].name`: a column of a variable that holds a table (a
/// list of rows) or one row, and a row of a table or an item of a list by its index (from 0;
/// -1 is the last). A variable that holds text keeps the dot and the brackets as text
/// (`$file.csv`).
public enum VariableColumn {
  /// The value that `rest` (the text after `$name`) selects by its leading `.column`s and
  /// `[index]`es, and the text after them; nil when `rest` starts with neither or the value
  /// is not a table, a row or a list.
  /// - Throws: when the value is a table or a row without that column, or a list without
  ///   that index.
  static func take(_ rest: String, of value: Value, _ name: String) throws -> (Value, String)? {
    var value = value
    var rest = Substring(rest)
    var path = "$" + name
    var took = false
    while let (next, after) = try step(rest, of: value, path) {
      path += rest.dropLast(after.count)
      value = next
      rest = after
      took = true
    }
    return took ? (value, String(rest)) : nil
  }

  /// A word that names a variable with a path (`top.entity`, `top[0]`), as `print` reads it;
  /// nil when the word does not start with a variable's name or has text after the path.
  public static func value(of word: String, in variables: [String: Value]) throws -> Value? {
    guard let name = word.prefixMatch(of: /[A-Za-z_][A-Za-z0-9_]*/).map({ String($0.output) }),
      let variable = variables[name], name.count < word.count
    else { return nil }
    guard let (value, after) = try take(String(word.dropFirst(name.count)), of: variable, name),
      after.isEmpty
    else { return nil }
    return value
  }

  /// One `.column` or `[index]` at the start of `rest`.
  private static func step(_ rest: Substring, of value: Value, _ path: String) throws -> (Value, Substring)? {
    if let match = rest.prefixMatch(of: /\[(-?[0-9]+)\]/) {
      guard case .list(let items) = value else { return nil }
      return (try item(items, match.output.1, path), rest.dropFirst(match.output.0.count))
    }
    guard rest.hasPrefix("."),
      let key = rest.dropFirst().prefixMatch(of: /[A-Za-z_][A-Za-z0-9_]*/).map({ String($0.output) })
    else { return nil }
    let after = rest.dropFirst(1 + key.count)
    switch value {
    case .map(let row):
      return (try cell(row, key, path, columns: Array(row.keys).sorted()), after)
    case .list(let rows) where rows.isEmpty:
      return (.list([]), after)  // a column of a table without rows has no values
    case .list(let rows):
      var cells: [Value] = []
      for case .map(let row) in rows {
        cells.append(try cell(row, key, path, columns: Array(row.keys).sorted()))
      }
      guard cells.count == rows.count else { return nil }
      // One row's column is its value (`let n = count ...; assert $n.count == 3`).
      return (cells.count == 1 ? cells[0] : .list(cells), after)
    default:
      return nil
    }
  }

  /// `items[index]`, counting from the end when the index is negative.
  private static func item(_ items: [Value], _ digits: Substring, _ path: String) throws -> Value {
    let rows = !items.isEmpty && items.allSatisfy { if case .map = $0 { true } else { false } }
    let what = rows ? "rows" : "items"
    if let index = Int(digits) {
      let position = index < 0 ? items.count + index : index
      if items.indices.contains(position) { return items[position] }
    }
    let range = items.isEmpty ? "it is empty" : "write [0] to [\(items.count - 1)], or [-1] for the last"
    throw KgshError(
      .invalidValue, "\(path)[\(digits)]: \(path) has \(items.count) \(what)", hint: range)
  }

  static func cell(_ row: [String: Value], _ key: String, _ path: String, columns: [String]) throws -> Value {
    if let value = row[key] { return value }
    throw KgshError.notFound(
      "column", key, suggestions: Names.suggestions(for: key, among: columns),
      hint: "\(path) has the columns \(columns.joinedText(", "))")
  }

  /// A table of one row and one column stands for its cell where one value is wanted
  /// (`let n = labels | count; assert $n == 18`, `echo $n`); anything else as it is.
  static func single(_ value: Value) -> Value {
    guard case .list(let rows) = value, rows.count == 1, case .map(let row) = rows[0], row.count == 1
    else { return value }
    return row.values.first!
  }
}

import KnowledgeGraph

/// `$rows.name`: one column of a variable that holds a table (a list of rows) or one row.
/// A variable that holds text keeps the dot as text (`$file.csv`).
enum VariableColumn {
  /// The column that `rest` (the text after `$name`) starts with, and the text after it; nil
  /// when `rest` does not start with `.word` or the value is not a table or a row.
  /// - Throws: when the value is a table or a row without that column.
  static func take(_ rest: String, of value: Value, _ name: String) throws -> (Value, String)? {
    guard rest.hasPrefix("."),
      let key = rest.dropFirst().prefixMatch(of: /[A-Za-z_][A-Za-z0-9_]*/).map({ String($0.output) })
    else { return nil }
    let after = String(rest.dropFirst(1 + key.count))
    switch value {
    case .map(let row):
      return (try cell(row, key, name, columns: Array(row.keys).sorted()), after)
    case .list(let rows) where !rows.isEmpty:
      var cells: [Value] = []
      for case .map(let row) in rows {
        cells.append(try cell(row, key, name, columns: Array(row.keys).sorted()))
      }
      guard cells.count == rows.count else { return nil }
      // One row's column is its value (`let n = count ...; assert $n.count == 3`).
      return (cells.count == 1 ? cells[0] : .list(cells), after)
    default:
      return nil
    }
  }

  static func cell(_ row: [String: Value], _ key: String, _ name: String, columns: [String]) throws -> Value {
    if let value = row[key] { return value }
    throw KgshError.notFound(
      "column", key, suggestions: Names.suggestions(for: key, among: columns),
      hint: "$\(name) has the columns \(columns.joinedText(", "))")
  }

  /// A table of one row and one column stands for its cell where one value is wanted
  /// (`let n = labels | count; assert $n == 18`, `echo $n`); anything else as it is.
  static func single(_ value: Value) -> Value {
    guard case .list(let rows) = value, rows.count == 1, case .map(let row) = rows[0], row.count == 1
    else { return value }
    return row.values.first!
  }
}

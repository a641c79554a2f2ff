import KnowledgeGraph

extension Shell {
  /// `$na` completes to the variables' names, `$rows.na` and `$rows[0].na` to the columns of
  /// the table or row the variable holds; nil when the word is not a variable.
  func completeVariable(_ current: String, start: Int) -> CompletionResult? {
    guard current.hasPrefix("$") else { return nil }
    let body = current.dropFirst()
    var offered: [String] = []
    if let dot = body.lastIndex(of: ".") {
      let base = String(body[..<dot])
      let prefix = body[body.index(after: dot)...].lowercased()
      let value = (try? VariableColumn.value(of: base, in: session.variables)) ?? session.variables[base]
      offered = Self.columns(of: value).filter { $0.lowercased().hasPrefix(prefix) }.map { "$\(base).\($0)" }
    } else {
      let prefix = body.lowercased()
      offered = session.variables.keys.sorted().filter { $0.lowercased().hasPrefix(prefix) }.map { "$" + $0 }
    }
    return CompletionResult(
      start: start, candidates: Array(offered.prefix(Shell.completionPage)), total: offered.count)
  }

  /// The column names of a row, or of the rows of a table, in name order.
  private static func columns(of value: Value?) -> [String] {
    switch value {
    case .map(let row)?: return row.keys.sorted()
    case .list(let rows)?:
      var names: Set<String> = []
      for case .map(let row) in rows { names.formUnion(row.keys) }
      return names.sorted()
    default: return []
    }
  }
}

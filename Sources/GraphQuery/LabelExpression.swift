import KnowledgeGraph

/// A GQL label expression in a node pattern: `A`, `A|B`, `A&B`, `!A`, `%` (any label).
indirect enum LabelExpression: Sendable {
  case label(String)
  /// `$(expr)` (every label the string or list names), `$any(expr)` (one of them at least):
  /// labels read when the query runs (Neo4j 5.26).
  case dynamic(Expr, all: Bool)
  case any
  case or(LabelExpression, LabelExpression)
  case and(LabelExpression, LabelExpression)
  case not(LabelExpression)

  /// The labels of a plain conjunction (`A`, `A&B`), which label scans can use; nil otherwise.
  var conjunction: [String]? {
    switch self {
    case .label(let l): return [l]
    case .and(let a, let b):
      guard let x = a.conjunction, let y = b.conjunction else { return nil }
      return x + y
    default: return nil
    }
  }

  /// Every label the expression names.
  var names: [String] {
    switch self {
    case .label(let l): return [l]
    case .any, .dynamic: return []
    case .or(let a, let b), .and(let a, let b): return a.names + b.names
    case .not(let a): return a.names
    }
  }

  /// Labels one of which every matching node carries (`A|B`: A or B; `A&!C`: A), so a scan of
  /// their members finds them all; nil when no such labels exist (`!A`, `%`, `$(x)`).
  var candidates: [String]? {
    switch self {
    case .label(let l): return [l]
    case .or(let a, let b):
      guard let x = a.candidates, let y = b.candidates else { return nil }
      return x + y.filter { !x.contains($0) }
    case .and(let a, let b): return a.candidates ?? b.candidates
    case .any, .not, .dynamic: return nil
    }
  }

  /// The test as an expression over the node `node`.
  func test(_ node: Expr) -> Expr {
    switch self {
    case .label(let l): return .hasLabels(node, [l])
    case .dynamic(let names, let all):
      return .function(
        name: Functions.dynamicLabels, distinct: false, args: [node, names, .literal(.bool(all))],
        SourcePosition(line: 0, column: 0))
    case .any:
      return .binary(
        .gt,
        .function(
          name: "size", distinct: false,
          args: [
            .function(name: "labels", distinct: false, args: [node], SourcePosition(line: 0, column: 0))
          ], SourcePosition(line: 0, column: 0)),
        .literal(.int(0)))
    case .or(let a, let b): return .binary(.or, a.test(node), b.test(node))
    case .and(let a, let b): return .binary(.and, a.test(node), b.test(node))
    case .not(let a): return .unary(.not, a.test(node))
    }
  }
}

import KnowledgeGraph

/// Checks done before a query runs: unknown functions, property access on values that
/// have no properties, and what an expression is known to produce.
enum StaticCheck {
  /// Throws for calls to unknown functions and for property reads on paths and literals.
  static func check(_ e: Expr, _ scope: Scope) throws {
    var failure: KgshError?
    e.visit { sub in
      guard failure == nil else { return }
      switch sub {
      case .function(let name, _, let args, let pos):
        let lower = name.lowercased()
        if !Functions.isKnown(lower) && !Expr.aggregateNames.contains(lower) {
          failure = Functions.unknown(name, at: pos)
        } else if args.count == 1, let message = StaticCheck.wrongArgument(lower, args[0], scope) {
          failure = KgshError.semantic(message, code: "InvalidArgumentType", at: pos)
        } else if lower != "exists", args.contains(where: { if case .pattern = $0 { true } else { false } }) {
          failure = KgshError.syntax(
            "a pattern can only be used as a predicate here; use COUNT { } or a pattern comprehension",
            at: pos, code: "UnexpectedSyntax")
        }
      case .listComprehension(_, _, let predicate, let map)
      where (predicate?.containsAggregate ?? false) || (map?.containsAggregate ?? false):
        failure = KgshError.semantic(
          "a list comprehension cannot aggregate; aggregate in WITH first", code: "InvalidAggregation")
      case .reduce(_, _, _, _, let step) where step.containsAggregate:
        failure = KgshError.semantic(
          "reduce() cannot aggregate in its step; aggregate in WITH first", code: "InvalidAggregation")
      case .binary(.and, let l, let r), .binary(.or, let l, let r), .binary(.xor, let l, let r):
        if let bad = [l, r].first(where: StaticCheck.isNonBoolean) {
          failure = KgshError.semantic(
            "AND, OR and XOR take booleans, not \(StaticCheck.describe(bad))", code: "InvalidArgumentType")
        }
      case .unary(.not, let operand) where StaticCheck.isNonBoolean(operand):
        failure = KgshError.semantic(
          "NOT takes a boolean, not \(StaticCheck.describe(operand))", code: "InvalidArgumentType")
      case .binary(.in, _, let rhs):
        switch rhs {
        case .literal(let v) where !v.isNull:
          if case .list = v { break }
          failure = KgshError.semantic(
            "IN needs a list, not \(v.typeNameWithArticle)", code: "InvalidArgumentType")
        case .map:
          failure = KgshError.semantic("IN needs a list, not a map", code: "InvalidArgumentType")
        default: break
        }
      case .property(let base, let key):
        let kind = StaticCheck.kind(of: base, scope)
        if kind == .relationshipList, case .variable(let name, _) = base {
          failure = KgshError.semantic(
            "cannot read property '\(key)' of \(name), a list of relationships (a variable-length one); "
              + "read each with [one IN \(name) | one.\(key)], or test each inside the pattern: "
              + "-[\(name) WHERE \(name).\(key) ...]->{1,3}", code: "InvalidArgumentType")
        } else if kind == .path || kind == .scalar || kind == .relationshipList {
          failure = KgshError.semantic(
            "cannot read property '\(key)' of a \(kind == .path ? "path" : "value of this type")",
            code: "InvalidArgumentType")
        }
        if case .literal(let v) = base, !v.isNull {
          failure = KgshError.semantic(
            "cannot read property '\(key)' of \(v.typeNameWithArticle)", code: "InvalidArgumentType")
        }
      default: break
      }
    }
    if let failure { throw failure }
  }

  /// What an expression is known to produce, as far as it can be told before running.
  static func kind(of e: Expr, _ scope: Scope) -> Scope.Kind {
    switch e {
    case .variable(let name, _): return scope.kinds[name] ?? .value
    case .literal(let v):
      switch v {
      case .null: return .value
      default: return .scalar
      }
    case .list, .listComprehension, .binary, .unary, .isNull, .hasLabels, .quantifier, .countStar:
      return .scalar
    case .reduce: return .value
    case .map: return .map
    case .function(let name, _, _, _):
      switch name.lowercased() {
      case "startnode", "endnode": return .node
      case "coalesce", "head", "last", "min", "max": return .value
      case "properties", Functions.mapProjection: return .map
      case "collect", "nodes", "relationships", "tail", "range", "labels", "keys": return .scalar
      case let n where TemporalFunctions.names.contains(n): return .value
      default: return .scalar
      }
    default: return .value
    }
  }

  /// In an item that aggregates, only grouping keys (variables, or property reads that are
  /// themselves projected) may appear outside the aggregate calls.
  /// `reportOnly`: complain only about these variables (nil: about every one).
  static func checkAggregationItem(_ e: Expr, groupingKeys: [Expr], reportOnly: Set<String>? = nil) throws {
    let keys = Set(groupingKeys.map(canonical))
    func walk(_ e: Expr) throws {
      switch e {
      case .countStar: return
      case .function(let name, _, _, _) where Expr.aggregateNames.contains(name.lowercased()): return
      case .variable(let name, let pos):
        if !keys.contains(canonical(e)), reportOnly?.contains(name) ?? true {
          throw KgshError.semantic(
            "'\(name)' is used next to an aggregate but is not a grouping key",
            code: "AmbiguousAggregationExpression",
            at: pos)
        }
      case .property(.variable, _):
        if keys.contains(canonical(e)) { return }
        try walk(e.children[0])
      case .listComprehension, .quantifier, .reduce: return
      default:
        for child in e.children { try walk(child) }
      }
    }
    try walk(e)
  }

  /// ORDER BY next to an aggregate, checked before anything else about the projection: a
  /// variable outside the aggregate calls that is neither a grouping key nor a column, but
  /// does occur inside a larger grouping expression (`WITH a.x + b.y, count(*) ORDER BY
  /// a.x + b.y + count(*)`), is ambiguous. Variables the projection does not mention at all
  /// are left to the undefined-variable check.
  static func checkOrderByAggregation(_ order: [SortItem], _ items: [ProjectionItem]) throws {
    guard items.contains(where: \.expression.containsAggregate) else { return }
    let grouping = items.filter { !$0.expression.containsAggregate }
    let keys =
      grouping.map(\.expression) + grouping.map { Expr.variable($0.name, SourcePosition(line: 0, column: 0)) }
    let mentioned = grouping.reduce(into: Set<String>()) { $0.formUnion($1.expression.variables) }
    for s in order where s.expression.containsAggregate {
      try checkAggregationItem(s.expression, groupingKeys: keys, reportOnly: mentioned)
    }
  }

  /// After DISTINCT or aggregation, ORDER BY sees only the projected columns (and
  /// expressions written exactly as a projected one).
  static func checkOnlyProjected(_ e: Expr, _ projected: Set<String>, _ columns: Set<String>) throws {
    if projected.contains(canonical(e)) { return }
    switch e {
    case .variable(let name, let pos):
      if !columns.contains(name) && !name.hasPrefix(" agg") {
        var error = KgshError.semantic(
          "'\(name)' is not projected by the DISTINCT or aggregating projection it is sorted after",
          code: "UndefinedVariable", at: pos)
        error.hint = "sort by a column it returns, or add what the sort reads as a column (... AS key)"
        throw error
      }
    case .listComprehension, .quantifier, .reduce, .pattern: return
    default:
      for child in e.children { try checkOnlyProjected(child, projected, columns) }
    }
  }

  /// A text form of an expression without source positions, for comparing expressions.
  static func canonical(_ e: Expr) -> String {
    switch e {
    case .literal(let v): return "\(v)"
    case .parameter(let p, _): return "$\(p)"
    case .variable(let v, _): return "`\(v)`"
    case .property(let b, let k): return "\(canonical(b)).`\(k)`"
    case .function(let n, let d, let args, _):
      return "\(n.lowercased())(\(d ? "DISTINCT " : "")\(args.map(canonical).joinedText(",")))"
    case .countStar: return "count(*)"
    default: return "\(e.kindName)(\(e.children.map(canonical).joinedText(",")))"
    }
  }
}

extension Expr {
  /// Direct sub-expressions.
  var children: [Expr] {
    var out: [Expr] = []
    _ = try? mapChildren { c in
      out.append(c)
      return c
    }
    return out
  }

  var kindName: String {
    switch self {
    case .list: return "list"
    case .map(let entries): return "map[\(entries.map(\.0).joinedText(","))]"
    case .unary(let op, _): return "unary\(op)"
    case .binary(let op, _, _): return "binary\(op.rawValue)"
    case .isNull(_, let n): return "isnull\(n)"
    case .hasLabels(_, let l): return "labels\(l)"
    case .isType(_, let type, let n): return "istype\(n)\(type)"
    case .index: return "index"
    case .slice(_, let a, let b): return "slice\(a != nil)\(b != nil)"
    case .caseExpr(let s, let w, let o): return "case\(s != nil)\(w.count)\(o != nil)"
    case .listComprehension(let v, _, let p, let m): return "lc\(v)\(p != nil)\(m != nil)"
    case .quantifier(let k, let v, _, _): return "q\(k)\(v)"
    case .reduce(let a, _, let v, _, _): return "reduce\(a)\(v)"
    default: return "\(self)"
    }
  }
}

extension StaticCheck {
  /// True when an expression reads nothing from rows, parameters or the graph and calls no
  /// function (so evaluating it early is safe and gives the value it will have).
  static func isConstant(_ e: Expr) -> Bool {
    guard e.variables.isEmpty else { return false }
    var constant = true
    e.visit { sub in
      switch sub {
      case .parameter, .function, .pattern, .countStar, .hasLabels: constant = false
      default: break
      }
    }
    return constant
  }

  /// Type errors in constant operator expressions (`123 AND true`, `none(x IN ['a'] WHERE
  /// x % 2 = 0)`) are found before the query runs, as the TCK expects.
  static func checkConstantTypes(_ e: Expr, _ evaluator: Evaluator) throws {
    // A trial run, not the query's: the comparisons it makes are not the query's to report.
    let noted = evaluator.graph.incomparable
    defer { evaluator.graph.incomparable = noted }
    var failure: KgshError?
    e.visit { sub in
      guard failure == nil else { return }
      switch sub {
      case .binary, .unary, .quantifier, .listComprehension:
        guard isConstant(sub) else { return }
        do {
          _ = try evaluator.eval(sub, [], Scope())
        } catch let error as KgshError where error.kind == .runtime && error.code == "InvalidArgumentType" {
          failure = KgshError.semantic(error.message, code: "InvalidArgumentType")
        } catch {}
      default: break
      }
    }
    if let failure { throw failure }
  }
}

extension StaticCheck {
  /// A literal, list or map that is known not to be a boolean (null is not).
  static func isNonBoolean(_ e: Expr) -> Bool {
    switch e {
    case .literal(let v):
      if case .bool = v { return false }
      return !v.isNull
    case .list, .map: return true
    default: return false
    }
  }

  static func describe(_ e: Expr) -> String {
    switch e {
    case .literal(let v): return "\(v.typeNameWithArticle)"
    case .list: return "a list"
    default: return "a map"
    }
  }

  /// Why a one-argument element function cannot take what it is given, when that is known
  /// before running (`type(node)`, `labels(path)`, `properties(1)`, `size(path)`).
  static func wrongArgument(_ name: String, _ arg: Expr, _ scope: Scope) -> String? {
    let kind = kind(of: arg, scope)
    let literal: Bool = {
      switch arg {
      case .literal(let v): return !v.isNull
      case .list: return true
      default: return false
      }
    }()
    switch name {
    case "type" where kind == .node || kind == .path:
      return "type() takes a relationship, not a \(kind)"
    case "labels" where kind == .relationship || kind == .path:
      return "labels() takes a node, not a \(kind)"
    case "properties" where literal || kind == .path:
      return "properties() takes a node, a relationship or a map"
    case "size" where kind == .path:
      return "size() takes a list or a string, not a path; use length()"
    case "length" where kind == .node || kind == .relationship:
      return "length() takes a path, not a \(kind)"
    default: return nil
    }
  }
}

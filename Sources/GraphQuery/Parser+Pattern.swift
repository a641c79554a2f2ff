import KnowledgeGraph

/// Patterns: paths, nodes with label expressions, relationships with lengths and quantifiers.
extension Parser {
  mutating func patternList() throws -> [PathPattern] {
    var patterns: [PathPattern] = []
    repeat { patterns.append(try pathPattern()) } while acceptSymbol(",")
    return patterns
  }

  mutating func pathPattern() throws -> PathPattern {
    let start = position
    var pathName: String?
    if case .identifier = current.kind, isSymbol("=", at: 1) {
      pathName = try name("a path name")
      advance()
    } else if case .quotedIdentifier = current.kind, isSymbol("=", at: 1) {
      pathName = try name("a path name")
      advance()
    }
    if let word = current.keyword, ["SHORTESTPATH", "ALLSHORTESTPATHS"].contains(word), isSymbol("(", at: 1) {
      return try shortestPathPattern(name: pathName, all: word == "ALLSHORTESTPATHS")
    }
    if let selector = try pathSelector() {
      var pattern = try pathPattern()
      guard let mode = selector.mode else {
        // ALL keeps every path: the pattern as written.
        guard pattern.name == nil, pattern.shortest == nil else {
          throw KgshError.syntax("\(selector.text) takes a plain pattern such as (a)-[*]-(b)", at: start)
        }
        pattern.name = pathName
        pattern.position = start
        return pattern
      }
      return try shortest(pattern, name: pathName, mode: mode, as: selector.text, at: start)
    }
    // A quantified path pattern may start or end a path, or follow a relationship: an
    // anonymous node stands where none is written (GQL's implicit node).
    var atSegment: Bool { isSymbol("(") && isSymbol("(", at: 1) }
    var implicit: NodePattern { NodePattern(variable: nil, labels: [], properties: nil, position: position) }
    var nodes = [atSegment ? implicit : try nodePattern()]
    var rels: [RelationshipPattern] = []
    while true {
      if atSegment {
        rels.append(try quantifiedPath())
        nodes.append(isSymbol("(") && !atSegment ? try nodePattern() : implicit)
      } else if isSymbol("-") || (isSymbol("<") && isSymbol("-", at: 1)) {
        rels.append(try relationshipPattern())
        nodes.append(atSegment ? implicit : try nodePattern())
      } else {
        break
      }
    }
    return PathPattern(name: pathName, nodes: nodes, relationships: rels, position: start)
  }

  /// `((a)-[r:T]->(b) WHERE a.x < b.x){1,3}`: a path repeated as its quantifier says.
  mutating func quantifiedPath() throws -> RelationshipPattern {
    let start = position
    try expectSymbol("(")
    let inner = try pathPattern()
    guard inner.name == nil, inner.shortest == nil, !inner.relationships.isEmpty,
      !inner.relationships.contains(where: { $0.segment != nil })
    else {
      throw KgshError.syntax(
        "a quantified path pattern holds a plain path of at least one relationship, "
          + "e.g. ((a)-[:SUCCEEDS]->(b)){1,3}", at: start, code: "InvalidQuantifiedPathPattern")
    }
    let predicate = acceptKeyword("WHERE") ? try expression() : nil
    try expectSymbol(")")
    guard let length = try quantifier() else {
      throw KgshError.syntax(
        "a parenthesized path pattern needs a quantifier after it: {1,3}, {2}, + or *", at: position,
        code: "InvalidQuantifiedPathPattern")
    }
    var rel = RelationshipPattern(
      variable: nil, types: [], direction: .outgoing, properties: nil, length: length, position: start)
    rel.segment = QuantifiedSegment(pattern: inner, predicate: predicate)
    return rel
  }

  /// `shortestPath((a)-[:T*..5]-(b))`: one relationship between two nodes, at least 0 or 1 long.
  mutating func shortestPathPattern(name: String?, all: Bool) throws -> PathPattern {
    let start = position
    let function = all ? "allShortestPaths" : "shortestPath"
    advance()
    try expectSymbol("(")
    let pattern = try pathPattern()
    try expectSymbol(")")
    return try shortest(pattern, name: name, mode: all ? .all : .one, as: function + "()", at: start)
  }

  /// `pattern` as a shortest-path search (`as` names the syntax in messages).
  func shortest(
    _ pattern: PathPattern, name: String?, mode: ShortestMode, as function: String, at start: SourcePosition
  )
    throws -> PathPattern
  {
    var pattern = pattern
    guard pattern.shortest == nil, pattern.name == nil else {
      throw KgshError.syntax("\(function) takes a plain pattern such as (a)-[*]-(b)", at: start)
    }
    guard pattern.relationships.count == 1, pattern.relationships[0].segment == nil else {
      throw KgshError.syntax(
        "\(function) needs a pattern of exactly one relationship between two nodes, such as (a)-[*]-(b)",
        at: start, code: "InvalidShortestPathPattern")
    }
    if !mode.isSelector, let length = pattern.relationships[0].length, length.min > 1 {
      throw KgshError.syntax(
        "\(function) finds paths of at least 0 or 1 relationships, not \(length.min); "
          + "filter on length(p) to ask for longer ones", at: start, code: "InvalidShortestPathPattern")
    }
    pattern.name = name
    pattern.position = start
    pattern.shortest = mode
    return pattern
  }

  mutating func nodePattern() throws -> NodePattern {
    let start = position
    try expectSymbol("(")
    var variable: String?
    switch current.kind {
    case .identifier(let s), .quotedIdentifier(let s):
      variable = s
      advance()
    default: break
    }
    var labels: [String] = []
    var tests: [LabelExpression] = []
    var dynamicLabels: [Expr] = []
    while acceptSymbol(":") {
      let e = try until(bar: false) { try $0.labelExpression() }
      if let plain = e.conjunction {
        labels += plain
      } else if case .dynamic(let names, all: true) = e {
        dynamicLabels.append(names)
      } else {
        tests.append(e)
      }
    }
    var props: Expr?
    if isSymbol("{") {
      props = try mapLiteral()
    } else if case .parameter(let p) = current.kind {
      props = .parameter(p, position)
      advance()
    }
    var predicate: Expr?
    if isKeyword("WHERE") {
      guard variable != nil else {
        throw KgshError.syntax(
          "a WHERE inside a node pattern needs the node's variable, e.g. (n WHERE n.founded_date > '2020')",
          at: position, code: "InvalidNodePattern")
      }
      advance()
      predicate = try expression()
    }
    try expectSymbol(")")
    var node = NodePattern(variable: variable, labels: labels, properties: props, position: start)
    node.labelTest = tests.dropFirst().reduce(tests.first) { all, e in all.map { .and($0, e) } }
    node.predicate = predicate
    node.dynamicLabels = dynamicLabels
    return node
  }

  /// A label expression after `:` in a node pattern: `|` (or), `&` (and), `!` (not), `%`
  /// (any label) and parentheses, `!` binding tightest.
  mutating func labelExpression() throws -> LabelExpression {
    var e = try labelConjunction()
    while !barEnds, isSymbol("|"), !isSymbol("|", at: 1) {
      advance()
      _ = acceptSymbol(":")  // the older spelling :A|:B
      e = .or(e, try labelConjunction())
    }
    return e
  }

  /// Parses with `barEnds` set as given (true: a `|` ends what is parsed), restoring it after.
  mutating func until<T>(bar: Bool, _ parse: (inout Parser) throws -> T) rethrows -> T {
    let saved = barEnds
    barEnds = bar
    defer { barEnds = saved }
    return try parse(&self)
  }

  mutating func labelConjunction() throws -> LabelExpression {
    var e = try labelFactor()
    while acceptSymbol("&") { e = .and(e, try labelFactor()) }
    return e
  }

  mutating func labelFactor() throws -> LabelExpression {
    if let dynamic = try dynamicLabel() { return dynamic }
    if acceptSymbol("!") { return .not(try labelFactor()) }
    if acceptSymbol("%") { return .any }
    if acceptSymbol("(") {
      let e = try until(bar: false) { try $0.labelExpression() }
      try expectSymbol(")")
      return e
    }
    return .label(try name("a label name"))
  }

  /// `$(expr)`, `$all(expr)` or `$any(expr)` where a label or type is written; nil elsewhere.
  mutating func dynamicLabel() throws -> LabelExpression? {
    var all = true
    if case .parameter(let word) = current.kind, ["any", "all"].contains(word.lowercased()),
      isSymbol("(", at: 1)
    {
      all = word.lowercased() == "all"
    } else if !isSymbol("$") {
      return nil
    }
    advance()
    try expectSymbol("(")
    let names = try until(bar: false) { try $0.expression() }
    try expectSymbol(")")
    return .dynamic(names, all: all)
  }

  mutating func relationshipPattern() throws -> RelationshipPattern {
    let start = position
    var leftArrow = false
    if acceptSymbol("<") { leftArrow = true }
    try expectSymbol("-")
    var rel = RelationshipPattern(
      variable: nil, types: [], direction: .both, properties: nil, length: nil, position: start)
    if acceptSymbol("[") { try relationshipDetail(&rel) }
    try expectSymbol("-")
    let rightArrow = acceptSymbol(">")
    switch (leftArrow, rightArrow) {
    case (true, false): rel.direction = .incoming
    case (false, true): rel.direction = .outgoing
    default: rel.direction = .both
    }
    let quantifierAt = position
    if let q = try quantifier() {
      guard rel.length == nil else {
        throw KgshError.syntax(
          "a relationship takes a length once: either [*\(q.min)..\(q.max.map(String.init) ?? "")] or a quantifier "
            + "such as {\(q.min),\(q.max.map(String.init) ?? "")} after it, not both", at: quantifierAt,
          code: "InvalidRelationshipPattern")
      }
      rel.length = q
    }
    return rel
  }

  /// What stands between a relationship's brackets, after `[`: variable, types, length
  /// (`*1..3`), properties and a WHERE, then `]`.
  private mutating func relationshipDetail(_ rel: inout RelationshipPattern) throws {
    switch current.kind {
    case .identifier(let s), .quotedIdentifier(let s):
      rel.variable = s
      advance()
    default: break
    }
    var dynamicType: LabelExpression?
    if acceptSymbol(":"), let dynamic = try dynamicLabel() {
      dynamicType = dynamic
    } else if index > 0, tokens[index - 1].kind == .symbol(":") {
      rel.types.append(try name("a relationship type"))
      while acceptSymbol("|") {
        _ = acceptSymbol(":")
        rel.types.append(try name("a relationship type"))
      }
    }
    if isSymbol("..") || (isSymbol("*") && isSymbol("-", at: 1)) {
      throw KgshError.syntax(
        "a variable-length relationship is written [*min..max] with non-negative bounds", at: position,
        code: "InvalidRelationshipPattern")
    }
    if acceptSymbol("*") { rel.length = lengthRange() }
    if isSymbol("{") {
      rel.properties = try mapLiteral()
    } else if case .parameter(let p) = current.kind {
      rel.properties = .parameter(p, position)
      advance()
    }
    if isKeyword("WHERE") {
      guard rel.variable != nil else {
        throw KgshError.syntax(
          "a WHERE inside a relationship pattern needs its variable, e.g. -[r WHERE r.amount > 0]->",
          at: position, code: "InvalidRelationshipPattern")
      }
      advance()
      rel.predicate = try expression()
    }
    rel.dynamicType = dynamicType
    try expectSymbol("]")
  }

  /// A variable length after `*`: `*` (1 or more), `*2`, `*1..3`, `*..3`, `*2..`.
  private mutating func lengthRange() -> (min: Int, max: Int?) {
    var lo: Int?
    var hi: Int?
    if case .integer(let v) = current.kind {
      lo = Int(v)
      advance()
    }
    if acceptSymbol("..") {
      if case .integer(let v) = current.kind {
        hi = Int(v)
        advance()
      }
    } else if let l = lo {
      hi = l
    }
    return (lo ?? 1, hi)
  }

  /// A GQL quantifier after a relationship: `{n}`, `{m,n}`, `{m,}`, `{,n}`, `+` (one or more)
  /// or `*` (zero or more); nil when none follows.
  mutating func quantifier() throws -> (min: Int, max: Int?)? {
    if acceptSymbol("+") { return (1, nil) }
    if acceptSymbol("*") { return (0, nil) }
    guard isSymbol("{") else { return nil }
    let start = position, first = index
    advance()
    func bound() -> Int? {
      guard case .integer(let v) = current.kind else { return nil }
      advance()
      return Int(v)
    }
    let lo = bound()
    let hi: Int?
    if acceptSymbol(",") {
      hi = bound()
    } else {
      guard let lo else { throw unexpected("a number of repetitions, as in {1,3}") }
      hi = lo
    }
    try expectSymbol("}")
    if let hi, hi < max(lo ?? 0, 1) {
      throw KgshError.syntax(
        "a quantifier's upper bound must be at least 1 and at least its lower bound, not "
          + source(from: first, to: index), at: start, code: "InvalidQuantifier")
    }
    return (lo ?? 0, hi)
  }
}

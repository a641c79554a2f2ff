import KnowledgeGraph

/// The syntax tree of a query: a list of clauses.
struct Query: Sendable {
  var clauses: [Clause]
  /// Queries joined to this one by UNION (`unionAll` false) or UNION ALL (true), in order.
  var unionParts: [Query] = []
  var unionAll = false
}

enum Clause: Sendable {
  case match(MatchClause)
  case create([PathPattern], SourcePosition)
  case with(Projection, where: Expr?)
  case `return`(Projection)
  /// The list, the variable, where the clause starts, and the list as written (for plans).
  case unwind(Expr, alias: String, SourcePosition, text: String)
  case set([SetItem], SourcePosition)
  case remove([RemoveItem], SourcePosition)
  case delete([Expr], detach: Bool, SourcePosition)
  case merge(MergeClause)
  case call(CallClause)
  case subquery(SubqueryCall)
}

/// `CALL { ... }` or `CALL (a, b) { ... }`: a query run once for each incoming row, whose
/// returned rows are joined to that row (a unit subquery, one that only writes, passes the
/// row on as it is).
struct SubqueryCall: Sendable {
  var body: Query
  /// The variables `CALL (a, b)` names (nil when written `CALL {`); `importsAll` for `CALL (*)`.
  var imports: [String]?
  var importsAll = false
  var position: SourcePosition
  /// Written as `FOREACH (x IN list | updates)`.
  var isForeach = false

  /// The parts of the body: the query and those joined to it by UNION.
  var parts: [Query] { [Query(clauses: body.clauses)] + body.unionParts }
  /// A unit subquery returns nothing: its body ends in a write, not RETURN.
  var isUnit: Bool {
    guard case .return? = body.clauses.last else { return true }
    return false
  }
}

/// `CALL name(args) YIELD out AS alias, ... WHERE ...`
struct CallClause: Sendable {
  var name: String
  /// nil when called without parentheses (arguments come from same-named parameters).
  var arguments: [Expr]?
  /// (output, variable) pairs; nil without YIELD; `yieldAll` for `YIELD *`.
  var yields: [(output: String, variable: String, SourcePosition)]?
  var yieldAll: Bool
  var predicate: Expr?
  var position: SourcePosition
}

/// One item of SET (also MERGE's ON CREATE / ON MATCH).
enum SetItem: Sendable {
  /// `target.key = value` (target is a variable or an expression giving a node or relationship).
  case property(target: Expr, key: String, value: Expr)
  /// `n = map` replaces all properties; `n += map` adds to them.
  case properties(variable: String, value: Expr, merge: Bool, SourcePosition)
  /// `n:A:B`, `n:$(x)`
  case labels(variable: String, [LabelName], SourcePosition)
}

/// One item of REMOVE.
enum RemoveItem: Sendable {
  case property(target: Expr, key: String)
  case labels(variable: String, [LabelName], SourcePosition)
}

struct MergeClause: Sendable {
  var pattern: PathPattern
  var onCreate: [SetItem]
  var onMatch: [SetItem]
  var position: SourcePosition
}

extension Clause {
  /// True for clauses that change the graph.
  var isWrite: Bool {
    switch self {
    case .create, .set, .remove, .delete, .merge: return true
    case .match, .with, .return, .unwind, .call: return false
    case .subquery(let s): return s.parts.contains { $0.clauses.contains(where: \.isWrite) }
    }
  }
}

struct MatchClause: Sendable {
  var optional: Bool
  var patterns: [PathPattern]
  var predicate: Expr?
  var position: SourcePosition
}

/// `p = (a)-[r]->(b)...`: nodes.count == relationships.count + 1.
struct PathPattern: Sendable {
  var name: String?
  var nodes: [NodePattern]
  var relationships: [RelationshipPattern]
  var position: SourcePosition
  /// `shortestPath(...)` or `allShortestPaths(...)` around a one-relationship pattern.
  var shortest: ShortestMode? = nil
}

/// Which paths a shortest-path pattern keeps per pair of ends: `count` paths, shortest first
/// (`shortestPath`, `SHORTEST k`, `ANY k`), or every path of the `count` shortest lengths
/// (`allShortestPaths`, `ALL SHORTEST`, `SHORTEST k GROUPS`).
struct ShortestMode: Sendable, Equatable {
  /// A number written in the query, or a parameter's name (read when the query runs).
  enum Count: Sendable, Equatable {
    case number(Int64)
    case parameter(String)
  }
  var count: Count = .number(1)
  var groups: Bool
  /// GQL's selectors (not the functions): a path may start and end at the same node, and
  /// its least length may be more than 1.
  var isSelector = false

  static let one = ShortestMode(groups: false), all = ShortestMode(groups: true)

  /// What the search keeps, for `explain`: "a shortest path", "the 3 shortest paths",
  /// "all paths of the 2 shortest lengths".
  var summary: String {
    let k: String
    switch count {
    case .number(let n): k = "\(n)"
    case .parameter(let name): k = "$\(name)"
    }
    if groups { return k == "1" ? "all shortest paths" : "all paths of the \(k) shortest lengths" }
    return k == "1" ? "a shortest path" : "the \(k) shortest paths"
  }
}

struct NodePattern: Sendable {
  var variable: String?
  var labels: [String]
  var properties: Expr?
  var position: SourcePosition
  /// A label expression that is not a plain conjunction (`:A|B`, `:!A`), tested per node.
  var labelTest: LabelExpression? = nil
  /// `(n WHERE n.x > 1)`: a condition on the node, read as part of the MATCH's WHERE.
  var predicate: Expr? = nil
  /// `(n:$(x))`: labels read when the query runs (a string or a list of strings each): the
  /// node has them all (MATCH), or is made with them (CREATE, MERGE).
  var dynamicLabels: [Expr] = []

  /// Whether the pattern only matches (label expressions and inline WHERE cannot create).
  var onlyMatches: Bool { labelTest != nil || predicate != nil }
}

/// A label (or relationship type) in SET, REMOVE, CREATE or MERGE: written, or `$(expr)`.
enum LabelName: Sendable {
  case fixed(String)
  case dynamic(Expr)
}

/// What an expression subquery gives: whether it has a row, how many, or the list of its
/// one returned column.
enum SubqueryKind: String, Sendable { case exists = "EXISTS", count = "COUNT", collect = "COLLECT" }

enum Direction: Sendable { case outgoing, incoming, both }

struct RelationshipPattern: Sendable {
  var variable: String?
  var types: [String]
  /// `[r:$(t)]` or `[r:$any(ts)]`: the type read when the query runs, tested with the
  /// pattern's conditions (MATCH), or the type made (CREATE, MERGE).
  var dynamicType: LabelExpression? = nil

  /// Whether CREATE and MERGE can make it: one type, written or `$(t)`.
  var makesOneType: Bool {
    if case .dynamic(_, all: true)? = dynamicType { return types.isEmpty }
    return types.count == 1 && dynamicType == nil
  }
  var direction: Direction
  var properties: Expr?
  /// nil for a single hop; (min, max) for `*min..max` (max nil when open).
  var length: (min: Int, max: Int?)?
  var position: SourcePosition
  /// `-[r WHERE r.since > 2020]->`: a condition on a single-hop relationship.
  var predicate: Expr? = nil
  /// A quantified path pattern standing where a relationship would, between two nodes:
  /// `(x) ((a)-[r]->(b) WHERE ...){1,3} (y)`; `length` holds its quantifier.
  var segment: QuantifiedSegment? = nil
}

/// The inside of a quantified path pattern: a path of at least one relationship, repeated,
/// each repetition starting where the last ended, and the condition each one meets.
final class QuantifiedSegment: Sendable {
  let pattern: PathPattern
  let predicate: Expr?

  init(pattern: PathPattern, predicate: Expr?) {
    self.pattern = pattern
    self.predicate = predicate
  }
}

struct ProjectionItem: Sendable {
  var expression: Expr
  var name: String
  var hasAlias: Bool
}

struct SortItem: Sendable {
  var expression: Expr
  var ascending: Bool
  /// `NULLS FIRST` (true) or `NULLS LAST` (false); nil: Cypher's rule, null after every value.
  var nullsFirst: Bool? = nil
}

struct Projection: Sendable {
  var distinct = false
  var star = false
  var items: [ProjectionItem] = []
  var orderBy: [SortItem] = []
  var skip: Expr?
  var limit: Expr?
  var position: SourcePosition
  /// GQL's FINISH: a RETURN of nothing.
  var isFinish = false
}

enum UnaryOp: Sendable { case not, minus, plus }

enum BinaryOp: String, Sendable {
  case and = "AND", or = "OR", xor = "XOR"
  case eq = "=", ne = "<>", lt = "<", gt = ">", le = "<=", ge = ">="
  case add = "+", sub = "-", mul = "*", div = "/", mod = "%", pow = "^"
  case `in` = "IN", startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS"
  case regex = "=~"
  /// GQL's `||`: two strings or two lists joined.
  case concat = "||"
}

/// An expression; `indirect` so the tree can nest.
indirect enum Expr: Sendable {
  case literal(QValue)
  case parameter(String, SourcePosition)
  case variable(String, SourcePosition)
  case property(Expr, String)
  case list([Expr])
  case map([(String, Expr)])
  case unary(UnaryOp, Expr)
  case binary(BinaryOp, Expr, Expr)
  case isNull(Expr, negated: Bool)
  case hasLabels(Expr, [String])
  /// `x IS :: INTEGER`, `x IS NOT :: STRING NOT NULL`, `x :: FLOAT`.
  case isType(Expr, ValueType, negated: Bool)
  case function(name: String, distinct: Bool, args: [Expr], SourcePosition)
  case countStar
  case index(Expr, Expr)
  case slice(Expr, Expr?, Expr?)
  case caseExpr(subject: Expr?, whens: [(Expr, Expr)], otherwise: Expr?)
  case listComprehension(variable: String, list: Expr, predicate: Expr?, map: Expr?)
  case quantifier(kind: String, variable: String, list: Expr, predicate: Expr)
  /// `reduce(acc = initial, x IN list | step)`: `step` is evaluated for each item with `acc`
  /// holding the value so far.
  case reduce(accumulator: String, initial: Expr, variable: String, list: Expr, step: Expr)
  /// A pattern predicate `(a)-[:T]->(b)`: true when the pattern has a match.
  case pattern(PathPattern)
  /// `[p = (a)-->(b) WHERE pred | map]`: one `map` value per match of the pattern.
  case patternComprehension(PathPattern, predicate: Expr?, map: Expr)
  /// `EXISTS { ... }`, `COUNT { ... }` or `COLLECT { ... RETURN x }` over a subquery that
  /// sees the outer row's variables.
  case subquery(Query, kind: SubqueryKind, SourcePosition)
}

extension Expr {
  static let aggregateNames: Set<String> = [
    "count", "collect", "sum", "avg", "min", "max", "stdev", "stdevp", "percentilecont", "percentiledisc",
  ]

  /// True when the expression contains an aggregate call.
  var containsAggregate: Bool {
    var found = false
    visit { e in
      switch e {
      case .countStar: found = true
      case .function(let name, _, _, _) where Expr.aggregateNames.contains(name.lowercased()): found = true
      default: break
      }
    }
    return found
  }

  /// Calls `body` on this expression and every sub-expression.
  func visit(_ body: (Expr) -> Void) {
    body(self)
    switch self {
    case .literal, .parameter, .variable, .countStar: break
    case .patternComprehension(let p, let predicate, let map):
      if let name = p.name { body(.variable(name, p.position)) }
      Expr.pattern(p).visit { if case .pattern = $0 {} else { body($0) } }
      predicate?.visit(body)
      map.visit(body)
    case .subquery(let q, _, _):
      // Only what placement needs: the variables its MATCH patterns and WHERE read.
      for case .match(let m) in q.clauses {
        for p in m.patterns { Expr.pattern(p).visit { if case .pattern = $0 {} else { body($0) } } }
        m.predicate?.visit(body)
      }
    case .pattern(let p):
      for n in p.nodes {
        if let v = n.variable { body(.variable(v, n.position)) }
        n.properties?.visit(body)
      }
      for r in p.relationships {
        if let v = r.variable { body(.variable(v, r.position)) }
        r.properties?.visit(body)
      }
    case .property(let e, _), .unary(_, let e), .isNull(let e, _), .hasLabels(let e, _), .isType(let e, _, _):
      e.visit(body)
    case .list(let items):
      for item in items { item.visit(body) }
    case .map(let entries):
      for (_, v) in entries { v.visit(body) }
    case .binary(_, let l, let r), .index(let l, let r):
      l.visit(body)
      r.visit(body)
    case .function(_, _, let args, _):
      for a in args { a.visit(body) }
    case .slice(let e, let a, let b):
      e.visit(body)
      a?.visit(body)
      b?.visit(body)
    case .caseExpr(let subject, let whens, let otherwise):
      subject?.visit(body)
      for (w, t) in whens {
        w.visit(body)
        t.visit(body)
      }
      otherwise?.visit(body)
    case .listComprehension(_, let list, let predicate, let map):
      list.visit(body)
      predicate?.visit(body)
      map?.visit(body)
    case .quantifier(_, _, let list, let predicate):
      list.visit(body)
      predicate.visit(body)
    case .reduce(_, let initial, _, let list, let step):
      initial.visit(body)
      list.visit(body)
      step.visit(body)
    }
  }

  /// Free variables the expression reads (ignores variables bound inside comprehensions loosely).
  var variables: Set<String> {
    var names: Set<String> = []
    var bound: Set<String> = []
    visit { e in
      switch e {
      case .variable(let n, _): names.insert(n)
      case .listComprehension(let v, _, _, _), .quantifier(_, let v, _, _): bound.insert(v)
      case .reduce(let acc, _, let v, _, _): bound.formUnion([acc, v])
      case .patternComprehension(let p, _, _): bound.formUnion(p.name.map { [$0] } ?? [])
      default: break
      }
    }
    return names.subtracting(bound)
  }
}

extension Clause {
  /// How PROFILE names the clause.
  var profileName: String {
    switch self {
    case .match(let m): return m.optional ? "OPTIONAL MATCH" : "MATCH"
    case .create: return "CREATE"
    case .with: return "WITH"
    case .return: return "RETURN"
    case .unwind(_, let alias, _, let text):
      // A long list is shortened: the plan is one line per clause.
      let shown = text.count > 40 ? String(text.prefix(39)) + "…" : text
      return "UNWIND \(shown) AS \(alias)"
    case .set: return "SET"
    case .remove: return "REMOVE"
    case .delete(_, let detach, _): return detach ? "DETACH DELETE" : "DELETE"
    case .merge: return "MERGE"
    case .call(let c): return "CALL \(c.name)"
    case .subquery(let s): return s.isForeach ? "FOREACH" : "CALL { }"
    }
  }
}

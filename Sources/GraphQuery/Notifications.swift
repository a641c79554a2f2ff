import KnowledgeGraph

/// A warning about a query that still ran: a label, relationship type or property key that
/// the knowledge base does not have (like Neo4j's UnknownLabelWarning and friends), with
/// the names it does have so the caller can suggest the closest.
public struct QueryNotification: Hashable, Sendable {
  public enum Kind: String, Sendable {
    case label
    case relationshipType = "relationship type"
    case propertyKey = "property key"
  }

  public var kind: Kind
  public var name: String
  /// Every known name of that kind.
  public var known: [String]
}

/// Ordering comparisons of one query that were null because their sides had types Cypher
/// does not order against each other (text against a date: the knowledge base keeps a date
/// it knows only in part, `2019` or `2021-12`, as text).
public struct IncomparableComparison: Hashable, Sendable {
  /// The two sides' type names in the order written, e.g. "String" and "Date".
  public var left: String
  public var right: String
  /// The property each side reads, when that side is a property (`founded_date`).
  public var leftKey: String?
  public var rightKey: String?
  /// How many comparisons of the query were null for this reason.
  public var count: Int

  /// "a String with a Date", "a Map with an Integer".
  public var sides: String { QValue.withArticle(left) + " with " + QValue.withArticle(right) }

  /// The property read on the side of type `type`, if any.
  public func key(ofSide type: String) -> String? {
    left == type ? leftKey : (right == type ? rightKey : nil)
  }

  /// The other side's type when one side is `type`.
  public func other(than type: String) -> String? {
    left == type ? right : (right == type ? left : nil)
  }

  /// The function that reads the text side as the other side's type, when there is one.
  public var conversion: String? {
    switch other(than: "String") {
    case "Date": return "date()"
    case "LocalDateTime": return "localdatetime()"
    case "DateTime": return "datetime()"
    case "LocalTime": return "localtime()"
    case "Time": return "time()"
    case "Integer": return "toInteger()"
    case "Float": return "toFloat()"
    default: return nil
    }
  }
}

extension QueryGraph {
  /// Counts a null ordering comparison of two values of different types.
  func noteIncomparable(_ l: QValue, _ r: QValue, keys: (String?, String?)) {
    if let i = incomparable.firstIndex(where: { $0.left == l.typeName && $0.right == r.typeName }) {
      incomparable[i].count += 1
      incomparable[i].leftKey = incomparable[i].leftKey ?? keys.0
      incomparable[i].rightKey = incomparable[i].rightKey ?? keys.1
    } else {
      incomparable.append(
        IncomparableComparison(
          left: l.typeName, right: r.typeName, leftKey: keys.0, rightKey: keys.1, count: 1))
    }
  }
}

extension Expr {
  /// The key of a property read (`n.founded_date` gives `founded_date`), else nil.
  var propertyKey: String? {
    if case .property(_, let key) = self { return key }
    return nil
  }
}

extension QueryEngine {
  /// Unknown labels and relationship types in MATCH patterns, and unknown property keys
  /// read from variables that MATCH binds; each name reported once.
  func notifications(_ query: Query, _ graph: QueryGraph) throws -> [QueryNotification] {
    var use = NamesUsed()
    for clause in NamesUsed.flattened(query.clauses) { use.read(clause) }
    use.readExpressions()
    var out: [QueryNotification] = []
    func report(_ kind: QueryNotification.Kind, _ names: [String], _ known: [String]) {
      let knownSet = Set(known)
      var seen: Set<String> = []
      for name in names
      where !knownSet.contains(name) && !use.created.contains(name) && seen.insert(name).inserted {
        out.append(QueryNotification(kind: kind, name: name, known: known))
      }
    }
    report(.label, use.labels, graph.labelNames)
    report(.relationshipType, use.types, graph.typeNames)
    let builtIn: Set<String> = ["name", "key", "aliases", "description"]
    if use.keys.contains(where: { !builtIn.contains($0) }) {
      report(.propertyKey, use.keys, try propertyKeys())
    }
    return out
  }

  /// What the query says that it probably does not mean: `ORDER BY 1` sorts every row by the
  /// number 1 (SQL's first column), so the rows keep the order they came in.
  static func warnings(_ query: Query) -> [String] {
    var out: [String] = []
    for part in [query] + query.unionParts {
      for clause in part.clauses {
        let projection: Projection
        switch clause {
        case .with(let p, _), .return(let p): projection = p
        default: continue
        }
        for item in projection.orderBy {
          guard case .literal(.int(let k)) = item.expression else { continue }
          let column = k >= 1 && k <= projection.items.count ? projection.items[Int(k) - 1].name : nil
          out.append(
            "ORDER BY \(k) sorts by the number \(k), not by a column, so the order is unchanged; "
              + "name what to sort by" + (column.map { ", e.g. ORDER BY \($0)" } ?? ""))
        }
      }
    }
    return out
  }

  /// The texts a MATCH asks `name` to equal: in a node's property map (`{name: '智谱'}`) or
  /// its WHERE (`n.name = '智谱'`, `n.name IN [...]`, ANDed), as literals or parameters.
  static func nameLiterals(_ query: Query, _ parameters: [String: QValue] = [:]) -> [String] {
    func texts(_ e: Expr) -> [String] {
      switch e {
      case .literal(.string(let s)): return [s]
      case .parameter(let name, _):
        if case .string(let s)? = parameters[name] { return [s] }
        return []
      case .list(let items): return items.flatMap(texts)
      default: return []
      }
    }
    func isName(_ e: Expr) -> Bool {
      if case .property(.variable, "name") = e { return true }
      return false
    }
    func compared(_ e: Expr) -> [String] {
      switch e {
      case .binary(.and, let a, let b): return compared(a) + compared(b)
      case .binary(.eq, let a, let b): return isName(a) ? texts(b) : isName(b) ? texts(a) : []
      case .binary(.in, let a, let b): return isName(a) ? texts(b) : []
      default: return []
      }
    }
    var out: [String] = []
    for case .match(let m) in query.clauses {
      for p in m.patterns {
        for n in p.nodes {
          guard case .map(let entries)? = n.properties else { continue }
          for (k, v) in entries where k == "name" { out += texts(v) }
        }
      }
      if let predicate = m.predicate { out += compared(predicate) }
    }
    return out
  }

  /// The returned column a final `ORDER BY x DESC` sorts by, when it names one (`n.size`
  /// returned as is, or an alias) and says nothing of nulls: Cypher puts nulls first there.
  static func descendingColumn(_ query: Query) -> String? {
    guard query.unionParts.isEmpty, case .return(let p)? = query.clauses.last,
      let first = p.orderBy.first, !first.ascending, first.nullsFirst == nil
    else { return nil }
    func same(_ a: Expr, _ b: Expr) -> Bool {
      switch (a, b) {
      case (.variable(let x, _), .variable(let y, _)): return x == y
      case (.property(let x, let k), .property(let y, let l)): return k == l && same(x, y)
      default: return false
      }
    }
    if case .variable(let name, _) = first.expression, p.items.contains(where: { $0.name == name }) {
      return name
    }
    return p.items.first { same($0.expression, first.expression) }?.name
  }

  /// The texts a MATCH's WHERE asks `name` to contain, start or end with (`n.name CONTAINS
  /// '智'`), with the variable and the operator as written.
  static func nameSearches(_ query: Query, _ parameters: [String: QValue] = [:]) -> [NameSearch] {
    func text(_ e: Expr) -> String? {
      if case .literal(.string(let s)) = e { return s }
      if case .parameter(let name, _) = e, case .string(let s)? = parameters[name] { return s }
      return nil
    }
    func searches(_ e: Expr) -> [NameSearch] {
      switch e {
      case .binary(.and, let a, let b), .binary(.or, let a, let b): return searches(a) + searches(b)
      case .binary(let op, .property(.variable(let v, _), "name"), let b)
      where [.contains, .startsWith, .endsWith].contains(op):
        return text(b).map { [NameSearch(variable: v, op: op.rawValue, text: $0)] } ?? []
      default: return []
      }
    }
    var out: [NameSearch] = []
    for case .match(let m) in query.clauses { if let predicate = m.predicate { out += searches(predicate) } }
    return out
  }

  static func mapKeys(_ e: Expr?) -> [String] {
    if case .map(let entries)? = e { return entries.map(\.0) }
    return []
  }

  /// Every property key a node or relationship can have: name, key, aliases, the fact
  /// predicates and the keys of stored node and edge properties.
  /// Reading them scans every stored property, so they are kept until the next write.
  func propertyKeys() throws -> [String] {
    try store.cachedPerGeneration("cypher.propertyKeys") {
      let sql = """
        SELECT DISTINCT predicate FROM fact
        UNION SELECT DISTINCT j.key FROM node, json_each(node.props) j WHERE node.props IS NOT NULL
        UNION SELECT DISTINCT j.key FROM edge, json_each(edge.props) j WHERE edge.props IS NOT NULL
        """
      let rows = try store.readOnlyQuery(sql).rows
      var seen: Set<String> = []
      return (["name", "key", "aliases", "description"] + rows.compactMap { $0.first.map { $0.plainText } })
        .filter {
          seen.insert($0).inserted
        }
    }
  }
}

/// The labels, relationship types and property keys a query names, and the names its writes
/// create (which are not reported as unknown).
struct NamesUsed {
  var labels: [String] = [], types: [String] = [], keys: [String] = []
  var bound: Set<String> = []
  /// Bound relationship variables: `r:T` tests a type.
  var relationships: Set<String> = []
  var created: Set<String> = []
  var expressions: [Expr] = []

  /// A CALL { } subquery's clauses are read as if written in place.
  static func flattened(_ clauses: [Clause]) -> [Clause] {
    clauses.flatMap { clause -> [Clause] in
      guard case .subquery(let s) = clause else { return [clause] }
      return flattened(s.parts.flatMap(\.clauses))
    }
  }

  mutating func read(_ clause: Clause) {
    switch clause {
    case .match(let m): read(m)
    case .create(let patterns, _):
      for p in patterns { created.formUnion(p.nodes.flatMap(\.labels) + p.relationships.flatMap(\.types)) }
    case .with(let p, let w):
      expressions += p.items.map(\.expression) + p.orderBy.map(\.expression) + (w.map { [$0] } ?? [])
    case .return(let p): expressions += p.items.map(\.expression) + p.orderBy.map(\.expression)
    case .unwind(let e, _, _, _): expressions.append(e)
    case .merge(let m):
      created.formUnion(m.pattern.nodes.flatMap(\.labels) + m.pattern.relationships.flatMap(\.types))
    case .set(let items, _):
      for case .labels(_, let l, _) in items {
        for case .fixed(let name) in l { created.insert(name) }
      }
    case .remove(let items, _):
      // A key or label the query takes away exists as it runs (and may not after).
      for item in items {
        switch item {
        case .property(_, let key): created.insert(key)
        case .labels(_, let l, _): for case .fixed(let name) in l { created.insert(name) }
        }
      }
    case .delete, .call, .subquery: break
    }
  }

  /// A MATCH's patterns; the paths of quantified path patterns are read like the others.
  private mutating func read(_ m: MatchClause) {
    func withSegments(_ p: PathPattern) -> [PathPattern] {
      [p] + p.relationships.compactMap(\.segment).flatMap { withSegments($0.pattern) }
    }
    expressions += m.patterns.flatMap(\.relationships).compactMap(\.segment?.predicate)
    for p in m.patterns.flatMap(withSegments) {
      for n in p.nodes {
        labels += n.labels + (n.labelTest?.names ?? [])
        if let v = n.variable { bound.insert(v) }
        keys += QueryEngine.mapKeys(n.properties)
        expressions += n.predicate.map { [$0] } ?? []
      }
      for r in p.relationships {
        types += r.types
        if let v = r.variable {
          bound.insert(v)
          relationships.insert(v)
        }
        keys += QueryEngine.mapKeys(r.properties)
        expressions += r.predicate.map { [$0] } ?? []
      }
    }
    expressions += m.predicate.map { [$0] } ?? []
  }

  /// Property keys read from bound variables and label tests in the expressions collected.
  mutating func readExpressions() {
    for e in expressions {
      e.visit { sub in
        if case .property(.variable(let v, _), let key) = sub, bound.contains(v) { keys.append(key) }
        if case .hasLabels(let of, let l) = sub {
          if case .variable(let v, _) = of, relationships.contains(v) { types += l } else { labels += l }
        }
      }
    }
  }
}

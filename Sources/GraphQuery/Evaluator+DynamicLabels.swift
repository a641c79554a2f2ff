import KnowledgeGraph

/// Labels and relationship types read when the query runs (Neo4j 5.26): `(n:$(x))`,
/// `(n:$any(x))`, `[r:$(t)]` in patterns, `SET n:$(x)`, `REMOVE n:$(x)`, and in CREATE and
/// MERGE the labels and type they make. `$(x)` takes a string or a list of strings.
extension Evaluator {
  /// Whether `element` carries the labels (a node) or the type (a relationship) that `names`
  /// gives, every one (`all`) or at least one; null for a null element or names.
  func dynamicLabels(_ element: QValue, _ names: QValue, all: Bool) throws -> QValue {
    guard let list = try labelNames(names) else { return .null }
    let has: (String) -> Bool
    switch element {
    case .null: return .null
    case .node(let n): has = { name in graph.labelIndex[name].map { graph.hasLabel(n, $0) } ?? false }
    case .relationship(let r): has = { $0 == graph.typeName(of: r) }
    default: throw typeError("a dynamic label test", element)
    }
    return .bool(all ? list.allSatisfy(has) : list.contains(where: has))
  }

  /// The names a `$(x)` value gives; nil for null.
  func labelNames(_ names: QValue) throws -> [String]? {
    func refuse(_ what: String) -> KgshError {
      KgshError.runtime(
        "a dynamic label or type is a string or a list of strings, not \(what)", code: "InvalidArgumentType")
    }
    switch names {
    case .null: return nil
    case .string(let s): return [s]
    case .list(let items):
      return try items.map { item in
        guard case .string(let s) = item else { throw refuse("a list holding " + item.typeNameWithArticle) }
        return s
      }
    default: throw refuse(names.typeNameWithArticle)
    }
  }

  /// The labels a SET, REMOVE or CREATE names, the dynamic ones read from `row`.
  func labelNames(_ labels: [LabelName], _ row: Row, _ scope: Scope) throws -> [String] {
    try labels.flatMap { label -> [String] in
      switch label {
      case .fixed(let name): return [name]
      case .dynamic(let e):
        guard let names = try labelNames(try eval(e, row, scope)), !names.contains(where: \.isEmpty) else {
          throw KgshError.runtime("a label cannot be null or empty", code: "InvalidArgumentValue")
        }
        return names
      }
    }
  }

  /// The one type CREATE or MERGE gives a relationship: written, or `$(t)` read from `row`.
  func relationshipType(_ rel: RelationshipPattern, _ row: Row, _ scope: Scope) throws -> String {
    guard case .dynamic(let e, _)? = rel.dynamicType else { return rel.types[0] }
    let names = try labelNames(try eval(e, row, scope)) ?? []
    guard names.count == 1, let name = names.first, !name.isEmpty else {
      throw KgshError.runtime(
        "a relationship is made with exactly one type; $(...) gave \(names.isEmpty ? "none" : names.joinedText(", "))",
        code: "InvalidArgumentValue")
    }
    return name
  }
}

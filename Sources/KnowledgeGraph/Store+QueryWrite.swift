import Foundation
import GRDB

/// How the shell's Cypher writes are recorded: an optional source for what they create,
/// and whether a node may take a name that already finds an entity.
public struct QueryWriteContext: Sendable {
  public var source: String?
  public var quote: String?
  /// False: a created node whose name already names an entity is refused.
  public var allowExistingNames: Bool

  public init(source: String? = nil, quote: String? = nil, allowExistingNames: Bool = true) {
    self.source = source
    self.quote = quote
    self.allowExistingNames = allowExistingNames
  }
}

extension GraphWriter {
  /// Creates a node for a query's CREATE clause, recorded in the change log as an entity,
  /// and returns its id.
  ///
  /// The key is `_c-` and a random suffix (unique on every machine, so replicas never
  /// collide). The display name is the `name` property when it is a string, else empty;
  /// the query engine reads `n.name` from the properties, so a node created without a name
  /// has a null `name`.
  /// - Throws: `KgshError` when the context refuses a name that already finds an entity.
  @discardableResult
  public func createQueryNode(labels: [String], props: [String: Value]) throws -> Int64 {
    var name = ""
    if case .string(let s)? = props["name"] { name = s }
    let context = store.queryWriteContext
    if let context, !context.allowExistingNames, !name.isEmpty,
      let node = try Row.fetchOne(
        db,
        sql: "SELECT n.key, n.name FROM alias a JOIN node n ON n.id = a.node_id WHERE a.norm = ? LIMIT 1",
        arguments: [Names.normalize(name)])
    {
      let (existingKey, existingName): (String, String) = (node["key"], node["name"])
      throw KgshError(
        .invalidValue,
        "a new node may not take the name '\(name)': it already names \(existingName) (\(existingKey)); nothing was created",
        hint:
          "add to it with fact add \(existingKey) ... or link \(existingKey) TYPE OTHER, or write create --new to add another"
      )
    }
    let key = "_c-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    var payload: [String: Value] = [
      "key": .string(key), "name": .string(name), "labels": .list(labels.map(Value.string)),
    ]
    // A description is the entity's own (what its card shows), not one more property.
    var props = props
    if case .string(let description)? = props["description"] {
      payload["description"] = .string(description)
      props["description"] = nil
    }
    if !props.isEmpty { payload["props"] = .map(props) }
    if let source = context?.source { payload["source"] = .string(source) }
    if let quote = context?.quote { payload["quote"] = .string(quote) }
    try record(
      ChangeDraft(kind: .assert, targetType: .entity, target: key, entity: key, payload: .map(payload)))
    guard let id = try nodeID(key: key) else {
      throw KgshError(.failed, "create: the new node \(key) was recorded but not stored", hint: "run check")
    }
    return id
  }

  /// Creates a relationship for a query's CREATE clause, recorded in the change log, and
  /// returns its id.
  @discardableResult
  public func createQueryEdge(_ src: Int64, _ type: String, _ dst: Int64, props: [String: Value]) throws
    -> Int64
  {
    let keys = try Row.fetchAll(
      db, sql: "SELECT id, key FROM node WHERE id IN (?, ?)", arguments: [src, dst])
    var keyOf: [Int64: String] = [:]
    for row in keys { keyOf[row["id"]] = row["key"] }
    let key = "UE-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
    var payload: [String: Value] = [
      "key": .string(key), "src": .string(keyOf[src] ?? ""), "type": .string(type),
      "dst": .string(keyOf[dst] ?? ""),
    ]
    if !props.isEmpty { payload["props"] = .map(props) }
    let context = store.queryWriteContext
    if let source = context?.source { payload["source"] = .string(source) }
    if let quote = context?.quote { payload["quote"] = .string(quote) }
    try record(
      ChangeDraft(kind: .assert, targetType: .edge, target: key, entity: keyOf[src], payload: .map(payload)))
    return try Int64.fetchOne(db, sql: "SELECT id FROM edge WHERE key = ?", arguments: [key]) ?? 0
  }
}

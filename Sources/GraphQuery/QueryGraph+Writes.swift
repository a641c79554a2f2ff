import Foundation
import KnowledgeGraph

/// SET, REMOVE and DELETE on the query's graph: changes are kept in memory and written by
/// `commit` in the statement's one transaction, so an error leaves nothing half-written.
extension QueryGraph {
  /// The properties of a node or relationship, for changing them.
  func properties(of element: QValue) throws -> [String: QValue]? {
    switch element {
    case .node(let n): return try properties(ofNode: n)
    case .relationship(let r): return try properties(ofEdge: r)
    default: return nil
    }
  }

  /// Replaces all properties of a node or relationship (nulls dropped).
  func setProperties(of element: QValue, _ props: [String: QValue]) throws {
    let kept = props.filter { !$0.value.isNull }
    switch element {
    case .node(let n):
      try checkNotDeleted(node: n)
      if n >= firstCreatedNode { createdNodeProps[n] = kept } else { changedNodeProps[n] = kept }
    case .relationship(let r):
      if r >= firstCreatedEdge { createdEdgeProps[r] = kept } else { changedEdgeProps[r] = kept }
    case .null: return
    default:
      throw KgshError.runtime(
        "only a node or a relationship has properties to set, not a \(element.typeName)",
        code: "InvalidArgumentType")
    }
  }

  /// Sets one property; null removes it.
  func setProperty(of element: QValue, _ key: String, _ value: QValue) throws {
    guard var props = try properties(of: element) else {
      if element.isNull { return }
      throw KgshError.runtime(
        "only a node or a relationship has properties to set, not a \(element.typeName)",
        code: "InvalidArgumentType")
    }
    props[key] = value.isNull ? nil : value
    try setProperties(of: element, props)
  }

  func checkNotDeleted(node n: Int32) throws {
    if !deletedNodes.isEmpty, deletedNodes.contains(n) { throw deletedAccess("node") }
  }

  func checkNotDeleted(relationship r: Int32) throws {
    if !deletedEdges.isEmpty, deletedEdges.contains(r) { throw deletedAccess("relationship") }
  }

  func deletedAccess(_ what: String) -> KgshError {
    KgshError.runtime(
      "the \(what) was deleted earlier in this query; read it before the DELETE", code: "DeletedEntityAccess")
  }

  /// Adds labels to a node.
  func addLabels(_ n: Int32, _ labels: [String]) {
    for label in labels {
      let l = labelID(label)
      guard !nodeLabels[Int(n)].contains(l) else { continue }
      nodeLabels[Int(n)].append(l)
      labelMembers[Int(l)].append(n)
      if n < firstCreatedNode { changedLabels.insert(n) }
    }
  }

  /// Removes labels from a node.
  func removeLabels(_ n: Int32, _ labels: [String]) {
    for label in labels {
      guard let l = labelIndex[label], let i = nodeLabels[Int(n)].firstIndex(of: l) else { continue }
      nodeLabels[Int(n)].remove(at: i)
      labelMembers[Int(l)].removeAll { $0 == n }
      if n < firstCreatedNode { changedLabels.insert(n) }
    }
  }

  /// Every relationship at a node that is not deleted (stored and created by this query).
  func edges(at n: Int32) -> [Int32] {
    var out: [Int32] = []
    if n < firstCreatedNode {
      out += index.outRows.edges(n)
      out += index.inRows.edges(n)
    }
    out += createdOut[n] ?? []
    out += createdIn[n] ?? []
    var seen: Set<Int32> = []
    return out.filter { !deletedEdges.contains($0) && seen.insert($0).inserted }
  }

  /// Deletes a node, relationship or path; `detach` also deletes a node's relationships.
  func delete(_ value: QValue, detach: Bool) throws {
    switch value {
    case .null: return
    case .node(let n):
      if detach { for e in edges(at: n) { deletedEdges.insert(e) } }
      deletedNodes.insert(n)
    case .relationship(let r): deletedEdges.insert(r)
    case .path(let nodes, let rels):
      for r in rels { deletedEdges.insert(r) }
      for n in nodes { try delete(.node(n), detach: detach) }
    default:
      throw KgshError.runtime(
        "DELETE needs a node, a relationship or a path, not \(value.typeNameWithArticle)",
        code: "InvalidArgumentType")
    }
  }

  /// True when a row holds a node or relationship this query deleted.
  func touchesDeleted(_ row: Row) -> Bool {
    row.contains { v in
      switch v {
      case .node(let n): return deletedNodes.contains(n)
      case .relationship(let r): return deletedEdges.contains(r)
      default: return false
      }
    }
  }

  /// At the end of a statement: a deleted node must have no relationships left.
  func checkDeletes() throws {
    for n in deletedNodes where !edges(at: n).isEmpty {
      throw KgshError.runtime(
        "cannot delete a node that still has relationships; use DETACH DELETE", code: "DeleteConnectedNode")
    }
  }

  /// The node rows to rewrite: id, labels, and the new properties when they changed (nil
  /// keeps them). Computed before the write transaction, which cannot read.
  ///
  /// A stored node's properties as a query sees them include derived ones (`key`, `aliases`
  /// and the latest value of each fact): only what the statement changed is passed on, as
  /// `changed` values and `removed` keys, so facts and names never turn into plain properties.
  func nodeUpdates() throws -> [(id: Int64, labels: [String], props: [String: Value]?)] {
    let nodes = Set(changedNodeProps.keys).union(changedLabels).subtracting(deletedNodes)
    return try nodes.filter { $0 < firstCreatedNode }.sorted().map { n in
      guard let new = changedNodeProps[n] else { return (nodeIDs[Int(n)], labels(of: n), nil) }
      try loadNodes([n])
      cache.lock.lock()
      let old = cache.nodes[n] ?? [:]
      cache.lock.unlock()
      var delta: [String: Value] = [:]
      for (k, v) in new where old[k] != v { delta[k] = v.storable ?? .null }
      for k in old.keys where new[k] == nil && k != "aliases" && k != "key" { delta[k] = .null }
      return (nodeIDs[Int(n)], labels(of: n), delta)
    }
  }

  /// What the statement changes on stored elements, as the store will see it: properties whose
  /// value differs (a REMOVE counts), labels gained and lost, nodes and relationships deleted
  /// (created ones deleted again included). Called before `commit`'s transaction.
  func updateStatistics(_ nodes: [(id: Int64, labels: [String], props: [String: Value]?)]) throws
    -> QueryStatistics
  {
    var stats = QueryStatistics()
    stats.nodesDeleted = deletedNodes.count
    stats.relationshipsDeleted = deletedEdges.count
    for update in nodes { stats.propertiesChangedOnExisting += update.props?.count ?? 0 }
    for n in changedLabels where n < firstCreatedNode && !deletedNodes.contains(n) {
      let before = Set(nodeLabels.base[Int(n)]), after = Set(nodeLabels[Int(n)])
      stats.labelsAddedToExisting += after.subtracting(before).count
      stats.labelsRemoved += before.subtracting(after).count
    }
    for (e, new) in changedEdgeProps where e < firstCreatedEdge && !deletedEdges.contains(e) {
      cache.lock.lock()
      let cached = cache.edges[e]
      cache.lock.unlock()
      let old =
        try cached
        ?? (store.queryEdgeProperties([edgeIDs[Int(e)]])[edgeIDs[Int(e)]] ?? [:]).mapValues {
          QValue($0, nodeIndex: self.indexOfID)
        }
      stats.propertiesChangedOnExisting += Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.count
    }
    stats.labelsAdded = stats.labelsAddedToExisting
    stats.propertiesSet = stats.propertiesChangedOnExisting
    return stats
  }

  /// Writes the changes to stored elements (called inside `commit`'s transaction).
  /// - Returns: how many facts of deleted entities were retracted with them.
  func commitUpdates(_ w: GraphWriter, _ nodes: [(id: Int64, labels: [String], props: [String: Value]?)])
    throws -> Int
  {
    let first = Int(firstCreatedNode), firstEdge = Int(firstCreatedEdge)
    for e in deletedEdges where Int(e) < firstEdge { try w.deleteQueryEdge(edgeIDs[Int(e)]) }
    var facts = 0
    for n in deletedNodes where Int(n) < first { facts += try w.deleteQueryNode(nodeIDs[Int(n)]) }
    for (e, props) in changedEdgeProps where Int(e) < firstEdge && !deletedEdges.contains(e) {
      try w.updateQueryEdge(edgeIDs[Int(e)], props: props.compactMapValues { $0.storable })
    }
    for update in nodes { try w.updateQueryNode(update.id, labels: update.labels, props: update.props) }
    return facts
  }
}

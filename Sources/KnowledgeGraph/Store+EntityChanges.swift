import Foundation
import GRDB

/// Changes to an entity itself, as `entity correct` and `entity retract` make them: recorded
/// in the change log like a Cypher SET or DETACH DELETE, so history keeps them and undo takes
/// them back.
extension GraphWriter {
  /// Retracts an entity with everything about it: its relations (each recorded as withdrawn),
  /// its facts, then the entity, all with `reason`.
  /// - Returns: how many relations and facts were retracted with it, and the entity's record.
  @discardableResult
  public func retractEntity(_ id: Int64, reason: String) throws -> (
    relations: Int, facts: Int, record: ChangeRecord
  ) {
    let key = try nodeKey(id)
    let why: Value = .map(["reason": .string(reason)])
    let edges = try Int64.fetchAll(
      db, sql: "SELECT id FROM edge WHERE src = ?1 OR dst = ?1 ORDER BY id", arguments: [id])
    for edge in edges {
      let src = try String.fetchOne(
        db, sql: "SELECT n.key FROM edge e JOIN node n ON n.id = e.src WHERE e.id = ?", arguments: [edge])
      try record(
        ChangeDraft(kind: .retract, targetType: .edge, target: try edgeKey(edge), entity: src, payload: why))
    }
    let facts = try String.fetchAll(
      db, sql: "SELECT key FROM fact WHERE node_id = ? AND key IS NOT NULL ORDER BY id", arguments: [id])
    for fact in facts {
      try record(ChangeDraft(kind: .retract, targetType: .fact, target: fact, entity: key, payload: why))
    }
    let entity = try record(
      ChangeDraft(kind: .retract, targetType: .entity, target: key, entity: key, payload: why))
    return (edges.count, facts.count, entity)
  }
}

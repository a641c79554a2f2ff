import KnowledgeGraph
import ShellCore

/// The change records of the knowledge base as a table, newest first (`history ENTITY`).
enum ChangeHistory {
  static let columns = ["time", "author", "kind", "target_type", "target", "entity", "change", "layer", "id"]

  /// - Parameter about: an entity (any of its names), a fact id or a source key; nil for all.
  /// - Throws: `KgshError` when `about` names nothing that has changes, or is ambiguous.
  static func table(about: String?, author: String?, since: String?, session: Session) throws -> Table {
    let store = session.store
    var key = about
    if let about {
      switch try store.resolve(about) {
      case .found(let node): key = node.key
      case .ambiguous(let nodes) where try store.changes(about: about, limit: 1).isEmpty:
        throw KgshError.ambiguous(
          about, candidates: nodes.prefix(6).map { "\($0.name) (\($0.key))" },
          hint: "use one of the keys in parentheses")
      default: break
      }
    }
    let records = try store.changes(about: key, author: author, since: since)
    if records.isEmpty, let about, key == about, try store.facts(key: about).isEmpty,
      try store.source(key: about) == nil
    {
      throw KgshError.notFound(
        "entity, fact or source", about, hint: "try find \(about), or history --changes for every change")
    }
    return Table(
      columns: columns, rows: records.map(row),
      notes: records.isEmpty
        ? ["no changes recorded\(scope(author, since)); source add and fact add record them"] : [])
  }

  static func scope(_ author: String?, _ since: String?) -> String {
    var parts: [String] = []
    if let author { parts.append(" by \(author)") }
    if let since { parts.append(" since \(since)") }
    return parts.joined()
  }

  static func row(_ r: ChangeRecord) -> [Value] {
    [
      .string(r.time), .string(r.author), .string(r.kind.rawValue), .string(r.targetType.rawValue),
      .string(r.target), r.entity.map { .string($0) } ?? .null, .string(summary(r)),
      .string(r.layer.rawValue),
      .string(r.id),
    ]
  }

  /// One line saying what the record states: `ipo_raise = HK$4.3 bn (hkex-1)`, a source's title.
  static func summary(_ r: ChangeRecord) -> String {
    guard case .map(let p) = r.payload else { return "" }
    func text(_ k: String) -> String? { p[k].map { $0.plainText } }
    switch r.targetType {
    case .fact:
      var s = "\(text("predicate") ?? "?") = \(text("original") ?? text("value") ?? "?")"
      if let source = text("source") {
        s += " (\(source))"
      } else if let status = text("status") {
        s += " (\(status))"
      }
      return s
    case .source: return text("title") ?? r.target
    default: return text("reason") ?? text("name") ?? ""
    }
  }
}

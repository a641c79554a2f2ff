import Foundation
import KnowledgeGraph
import ShellCore

/// The change records of the knowledge base as a table, newest first (`history ENTITY`).
enum ChangeHistory {
  static let columns = ["time", "author", "kind", "target_type", "target", "entity", "change", "layer", "id"]

  /// - Parameter about: an entity (any of its names), a fact id or a source key; nil for all.
  /// - Throws: `KgshError` when `about` names nothing that has changes, or is ambiguous.
  static func table(
    about: String?, author: String?, since: String?, layers: Set<ChangeLayer>? = nil, limit: Int? = nil,
    session: Session
  ) throws -> Table {
    let store = session.store
    var key = about
    if let about {
      switch try store.resolve(about) {
      case .found(let node): key = node.key
      case .ambiguous(let nodes) where try store.changes(about: about, limit: 1).isEmpty:
        throw KgshError.ambiguous(
          about, candidates: nodes.prefix(6).map { "\($0.name) (\($0.key))" },
          hint: "use one of the keys in parentheses")
      // `history 'Moonshot AI'` after `entity retract moonshot`: its name finds its records.
      case .notFound: key = try store.retractedEntityKey(named: about) ?? about
      default: break
      }
    }
    // One more than shown: whether older records exist.
    var records = try store.changes(
      about: key, author: author, since: since, layers: layers, limit: limit.map { $0 == .max ? $0 : $0 + 1 })
    let cut = limit.map { records.count > $0 } ?? false
    if let limit, cut { records.removeLast(records.count - limit) }
    if records.isEmpty, let about, key == about, try store.facts(key: about).isEmpty,
      try store.source(key: about) == nil
    {
      throw KgshError.notFound(
        "entity, fact or source", about, hint: "try find \(about), or history --changes for every change")
    }
    var empty = "no changes recorded\(scope(author, since)); source add and fact add record them"
    // The whole log leaves out the built-in layer: say so when that is where the records are.
    if records.isEmpty, let layers, !layers.contains(.builtin),
      try !store.changes(about: key, author: author, since: since, layers: [.builtin], limit: 1).isEmpty
    {
      let asked =
        layers == Self.layers("people")
        ? "by people" : "in the \(layers.map(\.rawValue).sorted().joinedText(", ")) layer"
      empty =
        "no changes \(asked)\(scope(author, since)); the records of Knowledge/ are in the built-in layer: "
        + "add --layer builtin or --layer all"
    }
    var table = Table(
      columns: columns, rows: records.map(row),
      notes: records.isEmpty ? [empty] : [],
      limitCut: cut ? .moreExist(shown: "the \(records.count.counted("newest record"))") : nil)
    // The history of one entity or fact names it in every row: its author says more.
    table.narrowColumns =
      about == nil
      ? ["time", "change", "entity", "kind", "target", "author", "id"]
      : ["time", "change", "kind", "target", "author", "entity", "id"]
    return table
  }

  /// `people` is every layer but the built-in one; `all` is nil (no narrowing).
  static func layers(_ word: String) -> Set<ChangeLayer>? {
    switch word {
    case "all": return nil
    case "people": return Set(ChangeLayer.allCases).subtracting([.builtin])
    default: return ChangeLayer(rawValue: word).map { [$0] }
    }
  }

  static func scope(_ author: String?, _ since: String?) -> String {
    var parts: [String] = []
    if let author { parts.append(" by \(author)") }
    if let since { parts.append(" since \(since)") }
    return parts.joinedText()
  }

  static func row(_ r: ChangeRecord) -> [Value] {
    [
      .string(r.time), .string(r.author), .string(r.kind.rawValue), .string(r.targetType.rawValue),
      .string(r.target), r.entity.map { .string($0) } ?? .null, .string(summary(r)),
      .string(r.layer.rawValue),
      .string(r.id),
    ]
  }

  /// A built-in money fact's value as people read it (`¥312.4 m`, not `312400000`): its
  /// record keeps the normal form and the currency, with no original text.
  static func amount(_ p: Value) -> String? {
    guard p.field("type") == "money", let currency = p.field("currency"),
      let text = p.field("value"),
      let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    else { return nil }
    return ValueFormat.human(.money(Money(amount, currency)))
  }

  /// One line saying what the record states: `ipo_raise = HK$4.3 bn (hkex-1)`, a source's
  /// title, `retracted: the reason`, `Zhipu AI -[LISTED_ON]-> hkex`.
  static func summary(_ r: ChangeRecord) -> String {
    let p = r.payload
    let previous = previousPayload(p)
    var s: String
    switch r.targetType {
    case .fact:
      let predicate = p.field("predicate") ?? previous?.field("predicate") ?? "?"
      s =
        "\(predicate) = \(p.field("original") ?? amount(p) ?? p.field("value") ?? previous?.field("value") ?? "?")"
      if let source = p.field("source") {
        s += " (\(source))"
      } else if let status = p.field("status") {
        s += " (\(status))"
      }
    case .source: s = p.field("title") ?? previous?.field("title") ?? r.target
    case .entity:
      s = p.field("name") ?? previous?.field("name") ?? r.target
      if r.kind == .correct, let previous, let changed = entityChanges(p, previous) { s += ": " + changed }
    case .edge:
      let e = p.field("type") == nil ? previous ?? p : p
      s = "\(e.field("src") ?? "?") -[\(e.field("type") ?? "?")]-> \(e.field("dst") ?? "?")"
    case .alias, .label: s = p.field(r.targetType.rawValue) ?? r.target
    case .price: s = p.field("product") ?? previous?.field("product") ?? r.target
    case .fx: s = "\(p.field("rate") ?? previous?.field("rate") ?? "?") (\(r.target))"
    }
    let undo = p.field("undoes") != nil
    if r.kind == .retract {
      // An undo's reason is "undo", said once in front.
      let reason = p.field("reason")
      s = "retracted \(s)" + (undo && reason == "undo" ? "" : ": \(reason ?? "no reason")")
    }
    if undo { s = "undo: " + s }
    if p.flag("resolve") { s += " (resolves the conflict)" }
    return s
  }

  /// What a correction of an entity changed (`color = red; +Gadget`): the properties set and
  /// removed, the labels added and taken away, a new name; nil when the record says nothing.
  static func entityChanges(_ p: Value, _ previous: Value) -> String? {
    var parts: [String] = []
    if let name = p.field("name"), let old = previous.field("name"), name != old {
      parts.append("name \(old) → \(name)")
    }
    let set = p.fieldMap("set")
    parts += set.keys.sorted().map { "\($0) = \(set[$0]!.plainText)" }
    parts += p.fieldList("unset").map { "\($0) removed" }
    if case .map(let m) = p, m["labels"] != nil {
      let now = Set(p.fieldList("labels")), before = Set(previous.fieldList("labels"))
      parts += now.subtracting(before).sorted().map { "+\($0)" }
      parts += before.subtracting(now).sorted().map { "-\($0)" }
    }
    return parts.isEmpty ? nil : parts.joinedText("; ")
  }

  static func previousPayload(_ p: Value) -> Value? {
    guard case .map(let m) = p, let previous = m["previous"], case .map = previous else { return nil }
    return previous
  }
}

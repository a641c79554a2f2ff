/// Relationships and paths of query results as text: `Tencent -[INVESTS_IN {round: angel}]->
/// Zhipu AI`, `GLM-4.7 -[SUCCEEDS]-> GLM-4.6 -[SUCCEEDS]-> GLM-4.5`. A relationship is a map
/// of its type, its two ends (entities) and its properties; a path is a list of entities
/// with a relationship between each two.
extension Value {
  /// The parts of a relationship value; nil for any other value.
  public var relationshipParts: (type: String, from: EntityRef, to: EntityRef, properties: [String: Value])? {
    guard case .map(let m) = self, m.count == 4, case .string(let type)? = m["type"],
      case .entity(let from)? = m["from"], case .entity(let to)? = m["to"],
      case .map(let properties)? = m["properties"]
    else { return nil }
    return (type, from, to, properties)
  }

  /// The value as a relationship or path reads, with `text` writing property values; nil
  /// when it is neither.
  public func graphText(_ text: (Value) -> String) -> String? {
    func label(_ r: (type: String, from: EntityRef, to: EntityRef, properties: [String: Value])) -> String {
      let props = r.properties.keys.sorted().map { "\($0): \(text(r.properties[$0]!))" }
      return "[\(r.type)\(props.isEmpty ? "" : " {" + props.joinedText(", ") + "}")]"
    }
    if let r = relationshipParts { return "\(r.from.name) -\(label(r))-> \(r.to.name)" }
    guard case .list(let items) = self, items.count >= 3, items.count % 2 == 1,
      case .entity(let first) = items[0]
    else { return nil }
    var out = first.name
    var previous = first
    for i in Swift.stride(from: 1, to: items.count, by: 2) {
      guard let r = items[i].relationshipParts, case .entity(let node) = items[i + 1] else { return nil }
      out += r.from.id == previous.id ? " -\(label(r))-> " : " <-\(label(r))- "
      out += node.name
      previous = node
    }
    return out
  }
}

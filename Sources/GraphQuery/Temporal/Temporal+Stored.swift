import Foundation
import KnowledgeGraph

extension TemporalValue {
  /// The stored form: the store keeps JSON, so the type travels with the text
  /// (`{_temporal: 'DateTime', _value: '2015-07-21T21:40+01:00'}`) and comes back typed.
  var stored: Value { .map(["_temporal": .string(typeName), "_value": .string(text)]) }

  /// The temporal value a stored map holds; nil for any other map.
  init?(stored m: [String: Value]) {
    guard m.count == 2, case .string(let type)? = m["_temporal"], case .string(let text)? = m["_value"],
      let t = try? TemporalValue.parse(type: type, text)
    else { return nil }
    self = t
  }

  /// Reads the text of a value of the given Cypher type name back into a value.
  static func parse(type: String, _ text: String) throws -> TemporalValue {
    if type == "Duration" { return .duration(try TemporalParser.duration(text)) }
    guard let kind = TemporalKind(rawValue: type.lowercased()) else {
      throw KgshError.runtime("unknown temporal type \(type)", code: "InvalidArgumentValue")
    }
    return try TemporalBuild.parse(kind, text)
  }
}

extension TemporalValue {
  /// A knowledge-base date (`2025-07-01`) as a Cypher date; nil for periods such as
  /// `2025-07` or `2025-H1`, which stay text because they are not one day.
  static func fromFact(_ s: String) -> TemporalValue? {
    guard let (y, m, d) = TemporalParser.plainDate(s), let date = try? TemporalBuild.calendarDate(y, m, d)
    else { return nil }
    return .date(date)
  }
}

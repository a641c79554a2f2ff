import Foundation

/// Turns a fact's stored text into a typed value, and back into a number for sorting.
enum FactValue {
  /// The numeric value of a fact (for sorting and range queries), when it has one.
  static func number(type: String, raw: String) -> Double? {
    switch type {
    case "number", "money", "percent":
      if let range = raw.range(of: "..") { return Double(raw[..<range.lowerBound]) }
      return Double(raw)
    default: return nil
    }
  }

  /// The typed value of a fact: money keeps its currency, numbers stay exact.
  static func value(type: String, raw: String, currency: String?, entity: EntityRef?) -> Value {
    switch type {
    case "money":
      if let d = PlainDecimal.parse(raw), let currency,
        !currency.isEmpty
      {
        return .money(Money(d, currency))
      }
      return number(raw)
    case "number", "percent": return number(raw)
    case "date", "period": return .date(raw)
    case "bool": return .bool(raw == "true" || raw == "yes" || raw == "1")
    case "entity": return entity.map { .entity($0) } ?? .string(raw)
    default: return .string(raw)
    }
  }

  private static func number(_ raw: String) -> Value {
    if let i = Int64(raw) { return .int(i) }
    if let d = PlainDecimal.parse(raw), !raw.contains("..") {
      return .decimal(d)
    }
    return .string(raw)
  }
}

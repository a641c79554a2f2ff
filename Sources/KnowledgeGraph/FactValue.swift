import Foundation

/// Turns a fact's stored text into a typed value, and back into a number for sorting.
public enum FactValue {
  /// The numeric value of a fact (for sorting and range queries), when it has one.
  static func number(type: String, raw: String) -> Double? {
    switch type {
    case "number", "money", "percent":
      if let dots = separator(in: raw) { return Double(raw[..<dots.lowerBound]) }
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
    if let d = PlainDecimal.parse(raw), !isRange(raw) {
      return .decimal(d)
    }
    return .string(raw)
  }

  /// Whether a number, money or percent value is a range, written `low..high` (`5..8`,
  /// `2025-01..2025-03`).
  public static func isRange(_ raw: String) -> Bool { separator(in: raw) != nil }

  /// The ends of a range value, split at each `..` from the left (`"5..8"` → `["5", "8"]`);
  /// a value that is not a range is its one end. Read from the UTF-8 bytes: Foundation's
  /// `components(separatedBy:)` and `contains` went through `NSString` and cost a card
  /// ~300,000 instructions.
  public static func rangeEnds(_ raw: String) -> [String] {
    var ends: [String] = []
    var rest = Substring(raw)
    while let dots = separator(in: rest) {
      ends.append(String(rest[..<dots.lowerBound]))
      rest = rest[dots.upperBound...]
    }
    ends.append(String(rest))
    return ends
  }

  /// The first `..` of the text.
  private static func separator(in text: Substring) -> Range<String.Index>? {
    let utf8 = text.utf8
    var i = utf8.startIndex
    while i != utf8.endIndex {
      let next = utf8.index(after: i)
      if next == utf8.endIndex { return nil }
      if utf8[i] == UInt8(ascii: "."), utf8[next] == UInt8(ascii: ".") { return i..<utf8.index(after: next) }
      i = next
    }
    return nil
  }

  private static func separator(in text: String) -> Range<String.Index>? { separator(in: Substring(text)) }
}

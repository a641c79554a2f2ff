import Foundation

/// A typed value as the knowledge graph stores it and the shell renders it.
///
/// Property values, fact values and table cells all use this one type, so that a
/// number stays a number from the store to the renderer (JSON gets `24380000000`,
/// the table gets `24.38 bn`).
public enum Value: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  /// An exact decimal, used for money and anything that must not drift.
  case decimal(Decimal)
  case string(String)
  /// An ISO date or period (`2026-01-08`, `2025-07`, `2025-H1`).
  case date(String)
  case money(Money)
  case entity(EntityRef)
  case list([Value])
  case map([String: Value])

  /// True for `.null`.
  public var isNull: Bool { if case .null = self { return true } else { return false } }

  /// The value as a number, when it is one.
  public var number: Double? {
    switch self {
    case .int(let v): return Double(v)
    case .double(let v): return v
    case .decimal(let d): return NSDecimalNumber(decimal: d).doubleValue
    case .money(let m): return NSDecimalNumber(decimal: m.amount).doubleValue
    default: return nil
    }
  }

  /// Plain text for the value, as a user would type it back (no units, no grouping).
  public var plainText: String {
    switch self {
    case .null: return ""
    case .bool(let b): return b ? "true" : "false"
    case .int(let v): return String(v)
    case .double(let v): return Value.format(double: v)
    case .decimal(let d): return PlainDecimal.text(d)
    case .string(let s): return s
    case .date(let s): return s
    case .money(let m): return "\(PlainDecimal.text(m.amount)) \(m.currency)"
    case .entity(let e): return e.name
    case .list(let items):
      if let path = graphText(\.plainText) { return path }
      // Joined by hand: the library's `joined(separator:)` is not specialized here and looks up
      // a protocol conformance at run time the first time (a parameter's default at start-up).
      var text = ""
      for (i, item) in items.enumerated() { text += (i == 0 ? "" : ", ") + item.plainText }
      return text
    case .map(let m):
      if let text = graphText(\.plainText) { return text }
      return m.keys.sorted().map { "\($0): \(m[$0]!.plainText)" }.joinedText(", ")
    }
  }

  /// Formats a double without a trailing `.0` for whole numbers and without exponent noise.
  public static func format(double v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return String(v)
  }
}

/// An amount of money in one currency, kept exact.
public struct Money: Hashable, Sendable {
  public var amount: Decimal
  /// ISO 4217 code (CNY, USD, HKD ...).
  public var currency: String
  public init(_ amount: Decimal, _ currency: String) {
    self.amount = amount
    self.currency = currency
  }
}

/// A reference to a node, carried in values so renderers can print a name and JSON a key.
public struct EntityRef: Hashable, Sendable {
  public var id: Int64
  public var key: String
  public var name: String
  public init(id: Int64, key: String, name: String) {
    self.id = id
    self.key = key
    self.name = name
  }
}

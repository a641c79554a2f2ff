import Foundation

/// A JSON value as it travels between kgsh and a plugin: numbers keep whether they were
/// whole, objects are unordered (records use ordered pairs instead).
public enum WireValue: Codable, Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case array([WireValue])
  case object([String: WireValue])

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? c.decode(Int64.self) {
      self = .int(i)
    } else if let d = try? c.decode(Double.self) {
      self = .double(d)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([WireValue].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: WireValue].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .null: try c.encodeNil()
    case .bool(let b): try c.encode(b)
    case .int(let i): try c.encode(i)
    case .double(let d): try c.encode(d.isFinite ? d : 0)
    case .string(let s): try c.encode(s)
    case .array(let a): try c.encode(a)
    case .object(let o): try c.encode(o)
    }
  }

  /// The string, when the value is one.
  public var string: String? { if case .string(let s) = self { return s } else { return nil } }

  /// The field of an object, or nil.
  public subscript(key: String) -> WireValue? {
    if case .object(let o) = self { return o[key] }
    return nil
  }

  /// Plain text for the value: strings as they are, everything else as JSON-ish text.
  public var text: String {
    switch self {
    case .null: return ""
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return String(d)
    case .string(let s): return s
    case .array(let a): return a.map(\.text).joined(separator: ", ")
    case .object(let o): return o.keys.sorted().map { "\($0): \(o[$0]!.text)" }.joined(separator: ", ")
    }
  }
}

extension WireValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int64) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(nilLiteral: ()) { self = .null }
}

extension WireValue {
  /// The JSON form of any `Encodable` value (a typed request or response).
  /// - Throws: `EncodingError` for values JSON cannot hold.
  public init(encoding value: some Encodable) throws {
    let data = try JSONEncoder().encode(value)
    self = try JSONDecoder().decode(WireValue.self, from: data)
  }

  /// Reads this JSON value as a typed request or response.
  /// - Throws: `DecodingError` naming the missing or mistyped field.
  public func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try JSONDecoder().decode(T.self, from: JSONEncoder().encode(self))
  }
}

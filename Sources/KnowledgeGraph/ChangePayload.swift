/// Reading the JSON payload of a change record: every field is text (or absent), lists
/// are lists of text, `props` is a map.
extension Value {
  /// A field of a map payload as text; nil when absent, null or empty.
  public func field(_ name: String) -> String? {
    guard case .map(let m) = self, let v = m[name] else { return nil }
    switch v {
    case .null: return nil
    case .string(let s): return s.isEmpty ? nil : s
    default: return v.plainText
    }
  }

  /// A list field as text items (an absent field is empty).
  public func fieldList(_ name: String) -> [String] {
    guard case .map(let m) = self, case .list(let items)? = m[name] else { return [] }
    return items.compactMap { $0.isNull ? nil : $0.plainText }
  }

  /// A map field (an absent field is empty).
  public func fieldMap(_ name: String) -> [String: Value] {
    guard case .map(let m) = self, case .map(let inner)? = m[name] else { return [:] }
    return inner
  }

  /// A boolean field; absent is false.
  public func flag(_ name: String) -> Bool {
    guard case .map(let m) = self, let v = m[name] else { return false }
    if case .bool(let b) = v { return b }
    return v.plainText == "true"
  }

  /// The payload with fields set (nil removes a field).
  public func setting(_ fields: [String: Value?]) -> Value {
    guard case .map(var m) = self else { return self }
    for (k, v) in fields { m[k] = v ?? nil }
    return .map(m)
  }

  /// A payload map from optional text fields, leaving out the absent ones.
  public static func payload(_ fields: [(String, String?)], extra: [String: Value] = [:]) -> Value {
    var m = extra
    for (name, value) in fields { if let value, !value.isEmpty { m[name] = .string(value) } }
    return .map(m)
  }
}

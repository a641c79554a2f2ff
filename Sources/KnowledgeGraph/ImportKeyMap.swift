/// Node ids by the keys of an import's files. Keys that are small canonical decimals ("0",
/// "42"), as generated exports usually have, live in an array indexed by their value, so the
/// millions of edge ends of a large import are found without hashing a string; other keys
/// live in a dictionary.
struct ImportKeyMap {
  /// Ids by decimal key; 0 where no node has that key (node ids start at 1).
  private var dense: [Int64] = []
  private var other: [String: Int64] = [:]
  /// The largest decimal key kept in the array (32 MB of ids at most).
  static let denseLimit = 1 << 22

  subscript(key: String) -> Int64? {
    get {
      if let slot = Self.slot(key) { return slot < dense.count && dense[slot] != 0 ? dense[slot] : nil }
      return other[key]
    }
    set {
      guard let slot = Self.slot(key) else { return other[key] = newValue }
      if slot >= dense.count { dense.append(contentsOf: repeatElement(0, count: slot + 1 - dense.count)) }
      dense[slot] = newValue ?? 0
    }
  }

  /// The id of the canonical decimal key with array slot `slot` (see `slot(_:)`), without
  /// making the key's string.
  func id(slot: Int) -> Int64? {
    slot < dense.count && dense[slot] != 0 ? dense[slot] : nil
  }

  /// The array slot of a canonical decimal key below `denseLimit` ("7", not "07" or "+7").
  static func slot(_ key: String) -> Int? {
    var key = key
    return key.withUTF8 { bytes -> Int? in
      guard (1...7).contains(bytes.count), bytes[0] != UInt8(ascii: "0") || bytes.count == 1 else {
        return nil
      }
      var value = 0
      for byte in bytes {
        guard byte &- UInt8(ascii: "0") < 10 else { return nil }
        value = value * 10 + Int(byte &- UInt8(ascii: "0"))
      }
      return value < denseLimit ? value : nil
    }
  }
}

/// Ids derived from what a statement says, so the same statement gets the same id on every
/// machine and is not added twice (`UF-…` facts, `UE-…` links).
public enum ChangeKeys {
  /// `prefix` and 12 upper-case hex digits of the FNV-1a hash of the parts.
  ///
  /// ```swift
  /// ChangeKeys.derive("UE-", ["baidu", "INVESTS_IN", "zhipu", "s1", ""])  // "UE-…"
  /// ```
  public static func derive(_ prefix: String, _ parts: [String]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in parts.joinedText("\u{1F}").utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return prefix
      + String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12)).uppercased()
  }
}

/// How a property written as text (a CSV field, `k=v` in edges.tsv's props) becomes a value:
/// the one rule every reader of such text follows.
extension Value {
  /// A number when the text is written as kgsh writes that number back, the text otherwise.
  /// `42` and `-7` are integers, `33.03` and `0.5` decimals (read as a double); `02513`
  /// (a stock code), `+86`, `00100` and `1e5` stay text, so a code keeps its leading zeros
  /// and exporting the value gives back what was read.
  public static func inferred(fromText text: String) -> Value {
    var digits = Substring(text).utf8
    if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
    guard let first = digits.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
      !isCode(text)
    else { return .string(text) }
    if let n = Int64(text) { return .int(n) }
    guard digits.contains(UInt8(ascii: ".")),
      digits.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") }),
      let d = Double(text), d.isFinite
    else { return .string(text) }
    return .double(d)
  }

  /// Whether the text is digits with a leading zero (`02513`, `-007`, `00.5`): a code, which
  /// reading as a number would change. `0` and `0.5` are not.
  public static func isCode(_ text: String) -> Bool {
    var digits = Substring(text).utf8
    if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
    guard digits.first == UInt8(ascii: "0"), let next = digits.dropFirst().first else { return false }
    return next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")
  }

  /// The properties of a `props` column: `k=v;k=v` (a pair without `=` is skipped), or a
  /// JSON object where pairs would not keep the values (`{"code": "42", "note": "a; b"}`).
  public static func properties(fromPairs text: String) -> [String: Value] {
    if text.first == "{", case .map(let object)? = try? JSON.decode(text) { return object }
    var props: [String: Value] = [:]
    for pair in text.split(separator: ";") {
      guard let eq = pair.firstIndex(of: "=") else { continue }
      props[String(pair[..<eq])] = inferred(fromText: String(pair[pair.index(after: eq)...]))
    }
    return props
  }
}

import CFixedPoint

/// Numbers as fixed-point text, the one place kgsh prints `%.Nf`: the timer, import
/// reports, non-integer values in tables, whole floats in JSON and Cypher (`1.0`); and
/// zero-padded digits (JSON escapes, change-log timestamps).
///
/// Foundation's `String(format:)` and Swift's `withVaList` pass each argument as a
/// `CVarArg`, and checking that conformance at run time scans all of the program's
/// protocol conformances the first time: `timer on` cost a new process ~1.4M instructions
/// (callgrind), more than the rest of the command. This goes to C's formatter directly.
public enum FixedPoint {
  /// `value` with `places` digits after the point, rounded as C's `printf("%.*f")` rounds
  /// (the exact binary value, halves to even): `text(0.125, places: 2)` is `0.12`, `-0.0`
  /// keeps its sign, NaN and infinities are `nan`, `inf`, `-inf`.
  public static func text(_ value: Double, places: Int) -> String {
    let places = Int32(clamping: max(0, min(places, 60)))
    // 309 digits before the point at most, a sign, the point and the places.
    var buffer = [CChar](repeating: 0, count: 320 + Int(places))
    let count = kgsh_format_fixed(&buffer, buffer.count, value, places)
    guard count > 0 else { return "" }
    let bytes = buffer[..<min(Int(count), buffer.count - 1)].map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A count of thousandths as a number with three places: `text(thousandths: 1234)` is
  /// `1.234`, `-5` is `-0.005`. The timer's `Run Time` line, written after every command,
  /// counts whole microseconds; C's formatter for a double cost it ~3 K instructions.
  public static func text(thousandths: Int64) -> String {
    let magnitude = thousandths.magnitude
    let fraction = String(magnitude % 1000)
    var text = thousandths < 0 ? "-" : ""
    text += String(magnitude / 1000)
    text += "."
    text += String(repeating: "0", count: 3 - fraction.utf8.count)
    text += fraction
    return text
  }

  /// Digits with zeros in front up to `width` (`%0Nd`, `%04x`): `zeroPadded("1f", to: 4)` is
  /// `001f`; longer text is left as it is.
  public static func zeroPadded(_ digits: String, to width: Int) -> String {
    let missing = width - digits.utf8.count
    return missing > 0 ? String(repeating: "0", count: missing) + digits : digits
  }
}

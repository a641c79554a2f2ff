import Foundation
import KnowledgeGraph

/// Parsing ISO 8601 text into temporal values (the forms Cypher accepts).
enum TemporalParser {
  static func regex(_ p: String) -> NSRegularExpression { try! NSRegularExpression(pattern: "^" + p + "$") }
  static let week = regex(#"([+-]\d{4,9}|\d{4})-?W(\d{2})(?:-?(\d))?"#)
  static let ordinal = regex(#"([+-]\d{4,9}|\d{4})-?(\d{3})"#)
  static let calendar = regex(#"([+-]\d{4,9}|\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?"#)
  static let time = regex(
    #"(\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?(?:\[([^\]]+)\])?"#
  )
  static let duration = regex(
    #"(-)?P(?:([-+]?[\d.,]+)Y)?(?:([-+]?[\d.,]+)M)?(?:([-+]?[\d.,]+)W)?(?:([-+]?[\d.,]+)D)?(?:T(?:([-+]?[\d.,]+)H)?(?:([-+]?[\d.,]+)M)?(?:([-+]?[\d.,]+)S)?)?"#
  )
  static let durationDateForm = regex(
    #"P(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:[.,](\d{1,9}))?"#)

  static func groups(_ re: NSRegularExpression, _ s: String) -> [String?]? {
    guard let m = re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else { return nil }
    return (1..<m.numberOfRanges).map { i in
      Range(m.range(at: i), in: s).map { String(s[$0]) }
    }
  }

  static func invalid(_ s: String, _ what: String) -> KgshError {
    KgshError.runtime("'\(s)' is not a valid \(what)", code: "InvalidArgumentValue")
  }

  static func int(_ s: String?) -> Int64? {
    s.flatMap { Int64($0.hasPrefix("+") ? String($0.dropFirst()) : $0) }
  }

  static func date(_ s: String) throws -> LocalDate {
    if let (y, m, d) = plainDate(s) { return try TemporalBuild.calendarDate(y, m, d) }
    if let g = groups(week, s) {
      let y = int(g[0])!, w = int(g[1])!, dow = int(g[2]) ?? 1
      return try TemporalBuild.weekDate(y, w, dow)
    }
    if let g = groups(ordinal, s) { return try TemporalBuild.ordinalDate(int(g[0])!, int(g[1])!) }
    if let g = groups(calendar, s) {
      return try TemporalBuild.calendarDate(int(g[0])!, int(g[1]) ?? 1, int(g[2]) ?? 1)
    }
    throw invalid(s, "date")
  }

  /// Year, month and day of `YYYY-MM-DD`, the form every dated fact has, read without the
  /// regular expressions (compiling them is ~9M instructions, most of a one-shot `match`).
  static func plainDate(_ s: String) -> (Int64, Int64, Int64)? {
    var fields: [Int64] = [0, 0, 0]
    var count = 0
    for byte in s.utf8 {
      count += 1
      if count == 5 || count == 8 {
        guard byte == UInt8(ascii: "-") else { return nil }
        continue
      }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count <= 10 else { return nil }
      let field = count < 5 ? 0 : count < 8 ? 1 : 2
      fields[field] = fields[field] * 10 + Int64(byte - UInt8(ascii: "0"))
    }
    return count == 10 ? (fields[0], fields[1], fields[2]) : nil
  }

  /// A time with, when the text has them, an offset in seconds and a zone name.
  static func time(_ s: String) throws -> (LocalTime, offset: Int64?, zone: String?) {
    guard let g = groups(time, s) else { throw invalid(s, "time") }
    let h = int(g[0])!, m = int(g[1]) ?? 0, sec = int(g[2]) ?? 0
    var nano: Int64 = 0
    if let f = g[3] { nano = Int64(f.padding(toLength: 9, withPad: "0", startingAt: 0))! }
    guard h < 24, m < 60, sec < 60 else { throw invalid(s, "time") }
    let t = LocalTime(hour: h, minute: m, second: sec, nano: nano)
    return (t, try g[4].map(offset), g[5])
  }

  /// `Z`, `+01`, `+0100`, `+01:00`, `-01:30:15` as seconds east of UTC.
  static func offset(_ s: String) throws -> Int64 {
    if s == "Z" { return 0 }
    let sign: Int64 = s.hasPrefix("-") ? -1 : 1
    let digits = s.dropFirst().filter(\.isNumber)
    guard [2, 4, 6].contains(digits.count) else { throw invalid(s, "time zone offset") }
    let parts = stride(from: 0, to: digits.count, by: 2).map {
      Int64(String(Array(digits)[$0..<$0 + 2]))!
    }
    let h = parts[0], m = parts.count > 1 ? parts[1] : 0, sec = parts.count > 2 ? parts[2] : 0
    guard h <= 18, m < 60, sec < 60 else { throw invalid(s, "time zone offset") }
    return sign * (h * 3600 + m * 60 + sec)
  }

  /// Splits `date T time` text.
  static func dateTime(_ s: String) throws -> (LocalDate, LocalTime, offset: Int64?, zone: String?) {
    let parts = s.split(separator: "T", maxSplits: 1).map(String.init)
    let d = try date(parts[0])
    if parts.count == 1 { return (d, LocalTime(nanoOfDay: 0), nil, nil) }
    let (t, o, z) = try time(parts[1])
    return (d, t, o, z)
  }

  static func duration(_ s: String) throws -> CypherDuration {
    if let g = groups(durationDateForm, s) {
      let n = g[6].map { Int64($0.padding(toLength: 9, withPad: "0", startingAt: 0))! } ?? 0
      let secs = int(g[3])! * 3600 + int(g[4])! * 60 + int(g[5])!
      return CypherDuration(months: int(g[0])! * 12 + int(g[1])!, days: int(g[2])!, seconds: secs, nanos: n)
    }
    guard s.contains(where: \.isNumber), let g = groups(duration, s) else { throw invalid(s, "duration") }
    func num(_ i: Int) throws -> Double {
      guard let t = g[i] else { return 0 }
      guard let v = Double(t.replacingOccurrences(of: ",", with: ".")) else { throw invalid(s, "duration") }
      return v
    }
    // Seconds keep their fraction exactly (no binary rounding of 21.545).
    var wholeSeconds: Double = 0
    var nanos: Double = 0
    if let t = g[7]?.replacingOccurrences(of: ",", with: ".") {
      let p = t.split(separator: ".", maxSplits: 1)
      wholeSeconds = Double(p[0]) ?? 0
      if p.count == 2 {
        let n = Double(String(p[1]).padding(toLength: 9, withPad: "0", startingAt: 0)) ?? 0
        nanos = t.hasPrefix("-") ? -n : n
      }
    }
    let d = try CypherDuration.approximate(
      months: try num(1) * 12 + num(2), days: try num(3) * 7 + num(4),
      seconds: try num(5) * 3600 + num(6) * 60 + wholeSeconds, nanos: nanos)
    return g[0] == nil ? d : d.negated
  }
}

import Foundation

extension TemporalValue {
  /// The text Cypher's toString gives (ISO 8601, as java.time prints it).
  var text: String {
    switch self {
    case .date(let d): return TemporalValue.format(d)
    case .localTime(let t): return TemporalValue.format(t)
    case .time(let t, let o): return TemporalValue.format(t) + TemporalValue.formatOffset(o)
    case .localDateTime(let d, let t): return TemporalValue.format(d) + "T" + TemporalValue.format(t)
    case .dateTime(let d, let t, let o, let z):
      let base = TemporalValue.format(d) + "T" + TemporalValue.format(t)
      if let z { return base + (z == "Z" ? "Z" : TemporalValue.formatOffset(o) + "[\(z)]") }
      return base + TemporalValue.formatOffset(o)
    case .duration(let d): return TemporalValue.format(d)
    }
  }

  static func pad(_ v: Int64, _ width: Int) -> String {
    let s = String(abs(v))
    return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
  }

  static func format(_ d: LocalDate) -> String {
    let year = d.year > 9999 ? "+" + pad(d.year, 4) : pad(d.year, 4)
    return "\(year)-\(pad(d.month, 2))-\(pad(d.day, 2))"
  }

  static func format(_ t: LocalTime) -> String {
    var s = "\(pad(t.hour, 2)):\(pad(t.minute, 2))"
    if t.second != 0 || t.nano != 0 { s += ":" + pad(t.second, 2) }
    if t.nano != 0 {
      if t.nano % 1_000_000 == 0 {
        s += "." + pad(t.nano / 1_000_000, 3)
      } else if t.nano % 1000 == 0 {
        s += "." + pad(t.nano / 1000, 6)
      } else {
        s += "." + pad(t.nano, 9)
      }
    }
    return s
  }

  static func formatOffset(_ o: Int64) -> String {
    if o == 0 { return "Z" }
    let a = abs(o)
    var s = (o < 0 ? "-" : "+") + pad(a / 3600, 2) + ":" + pad(a / 60 % 60, 2)
    if a % 60 != 0 { s += ":" + pad(a % 60, 2) }
    return s
  }

  static func format(_ d: CypherDuration) -> String {
    var s = "P"
    func part(_ v: Int64, _ unit: Character) { if v != 0 { s += "\(v)\(unit)" } }
    part(d.months / 12, "Y")
    part(d.months % 12, "M")
    part(d.days, "D")
    let (secs, nanos) = d.signedParts
    if secs != 0 || nanos != 0 {
      s += "T"
      part(secs / 3600, "H")
      part(secs % 3600 / 60, "M")
      let rest = secs % 60
      if rest != 0 || nanos != 0 {
        s += (rest == 0 && nanos < 0 ? "-" : "") + "\(rest)"
        if nanos != 0 {
          var frac = pad(abs(nanos), 9)
          while frac.hasSuffix("0") { frac.removeLast() }
          s += "." + frac
        }
        s += "S"
      }
    }
    return s == "P" ? "PT0S" : s
  }
}

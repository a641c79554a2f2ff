import Foundation
import KnowledgeGraph

extension TemporalValue {
  /// `value.key` for a temporal value; nil when the type has no such component.
  func property(_ key: String) -> QValue? {
    if case .duration(let d) = self { return TemporalValue.durationProperty(d, key) }
    let k = key.lowercased()
    if let d = datePart, let v = TemporalValue.dateProperty(d, k) { return .int(v) }
    if let t = timePart, let v = TemporalValue.timeProperty(t, k) { return .int(v) }
    if let o = offset {
      switch k {
      case "timezone": return .string(zone ?? TemporalValue.formatOffset(o))
      case "offset": return .string(TemporalValue.formatOffset(o))
      case "offsetminutes": return .int(o / 60)
      case "offsetseconds": return .int(o)
      default: break
      }
    }
    if case .dateTime(let d, let t, let o, _) = self {
      let s = TemporalValue.epochSeconds(d, t, offset: o)
      if k == "epochseconds" { return .int(s) }
      if k == "epochmillis" { return .int(s * 1000 + t.nano / 1_000_000) }
    }
    return nil
  }

  static func dateProperty(_ d: LocalDate, _ k: String) -> Int64? {
    switch k {
    case "year": return d.year
    case "quarter": return d.quarter
    case "month": return d.month
    case "week": return d.week
    case "weekyear": return d.weekYear
    case "day": return d.day
    case "ordinalday": return d.dayOfYear
    case "dayofweek", "weekday": return d.dayOfWeek
    case "dayofquarter": return d.dayOfQuarter
    default: return nil
    }
  }

  static func timeProperty(_ t: LocalTime, _ k: String) -> Int64? {
    switch k {
    case "hour": return t.hour
    case "minute": return t.minute
    case "second": return t.second
    case "millisecond": return t.nano / 1_000_000
    case "microsecond": return t.nano / 1000
    case "nanosecond": return t.nano
    default: return nil
    }
  }

  static func durationProperty(_ d: CypherDuration, _ key: String) -> QValue? {
    let v: Int64
    switch key.lowercased() {
    case "years": v = d.months / 12
    case "quarters": v = d.months / 3
    case "months": v = d.months
    case "weeks": v = d.days / 7
    case "days": v = d.days
    case "hours": v = d.seconds / 3600
    case "minutes": v = d.seconds / 60
    case "seconds": v = d.seconds
    case "milliseconds": v = d.seconds * 1000 + d.nanos / 1_000_000
    case "microseconds": v = d.seconds * 1_000_000 + d.nanos / 1000
    case "nanoseconds": v = d.seconds * 1_000_000_000 + d.nanos
    case "quartersofyear": v = d.months % 12 / 3
    case "monthsofyear": v = d.months % 12
    case "monthsofquarter": v = d.months % 3
    case "daysofweek": v = d.days % 7
    case "minutesofhour": v = d.seconds / 60 % 60
    case "secondsofminute": v = d.seconds % 60
    case "millisecondsofsecond": v = d.nanos / 1_000_000
    case "microsecondsofsecond": v = d.nanos / 1000
    case "nanosecondsofsecond": v = d.nanos
    default: return nil
    }
    return .int(v)
  }
}

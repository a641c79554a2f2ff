import Foundation
import KnowledgeGraph

/// A calendar date in the proleptic Gregorian calendar.
struct LocalDate: Hashable, Sendable {
  var year: Int64
  var month: Int64
  var day: Int64

  /// Days since 1970-01-01.
  var epochDay: Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  init(year: Int64, month: Int64, day: Int64) {
    self.year = year
    self.month = month
    self.day = day
  }

  init(epochDay: Int64) {
    let z = epochDay + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    day = doy - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  }

  static func isLeap(_ y: Int64) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  static func daysIn(month: Int64, year: Int64) -> Int64 {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Monday is 1, Sunday is 7.
  var dayOfWeek: Int64 { ((epochDay % 7) + 7 + 3) % 7 + 1 }
  var dayOfYear: Int64 { epochDay - LocalDate(year: year, month: 1, day: 1).epochDay + 1 }
  var quarter: Int64 { (month - 1) / 3 + 1 }
  var dayOfQuarter: Int64 {
    epochDay - LocalDate(year: year, month: (quarter - 1) * 3 + 1, day: 1).epochDay + 1
  }

  /// The Monday of ISO week 1 of a week-based year.
  static func weekOneMonday(_ weekYear: Int64) -> LocalDate {
    let jan4 = LocalDate(year: weekYear, month: 1, day: 4)
    return LocalDate(epochDay: jan4.epochDay - (jan4.dayOfWeek - 1))
  }

  var weekYear: Int64 {
    let next = LocalDate.weekOneMonday(year + 1)
    if epochDay >= next.epochDay { return year + 1 }
    let this = LocalDate.weekOneMonday(year)
    return epochDay < this.epochDay ? year - 1 : year
  }

  var week: Int64 { (epochDay - LocalDate.weekOneMonday(weekYear).epochDay) / 7 + 1 }

  /// Adds months, clamping the day to the end of the target month (Jan 31 + 1 month = Feb 28/29).
  func plus(months: Int64) -> LocalDate {
    let total = year * 12 + (month - 1) + months
    let y = total >= 0 ? total / 12 : (total - 11) / 12
    let m = total - y * 12 + 1
    return LocalDate(year: y, month: m, day: min(day, LocalDate.daysIn(month: m, year: y)))
  }
}

/// A time of day without a zone, to the nanosecond.
struct LocalTime: Hashable, Sendable {
  static let nanosPerDay: Int64 = 86_400 * 1_000_000_000
  var nanoOfDay: Int64

  init(nanoOfDay: Int64) {
    let r = nanoOfDay % LocalTime.nanosPerDay
    self.nanoOfDay = r < 0 ? r + LocalTime.nanosPerDay : r
  }

  init(hour: Int64, minute: Int64, second: Int64, nano: Int64) {
    self.init(nanoOfDay: ((hour * 60 + minute) * 60 + second) * 1_000_000_000 + nano)
  }

  var hour: Int64 { nanoOfDay / 3_600_000_000_000 }
  var minute: Int64 { nanoOfDay / 60_000_000_000 % 60 }
  var second: Int64 { nanoOfDay / 1_000_000_000 % 60 }
  var nano: Int64 { nanoOfDay % 1_000_000_000 }
}

/// A Cypher duration: months, days and seconds kept apart (a month has no fixed length).
/// `nanos` is always in 0..<1e9, as in java.time.Duration.
struct CypherDuration: Hashable, Sendable {
  var months: Int64
  var days: Int64
  var seconds: Int64
  var nanos: Int64

  init(months: Int64 = 0, days: Int64 = 0, seconds: Int64 = 0, nanos: Int64 = 0) {
    self.months = months
    self.days = days
    var s = seconds + nanos / 1_000_000_000
    var n = nanos % 1_000_000_000
    if n < 0 {
      n += 1_000_000_000
      s -= 1
    }
    self.seconds = s
    self.nanos = n
  }

  /// Builds a duration from fractional parts, letting each fraction flow into the next unit
  /// (a month is 30.436875 days, a day 86400 seconds).
  static func approximate(months: Double, days: Double, seconds: Double, nanos: Double) throws
    -> CypherDuration
  {
    let limit = 9.2e18 / 1e9
    guard [months, days, seconds].allSatisfy({ $0.isFinite && abs($0) < limit }), nanos.isFinite,
      abs(nanos) < 9.2e18
    else { throw KgshError.runtime("the duration is too large", code: "InvalidArgumentValue") }
    let m = months.rounded(.towardZero)
    let d0 = days + 30.436875 * (months - m)
    let d = d0.rounded(.towardZero)
    let s0 = seconds + 86_400 * (d0 - d)
    let s = s0.rounded(.towardZero)
    let n = (nanos + 1e9 * (s0 - s)).rounded(.towardZero)
    return CypherDuration(months: Int64(m), days: Int64(d), seconds: Int64(s), nanos: Int64(n))
  }

  var negated: CypherDuration {
    CypherDuration(months: -months, days: -days, seconds: -seconds, nanos: -nanos)
  }

  /// Seconds with the nanoseconds given the sign of the seconds (for properties and printing).
  var signedParts: (seconds: Int64, nanos: Int64) {
    if seconds < 0 && nanos > 0 { return (seconds + 1, nanos - 1_000_000_000) }
    return (seconds, nanos)
  }
}

/// A temporal value in a query: one of the five instants-or-times and the duration.
enum TemporalValue: Hashable, Sendable {
  case date(LocalDate)
  case localTime(LocalTime)
  /// A time with its offset from UTC in seconds.
  case time(LocalTime, offset: Int64)
  case localDateTime(LocalDate, LocalTime)
  /// A date and time with its offset and, when named, its zone (`Europe/Stockholm`).
  case dateTime(LocalDate, LocalTime, offset: Int64, zone: String?)
  case duration(CypherDuration)

  var typeName: String {
    switch self {
    case .date: return "Date"
    case .localTime: return "LocalTime"
    case .time: return "Time"
    case .localDateTime: return "LocalDateTime"
    case .dateTime: return "DateTime"
    case .duration: return "Duration"
    }
  }

  var datePart: LocalDate? {
    switch self {
    case .date(let d), .localDateTime(let d, _), .dateTime(let d, _, _, _): return d
    default: return nil
    }
  }

  var timePart: LocalTime? {
    switch self {
    case .localTime(let t), .time(let t, _), .localDateTime(_, let t), .dateTime(_, let t, _, _): return t
    default: return nil
    }
  }

  var offset: Int64? {
    switch self {
    case .time(_, let o), .dateTime(_, _, let o, _): return o
    default: return nil
    }
  }

  var zone: String? {
    if case .dateTime(_, _, _, let z) = self { return z }
    return nil
  }

  /// Seconds since the epoch of a date-time's instant (local time minus offset).
  static func epochSeconds(_ d: LocalDate, _ t: LocalTime, offset: Int64) -> Int64 {
    d.epochDay * 86_400 + t.nanoOfDay / 1_000_000_000 - offset
  }
}

/// Division rounding toward negative infinity, and its remainder.
func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }

extension TemporalValue {
  /// A local date-time moved by seconds and nanoseconds, without overflow for far dates.
  static func shift(_ d: LocalDate, _ t: LocalTime, seconds: Int64, nanos: Int64) -> (LocalDate, LocalTime) {
    let n = t.nanoOfDay + nanos
    let totalSeconds = seconds + floorDiv(n, 1_000_000_000)
    let days = floorDiv(totalSeconds, 86_400)
    let nano = floorMod(totalSeconds, 86_400) * 1_000_000_000 + floorMod(n, 1_000_000_000)
    return (LocalDate(epochDay: d.epochDay + days), LocalTime(nanoOfDay: nano))
  }
}

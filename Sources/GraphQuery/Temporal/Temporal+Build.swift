import Foundation
import KnowledgeGraph

/// A zone a temporal carries: a fixed offset, or a named zone whose offset depends on the date.
struct ZoneSpec: Sendable {
  var offset: Int64
  var name: String?

  /// `Z`, `+01:00` or a zone name such as `Europe/Stockholm`.
  static func parse(_ s: String) throws -> ZoneSpec {
    if s == "Z" || s.hasPrefix("+") || s.hasPrefix("-") {
      return ZoneSpec(offset: try TemporalParser.offset(s))
    }
    guard TimeZones.zone(s) != nil else {
      throw KgshError.runtime("unknown time zone '\(s)'", code: "InvalidArgumentValue")
    }
    return ZoneSpec(offset: 0, name: s)
  }

  /// The offset and the local date-time it applies to (a gap moves the time forward).
  func resolve(_ d: LocalDate, _ t: LocalTime) -> (LocalDate, LocalTime, Int64) {
    guard let name, let tz = TimeZones.zone(name) else { return (d, t, offset) }
    return TimeZones.resolve(tz, d, t)
  }

  /// The offset this zone has now (for times, which have no date).
  var currentOffset: Int64 {
    guard let name, let tz = TimeZones.zone(name) else { return offset }
    return Int64(tz.secondsFromGMT())
  }
}

/// Building temporal values from fields, with the checks Cypher makes.
enum TemporalBuild {
  static func bad(_ what: String) -> KgshError {
    KgshError.runtime("invalid temporal value: \(what)", code: "InvalidArgumentValue")
  }

  static func calendarDate(_ y: Int64, _ m: Int64, _ d: Int64) throws -> LocalDate {
    guard (1...12).contains(m), d >= 1, d <= LocalDate.daysIn(month: m, year: y) else {
      // Written as the query would write it (2026-02-30), with what is wrong in it.
      func two(_ n: Int64) -> String { n >= 0 && n < 10 ? "0\(n)" : "\(n)" }
      let why =
        (1...12).contains(m)
        ? "\(y)-\(two(m)) has \(LocalDate.daysIn(month: m, year: y)) days" : "a month is 1 to 12"
      throw bad("\(y)-\(two(m))-\(two(d)) is not a date: \(why)")
    }
    return LocalDate(year: y, month: m, day: d)
  }

  static func weekDate(_ y: Int64, _ w: Int64, _ dow: Int64) throws -> LocalDate {
    let monday = LocalDate.weekOneMonday(y)
    let weeks = (LocalDate.weekOneMonday(y + 1).epochDay - monday.epochDay) / 7
    guard w >= 1, w <= weeks, (1...7).contains(dow) else { throw bad("week \(w) day \(dow) of \(y)") }
    return LocalDate(epochDay: monday.epochDay + (w - 1) * 7 + dow - 1)
  }

  static func ordinalDate(_ y: Int64, _ n: Int64) throws -> LocalDate {
    guard n >= 1, n <= (LocalDate.isLeap(y) ? 366 : 365) else { throw bad("day \(n) of \(y)") }
    return LocalDate(epochDay: LocalDate(year: y, month: 1, day: 1).epochDay + n - 1)
  }

  static func quarterDate(_ y: Int64, _ q: Int64, _ n: Int64) throws -> LocalDate {
    guard (1...4).contains(q) else { throw bad("quarter \(q)") }
    let start = LocalDate(year: y, month: (q - 1) * 3 + 1, day: 1)
    let end = LocalDate(year: y, month: q * 3, day: 1).plus(months: 1)
    guard n >= 1, n <= end.epochDay - start.epochDay else { throw bad("day \(n) of quarter \(q)") }
    return LocalDate(epochDay: start.epochDay + n - 1)
  }

  static func int(_ m: [String: QValue], _ key: String) throws -> Int64? {
    guard let v = m.first(where: { $0.key.lowercased() == key.lowercased() })?.value else { return nil }
    switch v {
    case .int(let i): return i
    case .float(let f) where f == f.rounded() && abs(f) < 1e15: return Int64(f)
    case .null: return nil
    default: throw bad("\(key) must be an integer, not \(v.typeNameWithArticle)")
    }
  }

  static func temporal(_ m: [String: QValue], _ key: String) -> TemporalValue? {
    if case .temporal(let t)? = m[key] { return t }
    return nil
  }

  /// The date the fields of a map describe, starting from `base` when the map names one.
  static func date(_ m: [String: QValue], base: LocalDate?) throws -> LocalDate {
    let year = try int(m, "year")
    if let year, abs(year) > 999_999_999 { throw bad("year \(year) is out of range") }
    func need(_ v: Int64?) throws -> Int64 {
      guard let v else { throw bad("a year is required") }
      return v
    }
    if try int(m, "week") != nil || (base != nil && int(m, "dayOfWeek") != nil) {
      let y = try need(year ?? base?.weekYear)
      return try weekDate(
        y, try need(int(m, "week") ?? base?.week), try int(m, "dayOfWeek") ?? base?.dayOfWeek ?? 1)
    }
    if let n = try int(m, "ordinalDay") { return try ordinalDate(try need(year ?? base?.year), n) }
    if try int(m, "quarter") != nil || int(m, "dayOfQuarter") != nil {
      let q = try int(m, "quarter") ?? base?.quarter ?? 1
      return try quarterDate(
        try need(year ?? base?.year), q, try int(m, "dayOfQuarter") ?? base?.dayOfQuarter ?? 1)
    }
    if try int(m, "month") != nil || int(m, "day") != nil || year != nil || base != nil {
      let y = try need(year ?? base?.year)
      return try calendarDate(y, try int(m, "month") ?? base?.month ?? 1, try int(m, "day") ?? base?.day ?? 1)
    }
    throw bad("a year is required")
  }

  static func time(_ m: [String: QValue], base: LocalTime?) throws -> LocalTime {
    let h = try int(m, "hour") ?? base?.hour ?? 0
    let mi = try int(m, "minute") ?? base?.minute ?? 0
    let s = try int(m, "second") ?? base?.second ?? 0
    var nano = base?.nano ?? 0
    let ms = try int(m, "millisecond"), us = try int(m, "microsecond"), ns = try int(m, "nanosecond")
    if ms != nil || us != nil || ns != nil {
      guard (0..<1000).contains(ms ?? 0), (0..<1_000_000).contains(us ?? 0),
        (0..<1_000_000_000).contains(ns ?? 0)
      else { throw bad("a sub-second field is out of range") }
      if base != nil, let ns, ms == nil, us == nil, ns >= 1000 {
        nano = ns
      } else if let base, let us, ms == nil, us >= 1000 {
        nano = us * 1000 + (ns ?? base.nano % 1000)
      } else if let base {
        // Each given field replaces its own part of the base's fraction.
        nano =
          (ms ?? base.nano / 1_000_000) * 1_000_000 + (us ?? base.nano / 1000 % 1000) * 1000
          + (ns ?? base.nano % 1000)
      } else {
        nano = (ms ?? 0) * 1_000_000 + (us ?? 0) * 1000 + (ns ?? 0)
      }
      guard nano < 1_000_000_000 else { throw bad("sub-second fields add up to more than a second") }
    }
    guard (0..<24).contains(h), (0..<60).contains(mi), (0..<60).contains(s) else {
      throw bad("\(h):\(mi):\(s) is not a time")
    }
    return LocalTime(hour: h, minute: mi, second: s, nano: nano)
  }
}

import Foundation
import KnowledgeGraph

/// `duration.between`, `duration.inMonths`, `duration.inDays`, `duration.inSeconds`.
enum DurationBetween {
  enum Unit { case all, months, days, seconds }

  /// A point on the local timeline of `a`'s zone: b is moved to a's zone when both have one.
  struct Point {
    var date: LocalDate?
    var time: LocalTime?
    var offset: Int64?
    var zone: String?
  }

  static func point(_ t: TemporalValue) -> Point {
    Point(date: t.datePart, time: t.timePart, offset: t.offset, zone: t.zone)
  }

  static func between(_ a: TemporalValue, _ b: TemporalValue, _ unit: Unit) throws -> CypherDuration {
    if case .duration = a { throw bad() }
    if case .duration = b { throw bad() }
    var p = point(a), q = point(b)
    if let oa = p.offset, let ob = q.offset, oa != ob || p.zone != q.zone {
      // Same instant as b, seen in a's zone.
      let d = q.date ?? p.date ?? LocalDate(epochDay: 0)
      let t = q.time ?? LocalTime(nanoOfDay: 0)
      let moved = TimeZones.at(
        epochSecond: TemporalValue.epochSeconds(d, t, offset: ob), nano: t.nano, zone: p.zone, offset: oa)
      q.date = q.date == nil ? nil : moved.datePart
      q.time = moved.timePart
      q.offset = moved.offset
    }
    let ta = p.time ?? LocalTime(nanoOfDay: 0), tb = q.time ?? LocalTime(nanoOfDay: 0)
    guard let da = p.date, let db = q.date else {
      let diff = (p.time == nil || q.time == nil) ? 0 : tb.nanoOfDay - ta.nanoOfDay
      return CypherDuration(seconds: 0, nanos: unit == .months || unit == .days ? 0 : diff)
    }
    if unit == .seconds {
      let n = tb.nanoOfDay - ta.nanoOfDay
      return CypherDuration(
        seconds: (db.epochDay - da.epochDay) * 86_400, nanos: n + zoneCorrection(p, da, ta, db, tb))
    }
    var months: Int64 = 0
    if unit != .days {
      months = (db.year * 12 + db.month) - (da.year * 12 + da.month)
      let before = (db.day, tb.nanoOfDay) < (da.day, ta.nanoOfDay)
      let after = (db.day, tb.nanoOfDay) > (da.day, ta.nanoOfDay)
      if months > 0 && before { months -= 1 }
      if months < 0 && after { months += 1 }
    }
    if unit == .months { return CypherDuration(months: months) }
    let start = da.plus(months: months)
    var days = db.epochDay - start.epochDay
    if days > 0 && tb.nanoOfDay < ta.nanoOfDay { days -= 1 }
    if days < 0 && tb.nanoOfDay > ta.nanoOfDay { days += 1 }
    if unit == .days { return CypherDuration(days: days) }
    let mid = LocalDate(epochDay: start.epochDay + days)
    let n = tb.nanoOfDay - ta.nanoOfDay
    return CypherDuration(
      months: months, days: days, seconds: (db.epochDay - mid.epochDay) * 86_400,
      nanos: n + zoneCorrection(p, mid, ta, db, tb))
  }

  /// The nanoseconds a named zone's change of offset adds between two local date-times.
  static func zoneCorrection(_ p: Point, _ d1: LocalDate, _ t1: LocalTime, _ d2: LocalDate, _ t2: LocalTime)
    -> Int64
  {
    guard p.zone != nil, let o = p.offset else { return 0 }
    let z = ZoneSpec(offset: o, name: p.zone)
    return (z.resolve(d1, t1).2 - z.resolve(d2, t2).2) * 1_000_000_000
  }

  static func bad() -> KgshError {
    KgshError.runtime("duration.between() takes two dates or times, not durations", code: "InvalidArgumentType")
  }
}

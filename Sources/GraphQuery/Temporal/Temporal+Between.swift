import Foundation
import KnowledgeGraph

/// `duration.between`, `duration.inMonths`, `duration.inDays`, `duration.inSeconds`.
enum DurationBetween {
  enum Unit { case all, months, days, seconds }

  /// One side of the difference: a date-time on a timeline, with its zone when it has one.
  struct Point {
    var date: LocalDate
    var time: LocalTime
    var hasDate: Bool
    var zone: ZoneSpec?

    /// The offset in effect at this point's local date-time.
    var offset: Int64 { zone?.resolve(date, time).2 ?? 0 }
  }

  static func point(_ t: TemporalValue) -> Point {
    var zone: ZoneSpec? = nil
    if let o = t.offset { zone = ZoneSpec(offset: o, name: t.zone) }
    return Point(
      date: t.datePart ?? LocalDate(epochDay: 0), time: t.timePart ?? LocalTime(nanoOfDay: 0),
      hasDate: t.datePart != nil, zone: zone)
  }

  static func between(_ a: TemporalValue, _ b: TemporalValue, _ unit: Unit) throws -> CypherDuration {
    if case .duration = a { throw bad() }
    if case .duration = b { throw bad() }
    var p = point(a), q = point(b)
    // A side without a date is placed on the other's date; a side without a zone takes the other's.
    if !p.hasDate && q.hasDate { p.date = q.date }
    if !q.hasDate && p.hasDate { q.date = p.date }
    if p.zone == nil { p.zone = q.zone }
    if q.zone == nil { q.zone = p.zone }
    guard p.hasDate && q.hasDate else {
      if unit == .months || unit == .days { return CypherDuration() }
      let n = (q.time.nanoOfDay - q.offset * 1_000_000_000) - (p.time.nanoOfDay - p.offset * 1_000_000_000)
      return CypherDuration(nanos: n)
    }
    // Move b to a's zone (same instant), then count on a's local timeline.
    if let za = p.zone {
      let instant = TemporalValue.epochSeconds(q.date, q.time, offset: q.offset)
      let moved = TimeZones.at(epochSecond: instant, nano: q.time.nano, zone: za.name, offset: za.offset)
      q.date = moved.datePart!
      q.time = moved.timePart!
    }
    let (da, ta, db, tb) = (p.date, p.time, q.date, q.time)
    if unit == .seconds { return difference(p, da, ta, db, tb) }
    var months: Int64 = 0
    if unit != .days {
      months = (db.year * 12 + db.month) - (da.year * 12 + da.month)
      if months > 0 && (db.day, tb.nanoOfDay) < (da.day, ta.nanoOfDay) { months -= 1 }
      if months < 0 && (db.day, tb.nanoOfDay) > (da.day, ta.nanoOfDay) { months += 1 }
    }
    if unit == .months { return CypherDuration(months: months) }
    let start = da.plus(months: months)
    var days = db.epochDay - start.epochDay
    if days > 0 && tb.nanoOfDay < ta.nanoOfDay { days -= 1 }
    if days < 0 && tb.nanoOfDay > ta.nanoOfDay { days += 1 }
    if unit == .days { return CypherDuration(days: days) }
    let rest = difference(p, LocalDate(epochDay: start.epochDay + days), ta, db, tb)
    return CypherDuration(months: months, days: days, seconds: rest.seconds, nanos: rest.nanos)
  }

  /// The exact time between two local date-times of `p`'s zone (a change of offset counts).
  static func difference(_ p: Point, _ d1: LocalDate, _ t1: LocalTime, _ d2: LocalDate, _ t2: LocalTime)
    -> CypherDuration
  {
    var correction: Int64 = 0
    if let z = p.zone { correction = z.resolve(d1, t1).2 - z.resolve(d2, t2).2 }
    return CypherDuration(
      seconds: (d2.epochDay - d1.epochDay) * 86_400 + correction, nanos: t2.nanoOfDay - t1.nanoOfDay)
  }

  static func bad() -> KgshError {
    KgshError.runtime(
      "duration.between() takes two dates or times, not durations", code: "InvalidArgumentType")
  }
}

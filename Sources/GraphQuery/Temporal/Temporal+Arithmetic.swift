import Foundation
import KnowledgeGraph

extension TemporalValue {
  /// `temporal + duration` (or minus, with `sign` -1). Months clamp to the month's end, then
  /// days move the calendar date, then seconds move the clock (the instant, for zoned values).
  func plus(_ dur: CypherDuration, sign: Int64 = 1) -> TemporalValue {
    let months = dur.months * sign, days = dur.days * sign
    let secs = dur.seconds * sign, nanos = dur.nanos * sign
    let nanosOfDay = floorMod(secs, 86_400) * 1_000_000_000 + nanos
    switch self {
    case .duration(let d):
      return .duration(
        CypherDuration(
          months: d.months + months, days: d.days + days, seconds: d.seconds + dur.seconds * sign,
          nanos: d.nanos + dur.nanos * sign))
    case .date(let d):
      let extraDays = (dur.seconds / 86_400) * sign
      return .date(LocalDate(epochDay: d.plus(months: months).epochDay + days + extraDays))
    case .localTime(let t): return .localTime(LocalTime(nanoOfDay: t.nanoOfDay + nanosOfDay))
    case .time(let t, let o):
      return .time(LocalTime(nanoOfDay: t.nanoOfDay + nanosOfDay), offset: o)
    case .localDateTime(let d, let t):
      let moved = LocalDate(epochDay: d.plus(months: months).epochDay + days)
      let (d2, t2) = TemporalValue.shift(moved, t, seconds: secs, nanos: nanos)
      return .localDateTime(d2, t2)
    case .dateTime(let d, let t, let o, let z):
      let moved = LocalDate(epochDay: d.plus(months: months).epochDay + days)
      let zone = ZoneSpec(offset: o, name: z)
      let (d1, t1, o1) = zone.resolve(moved, t)
      let (d2, t2) = TemporalValue.shift(d1, t1, seconds: secs - o1, nanos: nanos)
      return TimeZones.at(
        epochSecond: TemporalValue.epochSeconds(d2, t2, offset: 0), nano: t2.nano, zone: z, offset: o1)
    }
  }

  /// `duration * number` and `duration / number`, letting fractions flow into smaller units.
  static func scale(_ d: CypherDuration, by f: Double, dividing: Bool = false) throws -> CypherDuration {
    func op(_ x: Int64) -> Double { dividing ? Double(x) / f : Double(x) * f }
    return try CypherDuration.approximate(
      months: op(d.months), days: op(d.days), seconds: op(d.seconds), nanos: op(d.nanos))
  }

  /// An ordering key within one type; nil for durations, which have no order.
  var sortKey: (Int64, Int64)? {
    switch self {
    case .date(let d): return (d.epochDay, 0)
    case .localTime(let t): return (t.nanoOfDay, 0)
    case .time(let t, let o): return (t.nanoOfDay - o * 1_000_000_000, 0)
    case .localDateTime(let d, let t): return (d.epochDay, t.nanoOfDay)
    case .dateTime(let d, let t, let o, _): return (TemporalValue.epochSeconds(d, t, offset: o), t.nano)
    case .duration: return nil
    }
  }

  /// Comparison of two temporal values of the same type; nil otherwise.
  static func compare(_ a: TemporalValue, _ b: TemporalValue) -> ComparisonResult? {
    guard a.typeName == b.typeName, let x = a.sortKey, let y = b.sortKey else { return nil }
    if x == y { return .orderedSame }
    return x < y ? .orderedAscending : .orderedDescending
  }
}

extension Evaluator {
  /// Arithmetic where one side is a temporal value; nil when neither side is.
  static func temporalArithmetic(_ op: BinaryOp, _ l: QValue, _ r: QValue) throws -> QValue? {
    switch (op, l, r) {
    case (.add, .temporal(let t), .temporal(.duration(let d))): return .temporal(t.plus(d))
    case (.add, .temporal(.duration(let d)), .temporal(let t)): return .temporal(t.plus(d))
    case (.sub, .temporal(let t), .temporal(.duration(let d))): return .temporal(t.plus(d, sign: -1))
    case (.mul, .temporal(.duration(let d)), _) where r.number != nil:
      return .temporal(.duration(try TemporalValue.scale(d, by: r.number!)))
    case (.mul, _, .temporal(.duration(let d))) where l.number != nil:
      return .temporal(.duration(try TemporalValue.scale(d, by: l.number!)))
    case (.div, .temporal(.duration(let d)), _) where r.number != nil:
      if r.number! == 0 { throw KgshError.runtime("division by zero", code: "DivisionByZero") }
      return .temporal(.duration(try TemporalValue.scale(d, by: r.number!, dividing: true)))
    default:
      if case .temporal = l {} else if case .temporal = r {} else { return nil }
      if l.isNull || r.isNull { return .null }
      throw KgshError.runtime(
        "\(op.rawValue) cannot be applied to \(l.typeName) and \(r.typeName)", code: "InvalidArgumentType")
    }
  }
}

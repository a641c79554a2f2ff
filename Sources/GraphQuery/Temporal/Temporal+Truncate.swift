import Foundation
import KnowledgeGraph

extension TemporalBuild {
  /// `kind.truncate(unit, value, fields)`: the value cut down to the unit, then the fields
  /// of the map applied (a `timezone` there replaces the zone without moving the time).
  static func truncate(_ kind: TemporalKind, _ unitValue: QValue, _ value: QValue, _ fields: QValue?) throws
    -> QValue
  {
    guard case .string(let unit) = unitValue else { throw bad("truncate() needs a unit name") }
    if value.isNull { return .null }
    guard case .temporal(let t) = value else {
      throw KgshError.runtime("truncate() cannot take \(value.typeNameWithArticle)", code: "InvalidArgumentType")
    }
    var extra: [String: QValue] = [:]
    if case .map(let m)? = fields { extra = m }
    var d = t.datePart
    var time = t.timePart ?? LocalTime(nanoOfDay: 0)
    let dateUnits = [
      "millennium", "century", "decade", "year", "weekyear", "quarter", "month", "week", "day",
    ]
    let u = unit.lowercased()
    if u == "day" && !kind.hasDate {
      time = LocalTime(nanoOfDay: 0)
    } else if dateUnits.contains(u) {
      guard let date = d, kind.hasDate else { throw bad("cannot truncate a \(t.typeName) to \(unit)") }
      d = try truncate(date, u)
      time = LocalTime(nanoOfDay: 0)
    } else {
      let size: Int64
      switch u {
      case "hour": size = 3_600_000_000_000
      case "minute": size = 60_000_000_000
      case "second": size = 1_000_000_000
      case "millisecond": size = 1_000_000
      case "microsecond": size = 1000
      default: throw bad("unknown truncation unit '\(unit)'")
      }
      time = LocalTime(nanoOfDay: time.nanoOfDay / size * size)
    }
    var map = extra
    if let d { map["date"] = .temporal(.date(d)) }
    map["time"] = .temporal(.localTime(time))
    // A day-based truncation keeps days the map sets through week fields relative to the new base.
    if u == "week" || u == "weekyear", extra["dayOfWeek"] != nil, extra["week"] == nil, let d {
      map["week"] = .int(d.week)
    }
    var zone: ZoneSpec? = nil
    if let o = t.offset { zone = ZoneSpec(offset: o, name: t.zone) }
    return .temporal(try fromMap(kind, map, defaultZone: zone))
  }

  static func truncate(_ d: LocalDate, _ unit: String) throws -> LocalDate {
    func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b * b : (a - b + 1) / b * b }
    switch unit {
    case "millennium": return LocalDate(year: floorDiv(d.year, 1000), month: 1, day: 1)
    case "century": return LocalDate(year: floorDiv(d.year, 100), month: 1, day: 1)
    case "decade": return LocalDate(year: floorDiv(d.year, 10), month: 1, day: 1)
    case "year": return LocalDate(year: d.year, month: 1, day: 1)
    case "weekyear": return LocalDate.weekOneMonday(d.weekYear)
    case "quarter": return LocalDate(year: d.year, month: (d.quarter - 1) * 3 + 1, day: 1)
    case "month": return LocalDate(year: d.year, month: d.month, day: 1)
    case "week": return LocalDate(epochDay: d.epochDay - d.dayOfWeek + 1)
    default: return d
    }
  }
}

import Foundation
import KnowledgeGraph

/// The five constructors `date`, `localtime`, `time`, `localdatetime`, `datetime`.
enum TemporalKind: String, Sendable {
  case date, localtime, time, localdatetime, datetime

  var hasDate: Bool { self == .date || self == .localdatetime || self == .datetime }
  var hasTime: Bool { self != .date }
  var hasZone: Bool { self == .time || self == .datetime }
}

extension TemporalBuild {
  /// `kind(arg)`: from text, a map of fields, or another temporal value.
  static func construct(_ kind: TemporalKind, _ arg: QValue) throws -> QValue {
    switch arg {
    case .null: return .null
    case .string(let s): return .temporal(try parse(kind, s))
    case .map(let m): return .temporal(try fromMap(kind, m))
    case .temporal(let t):
      if case .duration = t { throw bad("\(kind.rawValue)() cannot take a Duration") }
      if kind.hasDate && t.datePart == nil && kind != .datetime {
        throw bad("\(kind.rawValue)() needs a date")
      }
      return .temporal(try fromMap(kind, ["date": arg, "time": arg]))
    default:
      throw KgshError.runtime("\(kind.rawValue)() cannot take a \(arg.typeName)", code: "InvalidArgumentType")
    }
  }

  /// The current instant as the given kind, in UTC.
  static func now(_ kind: TemporalKind) throws -> TemporalValue {
    let t = (StatementClock.instant ?? Date()).timeIntervalSince1970
    let s = Int64(t.rounded(.down))
    let dt = TimeZones.at(epochSecond: s, nano: Int64((t - Double(s)) * 1e9), zone: nil, offset: 0)
    return try fromMap(kind, ["date": .temporal(dt), "time": .temporal(dt)])
  }

  static func parse(_ kind: TemporalKind, _ s: String) throws -> TemporalValue {
    switch kind {
    case .date: return .date(try TemporalParser.date(s))
    case .localtime: return .localTime(try TemporalParser.time(s).0)
    case .time:
      let (t, o, z) = try TemporalParser.time(s)
      if let o { return .time(t, offset: o) }
      return .time(t, offset: try z.map { try ZoneSpec.parse($0).currentOffset } ?? 0)
    case .localdatetime:
      let (d, t, _, _) = try TemporalParser.dateTime(s)
      return .localDateTime(d, t)
    case .datetime:
      let (d, t, o, z) = try TemporalParser.dateTime(s)
      if let z {
        let (d2, t2, off) = try ZoneSpec.parse(z).resolve(d, t)
        return .dateTime(d2, t2, offset: off, zone: z)
      }
      return .dateTime(d, t, offset: o ?? 0, zone: nil)
    }
  }

  /// Builds a temporal from a map of fields. A `date`, `time` or `datetime` entry gives the
  /// starting point; a `timezone` entry moves a zoned source to that zone (same instant) or
  /// attaches to a local one. `defaultZone` is used when neither gives a zone.
  static func fromMap(_ kind: TemporalKind, _ m: [String: QValue], defaultZone: ZoneSpec? = nil) throws
    -> TemporalValue
  {
    if kind == .datetime, let instant = try epochInstant(m) { return instant }
    let dateSource = temporal(m, "date") ?? temporal(m, "datetime")
    let timeSource = temporal(m, "time") ?? temporal(m, "datetime")
    var d = LocalDate(epochDay: 0)
    if kind.hasDate { d = try date(m, base: dateSource?.datePart) }
    var t = LocalTime(nanoOfDay: 0)
    if kind.hasTime { t = try time(m, base: timeSource?.timePart) }
    switch kind {
    case .date: return .date(d)
    case .localtime: return .localTime(t)
    case .localdatetime: return .localDateTime(d, t)
    default: break
    }
    let target = try (m["timezone"] ?? m["timeZone"]).flatMap { v -> ZoneSpec? in
      if case .string(let s) = v { return try ZoneSpec.parse(s) }
      return nil
    }
    var source: ZoneSpec? = nil
    if let ts = timeSource, let o = ts.offset { source = ZoneSpec(offset: o, name: ts.zone) }
    if kind == .time {
      guard let target else { return .time(t, offset: source?.offset ?? defaultZone?.currentOffset ?? 0) }
      let o2 = target.currentOffset
      guard let source else { return .time(t, offset: o2) }
      return .time(LocalTime(nanoOfDay: t.nanoOfDay + (o2 - source.offset) * 1_000_000_000), offset: o2)
    }
    guard let source, let target else {
      let zone = target ?? source ?? defaultZone ?? ZoneSpec(offset: 0)
      let (d2, t2, o) = zone.resolve(d, t)
      return .dateTime(d2, t2, offset: o, zone: zone.name)
    }
    let (d1, t1, o1) = source.resolve(d, t)
    let instant = TemporalValue.epochSeconds(d1, t1, offset: o1)
    return TimeZones.at(epochSecond: instant, nano: t1.nano, zone: target.name, offset: target.offset)
  }

  /// The most seconds from 1970 an instant may be, either way (about 999 million years:
  /// the years a date may have).
  static let epochSecondsLimit: Int64 = 999_999_999 * 365 * 86_400

  /// `datetime.fromepoch(seconds, nanoseconds)` and `datetime.fromepochmillis(ms)`.
  static func fromEpoch(seconds: Int64, nanos: Int64, zone: ZoneSpec? = nil) throws -> TemporalValue {
    guard seconds.magnitude <= epochSecondsLimit.magnitude else {
      throw bad("\(seconds) seconds from 1970 is out of range")
    }
    guard nanos.magnitude <= epochSecondsLimit.magnitude else {
      throw bad("\(nanos) nanoseconds is out of range")
    }
    let s = seconds + (nanos >= 0 ? nanos / 1_000_000_000 : (nanos - 999_999_999) / 1_000_000_000)
    let n = nanos - (s - seconds) * 1_000_000_000
    return TimeZones.at(epochSecond: s, nano: n, zone: zone?.name, offset: zone?.offset ?? 0)
  }

  /// `datetime({epochSeconds: s [, nanosecond: n]})` or `datetime({epochMillis: ms})`: that
  /// instant, in the map's `timezone` when it names one (UTC otherwise); nil for other maps.
  static func epochInstant(_ m: [String: QValue]) throws -> TemporalValue? {
    let seconds = try int(m, "epochSeconds"), millis = try int(m, "epochMillis")
    guard seconds != nil || millis != nil else { return nil }
    if seconds != nil, millis != nil { throw bad("give epochSeconds or epochMillis, not both") }
    let ms = try int(m, "millisecond") ?? 0, us = try int(m, "microsecond") ?? 0
    let ns = try int(m, "nanosecond") ?? 0
    guard (0..<1000).contains(ms), (0..<1_000_000).contains(us), (0..<1_000_000_000).contains(ns) else {
      throw bad("a sub-second field is out of range")
    }
    let subSecond = ms * 1_000_000 + us * 1000 + ns
    var zone: ZoneSpec?
    if case .string(let name)? = m["timezone"] ?? m["timeZone"] { zone = try ZoneSpec.parse(name) }
    if let millis {
      // Floor division, with no overflow near the smallest integer.
      let r = millis % 1000
      let s = millis / 1000 - (r < 0 ? 1 : 0)
      return try fromEpoch(seconds: s, nanos: (r < 0 ? r + 1000 : r) * 1_000_000 + subSecond, zone: zone)
    }
    return try fromEpoch(seconds: seconds!, nanos: subSecond, zone: zone)
  }
}

/// The instant of the statement being run, so every `date()` in one statement agrees.
enum StatementClock {
  @TaskLocal static var instant: Date?
}

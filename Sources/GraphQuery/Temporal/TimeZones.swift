import Foundation

/// Time zone rules, read from the system's zoneinfo through Foundation.
enum TimeZones {
  /// The zone for a name such as `Europe/Stockholm`; nil when the system does not know it.
  static func zone(_ name: String) -> TimeZone? {
    guard name.contains("/") || name == "UTC" || name == "GMT" else { return nil }
    return TimeZone(identifier: name)
  }

  /// The offset in seconds of a zone at an instant.
  static func offset(_ tz: TimeZone, atEpochSecond s: Int64) -> Int64 {
    Int64(tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(s))))
  }

  /// The offset a local date-time has in a zone. In an overlap the earlier offset wins; in a
  /// gap the local time moves forward by the gap's length (as java.time does).
  static func resolve(_ tz: TimeZone, _ d: LocalDate, _ t: LocalTime) -> (LocalDate, LocalTime, Int64) {
    let local = TemporalValue.epochSeconds(d, t, offset: 0)
    let early = offset(tz, atEpochSecond: local - 86_400)
    let late = offset(tz, atEpochSecond: local + 86_400)
    let valid = [early, late].filter { offset(tz, atEpochSecond: local - $0) == $0 }
    if let o = valid.first { return (d, t, o) }
    if early == late {
      let o = offset(tz, atEpochSecond: local - early)
      return (d, t, o)
    }
    let instant = local - early
    let o = offset(tz, atEpochSecond: instant)
    let (d2, t2) = shifted(d, t, by: o - early)
    return (d2, t2, o)
  }

  static func shifted(_ d: LocalDate, _ t: LocalTime, by seconds: Int64) -> (LocalDate, LocalTime) {
    TemporalValue.shift(d, t, seconds: seconds, nanos: 0)
  }

  /// A date-time at an instant seen in a zone or at a fixed offset.
  static func at(epochSecond s: Int64, nano: Int64, zone: String?, offset fixed: Int64) -> TemporalValue {
    var o = fixed
    if let z = zone, let tz = TimeZones.zone(z) { o = offset(tz, atEpochSecond: s) }
    let (d, t) = shifted(LocalDate(epochDay: 0), LocalTime(nanoOfDay: nano), by: s + o)
    return .dateTime(d, t, offset: o, zone: zone)
  }
}

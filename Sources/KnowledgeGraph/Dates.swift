import Foundation

/// Dates as kgsh takes them: YYYY, YYYY-MM or YYYY-MM-DD, each a month or day the calendar has.
public enum Dates {
  /// The text when it is a valid date or period (a month 1-12, a day that exists), else nil.
  public static func valid(_ text: String) -> String? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0])
    else { return nil }
    guard parts.count > 1, let month = Int(parts[1]) else { return text }
    guard (1...12).contains(month) else { return nil }
    guard parts.count > 2, let day = Int(parts[2]) else { return text }
    return (1...lastDay(month: month, year: year)).contains(day) ? text : nil
  }

  /// How many days the month has (February 29 in a leap year).
  public static func lastDay(month: Int, year: Int) -> Int {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }
}

extension Dates {
  /// A date written year first in another common way, as ISO text: `2026/11/30`,
  /// `2026.11.30`, `2026年11月30日`, `2026年11月`, `2026-9-1` (any of them only when the
  /// month and day exist); nil for anything else, such as `30/11/2026`, whose order is not
  /// certain (see `dayMonthReadings`).
  public static func yearFirst(_ text: String) -> String? {
    let parts: [Substring]
    if let m = text.wholeMatch(of: /([0-9]{4})年([0-9]{1,2})月(?:([0-9]{1,2})[日号]?)?/) {
      parts = [m.1, m.2] + (m.3.map { [$0] } ?? [])
    } else if let m = text.wholeMatch(of: /([0-9]{4})([\/.-])([0-9]{1,2})(?:([\/.-])([0-9]{1,2}))?/),
      m.4 == nil || m.4 == m.2
    {
      parts = [m.1, m.3] + (m.5.map { [$0] } ?? [])
    } else {
      return nil
    }
    let iso = ([String(parts[0])] + parts.dropFirst().map { $0.count == 1 ? "0\($0)" : String($0) })
      .joinedText("-")
    return valid(iso)
  }

  /// The ISO dates a day-and-month date could mean (`30/11/2026` → 2026-11-30; `03/04/2026`
  /// → 2026-04-03 and 2026-03-04), the day-first reading first; empty when it is not such a date.
  public static func dayMonthReadings(_ text: String) -> [String] {
    let parts = text.split(omittingEmptySubsequences: false) { "/.-".contains($0) }
    guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let a = Int(parts[0]), let b = Int(parts[1])
    else { return [] }
    func iso(day: Int, month: Int) -> String? {
      let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
      return valid("\(parts[2])-\(two(month))-\(two(day))")
    }
    var readings: [String] = []
    for date in [iso(day: a, month: b), iso(day: b, month: a)] {
      if let date, !readings.contains(date) { readings.append(date) }
    }
    return readings
  }
}

extension Dates {
  /// A day said relative to `now`, as ISO text in the local calendar: `today`, `yesterday`
  /// (今天, 昨天), `7d` or `7 days ago`, `2w` or `2 weeks ago`; nil for anything else.
  public static func relative(_ text: String, now: Date = Date()) -> String? {
    let t = text.lowercased().trimmingCharacters(in: .whitespaces)
    var days: Int?
    switch t {
    case "today", "今天", "今日": days = 0
    case "yesterday", "昨天", "昨日": days = 1
    default:
      if let m = t.wholeMatch(of: /([0-9]{1,4}) ?(d|w|days?|weeks?)( ago)?/), let n = Int(m.1) {
        days = m.2.hasPrefix("w") ? n * 7 : n
      }
    }
    guard let days, let day = Calendar.current.date(byAdding: .day, value: -days, to: now) else { return nil }
    let c = Calendar.current.dateComponents([.year, .month, .day], from: day)
    guard let y = c.year, let m = c.month, let d = c.day else { return nil }
    let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
    return "\(y)-\(two(m))-\(two(d))"
  }
}

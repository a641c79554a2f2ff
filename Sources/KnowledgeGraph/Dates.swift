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

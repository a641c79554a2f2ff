import CypherTCK
import KnowledgeGraph
import XCTest

@testable import GraphQuery

/// Corner cases of Cypher's temporal arithmetic: month ends, leap years, daylight saving
/// time, negative durations, ordering and storage.
final class TemporalTests: XCTestCase {
  var engine: QueryEngine!

  override func setUpWithError() throws {
    engine = QueryEngine(store: try KnowledgeStore.inMemory())
  }

  /// The single row of a query, each cell as the TCK prints it.
  func row(_ text: String) throws -> [String] {
    let rows = try engine.run(text).rows.map { $0.map(tckDescription) }
    XCTAssertEqual(rows.count, 1, text)
    return rows.first ?? []
  }

  func testAddingAMonthClampsToTheMonthsLastDay() throws {
    XCTAssertEqual(
      try row(
        """
        RETURN date('2024-01-31') + duration('P1M'), date('2023-01-31') + duration('P1M'),
               date('2024-03-31') - duration('P1M'), localdatetime('2023-05-31T10:00') + duration('P1M1D')
        """),
      ["'2024-02-29'", "'2023-02-28'", "'2024-02-29'", "'2023-07-01T10:00'"])
  }

  func testLeapYears() throws {
    XCTAssertEqual(
      try row(
        """
        RETURN date('2000-02-28') + duration('P1D'), date('2100-02-28') + duration('P1D'),
               date({year: 2024, ordinalDay: 366}), date('2021-01-03').week, date('2021-01-03').weekYear
        """),
      ["'2000-02-29'", "'2100-03-01'", "'2024-12-31'", "53", "2020"])
    XCTAssertThrowsError(try engine.run("RETURN date({year: 2023, ordinalDay: 366})"))
    XCTAssertThrowsError(try engine.run("RETURN date('2023-02-29')"))
  }

  func testDaylightSavingTimeGapsOverlapsAndArithmetic() throws {
    // Stockholm moved from +01:00 to +02:00 at 02:00 on 2017-03-26 and back at 03:00 on 2017-10-29.
    XCTAssertEqual(
      try row(
        """
        RETURN datetime('2017-03-26T02:30[Europe/Stockholm]'),
               datetime('2017-10-29T02:30[Europe/Stockholm]'),
               datetime('2017-03-25T12:00[Europe/Stockholm]') + duration('P1D'),
               datetime('2017-03-25T12:00[Europe/Stockholm]') + duration('PT24H'),
               duration.inSeconds(datetime('2017-03-26T00:00[Europe/Stockholm]'),
                                  datetime('2017-03-27T00:00[Europe/Stockholm]'))
        """),
      [
        "'2017-03-26T03:30+02:00[Europe/Stockholm]'", "'2017-10-29T02:30+02:00[Europe/Stockholm]'",
        "'2017-03-26T12:00+02:00[Europe/Stockholm]'", "'2017-03-26T13:00+02:00[Europe/Stockholm]'", "'PT23H'",
      ])
  }

  func testNegativeDurations() throws {
    XCTAssertEqual(
      try row(
        """
        WITH duration('PT-1.5S') AS d
        RETURN d, d.seconds, d.nanosecondsOfSecond, duration('PT1S') - duration('PT1.5S'),
               duration('P1M') * -1, duration.between(date('2024-03-31'), date('2024-02-29')),
               duration.between(localtime('12:00'), localtime('11:59:59.5'))
        """),
      ["'PT-1.5S'", "-2", "500000000", "'PT-0.5S'", "'P-1M'", "'P-1M'", "'PT-0.5S'"])
  }

  func testComparisonUsesTheInstantAndOrderingIsWithinAType() throws {
    XCTAssertEqual(
      try row(
        """
        RETURN datetime('2024-01-01T00:00+01:00') < datetime('2024-01-01T00:00Z'),
               time('12:00+02:00') < time('11:00Z'), date('2024-01-01') < '2024-01-02',
               duration('P1Y') = duration('P12M'), duration('P1D') = duration('PT24H')
        """),
      ["true", "true", "null", "true", "false"])
    let sorted = try engine.run(
      "UNWIND [date('2024-03-01'), date('1999-12-31'), date('2024-02-29')] AS d RETURN d ORDER BY d")
    XCTAssertEqual(
      sorted.rows.map { tckDescription($0[0]) }, ["'1999-12-31'", "'2024-02-29'", "'2024-03-01'"])
  }

  func testStoredTemporalsComeBackTyped() throws {
    _ = try engine.run(
      "CREATE (:E {at: datetime('2015-07-21T21:40:32.142[Europe/Stockholm]'), for: duration('P1DT2H')})")
    XCTAssertEqual(
      try row("MATCH (e:E) RETURN e.at.offset, e.at.epochSeconds, e.at + e.for"),
      ["'+02:00'", "1437507632", "'2015-07-22T23:40:32.142+02:00[Europe/Stockholm]'"])
  }

  func testKnowledgeBaseDatesBecomeDatesButPeriodsStayText() {
    XCTAssertEqual(
      QValue(Value.date("2025-07-01")), .temporal(.date(LocalDate(year: 2025, month: 7, day: 1))))
    XCTAssertEqual(QValue(Value.date("2025-07")), .string("2025-07"))
    XCTAssertEqual(QValue(Value.date("2025-H1")), .string("2025-H1"))
  }
}

extension TemporalTests {
  func testDividingADurationKeepsExactThirds() throws {
    // 1 day / 3 is 8 hours; 1 month / 2 is 15.2184375 days of an average month.
    XCTAssertEqual(
      try row("RETURN duration('P1D') / 3, duration('P1M') / 2, duration('PT1S') / 4"),
      ["'PT8H'", "'P15DT5H14M33S'", "'PT0.25S'"])
    XCTAssertThrowsError(try engine.run("RETURN duration('P1D') / 0"))
  }
}

extension TemporalTests {
  func testOutOfRangeValuesAreErrorsNotCrashes() throws {
    for query in [
      "RETURN duration({years: 1e300})", "RETURN duration('P1D') * 1e300",
      "RETURN date({year: 9223372036854775807})", "RETURN datetime.fromepoch(1e300, 0)",
      "RETURN datetime.fromepoch(9223372036854775807, 0)",
      "RETURN datetime.fromepoch(0, -9223372036854775807 - 1)",
      "RETURN datetime({epochSeconds: 9223372036854775807})",
      "RETURN datetime({epochSeconds: 1, millisecond: 9223372036854775807})",
    ] {
      XCTAssertThrowsError(try engine.run(query), query)
    }
    // The smallest integer of milliseconds is an instant (its floor division overflowed).
    XCTAssertEqual(
      try row("RETURN datetime.fromepochmillis(-9223372036854775807 - 1)"),
      ["'-292275055-05-16T16:47:04.192Z'"])
  }

  func testDateTimeFromEpochFieldsIsThatInstant() throws {
    XCTAssertEqual(
      try row(
        """
        RETURN datetime({epochSeconds: 0}), datetime({epochMillis: -1001}),
               datetime({epochSeconds: 1, nanosecond: 5, timezone: 'Asia/Shanghai'}),
               datetime({epochSeconds: 1718000000}).epochSeconds
        """),
      [
        "'1970-01-01T00:00Z'", "'1969-12-31T23:59:58.999Z'",
        "'1970-01-01T08:00:01.000000005+08:00[Asia/Shanghai]'", "1718000000",
      ])
    XCTAssertThrowsError(try engine.run("RETURN datetime({epochSeconds: 1, epochMillis: 2})")) { error in
      XCTAssertEqual(
        (error as? KgshError)?.message, "invalid temporal value: give epochSeconds or epochMillis, not both")
    }
  }

  /// A day that does not exist is quoted as it was written (2026-2-30 hid the zero) with why.
  func testADayThatDoesNotExistSaysWhy() throws {
    for (query, message) in [
      ("RETURN date('2026-02-30')", "2026-02-30 is not a date: 2026-02 has 28 days"),
      ("RETURN date('2024-02-30')", "2024-02-30 is not a date: 2024-02 has 29 days"),
      ("RETURN date({year: 2026, month: 13, day: 1})", "2026-13-01 is not a date: a month is 1 to 12"),
    ] {
      XCTAssertThrowsError(try engine.run(query), query) { error in
        XCTAssertEqual((error as? KgshError)?.message, "invalid temporal value: " + message, query)
      }
    }
  }
}

extension TemporalTests {
  /// `YYYY-MM-DD` is read without the regular expressions; it must agree with them, and any
  /// other form (basic, week, ordinal, short) still goes through them.
  func testPlainDatesTakeTheFastPathWithTheSameResults() throws {
    XCTAssertTrue(TemporalParser.plainDate("2025-07-01")! == (2025, 7, 1))
    for text in [
      "2025-7-01", "20250701", "2025-W27-2", "2025-182", "2025-07", "2025-07-01T10:00", "２０２５-07-01",
    ] {
      XCTAssertNil(TemporalParser.plainDate(text), text)
    }
    XCTAssertEqual(
      try row("RETURN date('2024-02-29'), date('20240229'), date('2024-060'), date('2024-W09-4')"),
      ["'2024-02-29'", "'2024-02-29'", "'2024-02-29'", "'2024-02-29'"])
    for bad in ["2023-02-29", "2025-13-01", "2025-00-10", "2025-7-01"] {
      XCTAssertThrowsError(try engine.run("RETURN date('\(bad)')"), bad)
    }
  }
}

import Foundation
import LotseXPath
import Testing

/// Dates and dateTimes as days since 1970-01-01, with the clock fixed at
/// 2024-03-15T10:30:00Z (a Friday).
@Suite("Dates")
struct DateTests {
    static let utcVectors: [Vector] = [
        s("today()", "2024-03-15"), n("today()", 19797), s("now()", "2024-03-15"),   // javarosa: a date as a string is its date (the calculation stores the dateTime)
        n("decimal-date-time(now())", 19797.4375),
        n("decimal-date-time('1970-01-01T00:00:00Z')", 0), n("decimal-date-time('1970-01-02T00:00:00Z')", 1),  // enketo
        n("decimal-date-time('1969-12-31T00:00:00Z')", -1), n("decimal-date-time(/data/visit)", 19783.4375),
        n("decimal-date-time(2.5)", 2.5), n("decimal-time('2000-01-01T06:00:00.000Z')", 0.25), n("decimal-time(/data/visit)", 0.4375),
        s("date('1970-1-2')", "1970-01-02"), s("date(1.5)", "1970-01-02"), s("date('2024-03-01T22:00:00Z')", "2024-03-01"),  // enketo
        s("date-time(0)", "1970-01-01"), s("date-time('2024-03-01T10:30:00+01:00')", "2024-03-01"),
        s("date('')", ""), b("date(number('NaN')) != date(number('NaN'))", true),
        b("date('2001-12-26') < date('2001-12-25')", false), b("date('2001-12-26') > date('2001-12-25')", true),  // enketo date.spec.js
        b("'string' != date('1999-09-09')", true), b("'string' = date('1999-09-09')", false),
        b("date(0) = date('1970-01-01')", true), b("date(1) = date('1970-01-02')", true),
        b("date(-1) = date('1969-12-31')", true), b("date(14127) = date('2008-09-05')", true),
        b("date(-10252) = date('1941-12-07')", true), b("date('2012-01-01') < today()", true),
        b("date('2100-01-02') > today()", true), b("date('2100-01-02') < today()", false),
        s("date(date('2001-12-26') + 5)", "2001-12-31"), s("date(date('2001-12-26') - 5)", "2001-12-21"),  // enketo date math
        s("date(5 + date('2001-12-26'))", "2001-12-31"), s("date(-5 + date('2001-12-26'))", "2001-12-21"),
        s("date(3 + date('2001-12-26') + 5)", "2002-01-03"), s("date(3 + date('2001-12-26') - 5)", "2001-12-24"),
        n("date('2001-12-26') + 5", 11687),      // javarosa: arithmetic on dates yields days (enketo: a date)
        s("format-date('2001-12-31', '%b %e, %Y')", "Dec 31, 2001"),       // enketo format-date.spec.js
        s("format-date(today(), '%Y-%m-%d %e %n %b %a')", "2024-03-15 15 3 Mar Fri"),
        s("format-date('2024-01-05', '%y/%m/%d %a')", "24/01/05 Fri"),
        s("format-date(now(), '%H:%M:%S.%3 %h')", "10:30:00.000 10"), s("format-date('', '%Y')", ""),
        s("format-date-time('2024-03-01T07:05:09.250Z', '%H %h:%M:%S %3')", "07 7:05:09 250"),
        // Date-like strings: `<` compares days, `=` compares strings (ODK).
        b("/data/person/birth < today()", true), b("/data/person/birth = '1983-10-06'", true),
        b("'2024-01-02' = '2024-1-2'", false), b("'2024-01-02' <= '2024-1-2'", false),
        b("'2024-01-02' < '2024-01-10'", false),   // strings are NaN (javarosa)
        b("date('2024-01-02') < date('2024-01-10')", true), b(". <= today()", true, at: ["person", "birth"]),
        n("number('2024-01-02')", .nan), n("'2024-01-02' + 1", .nan), n("date('2024-01-02') + 1", 19725), n("today() - /data/person/birth", 14771),
        n("int((today() - /data/person/birth) div 365.25)", 40),
        n("now() - today()", 0), b("/data/visit < now()", true),   // javarosa: dates are day numbers b("/data/visit > '2024-03-01'", false), b("/data/visit > date('2024-03-01')", false), b("/data/visit > date('2024-02-29')", true),
        b("date-time('2024-03-01T00:30:00Z') > date('2024-03-01')", false),
        b("date-time('2024-02-29T23:30:00Z') >= date('2024-03-01')", false),
        b("/data/visit > /data/person/birth", true),
    ]

    /// The same instant in Europe/Berlin (UTC+1 in March).
    static let berlinVectors: [Vector] = [
        s("now()", "2024-03-15"), s("today()", "2024-03-15"),
        s("format-date(/data/visit, '%H:%M')", "11:30"),
        b("date-time('2024-02-29T23:30:00Z') >= date('2024-03-01')", true),    // 00:30 on 1 March in Berlin
        n("decimal-date-time('2024-03-01')", 19782 + 23.0 / 24),   // local midnight as an instant
        n("number(date('2024-03-01'))", 19783),                  // a date alone is whole days
        n("decimal-date-time('2024-03-01T10:00:00')", 19783 + 9.0 / 24),   // no offset: local time
        n("decimal-time('2024-03-01T10:00:00Z')", 11.0 / 24),
    ]

    @Test(arguments: utcVectors) func inUTC(_ vector: Vector) { check(vector, timeZone: utc) }
    @Test(arguments: berlinVectors) func inBerlin(_ vector: Vector) { check(vector, timeZone: berlin) }

    @Test func todayFollowsTheLocalDay() throws {
        let lateEvening = Date(timeIntervalSince1970: 1_710_545_400)    // 2024-03-15T23:30:00Z
        let document = makeDocument()
        let berlinContext = XPathContext(node: document, clock: .fixed(lateEvening, timeZone: berlin))
        let utcContext = XPathContext(node: document, clock: .fixed(lateEvening, timeZone: utc))
        let today = try XPathExpression("today()")
        #expect(try today.evaluateString(berlinContext) == "2024-03-16")
        #expect(try today.evaluateString(utcContext) == "2024-03-15")
    }

    @Test func daylightSavingDoesNotBreakWholeDays() throws {
        let context = makeContext(timeZone: berlin)
        // 31 March 2024 has 23 hours in Berlin.
        #expect(try XPathExpression("date('2024-04-01') - date('2024-03-31')").evaluateNumber(context) == 1)
        #expect(try XPathExpression("date('2024-04-01') - date('2024-03-30')").evaluateNumber(context) == 2)
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "2024-13-01", "24-01-01", "2024-01-01T25:00", "2024-01-01T10:00:00+1"])
    func invalidDatesAreNotDates(_ text: String) {
        #expect(XPathDate.parse(text, timeZone: utc) == nil)
    }

    @Test func parsesOffsetsAndFractions() {
        #expect(XPathDate.parse("2024-03-01T10:30:00.5+02:00", timeZone: utc)
                == .dateTime(seconds: 1_709_281_800.5, offset: 7200))
        #expect(XPathDate.parse(" 2024-02-29 ", timeZone: utc) == .date(days: 19782))
    }
}

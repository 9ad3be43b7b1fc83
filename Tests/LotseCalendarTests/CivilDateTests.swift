import Testing
import LotseCalendar

/// The one civil date and time type (issue 9): arithmetic, and reading ASCII digits only.
@Suite struct CivilDateTests {
    @Test func dayNumbersRoundTripOverFourHundredYears() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)!.dayNumber == 11_017)
        #expect(CivilDate(year: 1969, month: 12, day: 31)!.dayNumber == -1)
        for n in stride(from: -200_000, through: 200_000, by: 37) {
            let date = CivilDate(dayNumber: n)
            #expect(date.dayNumber == n)
            #expect(CivilDate(date.description) == date || date.year < 0 || date.year > 9999)
        }
        // 1970-01-01 was a Thursday.
        #expect(CivilDate(dayNumber: 0).weekday == 4)
    }

    @Test func monthsAddWithTheDayClampedToTheMonthsEnd() {
        let jan31 = CivilDate("2024-01-31")!
        #expect(jan31.adding(months: 1).description == "2024-02-29")
        #expect(CivilDate("2025-01-31")!.adding(months: 1).description == "2025-02-28")
        #expect(jan31.adding(months: -2).description == "2023-11-30")
        #expect(jan31.adding(months: 24).description == "2026-01-31")
        #expect(CivilDate("2026-12-31")!.adding(days: 1).description == "2027-01-01")
    }

    @Test func onlyRealDatesInExactlyTheISOFormRead() {
        #expect(CivilDate("2026-02-29") == nil)
        #expect(CivilDate("2028-02-29") != nil)
        #expect(CivilDate("1900-02-29") == nil && CivilDate("2000-02-29") != nil)
        for bad in ["2026-13-01", "2026-00-10", "2026-1-05", "+026-01-05", "2026-+1-05", " 2026-01-05", "2026-01-05 ",
                    "٢٠٢٦-١١-٢٥", "²⁰²⁶-11-25", "2026-１１-25", "2026-11-2５", ""] {
            #expect(CivilDate(bad) == nil, "\(bad)")
        }
    }

    @Test func timesReadAsciiDigitsOnlyAndNeverTrap() {
        #expect(CivilTime("10:15") != nil)
        #expect(CivilTime("10:15:00.000Z")?.offsetMinutes == 0)
        #expect(CivilTime("10:15:30+01:00")?.offsetMinutes == 60)
        #expect(CivilTime("23:59:59.5-05:30")?.offsetMinutes == -330)
        #expect(CivilTime("10:15:30.250")?.secondsOfDay == 36_930.25)
        for bad in ["²²:00", "١٠:٣٠", "10:٣٠", "24:00", "10:60", "10:15:60", "1:15", "10:15.5", "10:15:00.", "10:15+1:00",
                    "10:15:00+01", "-1:15", "+1:15", "10:15:00ZZ", "", ":", "10:15:00+٠١:٠٠"] {
            #expect(CivilTime(bad) == nil, "\(bad)")
        }
        #expect(ASCIIDigits.value("0042") == 42)
        #expect(ASCIIDigits.value("4٢") == nil && ASCIIDigits.value("") == nil && ASCIIDigits.value("-1") == nil)
    }
}

import Foundation
import LotseStore

/// Calendar arithmetic of the simulation. A day is a number of days since 1970-01-01; a
/// moment is seconds since 1970-01-01 00:00 local time in Berlin (no zone), so moments sort
/// like the times they stand for. Only turning a moment into an instant needs the zone.
enum DemoCalendar {
    static let zone = TimeZone(identifier: "Europe/Berlin")!

    /// The day of a civil date.
    static func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Int {
        Timestamp.days(fromCivil: year, month, dayOfMonth)
    }

    /// The civil date of a day.
    static func civil(_ day: Int) -> (year: Int, month: Int, day: Int) {
        let (y, m, d) = Timestamp.civil(fromDays: day)
        return (y, m, d)
    }

    /// `YYYY-MM-DD`.
    static func iso(_ day: Int) -> String { Timestamp.date(dayNumber: day) }

    /// The same day of the month `months` later (the month's last day when it has fewer days).
    static func adding(months: Int, to day: Int) -> Int {
        let (y, m, d) = civil(day)
        let index = y * 12 + (m - 1) + months
        let year = index / 12, month = index % 12 + 1
        let first = self.day(year, month, 1)
        let next = month == 12 ? self.day(year + 1, 1, 1) : self.day(year, month + 1, 1)
        return first + min(d, next - first) - 1
    }

    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    static func weekday(_ day: Int) -> Int { ((day % 7) + 7 + 3) % 7 }

    /// Whether the jobcenter works that day: not at weekends, not between Christmas Eve and New Year.
    static func isWorkday(_ day: Int) -> Bool {
        guard weekday(day) < 5 else { return false }
        let (_, m, d) = civil(day)
        return !(m == 12 && d >= 24) && !(m == 1 && d == 1)
    }

    /// `day` if it is a workday, else the next workday.
    static func workday(onOrAfter day: Int) -> Int {
        var d = day
        while !isWorkday(d) { d += 1 }
        return d
    }

    /// The instant of a local Berlin moment (working hours only, so no daylight-saving gaps).
    static func instant(_ moment: Int) -> Date {
        let naive = Date(timeIntervalSince1970: TimeInterval(moment))
        let offset = zone.secondsFromGMT(for: naive.addingTimeInterval(-3600))
        return Date(timeIntervalSince1970: TimeInterval(moment - offset))
    }

    /// The moment of a day at `hour:minute`.
    static func moment(_ day: Int, hour: Int, minute: Int = 0) -> Int { day * 86_400 + hour * 3600 + minute * 60 }
}

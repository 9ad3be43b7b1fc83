public import Foundation
import LotseCalendar

/// ISO 8601 timestamps as Lotse stores them: UTC with milliseconds, `2026-11-25T03:45:45.123Z`.
/// Text in this form sorts in time order.
public enum Timestamp {
    /// The timestamp text of an instant.
    public static func string(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let day = Int(millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000)
        let msOfDay = Int(millis - Int64(day) * 86_400_000)
        let seconds = msOfDay / 1000
        return CivilDate(dayNumber: day).description + "T" + pad(seconds / 3600, 2) + ":"
            + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2) + "." + pad(msOfDay % 1000, 3) + "Z"
    }

    /// Parses a date (`2026-11-25`, meaning its midnight UTC) or a timestamp in the stored
    /// form (with or without seconds, milliseconds and `Z`) into the stored form. ASCII digits only.
    /// - Returns: nil when the text is neither.
    public static func normalise(_ text: String) -> String? {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard let date = CivilDate(parts[0]) else { return nil }
        var h = 0, mi = 0, s = 0, ms = 0
        if parts.count == 2 {
            var time = parts[1]
            if time.hasSuffix("Z") { time = time.dropLast() }
            let main = time.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let hms = main[0].split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(hms.count), hms.allSatisfy({ $0.count == 2 }),
                  let hh = ASCIIDigits.value(hms[0]), let mm = ASCIIDigits.value(hms[1]), hh < 24, mm < 60 else { return nil }
            h = hh; mi = mm
            if hms.count == 3 { guard let ss = ASCIIDigits.value(hms[2]), ss < 60 else { return nil }; s = ss }
            if main.count == 2 {
                guard main[1].count == 3, let f = ASCIIDigits.value(main[1]) else { return nil }
                ms = f
            }
        }
        return date.description + "T" + pad(h, 2) + ":" + pad(mi, 2) + ":" + pad(s, 2) + "." + pad(ms, 3) + "Z"
    }

    /// The stored form of the midnight after a date, for inclusive `--until DATE`.
    public static func dayAfter(_ date: String) -> String? {
        guard date.count == 10, let day = CivilDate(date) else { return nil }
        return day.adding(days: 1).description + "T00:00:00.000Z"
    }

    /// Days since 1970-01-01 of a date `YYYY-MM-DD` (the first ten characters of a timestamp
    /// work too); nil when the text is not a date.
    public static func dayNumber(_ text: String) -> Int? { CivilDate(text.prefix(10))?.dayNumber }

    /// The date `YYYY-MM-DD` of a day number (days since 1970-01-01).
    public static func date(dayNumber: Int) -> String { CivilDate(dayNumber: dayNumber).description }

    /// Days since 1970-01-01 of a civil date (see `CivilDate`); a day beyond the month's end
    /// counts on into the next month.
    public static func days(fromCivil y: Int, _ m: Int, _ d: Int) -> Int {
        CivilDate(year: y, month: 1, day: 1)!.adding(months: m - 1).dayNumber + d - 1
    }

    /// The civil date (year, month, day) of a day count since 1970-01-01.
    public static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let date = CivilDate(dayNumber: days)
        return (date.year, date.month, date.day)
    }

    /// The instant of a timestamp in the stored form (or a date, meaning its midnight UTC).
    public static func instant(_ text: String) -> Date? {
        guard let stored = normalise(text), let day = dayNumber(stored) else { return nil }
        let h = Int(stored.dropFirst(11).prefix(2))!, mi = Int(stored.dropFirst(14).prefix(2))!
        let s = Int(stored.dropFirst(17).prefix(2))!, ms = Int(stored.dropFirst(20).prefix(3))!
        let millis = Int64(day) * 86_400_000 + Int64(((h * 60 + mi) * 60 + s) * 1000 + ms)
        return Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

public import Foundation

/// ISO 8601 timestamps as Lotse stores them: UTC with milliseconds, `2026-11-25T03:45:45.123Z`.
/// Text in this form sorts in time order.
public enum Timestamp {
    /// The timestamp text of an instant.
    public static func string(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let day = Int(millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000)
        let msOfDay = Int(millis - Int64(day) * 86_400_000)
        let (y, m, d) = civil(fromDays: day)
        let seconds = msOfDay / 1000
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(seconds / 3600, 2) + ":"
            + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2) + "." + pad(msOfDay % 1000, 3) + "Z"
    }

    /// Parses a date (`2026-11-25`, meaning its midnight UTC) or a timestamp in the stored
    /// form (with or without seconds, milliseconds and `Z`) into the stored form.
    /// - Returns: nil when the text is neither.
    public static func normalise(_ text: String) -> String? {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let dateParts = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard dateParts.count == 3, dateParts[0].count == 4, dateParts[1].count == 2, dateParts[2].count == 2,
              let y = Int(dateParts[0]), let m = Int(dateParts[1]), let d = Int(dateParts[2]),
              (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d) else { return nil }
        var h = 0, mi = 0, s = 0, ms = 0
        if parts.count == 2 {
            var time = parts[1]
            if time.hasSuffix("Z") { time = time.dropLast() }
            let main = time.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let hms = main[0].split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(hms.count), hms.allSatisfy({ $0.count == 2 }),
                  let hh = Int(hms[0]), let mm = Int(hms[1]), hh < 24, mm < 60 else { return nil }
            h = hh; mi = mm
            if hms.count == 3 { guard let ss = Int(hms[2]), ss < 60 else { return nil }; s = ss }
            if main.count == 2 {
                guard main[1].count == 3, let f = Int(main[1]) else { return nil }
                ms = f
            }
        }
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(h, 2) + ":" + pad(mi, 2) + ":"
            + pad(s, 2) + "." + pad(ms, 3) + "Z"
    }

    /// The instant of a timestamp in the stored form (or a date, meaning its midnight UTC).
    public static func instant(_ text: String) -> Date? {
        guard let stored = normalise(text), let day = dayNumber(stored) else { return nil }
        let h = Int(stored.dropFirst(11).prefix(2))!, mi = Int(stored.dropFirst(14).prefix(2))!
        let s = Int(stored.dropFirst(17).prefix(2))!, ms = Int(stored.dropFirst(20).prefix(3))!
        let millis = Int64(day) * 86_400_000 + Int64(((h * 60 + mi) * 60 + s) * 1000 + ms)
        return Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    /// The stored form of the midnight after a date, for inclusive `--until DATE`.
    public static func dayAfter(_ date: String) -> String? {
        guard let start = normalise(date), date.count == 10 else { return nil }
        let y = Int(start.prefix(4))!, m = Int(start.dropFirst(5).prefix(2))!, d = Int(start.dropFirst(8).prefix(2))!
        let (ny, nm, nd) = civil(fromDays: days(fromCivil: y, m, d) + 1)
        return pad(ny, 4) + "-" + pad(nm, 2) + "-" + pad(nd, 2) + "T00:00:00.000Z"
    }

    /// Days since 1970-01-01 of a date `YYYY-MM-DD` (the first ten characters of a timestamp
    /// work too); nil when the text is not a date.
    public static func dayNumber(_ text: String) -> Int? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d) else { return nil }
        return days(fromCivil: y, m, d)
    }

    /// The date `YYYY-MM-DD` of a day number (days since 1970-01-01).
    public static func date(dayNumber: Int) -> String {
        let (y, m, d) = civil(fromDays: dayNumber)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date (proleptic Gregorian, Howard Hinnant's algorithm).
    public static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date (year, month, day) of a day count since 1970-01-01.
    public static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

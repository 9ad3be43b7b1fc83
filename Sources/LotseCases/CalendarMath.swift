import Foundation
import LotseWorkflow

/// Calendar arithmetic on `YYYY-MM-DD` text, for due dates.
enum CalendarMath {
    /// Days since 1970-01-01 of a date (the first ten characters of a timestamp work too).
    static func days(_ text: String) -> Int? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    /// The date of a day count.
    static func date(_ days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// `date` plus a duration: years and months first (the day clamped to the month's end),
    /// then weeks and days.
    static func add(_ duration: WorkflowDuration, to text: String) -> String? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, var y = Int(parts[0]), var m = Int(parts[1]), var d = Int(parts[2]) else { return nil }
        let months = m - 1 + duration.months + 12 * duration.years
        y += months >= 0 ? months / 12 : (months - 11) / 12
        m = ((months % 12) + 12) % 12 + 1
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        d = min(d, [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])
        guard let base = days(String(format: "%04d-%02d-%02d", y, m, d)) else { return nil }
        return date(base + 7 * duration.weeks + duration.days)
    }
}

import Foundation
import LotseStore
import LotseWorkflow

/// Calendar arithmetic on `YYYY-MM-DD` text, for due dates.
enum CalendarMath {
    /// Days since 1970-01-01 of a date (the first ten characters of a timestamp work too).
    static func days(_ text: String) -> Int? { Timestamp.dayNumber(text) }

    /// The date of a day count.
    static func date(_ days: Int) -> String { Timestamp.date(dayNumber: days) }

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

import Foundation
import LotseCalendar
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
        guard let date = CivilDate(text.prefix(10)) else { return nil }
        return date.adding(months: duration.months + 12 * duration.years)
            .adding(days: 7 * duration.weeks + duration.days).description
    }
}

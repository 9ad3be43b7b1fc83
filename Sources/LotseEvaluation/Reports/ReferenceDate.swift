import LotseCalendar

/// The publication calendar of the count reports: a report is published only as of a completed
/// month end (its *reference date*, Stichtag).
///
/// Two reports as of different days are two tables of one region, and their difference is what
/// was recorded in between. Were every day publishable, a count that grows by one or two a day
/// could be read person by person; protecting every pair of days would hide nearly every count.
/// So the requested day (`--as-of`, default today) moves back to the latest month end that is
/// over (strictly before today), the report says so, and the disclosure control
/// (``SiteTables``) protects each report against every earlier month end: no count published at
/// two reference dates differs by 1–4.
public struct ReferenceDate: Sendable, Equatable {
    /// The reference date, `YYYY-MM-DD`, a month end before today.
    public let day: String
    /// The day asked for (`--as-of`, or today).
    public let requested: String

    /// Whether the report moved the requested day.
    public var moved: Bool { day != requested }

    /// The latest month end on or before `requested` (default `today`) that is before `today`.
    public init(requested: String?, today: String) {
        let asked = requested ?? today
        self.requested = asked
        guard let todayDate = CivilDate(today), var date = CivilDate(asked) else {
            day = asked
            return
        }
        if date >= todayDate { date = todayDate.adding(days: -1) }
        if date.day != CivilDate.daysIn(month: date.month, year: date.year) { date = Self.endOfPreviousMonth(date) }
        day = date.description
    }

    /// The last day of the month before `date`'s.
    static func endOfPreviousMonth(_ date: CivilDate) -> CivilDate {
        CivilDate(year: date.year, month: date.month, day: 1)!.adding(days: -1)
    }

    /// Every month end from the end of `first`'s month up to (not including) this reference date:
    /// the earlier reports a reader can hold.
    public func earlier(since first: String) -> [String] {
        guard let start = CivilDate(first.prefix(10)), let end = CivilDate(day) else { return [] }
        var ends: [String] = []
        var date = Self.endOfPreviousMonth(CivilDate(year: start.year, month: start.month, day: 1)!.adding(months: 1))
        while date < end {
            ends.append(date.description)
            date = Self.endOfPreviousMonth(CivilDate(year: date.year, month: date.month, day: 1)!.adding(months: 2))
        }
        return ends
    }

    /// The line a report prints when it moved the requested day.
    public func note(de: Bool) -> String? {
        guard moved else { return nil }
        return de ? "Stichtag \(day): Berichte gibt es nur zu abgeschlossenen Monatsenden; \(requested) wurde auf das "
                + "letzte abgeschlossene Monatsende davor gelegt."
            : "Reference date \(day): reports are published only as of completed month ends; \(requested) was moved "
                + "to the last completed month end before it."
    }
}

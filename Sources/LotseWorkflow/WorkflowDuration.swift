public import Foundation

/// An ISO 8601 duration of calendar units, as `l:due` writes it: `P4W`, `P12M`,
/// `P1Y6M`, `P14D`.
///
/// Only the date part is supported (years, months, weeks, days); a case becomes
/// overdue on a day, not at an hour. Units may be combined (`P1M2W`); weeks are
/// kept apart from days only for ``description``.
public struct WorkflowDuration: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Whole years.
    public var years: Int
    /// Whole months.
    public var months: Int
    /// Whole weeks.
    public var weeks: Int
    /// Whole days.
    public var days: Int

    /// Creates a duration from its parts (all zero or positive).
    public init(years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0) {
        self.years = years
        self.months = months
        self.weeks = weeks
        self.days = days
    }

    /// Parses `PnYnMnWnD` (each part optional, at least one present, in this order).
    ///
    /// - Parameter text: The duration, e.g. `P4W`.
    /// - Returns: nil when `text` is not such a duration (time parts like `PT8H`,
    ///   fractions and signs included).
    public init?(_ text: String) {
        var rest = Substring(text)
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var parts: [Character: Int] = [:]
        var lastUnit = -1
        let units: [Character] = ["Y", "M", "W", "D"]
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 6, let value = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = rest.first, let position = units.firstIndex(of: unit), position > lastUnit else {
                return nil
            }
            parts[unit] = value
            lastUnit = position
            rest = rest.dropFirst()
        }
        guard !parts.isEmpty else { return nil }
        self.init(years: parts["Y"] ?? 0, months: parts["M"] ?? 0, weeks: parts["W"] ?? 0, days: parts["D"] ?? 0)
    }

    /// The ISO 8601 text, e.g. `P4W`, `P1Y6M`; `P0D` for an empty duration.
    public var description: String {
        var text = "P"
        if years > 0 { text += "\(years)Y" }
        if months > 0 { text += "\(months)M" }
        if weeks > 0 { text += "\(weeks)W" }
        if days > 0 { text += "\(days)D" }
        return text == "P" ? "P0D" : text
    }

    /// The instant this duration after `date`, counted in calendar units of the
    /// Gregorian calendar in `timeZone` (so `P1M` after 31 January is the last day
    /// of February, and a daylight-saving change does not shift the hour).
    ///
    /// - Parameters:
    ///   - date: The start, e.g. when the case entered the state.
    ///   - timeZone: The zone whose calendar days count.
    /// - Returns: The due instant.
    public func added(to date: Date, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var components = DateComponents()
        components.year = years
        components.month = months
        components.day = weeks * 7 + days
        return calendar.date(byAdding: components, to: date) ?? date
    }

    /// The calendar date this duration after the date `year-month-day`, as
    /// `(year, month, day)`, independent of time zones.
    ///
    /// - Returns: nil when the start is not a valid date.
    public func added(toYear year: Int, month: Int, day: Int) -> (year: Int, month: Int, day: Int)? {
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        guard let start = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: start) == day
        else { return nil }
        let end = calendar.dateComponents([.year, .month, .day], from: added(to: start, in: utc))
        guard let y = end.year, let m = end.month, let d = end.day else { return nil }
        return (y, m, d)
    }
}

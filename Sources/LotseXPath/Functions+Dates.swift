public import Foundation

/// ODK's date functions: `today`, `now`, `date`, `date-time`, `decimal-date-time`,
/// `decimal-time`, `format-date`, `format-date-time`.
extension Evaluator {
    func dates(_ function: XPathFunction, _ args: [XPathValue], _ call: XPathCall) throws(XPathError) -> XPathValue {
        // A date, time or dateTime node is its typed value (javarosa's Date).
        let args = args.map { value -> XPathValue in
            if case .nodeSet(let nodes) = value, let typed = nodes.first?.xpathTypedValue, case .date = typed { return typed }
            return value
        }
        switch function {
        case .today:
            return .date(XPathDate.today(context.clock.now(), in: timeZone))
        case .now:
            return .date(XPathDate.now(context.clock.now(), in: timeZone))
        case .date:
            return try toDate(args[0], keepTime: false, call)
        case .dateTime:
            return try toDate(args[0], keepTime: true, call)
        case .decimalDateTime:
            if case .number(let n) = args[0] { return .number(n) }
            guard case .date(let d) = try toDate(args[0], keepTime: true, call) else { return .string("") }
            // As javarosa: whole milliseconds over the milliseconds of a day.
            return .number(Double(Int64((d.instantSeconds(in: timeZone) * 1000).rounded())) / 86_400_000)
        case .decimalTime:
            return try decimalTime(args[0], call)
        case .formatDate, .formatDateTime:
            guard case .date(let d) = try toDate(args[0], keepTime: true, call) else { return .string("") }
            return .string(XPathDateFormat.format(d, string(args[1]), timeZone: timeZone))
        default:
            throw XPathError(.unknownFunction, "function '\(call.name)' is not implemented", at: call.location)
        }
    }

    /// Converts to a date (or dateTime with `keepTime`). Empty strings and NaN pass through
    /// unchanged (ODK's "no value"); other values that are not dates are errors.
    func toDate(_ value: XPathValue, keepTime: Bool, _ call: XPathCall) throws(XPathError) -> XPathValue {
        let location = call.arguments[0].location
        switch value {
        case .date(let d):
            return keepTime ? value : .date(.date(days: d.calendarDays(in: timeZone)))
        case .number(let n):
            if n.isNaN { return value }
            guard n.isFinite, Swift.abs(n) < 1e8 else {
                throw XPathError(.type, "the number \(XPathNumber.format(n)) is out of range for a date", at: location)
            }
            if keepTime {
                let seconds = n * 86_400
                return .date(.dateTime(seconds: seconds, offset: timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))))
            }
            return .date(.date(days: Int(n.rounded(.towardZero))))
        case .string, .nodeSet:
            let text = string(value)
            if text.isEmpty { return .string("") }
            guard let d = XPathDate.parse(text, timeZone: timeZone) else {
                throw XPathError(.type, "'\(text)' is not a date", at: location)
            }
            return keepTime ? .date(d) : .date(.date(days: d.calendarDays(in: timeZone)))
        case .boolean:
            throw XPathError(.type, "a boolean cannot be converted to a date", at: location)
        }
    }

    /// The fraction of the local day: for a dateTime or a time (`06:00:00.000-07:00`), in the
    /// context's time zone; for a number, its fractional part.
    private func decimalTime(_ value: XPathValue, _ call: XPathCall) throws(XPathError) -> XPathValue {
        if case .number(let n) = value { return .number(n - n.rounded(.down)) }
        var date: XPathDate? = nil
        if case .date(let d) = value { date = d }
        let text = string(value)
        if date == nil, text.isEmpty { return .string("") }
        // A time of day alone only from a node (a time field); javarosa cannot convert a
        // string like '12:00:00Z' to a date.
        var isNode = false
        if case .nodeSet = value { isNode = true }
        date = date ?? XPathDate.parse(text, timeZone: timeZone)
            ?? (isNode ? XPathDate.parse("1970-01-01T" + text, timeZone: timeZone) : nil)
        guard let date else { throw XPathError(.type, "'\(text)' is not a time", at: call.arguments[0].location) }
        guard case .dateTime(let seconds, _) = date else { return .number(0) }
        // As javarosa's decimalTimeOfLocalDay: local milliseconds over a day's, fractional part.
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))) * 1000
        let days = Double(Int64((seconds * 1000).rounded()) + offset) / 86_400_000
        return .number(days - days.rounded(.down))
    }
}

/// `format-date`'s format codes (ODK): `%Y` year, `%y` two-digit year, `%m` month 01–12,
/// `%n` month 1–12, `%b` short month name, `%d` day 01–31, `%e` day 1–31, `%H` hour 00–23,
/// `%h` hour 0–23, `%M` minute, `%S` second, `%3` milliseconds, `%a` short weekday name.
/// Names are English. Unknown codes are copied as written.
public enum XPathDateFormat {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// Formats a date or dateTime; a dateTime is shown in `timeZone`.
    /// - Parameters:
    ///   - date: the value.
    ///   - format: the format with `%` codes.
    ///   - timeZone: the zone a dateTime is shown in.
    /// - Returns: the formatted text.
    public static func format(_ date: XPathDate, _ format: String, timeZone: TimeZone) -> String {
        let parts: Civil.Parts
        let days: Int
        switch date {
        case .date(let d):
            parts = Civil.Parts(seconds: Double(d) * 86_400)
            days = d
        case .dateTime(let seconds, _):
            let local = seconds + Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)))
            parts = Civil.Parts(seconds: local)
            days = Int((local / 86_400).rounded(.down))
        }
        var result = ""
        var escaped = false
        for character in format {
            guard escaped else {
                if character == "%" { escaped = true } else { result.append(character) }
                continue
            }
            escaped = false
            switch character {
            case "Y": result += Civil.pad(parts.year, 4)
            case "y": result += Civil.pad(((parts.year % 100) + 100) % 100, 2)
            case "m": result += Civil.pad(parts.month, 2)
            case "n": result += String(parts.month)
            case "b": result += months[parts.month - 1]
            case "d": result += Civil.pad(parts.day, 2)
            case "e": result += String(parts.day)
            case "H": result += Civil.pad(parts.hour, 2)
            case "h": result += String(parts.hour)
            case "M": result += Civil.pad(parts.minute, 2)
            case "S": result += Civil.pad(parts.second, 2)
            case "3": result += Civil.pad(parts.millisecond, 3)
            case "a": result += weekdays[Civil.weekday(days: days)]
            case "%": result += "%"
            default: result += "%" + String(character)
            }
        }
        if escaped { result += "%" }
        return result
    }
}

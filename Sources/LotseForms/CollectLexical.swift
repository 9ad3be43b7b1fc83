import Foundation
import LotseXPath

/// The lexical forms ODK Collect (javarosa) stores, so a Lotse submission equals Collect's:
/// what a calculation stores (javarosa's `IAnswerData.wrapData`), how an entered time,
/// dateTime, decimal or int is written, and how a node of a declared type reads in XPath.
enum CollectLexical {
    /// The text a `calculate` (or `setvalue`) stores for its result in a node of `type`:
    /// empty for "" and NaN; `1`/`0` for a boolean result or a boolean node; numbers as ints
    /// when integral (an int node truncates), else Java's `Double.toString`; a date result as a
    /// date, time or dateTime by the node's type (a text node gets a dateTime, as in Collect).
    static func calculated(_ value: XPathValue, type: DataType, timeZone: TimeZone, now: Date) -> String {
        var value = value
        if case .nodeSet(let nodes) = value {
            guard let first = nodes.first else { return "" }
            value = first.xpathTypedValue ?? .string(first.xpathStringValue)
        }
        switch value {
        case .string(let s) where s.isEmpty: return ""
        case .number(let n) where n.isNaN: return ""
        default: break
        }
        if type == .boolean || { if case .boolean = value { return true }; return false }() {
            switch value {
            case .boolean(let b): return b ? "1" : "0"
            case .number(let d): return Swift.abs(d) > 1e-12 ? "1" : "0"
            case .string(let s): return s.isEmpty ? "0" : "1"
            default: return ""
            }
        }
        switch value {
        case .number(let d):
            if type == .int { return String(XPathNumber.javaInt(d)) }
            // Java's (long) d: towards zero, clamped to 64 bits.
            let long: Int64 = d >= 9.223372036854775807e18 ? .max : d <= -9.223372036854775808e18 ? .min
                : Int64(d.rounded(.towardZero))
            if Swift.abs(d - Double(long)) < 1e-9 { return String(long) }
            return XPathNumber.java(d)
        case .string(let s):
            return s
        case .date(let date):
            switch type {
            case .date: return XPathDate.date(days: date.calendarDays(in: timeZone)).description
            case .time: return time(of: date, timeZone: timeZone)
            default: return dateTime(of: date, timeZone: timeZone)
            }
        default:
            return value.stringValue
        }
    }

    /// A dateTime as Collect writes it: milliseconds and the offset of `timeZone` at that
    /// instant (`2026-03-01T10:15:00.000+01:00`, `Z` for UTC); a date is its local midnight.
    static func dateTime(of date: XPathDate, timeZone: TimeZone) -> String {
        let seconds = date.instantSeconds(in: timeZone)
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))
        return XPathDate.dateTime(seconds: seconds, offset: offset).description
    }

    /// The time part of `dateTime(of:timeZone:)`: `10:15:00.000+01:00`.
    static func time(of date: XPathDate, timeZone: TimeZone) -> String {
        let text = dateTime(of: date, timeZone: timeZone)
        guard let t = text.firstIndex(of: "T") else { return text }
        return String(text[text.index(after: t)...])
    }

    /// An entered value in the form Collect stores it, or nil when it is not of the type:
    /// a time (`10:15`, `10:15:30.5+02:00`) as `hh:mm:ss.sss` in `timeZone` with its offset
    /// today, a dateTime (also a date alone) likewise, a decimal as Java's `Double.toString`
    /// (`3` → `3.0`), an int without sign or leading zeros. Other types as `DataType.normalise`.
    static func entered(_ text: String, type: DataType, timeZone: TimeZone, now: Date) -> String? {
        guard let normal = type.normalise(text) else { return nil }
        switch type {
        case .time:
            let today = XPathDate.date(days: XPathDate.dateTime(seconds: now.timeIntervalSince1970, offset: 0)
                .calendarDays(in: timeZone)).description
            guard let instant = XPathDate.parse(today + "T" + normal, timeZone: timeZone) else { return nil }
            return time(of: instant, timeZone: timeZone)
        case .dateTime:
            guard let instant = XPathDate.parse(normal, timeZone: timeZone) else { return nil }
            return dateTime(of: instant, timeZone: timeZone)
        case .decimal:
            guard let d = Double(normal) else { return nil }
            return XPathNumber.java(d)
        default:
            return normal
        }
    }

    /// How a leaf of `type` holding `value` reads in XPath in Collect (`XPathPathExpr.unpackValue`):
    /// numbers for int and decimal, dates for date and dateTime, a time as that time today,
    /// strings for text and choices (never a date, however they look).
    static func typedValue(_ value: String, type: DataType?, clock: XPathClock) -> XPathValue? {
        guard let type else { return .string(value) }
        if value.isEmpty { return .string("") }
        let zone = clock.timeZone
        switch type {
        case .int, .decimal:
            return Double(value).map { .number($0) } ?? .string(value)
        case .date, .dateTime:
            return XPathDate.parse(value, timeZone: zone).map { .date($0) } ?? .string(value)
        case .time:
            let today = XPathDate.date(days: XPathDate.dateTime(seconds: clock.now().timeIntervalSince1970, offset: 0)
                .calendarDays(in: zone)).description
            return XPathDate.parse(today + "T" + value, timeZone: zone).map { .date($0) } ?? .string(value)
        case .boolean:
            return .boolean(value == "true" || value == "1")
        case .string, .select1, .select:
            return .string(value)
        }
    }
}

public import Foundation

/// The value of an expression: XPath 1.0's four types plus ODK's dates.
///
/// Not `Sendable`: a node-set holds the caller's nodes. Convert with ``stringValue``,
/// ``numberValue`` and ``booleanValue`` (XPath 1.0 rules with ODK's changes) to get a
/// plain value.
public enum XPathValue {
    /// A string.
    case string(String)
    /// A number (IEEE double, as in XPath).
    case number(Double)
    /// A boolean.
    case boolean(Bool)
    /// Nodes in document order, without duplicates.
    case nodeSet([any XPathNode])
    /// A date or dateTime (from `date()`, `today()`, `now()`, `date-time()`).
    case date(XPathDate)

    /// The string value: a node-set's first node's text ("" when empty), numbers without
    /// exponent and without a trailing `.0`, `true`/`false`, dates as `YYYY-MM-DD`.
    public var stringValue: String {
        switch self {
        case .string(let s): return s
        case .number(let n): return XPathNumber.format(n)
        case .boolean(let b): return b ? "true" : "false"
        case .nodeSet(let nodes):
            guard let first = nodes.first else { return "" }
            if let typed = first.xpathTypedValue { return typed.stringValue }
            return first.xpathStringValue
        // As javarosa (DateUtils.formatDate ISO8601): a date or dateTime is its local date.
        case .date(let d): return d.localDateString
        }
    }

    /// The boolean value: non-zero non-NaN numbers, non-empty strings, any date; a node-set as
    /// javarosa reads it, by its first node's value (an empty answer is false, as is `0` in a
    /// number field).
    public var booleanValue: Bool {
        switch self {
        case .string(let s): return !s.isEmpty
        case .number(let n): return n != 0 && !n.isNaN
        case .boolean(let b): return b
        case .nodeSet(let nodes):
            guard let first = nodes.first else { return false }
            if let typed = first.xpathTypedValue { return typed.booleanValue }
            return !first.xpathStringValue.isEmpty
        case .date: return true
        }
    }

    /// The number value, as javarosa converts: a string is a number or NaN (also when it looks
    /// like a date); a date or dateTime is its local calendar day's number since 1970-01-01
    /// (javarosa's daysSinceEpoch: `now() - today()` is 0); a node of a declared type converts by
    /// its type, an untyped node's text is a number or, when it is a date or dateTime, its days
    /// (a dateTime without offset read in `timeZone`).
    /// - Parameter timeZone: the zone of dateTimes without an offset.
    public func numberValue(timeZone: TimeZone = .current) -> Double {
        switch self {
        case .number(let n): return n
        case .boolean(let b): return b ? 1 : 0
        case .date(let d): return Double(d.calendarDays(in: timeZone))
        case .string(let s): return XPathNumber.parseJavaRosa(s)
        case .nodeSet(let nodes):
            guard let first = nodes.first else { return .nan }
            if let typed = first.xpathTypedValue { return typed.numberValue(timeZone: timeZone) }
            return XPathNumber.parse(first.xpathStringValue, timeZone: timeZone)
        }
    }

    /// The nodes of a node-set, or `nil` for other values.
    public var nodes: [any XPathNode]? {
        if case .nodeSet(let nodes) = self { return nodes }
        return nil
    }
}

extension XPathValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .string(let s): return "string(\"\(s)\")"
        case .number(let n): return "number(\(XPathNumber.format(n)))"
        case .boolean(let b): return "boolean(\(b))"
        case .nodeSet(let nodes): return "node-set(\(nodes.count) nodes)"
        case .date(let d): return "date(\(d))"
        }
    }
}

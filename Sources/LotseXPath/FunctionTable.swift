/// How many arguments a function takes.
public struct XPathArity: Sendable, Hashable, CustomStringConvertible {
    /// The least number of arguments.
    public var min: Int
    /// The most number of arguments, or `nil` for any number.
    public var max: Int?

    /// Creates an arity.
    /// - Parameters:
    ///   - min: the least number of arguments.
    ///   - max: the most, or `nil` for unbounded.
    public init(_ min: Int, _ max: Int?) {
        self.min = min
        self.max = max
    }

    /// Exactly `count` arguments.
    public static func exactly(_ count: Int) -> XPathArity { XPathArity(count, count) }

    /// Whether `count` arguments are acceptable.
    public func accepts(_ count: Int) -> Bool { count >= min && (max.map { count <= $0 } ?? true) }

    /// `2`, `1 to 2`, `at least 1`.
    public var description: String {
        guard let max else { return "at least \(min)" }
        return max == min ? "\(min)" : "\(min) to \(max)"
    }
}

/// The built-in functions: XPath 1.0's core library with ODK's changes and ODK's additions.
///
/// The raw value is the name as written in expressions. ``arity`` is the table the parser,
/// the checker, the evaluator and callers share.
public enum XPathFunction: String, Sendable, Hashable, CaseIterable {
    // XPath 1.0 node-set functions
    case last, position, count, name
    case localName = "local-name"
    // XPath 1.0 string functions
    case string, concat, contains, substring, translate
    case startsWith = "starts-with"
    case substringBefore = "substring-before"
    case substringAfter = "substring-after"
    case stringLength = "string-length"
    case normalizeSpace = "normalize-space"
    // XPath 1.0 boolean and number functions
    case boolean, not, `true`, `false`, number, sum, floor, ceiling, round
    // ODK additions
    case endsWith = "ends-with"
    case booleanFromString = "boolean-from-string"
    case `if`, coalesce, selected
    case selectedAt = "selected-at"
    case countSelected = "count-selected"
    case choiceName = "jr:choice-name"
    case once, regex, today, now, date
    case dateTime = "date-time"
    case decimalDateTime = "decimal-date-time"
    case decimalTime = "decimal-time"
    case formatDate = "format-date"
    case formatDateTime = "format-date-time"
    case int, uuid
    case countNonEmpty = "count-non-empty"
    case min, max, pow, abs, join, substr, instance, current
    case sqrt, exp, exp10, log, log10, pi, sin, cos, tan, asin, acos, atan, atan2

    /// The number of arguments the function accepts.
    public var arity: XPathArity {
        switch self {
        case .last, .position, .true, .false, .today, .now, .current, .pi:
            return .exactly(0)
        case .name, .localName, .string, .stringLength, .normalizeSpace:
            return XPathArity(0, 1)
        case .uuid:
            return XPathArity(0, 1)
        case .count, .boolean, .not, .number, .sum, .floor, .ceiling, .booleanFromString,
             .countSelected, .once, .date, .dateTime, .decimalDateTime, .decimalTime, .int,
             .countNonEmpty, .abs, .instance, .sqrt, .exp, .exp10, .log, .log10, .sin, .cos, .tan,
             .asin, .acos, .atan:
            return .exactly(1)
        case .contains, .startsWith, .endsWith, .substringBefore, .substringAfter, .coalesce,
             .selected, .selectedAt, .choiceName, .regex, .formatDate, .formatDateTime, .pow, .atan2:
            return .exactly(2)
        case .translate, .if:
            return .exactly(3)
        case .substring, .substr:
            return XPathArity(2, 3)
        case .round:
            return XPathArity(1, 2)
        case .concat:
            return XPathArity(0, nil)
        case .min, .max, .join:
            return XPathArity(1, nil)
        }
    }

    /// Name → arity for every built-in function, for callers that work with names.
    public static let arityTable: [String: XPathArity] = {
        var table: [String: XPathArity] = [:]
        for function in allCases { table[function.rawValue] = function.arity }
        return table
    }()
}

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
    // XPath 1.0 node-set functions (ODK Collect has no last(), name(), local-name())
    case position, count
    // XPath 1.0 string functions (ODK Collect has no substring(); it has substr())
    case string, concat, contains, translate
    case startsWith = "starts-with"
    case substringBefore = "substring-before"
    case substringAfter = "substring-after"
    case stringLength = "string-length"
    case normalizeSpace = "normalize-space"
    // XPath 1.0 boolean and number functions
    case boolean, not, `true`, `false`, number, sum, round
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
    case random, randomize
    case indexedRepeat = "indexed-repeat"

    /// The number of arguments the function accepts.
    public var arity: XPathArity {
        switch self {
        case .true, .false, .today, .now, .current, .pi, .random:
            return .exactly(0)
        case .position:
            return XPathArity(0, 1)
        case .indexedRepeat:
            return XPathArity(3, nil)
        case .string, .stringLength, .normalizeSpace:
            return XPathArity(0, 1)
        case .uuid:
            return XPathArity(0, 1)
        case .count, .boolean, .not, .number, .sum, .booleanFromString,
             .countSelected, .once, .date, .dateTime, .decimalDateTime, .decimalTime, .int,
             .countNonEmpty, .abs, .instance, .sqrt, .exp, .exp10, .log, .log10, .sin, .cos, .tan,
             .asin, .acos, .atan:
            return .exactly(1)
        case .contains, .startsWith, .endsWith, .substringBefore, .substringAfter, .coalesce,
             .selected, .selectedAt, .choiceName, .regex, .formatDate, .formatDateTime, .pow, .atan2:
            return .exactly(2)
        case .translate, .if:
            return .exactly(3)
        case .substr:
            return XPathArity(2, 3)
        case .round, .randomize:
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

/// Functions of XPath 1.0 or of ODK that Lotse refuses, each with the reason shown: ODK Collect
/// (JavaRosa) cannot evaluate them, or they need what Lotse does not have (media files,
/// geodata, SCXML's data model).
public enum XPathUnsupportedFunction {
    /// Name → why it is refused (and what to write instead).
    public static let reasons: [String: String] = [
        "substring": "substring() is not supported: ODK Collect cannot evaluate it; use substr(text, start, end) (0-based)",
        "floor": "floor() is not supported: ODK Collect cannot evaluate it; use int() (towards zero) or round()",
        "ceiling": "ceiling() is not supported: ODK Collect cannot evaluate it; use int() or round()",
        "last": "last() is not supported: ODK Collect cannot evaluate it",
        "name": "name() is not supported: ODK Collect cannot evaluate it",
        "local-name": "local-name() is not supported: ODK Collect cannot evaluate it",
        "pulldata": "pulldata() (values from a CSV file attached to the form) is not supported by Lotse",
        "In": "In() (whether a state is active) is not supported: Lotse guards read the case, not the configuration",
        "area": "area() (geodata) is not supported by Lotse",
        "distance": "distance() (geodata) is not supported by Lotse",
        "geofence": "geofence() (geodata) is not supported by Lotse",
        "digest": "digest() is not supported by Lotse",
        "base64-decode": "base64-decode() is not supported by Lotse",
        "extract-signed": "extract-signed() is not supported by Lotse",
        "checklist": "checklist() is not supported by Lotse",
        "weighted-checklist": "weighted-checklist() is not supported by Lotse",
        "property": "property() (device properties) is not supported by Lotse",
        "version": "version() is not supported by Lotse",
    ]
}

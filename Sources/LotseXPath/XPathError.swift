/// A position inside an expression's source text.
///
/// `offset` counts UTF-8 bytes from the start of the expression; `column` is the 1-based
/// character position (a newline inside the expression counts as one character). Callers
/// that know where the expression sits in a file add `column - 1` to the attribute's column.
public struct XPathLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// UTF-8 byte offset from the start of the expression (0-based).
    public var offset: Int
    /// Character column inside the expression (1-based).
    public var column: Int

    /// Creates a location.
    /// - Parameters:
    ///   - offset: UTF-8 byte offset (0-based).
    ///   - column: character column (1-based).
    public init(offset: Int, column: Int) {
        self.offset = offset
        self.column = column
    }

    public static func < (lhs: XPathLocation, rhs: XPathLocation) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "column \(column)" }
}

/// An error raised while parsing or evaluating an expression.
///
/// It prints as `column 12: expected ')' but found 'and'`. The `code` is stable and shared
/// with ``XPathDiagnostic`` so that callers can map both to the same message catalogue.
public struct XPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes of expression problems.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The text is not an XPath expression.
        case syntax = "XPATH_SYNTAX"
        /// Valid XPath 1.0 that ODK XPath (and Lotse) does not support: `//`, `|`, other axes, `$variables`.
        case unsupported = "XPATH_UNSUPPORTED"
        /// A function that is neither built in nor provided by the caller.
        case unknownFunction = "XPATH_UNKNOWN_FUNCTION"
        /// A function called with too few or too many arguments.
        case arity = "XPATH_ARITY"
        /// A path to a node the document does not have (static check only).
        case unknownPath = "XPATH_UNKNOWN_PATH"
        /// `instance('id')` naming an instance that does not exist.
        case unknownInstance = "XPATH_UNKNOWN_INSTANCE"
        /// A value that cannot be converted as required (`count('a')`, `date('not a date')`).
        case type = "XPATH_TYPE"
    }

    /// What kind of problem this is.
    public var code: Code
    /// A human-readable message without the location prefix.
    public var message: String
    /// Where in the expression the problem was found.
    public var location: XPathLocation

    /// The 1-based character column of the problem.
    public var column: Int { location.column }

    /// Creates an error.
    /// - Parameters:
    ///   - code: the stable code.
    ///   - message: the message, without a location prefix.
    ///   - location: where the problem is.
    public init(_ code: Code, _ message: String, at location: XPathLocation) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String { "column \(location.column): \(message)" }
}

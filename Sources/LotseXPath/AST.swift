/// A node of a parsed expression. Every node carries the position where it starts.
///
/// The tree is immutable and `Sendable`: parse once, evaluate many times.
public indirect enum XPathAST: Sendable, Hashable {
    /// A string literal (`'yes'`, `"no"`).
    case string(String, XPathLocation)
    /// A number literal (`5`, `.5`, `-3` after folding of unary minus on a literal).
    case number(Double, XPathLocation)
    /// Unary minus applied to an expression.
    case negate(XPathAST, XPathLocation)
    /// A binary operator; the location is the operator's.
    case binary(XPathOperator, XPathAST, XPathAST, XPathLocation)
    /// A function call.
    case call(XPathCall)
    /// A location path or a filter expression (`instance('x')/root/item[...]`, `(a)[1]`).
    case path(XPathPath)

    /// Where this node starts in the source.
    public var location: XPathLocation {
        switch self {
        case .string(_, let l), .number(_, let l), .negate(_, let l), .binary(_, _, _, let l): return l
        case .call(let c): return c.location
        case .path(let p): return p.location
        }
    }
}

/// Binary operators with their XPath 1.0 precedence (lower binds weaker).
/// The raw value is the operator as written.
public enum XPathOperator: String, Sendable, Hashable, CaseIterable {
    /// `or` (short-circuit).
    case or
    /// `and` (short-circuit).
    case and
    /// `=` and `!=`: node-sets by existence, then booleans, numbers, strings.
    case equal = "=", notEqual = "!="
    /// `< <= > >=`: numbers, with dates and date-like strings as days (ODK).
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    /// `+` and `-`: numbers, with dates and date-like strings as days (ODK).
    case plus = "+", minus = "-"
    /// `*`, `div`, `mod` (`mod` keeps the sign of the dividend, as Java's `%`).
    case multiply = "*", divide = "div", modulo = "mod"

    /// Precedence level: `or` 1, `and` 2, equality 3, relational 4, additive 5, multiplicative 6.
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual: return 3
        case .less, .lessOrEqual, .greater, .greaterOrEqual: return 4
        case .plus, .minus: return 5
        case .multiply, .divide, .modulo: return 6
        }
    }
}

/// A function call such as `jr:choice-name(., '/data/fruit')`.
public struct XPathCall: Sendable, Hashable {
    /// The name as written, with its prefix (`jr:choice-name`, `format-date`).
    public var name: String
    /// The built-in function of that name, or `nil` for functions the caller provides.
    public var function: XPathFunction?
    /// The argument expressions.
    public var arguments: [XPathAST]
    /// Where the function name starts.
    public var location: XPathLocation
}

/// A path: a start (document root, context node or a filter expression) and steps.
public struct XPathPath: Sendable, Hashable {
    /// Where a path starts.
    public enum Start: Sendable, Hashable {
        /// `/…`: the document node of the context node's document.
        case root
        /// A relative path: the context node.
        case context
        /// A filter expression: a primary expression (function call, parenthesised
        /// expression, literal) with optional predicates, e.g. `instance('x')` or `current()`.
        case expression(XPathAST, predicates: [XPathAST])
    }

    /// Where the path starts.
    public var start: Start
    /// The location steps, possibly empty (`/` alone, or a filter expression without steps).
    public var steps: [XPathStep]
    /// Where the path starts in the source.
    public var location: XPathLocation
}

/// The supported axes.
public enum XPathAxis: String, Sendable, Hashable, CaseIterable {
    /// `child::` (the default axis).
    case child
    /// `parent::` (`..`).
    case parent
    /// `self::` (`.`).
    case `self`
    /// `attribute::` (`@`).
    case attribute
}

/// A node test.
public enum XPathNodeTest: Sendable, Hashable {
    /// A name, with its prefix kept as written (`h:title` → prefix `h`, local name `title`).
    /// Matching compares the local name only.
    case name(prefix: String?, local: String)
    /// `*` or `prefix:*`: any element (or any attribute on the attribute axis).
    case any(prefix: String?)
    /// `node()`: any node.
    case node
    /// `text()`: the text content of an element.
    case text
}

/// One location step: `axis::test[predicate]…`.
public struct XPathStep: Sendable, Hashable {
    /// The axis (`..` is `parent::node()`, `.` is `self::node()`, `@x` is `attribute::x`).
    public var axis: XPathAxis
    /// The node test.
    public var test: XPathNodeTest
    /// The predicates, in order.
    public var predicates: [XPathAST]
    /// Where the step starts.
    public var location: XPathLocation
}

/// A parsed ODK XPath expression: parse once, evaluate and check many times.
///
/// ```swift
/// let guard = try XPathExpression("/case/capacity/erwerbsfaehig = 'yes'")
/// let open = try guard.evaluateBoolean(XPathContext(node: caseRoot))
/// ```
public struct XPathExpression: Sendable, Hashable, CustomStringConvertible {
    /// The text the expression was parsed from.
    public let source: String
    /// The syntax tree.
    public let ast: XPathAST

    /// Parses an expression.
    /// - Parameter source: the expression text.
    /// - Throws: ``XPathError`` with code `XPATH_SYNTAX` for text that is not XPath, or
    ///   `XPATH_UNSUPPORTED` for XPath that ODK XPath does not support (`//`, `|`, other axes,
    ///   `$variables`); the first problem in source order.
    public init(_ source: String) throws(XPathError) {
        let (ast, problems) = try Self.parseCollecting(source)
        if let first = problems.first { throw first }
        self.source = source
        self.ast = ast
    }

    /// Parses, collecting every unsupported construct instead of stopping at the first.
    /// - Parameter source: the expression text.
    /// - Returns: the tree (with unsupported parts replaced by their nearest supported
    ///   reading) and the `XPATH_UNSUPPORTED` problems.
    /// - Throws: ``XPathError`` (`XPATH_SYNTAX`) for text that is not XPath.
    static func parseCollecting(_ source: String) throws(XPathError) -> (XPathAST, [XPathError]) {
        var parser = try Parser(source: source)
        let ast = try parser.parse()
        return (ast, parser.unsupported)
    }

    public var description: String { source }

    /// Evaluates the expression.
    /// - Parameter context: the context node, `current()`, instances, clock and hooks.
    /// - Returns: the value.
    /// - Throws: ``XPathError``: `XPATH_ARITY`, `XPATH_UNKNOWN_FUNCTION`, `XPATH_TYPE`
    ///   (e.g. `count('a')`, `date('x')`).
    public func evaluate(_ context: XPathContext) throws(XPathError) -> XPathValue {
        let evaluator = Evaluator(context: context)
        return try evaluator.evaluate(ast, evaluator.rootFocus)
    }

    /// Evaluates the expression and converts the result with `boolean()`.
    /// - Parameter context: the evaluation context.
    /// - Returns: the boolean value (for `relevant`, `constraint`, `required`, guards).
    /// - Throws: ``XPathError`` as ``evaluate(_:)``.
    public func evaluateBoolean(_ context: XPathContext) throws(XPathError) -> Bool {
        try evaluate(context).booleanValue
    }

    /// Evaluates the expression and converts the result with `string()`.
    /// - Parameter context: the evaluation context.
    /// - Returns: the string value (for `calculate`).
    /// - Throws: ``XPathError`` as ``evaluate(_:)``.
    public func evaluateString(_ context: XPathContext) throws(XPathError) -> String {
        try evaluate(context).stringValue
    }

    /// Evaluates the expression and converts the result with `number()` (dates as days).
    /// - Parameter context: the evaluation context.
    /// - Returns: the number value.
    /// - Throws: ``XPathError`` as ``evaluate(_:)``.
    public func evaluateNumber(_ context: XPathContext) throws(XPathError) -> Double {
        try evaluate(context).numberValue(timeZone: context.clock.timeZone)
    }
}

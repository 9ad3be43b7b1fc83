/// Checks expressions against a schema before any data exists: unknown functions (with a
/// suggestion), wrong arity, paths to nodes the document does not have, unknown instances,
/// unsupported XPath, syntax errors. Every problem is reported, each with its column and code.
public struct XPathChecker {
    /// The documents' shape.
    public var schema: any XPathSchema
    /// Functions the caller provides at evaluation time (through `XPathContext.functions`).
    public var extraFunctions: [String: XPathArity]

    /// Creates a checker.
    /// - Parameters:
    ///   - schema: answers which paths and instances exist.
    ///   - extraFunctions: caller-provided functions and their arity.
    public init(schema: any XPathSchema, extraFunctions: [String: XPathArity] = [:]) {
        self.schema = schema
        self.extraFunctions = extraFunctions
    }

    /// Parses and checks an expression.
    /// - Parameters:
    ///   - source: the expression text.
    ///   - contextPath: the absolute path of the context node (a bind's nodeset, e.g.
    ///     `["data", "person", "age"]`); relative paths, `.`, `..` and `current()` resolve
    ///     against it. Empty means the document node.
    /// - Returns: every problem, in source order; empty when the expression is fine.
    public func check(_ source: String, contextPath: [String]) -> [XPathDiagnostic] {
        let ast: XPathAST
        let unsupported: [XPathError]
        do {
            (ast, unsupported) = try XPathExpression.parseCollecting(source)
        } catch {
            return [error]
        }
        return (unsupported + check(ast, contextPath: contextPath)).sorted { $0.location < $1.location }
    }

    /// Checks a parsed expression.
    /// - Parameters:
    ///   - expression: the parsed expression.
    ///   - contextPath: the absolute path of the context node.
    /// - Returns: every problem, in source order.
    public func check(_ expression: XPathExpression, contextPath: [String]) -> [XPathDiagnostic] {
        check(expression.ast, contextPath: contextPath).sorted { $0.location < $1.location }
    }

    private func check(_ ast: XPathAST, contextPath: [String]) -> [XPathDiagnostic] {
        var analysis = StaticAnalysis(schema: schema, extraFunctions: extraFunctions, contextPath: contextPath)
        analysis.walk(ast, at: analysis.contextPlace)
        return analysis.diagnostics
    }
}

extension XPathExpression {
    /// The absolute paths in the primary document that the expression reads, for the form's
    /// dependency graph (ordering `calculate` and `relevant`, finding cycles).
    ///
    /// Relative paths, `.`, `..` and `current()` are resolved against `contextPath`. Paths
    /// into secondary instances are left out, but paths reached from them through `current()`
    /// are included. After a wildcard (`/data/*`) the known ancestor (`/data`) stands for the
    /// whole subtree. `string-length()`, `normalize-space()`, `string()`, `name()` and
    /// `local-name()` without arguments read the context node. `once(x)` reads only `x`.
    /// - Parameter contextPath: the absolute path of the context node, e.g. `["data", "age"]`.
    /// - Returns: the paths, each as local names from the top element (`@name` for attributes).
    public func references(contextPath: [String]) -> Set<[String]> {
        var analysis = StaticAnalysis(schema: nil, extraFunctions: [:], contextPath: contextPath)
        analysis.walk(ast, at: analysis.contextPlace)
        return analysis.references
    }
}

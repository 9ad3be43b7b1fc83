/// Whether an expression's value can change with time alone: it calls `today()`, `now()`,
/// `random()`, `uuid()` or `once()` (`once` keeps a first value that a stored record would not).
extension XPathExpression {
    /// True when the expression calls a function whose value depends on the moment of evaluation.
    public var readsClock: Bool { Self.readsClock(ast) }

    /// True when a step of a path in the expression names `name` (an element or attribute),
    /// wherever it stands.
    public func reads(name: String) -> Bool { Self.reads(name, ast) }

    static func reads(_ name: String, _ ast: XPathAST) -> Bool {
        switch ast {
        case .string, .number: return false
        case .negate(let operand, _): return reads(name, operand)
        case .binary(_, let lhs, let rhs, _): return reads(name, lhs) || reads(name, rhs)
        case .call(let call): return call.arguments.contains { reads(name, $0) }
        case .path(let path):
            if case let .expression(start, predicates) = path.start,
               reads(name, start) || predicates.contains(where: { reads(name, $0) }) { return true }
            return path.steps.contains { step in
                if case let .name(_, local) = step.test, local == name { return true }
                return step.predicates.contains { reads(name, $0) }
            }
        }
    }

    static let clockFunctions: Set<XPathFunction> = [.today, .now, .random, .randomize, .uuid, .once]

    static func readsClock(_ ast: XPathAST) -> Bool {
        switch ast {
        case .string, .number: return false
        case .negate(let operand, _): return readsClock(operand)
        case .binary(_, let lhs, let rhs, _): return readsClock(lhs) || readsClock(rhs)
        case .call(let call):
            return call.function.map(clockFunctions.contains) == true || call.arguments.contains(where: readsClock)
        case .path(let path):
            if case let .expression(start, predicates) = path.start,
               readsClock(start) || predicates.contains(where: readsClock) { return true }
            return path.steps.contains { $0.predicates.contains(where: readsClock) }
        }
    }
}

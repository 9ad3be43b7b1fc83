/// Operators: XPath 1.0's rules with ODK's dates (days since 1970-01-01 in `< <= > >= + -`).
extension Evaluator {
    func binary(_ op: XPathOperator, _ lhs: XPathAST, _ rhs: XPathAST, _ focus: Focus) throws(XPathError) -> XPathValue {
        switch op {
        case .or:
            if boolean(try evaluate(lhs, focus)) { return .boolean(true) }
            return .boolean(boolean(try evaluate(rhs, focus)))
        case .and:
            if !boolean(try evaluate(lhs, focus)) { return .boolean(false) }
            return .boolean(boolean(try evaluate(rhs, focus)))
        case .equal, .notEqual:
            let a = try evaluate(lhs, focus), b = try evaluate(rhs, focus)
            return .boolean(op == .equal ? equal(a, b) : notEqual(a, b))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            return .boolean(compare(op, try evaluate(lhs, focus), try evaluate(rhs, focus)))
        case .plus, .minus:
            let (a, b) = temporalPair(try evaluate(lhs, focus), try evaluate(rhs, focus))
            return .number(op == .plus ? a + b : a - b)
        case .multiply:
            return .number(number(try evaluate(lhs, focus)) * number(try evaluate(rhs, focus)))
        case .divide:
            return .number(number(try evaluate(lhs, focus)) / number(try evaluate(rhs, focus)))
        case .modulo:
            let a = number(try evaluate(lhs, focus)), b = number(try evaluate(rhs, focus))
            return .number(a.truncatingRemainder(dividingBy: b))
        }
    }

    // MARK: - Equality

    /// `=`: node-sets compare by existence (XPath 1.0 §3.4), each node by its typed value;
    /// otherwise booleans, then numbers, then strings. Two strings compare as strings even when
    /// they look like dates (ODK).
    func equal(_ a: XPathValue, _ b: XPathValue) -> Bool {
        compareEquality(a, b, negate: false)
    }

    func notEqual(_ a: XPathValue, _ b: XPathValue) -> Bool {
        compareEquality(a, b, negate: true)
    }

    private func compareEquality(_ a: XPathValue, _ b: XPathValue, negate: Bool) -> Bool {
        switch (a, b) {
        case (.nodeSet(let x), .nodeSet(let y)):
            return x.contains { nx in y.contains { ny in scalarEqual(typed(nx), typed(ny)) != negate } }
        case (.nodeSet(let x), .boolean(let flag)), (.boolean(let flag), .nodeSet(let x)):
            return (XPathValue.nodeSet(x).booleanValue == flag) != negate
        case (.nodeSet(let x), let other), (let other, .nodeSet(let x)):
            return x.contains { scalarEqual(typed($0), other) != negate }
        default:
            return scalarEqual(a, b) != negate
        }
    }

    private func typed(_ node: any XPathNode) -> XPathValue { node.xpathTypedValue ?? .string(node.xpathStringValue) }

    /// Equality of two non-node-set values.
    private func scalarEqual(_ a: XPathValue, _ b: XPathValue) -> Bool {
        switch (a, b) {
        case (.boolean, _), (_, .boolean):
            return boolean(a) == boolean(b)
        case (.number, _), (_, .number):
            return numbersEqual(number(a), number(b))
        default:
            return string(a) == string(b)
        }
    }

    /// Numbers are equal within 1e-12 (javarosa: `6.1 - 7.8 = -1.7` is true).
    func numbersEqual(_ x: Double, _ y: Double) -> Bool {
        if x == y { return true }
        if x.isNaN || y.isNaN || x.isInfinite || y.isInfinite { return false }
        return Swift.abs(x - y) < 1e-12
    }

    // MARK: - Relational

    func compare(_ op: XPathOperator, _ a: XPathValue, _ b: XPathValue) -> Bool {
        switch (a, b) {
        case (.nodeSet(let x), .nodeSet(let y)):
            return x.contains { nx in y.contains { ny in relate(op, .nodeSet([nx]), .nodeSet([ny])) } }
        case (.nodeSet(let x), let other):
            if case .boolean = other { return relate(op, .boolean(XPathValue.nodeSet(x).booleanValue), other) }
            return x.contains { relate(op, .nodeSet([$0]), other) }
        case (let other, .nodeSet(let y)):
            if case .boolean = other { return relate(op, other, .boolean(XPathValue.nodeSet(y).booleanValue)) }
            return y.contains { relate(op, other, .nodeSet([$0])) }
        default:
            return relate(op, a, b)
        }
    }

    private func relate(_ op: XPathOperator, _ a: XPathValue, _ b: XPathValue) -> Bool {
        let (x, y) = temporalPair(a, b)
        switch op {
        case .less: return x < y
        case .lessOrEqual: return x <= y
        case .greater: return x > y
        default: return x >= y
        }
    }

    // MARK: - Dates as numbers

    /// Both values as numbers for `< <= > >= + -`, as javarosa: a date or dateTime is its local
    /// day's number, a string a number or NaN, a node its typed value.
    func temporalPair(_ a: XPathValue, _ b: XPathValue) -> (Double, Double) {
        (number(a), number(b))
    }
}

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
            return (!x.isEmpty == flag) != negate
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
            if case .boolean = other { return relate(op, .boolean(!x.isEmpty), other) }
            return x.contains { relate(op, .nodeSet([$0]), other) }
        case (let other, .nodeSet(let y)):
            if case .boolean = other { return relate(op, other, .boolean(!y.isEmpty)) }
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

    private enum Operand {
        case number(Double)
        case date(XPathDate)
    }

    private func operand(_ value: XPathValue) -> Operand {
        switch value {
        case .date(let d): return .date(d)
        case .number(let n): return .number(n)
        case .boolean(let b): return .number(b ? 1 : 0)
        // As javarosa: a string is a number or NaN, never a date ('2026-01-01' < '2026-02-01'
        // is false); a date node is a date, so `. <= today()` compares days.
        case .string(let s): return .number(XPathNumber.parseJavaRosa(s))
        case .nodeSet(let nodes):
            guard let first = nodes.first else { return .number(.nan) }
            if let typed = first.xpathTypedValue { return operand(typed) }
            return operand(text: first.xpathStringValue)
        }
    }

    private func operand(text: String) -> Operand {
        if let n = XPathNumber.parseDecimal(text) { return .number(n) }
        if let d = XPathDate.parse(text, timeZone: timeZone) { return .date(d) }
        return .number(.nan)
    }

    /// Both values as numbers for `< <= > >= + -`: dates as days; when a date meets a
    /// dateTime, the date counts from its local midnight.
    func temporalPair(_ a: XPathValue, _ b: XPathValue) -> (Double, Double) {
        let x = operand(a), y = operand(b)
        switch (x, y) {
        case (.number(let m), .number(let n)):
            return (m, n)
        case (.number(let m), .date(let d)):
            return (m, d.days)
        case (.date(let d), .number(let n)):
            return (d.days, n)
        case (.date(let d), .date(let e)):
            switch (d, e) {
            case (.date, .dateTime), (.dateTime, .date):
                return (d.instantDays(in: timeZone), e.instantDays(in: timeZone))
            default:
                return (d.days, e.days)
            }
        }
    }
}

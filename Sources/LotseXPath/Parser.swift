/// Recursive-descent parser for ODK XPath (XPath 1.0 over the child, parent, self and
/// attribute axes).
///
/// Unsupported but well-formed XPath (`//`, `|`, other axes, `$variables`) does not stop the
/// parser: it records an `XPATH_UNSUPPORTED` problem and goes on, so that a checker can report
/// every problem at once. Syntax errors stop it.
struct Parser {
    private let tokens: [Token]
    private let source: String
    private var index = 0
    /// Unsupported constructs found so far, in source order.
    private(set) var unsupported: [XPathError] = []

    init(source: String) throws(XPathError) {
        self.source = source
        self.tokens = try Lexer.tokenize(source)
    }

    /// Parses the whole expression.
    mutating func parse() throws(XPathError) -> XPathAST {
        if current.kind == .end {
            throw XPathError(.syntax, "empty expression", at: current.location)
        }
        let expression = try parseExpression()
        guard current.kind == .end else {
            throw XPathError(.syntax, "expected end of expression but found \(describe(current))", at: current.location)
        }
        return expression
    }

    // MARK: - Token access

    private var current: Token { tokens[index] }

    private func peekKind(_ ahead: Int = 1) -> Token.Kind {
        tokens[min(index + ahead, tokens.count - 1)].kind
    }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func expect(_ kind: Token.Kind, _ text: String) throws(XPathError) {
        guard current.kind == kind else {
            throw XPathError(.syntax, "expected '\(text)' but found \(describe(current))", at: current.location)
        }
        advance()
    }

    /// How a token is named in messages: its source text in quotes, or "end of expression".
    private func describe(_ token: Token) -> String {
        if token.kind == .end { return "end of expression" }
        let utf8 = source.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: token.location.offset)
        let to = utf8.index(utf8.startIndex, offsetBy: token.end)
        return "'\(String(source[from..<to]))'"
    }

    private mutating func refuse(_ message: String, at location: XPathLocation) {
        unsupported.append(XPathError(.unsupported, message, at: location))
    }

    // MARK: - Operators

    private mutating func parseExpression() throws(XPathError) -> XPathAST {
        try parseBinary(level: 1)
    }

    /// Parses a left-associative chain of operators of precedence `level` and above.
    private mutating func parseBinary(level: Int) throws(XPathError) -> XPathAST {
        if level > 6 { return try parseUnary() }
        var lhs = try parseBinary(level: level + 1)
        while case .op(let op) = current.kind, op.precedence == level {
            let location = advance().location
            let rhs = try parseBinary(level: level + 1)
            lhs = .binary(op, lhs, rhs, location)
        }
        return lhs
    }

    private mutating func parseUnary() throws(XPathError) -> XPathAST {
        guard current.kind == .op(.minus) else { return try parseUnion() }
        let location = advance().location
        let operand = try parseUnary()
        if case .number(let value, _) = operand { return .number(-value, location) }
        return .negate(operand, location)
    }

    private mutating func parseUnion() throws(XPathError) -> XPathAST {
        let first = try parsePathExpression()
        while current.kind == .pipe {
            refuse("union operator '|' is not supported", at: advance().location)
            _ = try parsePathExpression()
        }
        return first
    }

    // MARK: - Paths

    private func startsStep(_ kind: Token.Kind) -> Bool {
        switch kind {
        case .dot, .dotDot, .at, .nameTest, .axisName: return true
        case .functionName(let name): return Self.nodeTypes.contains(name)
        default: return false
        }
    }

    private static let nodeTypes: Set<String> = ["node", "text", "comment", "processing-instruction"]

    private mutating func parsePathExpression() throws(XPathError) -> XPathAST {
        let location = current.location
        switch current.kind {
        case .slash:
            advance()
            let steps = startsStep(current.kind) ? try parseRelativeSteps() : []
            return .path(XPathPath(start: .root, steps: steps, location: location))
        case .doubleSlash:
            let location = advance().location
            refuse("descendant axis '//' is not supported", at: location)
            let steps = [Self.anyDescendant(location)] + (try parseRelativeSteps())
            return .path(XPathPath(start: .root, steps: steps, location: location))
        case let kind where startsStep(kind):
            return .path(XPathPath(start: .context, steps: try parseRelativeSteps(), location: location))
        default:
            let primary = try parsePrimary()
            var predicates: [XPathAST] = []
            while current.kind == .leftBracket { predicates.append(try parsePredicate()) }
            var steps: [XPathStep] = []
            if current.kind == .slash || current.kind == .doubleSlash {
                steps = try parseRelativeSteps(afterSeparator: true)
            }
            if predicates.isEmpty && steps.isEmpty { return primary }
            // javarosa evaluates only instance('id')/… and current()/… of its filter expressions.
            var startsPath = false
            if case .call(let call) = primary, call.function == .instance || call.function == .current {
                startsPath = predicates.isEmpty
            }
            if !startsPath {
                refuse("a path or predicate after an expression (\(predicates.isEmpty ? "(…)/…" : "(…)[…]")) is not "
                    + "supported: ODK Collect cannot evaluate it; only instance('id')/… and current()/… start a path",
                       at: location)
            }
            return .path(XPathPath(start: .expression(primary, predicates: predicates), steps: steps, location: location))
        }
    }

    /// Parses `step ('/' step)*`; with `afterSeparator` it first consumes a `/` or `//`.
    private mutating func parseRelativeSteps(afterSeparator: Bool = false) throws(XPathError) -> [XPathStep] {
        var steps: [XPathStep] = []
        var needSeparator = afterSeparator
        while true {
            if needSeparator {
                if current.kind == .slash {
                    advance()
                } else if current.kind == .doubleSlash {
                    let location = advance().location
                    refuse("descendant axis '//' is not supported", at: location)
                    steps.append(Self.anyDescendant(location))
                } else {
                    return steps
                }
            }
            steps.append(try parseStep())
            needSeparator = true
        }
    }

    /// Stands in for a refused `//` so that nothing below it is checked by name.
    private static func anyDescendant(_ location: XPathLocation) -> XPathStep {
        XPathStep(axis: .child, test: .node, predicates: [], location: location)
    }

    private mutating func parseStep() throws(XPathError) -> XPathStep {
        let location = current.location
        switch current.kind {
        case .dot:
            advance()
            return XPathStep(axis: .self, test: .node, predicates: try parsePredicates(), location: location)
        case .dotDot:
            advance()
            return XPathStep(axis: .parent, test: .node, predicates: try parsePredicates(), location: location)
        default:
            break
        }
        var axis = XPathAxis.child
        if current.kind == .at {
            advance()
            axis = .attribute
        } else if case .axisName(let name) = current.kind {
            advance()
            try expect(.doubleColon, "::")
            if let supported = XPathAxis(rawValue: name) {
                axis = supported
            } else if Self.otherAxes.contains(name) {
                refuse("axis '\(name)::' is not supported (only child, parent, self and attribute)", at: location)
            } else {
                throw XPathError(.syntax, "unknown axis '\(name)::'", at: location)
            }
        }
        let test = try parseNodeTest()
        return XPathStep(axis: axis, test: test, predicates: try parsePredicates(), location: location)
    }

    private static let otherAxes: Set<String> = [
        "ancestor", "ancestor-or-self", "descendant", "descendant-or-self", "following",
        "following-sibling", "namespace", "preceding", "preceding-sibling",
    ]

    private mutating func parseNodeTest() throws(XPathError) -> XPathNodeTest {
        let token = current
        switch token.kind {
        case .nameTest(let prefix, let local):
            advance()
            return local == "*" ? .any(prefix: prefix) : .name(prefix: prefix, local: local)
        case .functionName(let name) where Self.nodeTypes.contains(name):
            advance()
            try expect(.leftParen, "(")
            if name == "processing-instruction", case .literal = current.kind { advance() }
            try expect(.rightParen, ")")
            switch name {
            case "node": return .node
            case "text": return .text
            default:
                refuse("node test '\(name)()' is not supported", at: token.location)
                return .node
            }
        default:
            throw XPathError(.syntax, "expected a node name but found \(describe(token))", at: token.location)
        }
    }

    private mutating func parsePredicates() throws(XPathError) -> [XPathAST] {
        var predicates: [XPathAST] = []
        while current.kind == .leftBracket { predicates.append(try parsePredicate()) }
        return predicates
    }

    private mutating func parsePredicate() throws(XPathError) -> XPathAST {
        advance()
        if current.kind == .rightBracket {
            throw XPathError(.syntax, "empty predicate '[]'", at: current.location)
        }
        let expression = try parseExpression()
        try expect(.rightBracket, "]")
        return expression
    }

    // MARK: - Primary expressions

    private mutating func parsePrimary() throws(XPathError) -> XPathAST {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return .number(value, token.location)
        case .literal(let text):
            advance()
            return .string(text, token.location)
        case .leftParen:
            advance()
            if current.kind == .rightParen {
                throw XPathError(.syntax, "expected an expression but found ')'", at: current.location)
            }
            let inner = try parseExpression()
            try expect(.rightParen, ")")
            return inner
        case .variable(let name):
            advance()
            refuse("variable reference '$\(name)' is not supported", at: token.location)
            return .string("", token.location)
        case .functionName(let name):
            advance()
            try expect(.leftParen, "(")
            var arguments: [XPathAST] = []
            if current.kind != .rightParen {
                arguments.append(try parseExpression())
                while current.kind == .comma {
                    advance()
                    arguments.append(try parseExpression())
                }
            }
            guard current.kind == .rightParen else {
                throw XPathError(.syntax, "expected ')' but found \(describe(current))", at: current.location)
            }
            advance()
            return .call(XPathCall(name: name, function: XPathFunction(rawValue: name),
                                   arguments: arguments, location: token.location))
        case .end:
            throw XPathError(.syntax, "unexpected end of expression", at: token.location)
        default:
            throw XPathError(.syntax, "expected an expression but found \(describe(token))", at: token.location)
        }
    }
}

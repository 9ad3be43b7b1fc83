/// A lexical token of an XPath expression.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case literal(String)
        case slash, doubleSlash, leftParen, rightParen, leftBracket, rightBracket
        case dot, dotDot, at, comma, doubleColon, pipe
        case variable(String)
        case op(XPathOperator)
        /// A name test: `name`, `prefix:name`, `*`, `prefix:*` (local is `*` for wildcards).
        case nameTest(prefix: String?, local: String)
        /// A name followed by `(`: function name or node type.
        case functionName(String)
        /// A name followed by `::`.
        case axisName(String)
        case end
    }

    var kind: Kind
    var location: XPathLocation
    /// UTF-8 offset just past the token.
    var end: Int
}

/// Splits an expression into tokens, applying XPath 1.0's disambiguation rules (§3.7):
/// after a token that is not `@ :: ( [ ,` or an operator, `*` is multiplication and a
/// name is an operator name (`and or mod div`).
struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var column = 1
    private var previous: Token.Kind? = nil

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// Tokenises the whole expression, ending with `.end`.
    static func tokenize(_ source: String) throws(XPathError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        tokens.reserveCapacity(16)
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var here: XPathLocation { XPathLocation(offset: index, column: column) }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        let i = index + ahead
        return i < bytes.count ? bytes[i] : nil
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            // Count characters, not bytes: continuation bytes (10xxxxxx) do not start one.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
    }

    private mutating func skipWhitespace() {
        while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() }
    }

    /// Whether the previous token forces `*` and names to be operators.
    private var operatorExpected: Bool {
        guard let previous else { return false }
        switch previous {
        case .at, .doubleColon, .leftParen, .leftBracket, .comma, .op, .slash, .doubleSlash, .pipe:
            return false
        default:
            return true
        }
    }

    mutating func next() throws(XPathError) -> Token {
        skipWhitespace()
        let start = here
        let kind = try scan(start)
        previous = kind
        return Token(kind: kind, location: start, end: index)
    }

    private mutating func scan(_ start: XPathLocation) throws(XPathError) -> Token.Kind {
        guard let b = peek() else { return .end }
        switch b {
        case UInt8(ascii: "("): advance(); return .leftParen
        case UInt8(ascii: ")"): advance(); return .rightParen
        case UInt8(ascii: "["): advance(); return .leftBracket
        case UInt8(ascii: "]"): advance(); return .rightBracket
        case UInt8(ascii: "@"): advance(); return .at
        case UInt8(ascii: ","): advance(); return .comma
        case UInt8(ascii: "|"): advance(); return .pipe
        case UInt8(ascii: "+"): advance(); return .op(.plus)
        case UInt8(ascii: "-"): advance(); return .op(.minus)
        case UInt8(ascii: "="): advance(); return .op(.equal)
        case UInt8(ascii: "/"):
            if peek(1) == UInt8(ascii: "/") { advance(2); return .doubleSlash }
            advance(); return .slash
        case UInt8(ascii: "!"):
            guard peek(1) == UInt8(ascii: "=") else {
                throw XPathError(.syntax, "unexpected '!' (did you mean '!='?)", at: start)
            }
            advance(2); return .op(.notEqual)
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "=") { advance(2); return .op(.lessOrEqual) }
            advance(); return .op(.less)
        case UInt8(ascii: ">"):
            if peek(1) == UInt8(ascii: "=") { advance(2); return .op(.greaterOrEqual) }
            advance(); return .op(.greater)
        case UInt8(ascii: ":"):
            if peek(1) == UInt8(ascii: ":") { advance(2); return .doubleColon }
            throw XPathError(.syntax, "unexpected ':'", at: start)
        case UInt8(ascii: "*"):
            advance()
            return operatorExpected ? .op(.multiply) : .nameTest(prefix: nil, local: "*")
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return try scanLiteral(quote: b, start)
        case UInt8(ascii: "."):
            if peek(1) == UInt8(ascii: ".") { advance(2); return .dotDot }
            if let d = peek(1), isDigit(d) { return scanNumber() }
            advance(); return .dot
        case UInt8(ascii: "$"):
            advance()
            guard let c = peek(), isNameStart(c) else {
                throw XPathError(.syntax, "expected a variable name after '$'", at: start)
            }
            return .variable(scanQName())
        default:
            if isDigit(b) { return scanNumber() }
            if isNameStart(b) { return try scanName(start) }
            throw XPathError(.syntax, "unexpected character '\(character(at: start.offset))'", at: start)
        }
    }

    private mutating func scanLiteral(quote: UInt8, _ start: XPathLocation) throws(XPathError) -> Token.Kind {
        advance()
        let from = index
        while let c = peek(), c != quote { advance() }
        guard peek() == quote else {
            throw XPathError(.syntax, "unterminated string literal", at: start)
        }
        let text = String(decoding: bytes[from..<index], as: UTF8.self)
        advance()
        return .literal(text)
    }

    private mutating func scanNumber() -> Token.Kind {
        let from = index
        while let c = peek(), isDigit(c) { advance() }
        if peek() == UInt8(ascii: ".") {
            advance()
            while let c = peek(), isDigit(c) { advance() }
        }
        let text = String(decoding: bytes[from..<index], as: UTF8.self)
        return .number(Double(text.hasPrefix(".") ? "0" + text : text) ?? .nan)
    }

    private mutating func scanNCName() -> String {
        let from = index
        while let c = peek(), isNameChar(c) { advance() }
        return String(decoding: bytes[from..<index], as: UTF8.self)
    }

    /// Scans `name` or `prefix:name` (no wildcard).
    private mutating func scanQName() -> String {
        var name = scanNCName()
        if peek() == UInt8(ascii: ":"), let c = peek(1), isNameStart(c) {
            advance()
            name += ":" + scanNCName()
        }
        return name
    }

    private mutating func scanName(_ start: XPathLocation) throws(XPathError) -> Token.Kind {
        let first = scanNCName()
        if operatorExpected {
            switch first {
            case "and": return .op(.and)
            case "or": return .op(.or)
            case "div": return .op(.divide)
            case "mod": return .op(.modulo)
            default:
                throw XPathError(.syntax, "expected an operator but found '\(first)'", at: start)
            }
        }
        var prefix: String? = nil
        var local = first
        if peek() == UInt8(ascii: ":"), peek(1) != UInt8(ascii: ":") {
            if peek(1) == UInt8(ascii: "*") {
                advance(2)
                return .nameTest(prefix: first, local: "*")
            }
            guard let c = peek(1), isNameStart(c) else {
                throw XPathError(.syntax, "expected a name after '\(first):'", at: start)
            }
            advance()
            prefix = first
            local = scanNCName()
        }
        // Look past whitespace for '(' or '::'.
        var look = index
        while look < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[look]) { look += 1 }
        let full = prefix.map { $0 + ":" + local } ?? local
        if look < bytes.count, bytes[look] == UInt8(ascii: "(") { return .functionName(full) }
        if prefix == nil, look + 1 < bytes.count, bytes[look] == UInt8(ascii: ":"), bytes[look + 1] == UInt8(ascii: ":") {
            return .axisName(local)
        }
        return .nameTest(prefix: prefix, local: local)
    }

    private func character(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<min(end, bytes.count)], as: UTF8.self)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b >= 0x80
    }

    private func isNameChar(_ b: UInt8) -> Bool {
        isNameStart(b) || isDigit(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }
}

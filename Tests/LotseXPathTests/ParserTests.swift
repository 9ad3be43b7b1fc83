import LotseXPath
import Testing

/// Parsing: precedence, AST shape, positions, syntax errors and refused constructs.
@Suite("Parser")
struct ParserTests {
    struct SyntaxCase: Sendable, CustomTestStringConvertible {
        var expression: String
        var column: Int
        var message: String
        var testDescription: String { expression }
    }

    static let syntaxErrors: [SyntaxCase] = [
        SyntaxCase(expression: "concat('a', 'b' and", column: 20, message: "unexpected end of expression"),
        SyntaxCase(expression: "count(/data/a and", column: 18, message: "unexpected end of expression"),
        SyntaxCase(expression: "if(/data/a = 1, 'x' 'y')", column: 21, message: "expected ')' but found ''y''"),
        SyntaxCase(expression: "(1 + 2", column: 7, message: "expected ')' but found end of expression"),
        SyntaxCase(expression: "/data/a[. > 1", column: 14, message: "expected ']' but found end of expression"),
        SyntaxCase(expression: "1 +", column: 4, message: "unexpected end of expression"),
        SyntaxCase(expression: "/data/a = 'yes", column: 11, message: "unterminated string literal"),
        SyntaxCase(expression: "", column: 1, message: "empty expression"),
        SyntaxCase(expression: "a b", column: 3, message: "expected an operator but found 'b'"),
        SyntaxCase(expression: "/data/a ! 1", column: 9, message: "unexpected '!' (did you mean '!='?)"),
        SyntaxCase(expression: "foo::bar", column: 1, message: "unknown axis 'foo::'"),
        SyntaxCase(expression: "/data/a[]", column: 9, message: "empty predicate '[]'"),
        SyntaxCase(expression: "1 = = 2", column: 5, message: "expected an expression but found '='"),
        SyntaxCase(expression: "/data/#", column: 7, message: "unexpected character '#'"),
        SyntaxCase(expression: "'größe' = ", column: 11, message: "unexpected end of expression"),
        SyntaxCase(expression: "/data/a)", column: 8, message: "expected end of expression but found ')'"),
        SyntaxCase(expression: "/data/", column: 7, message: "expected a node name but found end of expression"),
    ]

    @Test(arguments: syntaxErrors) func syntaxError(_ row: SyntaxCase) {
        do {
            _ = try XPathExpression(row.expression)
            Issue.record("\(row.expression) parsed")
        } catch {
            #expect(error.code == .syntax)
            #expect(error.column == row.column, "\(error)")
            #expect(error.message == row.message)
            #expect(error.description == "column \(row.column): \(row.message)")
        }
    }

    static let unsupported: [(String, Int, String)] = [
        ("/data//a", 6, "descendant axis '//' is not supported"),
        ("//a", 1, "descendant axis '//' is not supported"),
        ("/data/a | /data/b", 9, "union operator '|' is not supported"),
        ("ancestor::data", 1, "axis 'ancestor::' is not supported (only child, parent, self and attribute)"),
        ("/data/a/following-sibling::b", 9, "axis 'following-sibling::' is not supported (only child, parent, self and attribute)"),
        ("$x + 1", 1, "variable reference '$x' is not supported"),
        ("/data/comment()", 7, "node test 'comment()' is not supported"),
    ]

    @Test(arguments: unsupported) func refused(_ row: (String, Int, String)) {
        do {
            _ = try XPathExpression(row.0)
            Issue.record("\(row.0) parsed")
        } catch {
            #expect(error.code == .unsupported)
            #expect(error.column == row.1)
            #expect(error.message == row.2)
        }
    }

    @Test func precedenceFollowsXPath() throws {
        let expression = try XPathExpression("1 + 2 * 3 = 7 and not(false()) or 0")
        guard case .binary(.or, let lhs, _, _) = expression.ast,
              case .binary(.and, let equality, _, _) = lhs,
              case .binary(.equal, let sum, _, _) = equality,
              case .binary(.plus, _, let product, _) = sum,
              case .binary(.multiply, _, _, _) = product else {
            Issue.record("unexpected tree \(expression.ast)")
            return
        }
    }

    @Test func unaryMinusOnALiteralFolds() throws {
        #expect(try XPathExpression("-5").ast == .number(-5, XPathLocation(offset: 0, column: 1)))
        guard case .negate = try XPathExpression("-/data/a").ast else {
            Issue.record("expected negate")
            return
        }
    }

    @Test func operatorNamesAreNamesWhereAnOperatorCannotBe() throws {
        // `div`, `mod`, `and`, `or` as element names; `*` as a name test.
        let context = XPathContext(node: XPathTreeNode("r", children: [
            XPathTreeNode("div", text: "6"), XPathTreeNode("mod", text: "4"), XPathTreeNode("and", text: "x"),
        ]))
        #expect(try XPathExpression("div div mod").evaluateNumber(context) == 1.5)
        #expect(try XPathExpression("count(*) * 2").evaluateNumber(context) == 6)
        #expect(try XPathExpression("and = 'x' and div > mod").evaluateBoolean(context))
    }

    @Test func keepsPrefixesAndPositions() throws {
        let expression = try XPathExpression("jr:choice-name( /data/h:fruit , 'x')")
        guard case .call(let call) = expression.ast else {
            Issue.record("expected a call")
            return
        }
        #expect(call.name == "jr:choice-name")
        #expect(call.function == .choiceName)
        guard case .path(let path) = call.arguments[0] else {
            Issue.record("expected a path")
            return
        }
        #expect(path.location.column == 17)
        #expect(path.steps.map(\.test) == [.name(prefix: nil, local: "data"), .name(prefix: "h", local: "fruit")])
        #expect(path.steps[1].location.column == 23)
        #expect(call.arguments[1].location.column == 33)
    }

    @Test func columnsCountCharactersNotBytes() {
        do {
            _ = try XPathExpression("'äöü' = (1")
            Issue.record("parsed")
        } catch {
            #expect(error.column == 11)
            #expect(error.location.offset == 13)
        }
    }

    @Test func explicitAxes() throws {
        let expression = try XPathExpression("self::node()/parent::*/attribute::id/child::text()")
        guard case .path(let path) = expression.ast else {
            Issue.record("expected a path")
            return
        }
        #expect(path.steps.map(\.axis) == [.self, .parent, .attribute, .child])
        #expect(path.steps.map(\.test) == [.node, .any(prefix: nil), .name(prefix: nil, local: "id"), .text])
    }

    @Test func parsedExpressionsAreValuesAndSendable() throws {
        let a = try XPathExpression("/data/a + 1")
        let b = try XPathExpression("/data/a + 1")
        #expect(a == b)
        let shared: any Sendable = a
        #expect(shared is XPathExpression)
    }
}

import LotseXPath
import Testing

/// A schema for the test form: the primary instance of `makeDocument()` and the `fruits` list.
struct FormSchema: XPathSchema {
    static let paths: Set<[String]> = [
        ["data"], ["data", "@id"], ["data", "@version"], ["data", "person"], ["data", "person", "@sex"],
        ["data", "person", "name"], ["data", "person", "age"], ["data", "person", "birth"],
        ["data", "person", "fruits"], ["data", "person", "note"], ["data", "visit"], ["data", "nums"],
        ["data", "nums", "n"], ["data", "words"], ["data", "words", "w"], ["data", "empty"], ["data", "flag"],
        ["data", "choice"], ["data", "code"],
    ]

    func hasPath(_ path: [String]) -> Bool { Self.paths.contains(path) }
    func hasInstance(_ id: String) -> Bool { id == "fruits" || id == "places" }
    func hasPath(_ path: [String], inInstance id: String) -> Bool? {
        guard id == "fruits" else { return nil }
        return [["root"], ["root", "item"], ["root", "item", "name"], ["root", "item", "label"]].contains(path)
    }
}

/// Static checks against a schema, all problems at once.
@Suite("Checker")
struct CheckerTests {
    let checker = XPathChecker(schema: FormSchema(), extraFunctions: ["lotse:age": .exactly(1)])

    func codes(_ expression: String, at context: [String] = ["data", "person", "age"]) -> [String] {
        checker.check(expression, contextPath: context).map { "\($0.code.rawValue)@\($0.column)" }
    }

    static let clean: [(String, [String])] = [
        (". > 0 and . < 130", ["data", "person", "age"]),
        ("../name != '' and ../@sex = 'w'", ["data", "person", "age"]),
        ("/data/person/age >= 18", ["data", "flag"]),
        ("instance('fruits')/root/item[name = current()/../../choice]/label", ["data", "person", "age"]),
        ("jr:choice-name(/data/choice, '/data/choice')", ["data", "flag"]),
        ("count(/data/nums/n[. > 0]) + sum(../../nums/n)", ["data", "person", "age"]),
        ("lotse:age(/data/person/birth)", ["data"]),
        ("format-date(today(), '%Y') and concat() = '' and concat(1, 2, 3, 4)", ["data"]),
        ("/data/*/unknown", ["data"]),                          // nothing is checked below a wildcard
        ("instance('places')/root/anything", ["data"]),          // the schema does not know this instance's shape
    ]

    @Test(arguments: clean) func acceptsValidExpressions(_ row: (String, [String])) {
        #expect(checker.check(row.0, contextPath: row.1).isEmpty, "\(checker.check(row.0, contextPath: row.1))")
    }

    @Test func reportsEveryProblemWithItsColumn() {
        #expect(codes("/data/person/agee + foo(1) + round(1, 2, 3) + instance('nope')/root") == [
            "XPATH_UNKNOWN_PATH@14", "XPATH_UNKNOWN_FUNCTION@21", "XPATH_ARITY@30", "XPATH_UNKNOWN_INSTANCE@56",
        ])
    }

    @Test func unknownPathNamesTheAbsolutePath() throws {
        let diagnostics = checker.check("../agee > 1", contextPath: ["data", "person", "age"])
        let problem = try #require(diagnostics.first)
        #expect(problem.code == .unknownPath)
        #expect(problem.message == "path /data/person/agee does not exist in the document")
        #expect(problem.column == 4)
    }

    @Test func unknownFunctionSuggestsACloseName() {
        let messages = checker.check("concatt('a') + boolean-from-strng('1') + choice-name('a', 'b') + frobnicate()",
                                     contextPath: ["data"]).map(\.message)
        #expect(messages == [
            "unknown function 'concatt'; did you mean 'concat'?",
            "unknown function 'boolean-from-strng'; did you mean 'boolean-from-string'?",
            "unknown function 'choice-name'; did you mean 'jr:choice-name'?",
            "unknown function 'frobnicate'",
        ])
    }

    @Test func aritySaysExpectedAndGiven() {
        let messages = checker.check("if(1, 2) + substr('a') + lotse:age() + today(1)", contextPath: ["data"]).map(\.message)
        #expect(messages == [
            "function 'if' takes 3 arguments but was given 2",
            "function 'substr' takes 2 to 3 arguments but was given 1",
            "function 'lotse:age' takes 1 argument but was given 0",
            "function 'today' takes 0 arguments but was given 1",
        ])
    }

    @Test func predicatePathsAreRelativeToTheirStep() {
        // `name` is relative to `item` (instance), `current()/..` to the expression's context.
        #expect(codes("instance('fruits')/root/item[nam = current()/../nam]/label") == ["XPATH_UNKNOWN_PATH@30", "XPATH_UNKNOWN_PATH@49"])
        #expect(checker.check("instance('fruits')/root/item[nam = 1]", contextPath: ["data"]).first?.message
                == "path instance('fruits')/root/item/nam does not exist in the document")
        #expect(codes("/data/words/w[. = ../../choice and x = 1]") == ["XPATH_UNKNOWN_PATH@36"])
    }

    @Test func syntaxAndUnsupportedAreDiagnosticsToo() {
        #expect(codes("/data/person/age >") == ["XPATH_SYNTAX@19"])
        #expect(codes("/data//age | /data/x + $v") == ["XPATH_UNSUPPORTED@6", "XPATH_UNSUPPORTED@12", "XPATH_UNSUPPORTED@24"])
    }

    @Test func goingAboveTheRootIsReported() {
        #expect(codes("../../../../x") == ["XPATH_UNKNOWN_PATH@10"])
    }

    @Test func workflowGuards() {
        struct CaseSchema: XPathSchema {
            func hasPath(_ path: [String]) -> Bool {
                [["case"], ["case", "@state"], ["case", "capacity"], ["case", "capacity", "erwerbsfaehig"]].contains(path)
            }
            func hasInstance(_ id: String) -> Bool { false }
        }
        let guards = XPathChecker(schema: CaseSchema())
        #expect(guards.check("/case/capacity/erwerbsfaehig = 'yes'", contextPath: ["case"]).isEmpty)
        #expect(guards.check("/case/capacity/erwerbsfahig = 'yes' and /case/@state = 'x'", contextPath: ["case"])
            .map(\.message) == ["path /case/capacity/erwerbsfahig does not exist in the document"])
    }

    @Test func checksAParsedExpression() throws {
        let expression = try XPathExpression("/data/nope")
        #expect(checker.check(expression, contextPath: ["data"]).map(\.code) == [.unknownPath])
    }
}

/// References for the dependency graph.
@Suite("References")
struct ReferenceTests {
    static let rows: [(String, [String], Set<[String]>)] = [
        ("/data/person/age + 1", ["data", "x"], [["data", "person", "age"]]),
        (". > 0 and ../name != ''", ["data", "person", "age"], [["data", "person", "age"], ["data", "person", "name"]]),
        ("../@sex = 'w'", ["data", "person", "age"], [["data", "person", "@sex"]]),
        ("instance('fruits')/root/item[name = current()/../choice]/label", ["data", "flag"], [["data", "choice"]]),
        ("instance('fruits')/root/item[name = /data/choice]/label", ["data", "flag"], [["data", "choice"]]),
        ("count(/data/words/w[. = /data/choice])", ["data"], [["data", "words", "w"], ["data", "choice"]]),
        ("sum(/data/*)", ["data"], [["data", "*"]]),
        ("string-length() > 3", ["data", "person", "name"], [["data", "person", "name"]]),
        ("today() - 1", ["data"], []),
        ("once(concat(../name, 'x'))", ["data", "person", "age"], [["data", "person", "name"]]),
        ("current()", ["data", "flag"], [["data", "flag"]]),
        ("if(selected(/data/person/fruits, 'a'), /data/code, -/data/nums/n[position() = 2])", ["data"],
         [["data", "person", "fruits"], ["data", "code"], ["data", "nums", "n"]]),
        ("/data/person/name/text()", ["data"], [["data", "person", "name"]]),
        ("self::node()", ["data", "code"], [["data", "code"]]),
    ]

    @Test(arguments: rows) func references(_ row: (String, [String], Set<[String]>)) throws {
        #expect(try XPathExpression(row.0).references(contextPath: row.1) == row.2)
    }
}

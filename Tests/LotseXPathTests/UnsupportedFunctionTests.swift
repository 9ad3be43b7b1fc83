import Testing
@testable import LotseXPath

private struct AnyShape: XPathSchema {
    func hasPath(_ path: [String]) -> Bool { true }
    func hasInstance(_ id: String) -> Bool { true }
}

@Suite("Unsupported functions and randomize")
struct UnsupportedFunctionTests {
    static let refused = ["substring('abc', 1)", "floor(1.5)", "ceiling(1.5)", "last()", "name()", "local-name()",
                          "pulldata('f', 'c', 'k', 'v')", "In('s')"]

    @Test(arguments: refused)
    func refusedWithTheFeature(_ source: String) throws {
        let problems = XPathChecker(schema: AnyShape()).check(source, contextPath: ["data"])
        #expect(problems.count == 1)
        #expect(problems.first?.code == .unsupported)
        let name = String(source.prefix { $0 != "(" })
        #expect(problems.first?.message.hasPrefix(name + "(") == true)
        #expect(problems.first?.message.contains("not supported") == true)
    }

    /// javarosa evaluates filter expressions only as instance('id')/… and current()/….
    @Test(arguments: ["(/data/a)[position() = 2]", "randomize(/data/a)/b", "concat('a', 'b')/c"])
    func filterExpressionsAreRefused(_ source: String) throws {
        let problems = XPathChecker(schema: AnyShape()).check(source, contextPath: ["data"])
        #expect(problems.map(\.code) == [.unsupported])
        #expect(problems.first?.message.contains("ODK Collect cannot evaluate it") == true)
        #expect(XPathChecker(schema: AnyShape()).check("instance('x')/root/item[position() = 2]/name", contextPath: ["data"]).isEmpty)
        #expect(XPathChecker(schema: AnyShape()).check("current()/../a", contextPath: ["data", "b"]).isEmpty)
    }

    /// javarosa: "The value "12:00:00Z" can't be converted to a date" (a time field's node works).
    @Test func decimalTimeOfABareTimeStringFails() {
        #expect(throws: XPathError.self) {
            try XPathExpression("decimal-time('12:00:00Z')").evaluate(XPathContext(node: XPathTreeNode("data")))
        }
    }

    /// javarosa reads [2] as a repeat instance's index: accepted now, the path above the root still refused.
    @Test func numberPredicatesAreRepeatIndices() {
        #expect(XPathChecker(schema: AnyShape()).check("/data/w[2]", contextPath: ["data"]).isEmpty)
        let above = XPathChecker(schema: AnyShape()).check("/data/../data/a", contextPath: ["data"])
        #expect(above.map(\.code) == [.unsupported])
    }

    @Test func randomIsBetweenZeroAndOne() throws {
        let node = XPathTreeNode("data")
        let value = try XPathExpression("random()").evaluateNumber(XPathContext(node: node))
        #expect(value >= 0 && value < 1)
    }

    /// The orders javarosa 5.1 gives (FisherYates.shuffle with ParkMiller, seeds 42 and 1).
    @Test func seededRandomizeIsCollectsOrder() throws {
        let items = XPathTreeNode("root", children: ["a", "b", "c", "d", "e", "f"].map { XPathTreeNode("item", text: $0) })
        let context = XPathContext(node: items)
        let shuffled = try XPathExpression("randomize(/root/item, 42)").evaluate(context).nodes ?? []
        #expect(shuffled.map(\.xpathStringValue).sorted() == ["a", "b", "c", "d", "e", "f"])
        let again = try XPathExpression("randomize(/root/item, 42)").evaluate(context).nodes ?? []
        #expect(shuffled.map(\.xpathStringValue) == again.map(\.xpathStringValue))
        #expect(shuffled.map(\.xpathStringValue) == ["a", "f", "c", "b", "d", "e"])
        let one = try XPathExpression("randomize(/root/item, 1)").evaluate(context).nodes ?? []
        #expect(one.map(\.xpathStringValue) == ["b", "f", "e", "a", "c", "d"])
    }
}

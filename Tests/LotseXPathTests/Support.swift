import Foundation
import LotseXPath
import Testing

/// What an expression should evaluate to.
enum Expected: Sendable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case boolean(Bool)
    /// Evaluation (or parsing) fails with this code.
    case error(XPathError.Code)

    var description: String {
        switch self {
        case .string(let s): return "'\(s)'"
        case .number(let n): return "\(n)"
        case .boolean(let b): return "\(b)"
        case .error(let code): return code.rawValue
        }
    }
}

/// One row of a table-driven test: expression → expected value.
struct Vector: Sendable, CustomTestStringConvertible {
    var expression: String
    var expected: Expected
    /// The context node's path below the top element (`["person"]` → /data/person).
    var context: [String] = []

    init(_ expression: String, _ expected: Expected, at context: [String] = []) {
        self.expression = expression
        self.expected = expected
        self.context = context
    }

    var testDescription: String { "\(expression) → \(expected)" }
}

func s(_ e: String, _ v: String, at c: [String] = []) -> Vector { Vector(e, .string(v), at: c) }
func n(_ e: String, _ v: Double, at c: [String] = []) -> Vector { Vector(e, .number(v), at: c) }
func b(_ e: String, _ v: Bool, at c: [String] = []) -> Vector { Vector(e, .boolean(v), at: c) }
func fails(_ e: String, _ code: XPathError.Code, at c: [String] = []) -> Vector { Vector(e, .error(code), at: c) }

/// 2024-03-15T10:30:00Z, a Friday.
let fixedInstant = Date(timeIntervalSince1970: 1_710_498_600)
let utc = TimeZone(identifier: "UTC")!
let berlin = TimeZone(identifier: "Europe/Berlin")!

/// The document most tests run against.
///
/// ```xml
/// <data id="intake" version="3">
///   <person sex="w"><name>Ada</name><age>42</age><birth>1983-10-06</birth>
///     <fruits>apple banana</fruits><note>  hello   world </note></person>
///   <visit>2024-03-01T10:30:00Z</visit>
///   <nums><n>4</n><n>-1</n><n>7.5</n><n/></nums>
///   <words><w>one</w><w>two</w><w>three</w></words>
///   <empty/><flag>true</flag><choice>b</choice><code>12345</code>
/// </data>
/// ```
func makeDocument() -> XPathTreeNode {
    XPathTreeNode("data", attributes: ["id": "intake", "version": "3"], children: [
        XPathTreeNode("person", attributes: ["sex": "w"], children: [
            XPathTreeNode("name", text: "Ada"),
            XPathTreeNode("age", text: "42"),
            XPathTreeNode("birth", text: "1983-10-06"),
            XPathTreeNode("fruits", text: "apple banana"),
            XPathTreeNode("note", text: "  hello   world "),
        ]),
        XPathTreeNode("visit", text: "2024-03-01T10:30:00Z"),
        XPathTreeNode("nums", children: [
            XPathTreeNode("n", text: "4"), XPathTreeNode("n", text: "-1"),
            XPathTreeNode("n", text: "7.5"), XPathTreeNode("n"),
        ]),
        XPathTreeNode("words", children: [
            XPathTreeNode("w", text: "one"), XPathTreeNode("w", text: "two"), XPathTreeNode("w", text: "three"),
        ]),
        XPathTreeNode("empty"),
        XPathTreeNode("flag", text: "true"),
        XPathTreeNode("choice", text: "b"),
        XPathTreeNode("code", text: "12345"),
    ])
}

/// The secondary instance `fruits`: `<root><item><name>a</name><label>Apple</label></item>…`.
func makeFruits() -> XPathTreeNode {
    XPathTreeNode("root", children: [("a", "Apple"), ("b", "Banana"), ("c", "Cherry")].map { name, label in
        XPathTreeNode("item", children: [XPathTreeNode("name", text: name), XPathTreeNode("label", text: label)])
    })
}

/// A context on `makeDocument()` with a fixed clock, fixed UUIDs and the `fruits` instance.
func makeContext(at path: [String] = [], timeZone: TimeZone = utc, document: XPathTreeNode = makeDocument(),
                 current: [String]? = nil) -> XPathContext {
    let node = document.node(at: path)!
    let fruits = makeFruits()
    return XPathContext(
        node: node,
        current: current.map { document.node(at: $0)! },
        // XPathTreeNode's parent links are weak: the closure keeps the document alive.
        instance: { id in withExtendedLifetime(document) { id == "fruits" ? fruits : nil } },
        clock: .fixed(fixedInstant, timeZone: timeZone),
        makeUUID: { "6e1a5a8e-0000-4000-8000-00000000abcd" },
        choiceName: { value, path in
            guard path == "/data/choice" else { return nil }
            return ["a": "Apple", "b": "Banana"][value]
        })
}

func numbersMatch(_ actual: Double, _ expected: Double) -> Bool {
    if expected.isNaN { return actual.isNaN }
    if expected.isInfinite { return actual == expected }
    return Swift.abs(actual - expected) <= 1e-9 * max(1, Swift.abs(expected))
}

/// Parses and evaluates `vector` and checks the result's type-converted value.
func check(_ vector: Vector, timeZone: TimeZone = utc, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let context = makeContext(at: vector.context, timeZone: timeZone)
    do {
        let value = try XPathExpression(vector.expression).evaluate(context)
        switch vector.expected {
        case .string(let expected):
            #expect(value.stringValue == expected, "\(vector.expression)", sourceLocation: sourceLocation)
        case .number(let expected):
            let actual = value.numberValue(timeZone: timeZone)
            #expect(numbersMatch(actual, expected), "\(vector.expression) = \(actual), expected \(expected)",
                    sourceLocation: sourceLocation)
        case .boolean(let expected):
            #expect(value.booleanValue == expected, "\(vector.expression)", sourceLocation: sourceLocation)
        case .error(let code):
            Issue.record("\(vector.expression) should fail with \(code.rawValue) but gave \(value)",
                         sourceLocation: sourceLocation)
        }
    } catch {
        if case .error(let code) = vector.expected {
            #expect(error.code == code, "\(vector.expression): \(error)", sourceLocation: sourceLocation)
        } else {
            Issue.record("\(vector.expression) failed: \(error)", sourceLocation: sourceLocation)
        }
    }
}


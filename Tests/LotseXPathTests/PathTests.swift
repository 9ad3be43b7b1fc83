import LotseXPath
import Testing

/// Location paths, predicates, attributes, secondary instances and `current()`.
@Suite("Paths")
struct PathTests {
    static let vectors: [Vector] = [
        s("/data/person/name", "Ada"), n("/data/person/age", 42), n("/data/person/age + 1", 43),
        s("/data/person/@sex", "w"), s("/data/@id", "intake"), s("/data/attribute::version", "3"),
        s("person/name", "Ada"), s("./person/name", "Ada"), s("child::person/child::name", "Ada"),
        s("../name", "Ada", at: ["person", "age"]),   // string value of person
        s("parent::node()/name", "Ada", at: ["person", "age"]), s(".", "42", at: ["person", "age"]),
        s("self::node()", "42", at: ["person", "age"]), b("self::age", true, at: ["person", "age"]),
        b("self::name", false, at: ["person", "age"]), s("../@sex", "w", at: ["person", "age"]),
        s("../../words/w[position() = 2]", "two", at: ["person", "age"]), s("string(../name)", "Ada", at: ["person", "age"]),
        n("count(/data/*)", 8), n("count(/data/person/*)", 5), n("count(/data/person/@*)", 1), n("count(/data/@*)", 2),
        n("count(/data/node())", 8), n("count(/)", 1), n("count(/data)", 1), n("count(/other)", 0),
        n("count(/data/person/..)", 1), n("count(/data/words/w/..)", 1), n("count(/data/words/w/../..)", 1),
        n("count(/data/..)", 1), n("count(/data/..)", 1), n("count(/..)", 0),
        s("/data/words/w[position() = 1]", "one"), s("/data/words/w[position() = 3]", "three"),
        s("/data/words/w[count(/data/words/w)]", ""),   // javarosa: a number selects a repeat instance; none here
        s("/data/words/w[position() = 2]", "two"), n("count(/data/words/w[position() > 1])", 2),
        s("/data/words/w[. = 'two']", "two"), n("count(/data/words/w[position() = 4])", 0),
        s("/data/words/w[. != 'one'][position() = 2]", "three"), s("/data/words/w[2 - 1]", ""),
        
        s("/data/person[name = 'Ada']/age", "42"), n("count(/data/person[name = 'Bob'])", 0),
        s("/data/person[@sex = 'w']/name", "Ada"),
        b("/data/words/w = 'three'", true), b("/data/words/w != 'three'", true), b("/data/words/w = 'four'", false),
        b("/data/nums/n > 7", true), b("/data/nums/n < -1", false), b("/data/nums/n = 7.5", true),
        b("/data/words/w = /data/person/name", false), b("/data/words/w = /data/words/w[position() = 2]", true),
        b("/data/nothing = ''", false), b("/data/nothing != ''", false), b("/data/empty = ''", true),
        b("/data/nothing = false()", true), b("/data/words/w = true()", true),
        s("/data/person/name/text()", "Ada"), n("count(/data/empty/text())", 0), n("count(/data/person/text())", 0),
        s("normalize-space(/data/person/note/text())", "hello world"),
        s("h:data/h:person/h:name", "", at: []),   // prefixes match on local name only: data is not a child of data
        s("/h:data/jr:person/x:name", "Ada"),
        // Secondary instances.
        n("count(instance('fruits')/root/item)", 3), s("instance('fruits')/root/item[name = 'b']/label", "Banana"),
        s("instance('fruits')/root/item[position() = 2]/name", "b"), n("count(instance('nope')/root/item)", 0),
        s("instance('fruits')/root/item[name = /data/choice]/label", "Banana"),
        s("instance('fruits')/root/item[name = current()/../choice]/label", "Banana", at: ["flag"]),
        s("instance('fruits')/root/item[label = 'Cherry']/name", "c"), n("count(instance('fruits'))", 1),
        s("current()/../choice", "b", at: ["flag"]), s("current()", "true", at: ["flag"]),
    ]

    @Test(arguments: vectors) func path(_ vector: Vector) { check(vector) }

    @Test func nodeSetsAreInDocumentOrderWithoutDuplicates() throws {
        let nodes = try XPathExpression("/data/words/w/..").evaluate(makeContext()).nodes ?? []
        #expect(nodes.count == 1)
        let words = try XPathExpression("/data/*/w").evaluate(makeContext()).nodes ?? []
        #expect(words.map(\.xpathStringValue) == ["one", "two", "three"])
        let parents = try XPathExpression("/data/*/*/..").evaluate(makeContext()).nodes ?? []
        #expect(parents.map(\.xpathName) == ["person", "nums", "words"])
    }

    @Test func currentDiffersFromTheContextInsidePredicates() throws {
        let document = makeDocument()
        let context = makeContext(at: ["words"], document: document, current: ["choice"])
        #expect(try XPathExpression("count(w[. = current()])").evaluateNumber(context) == 0)
        #expect(try XPathExpression("current()").evaluateString(context) == "b")
        #expect(try XPathExpression("w[position() = 1]").evaluateString(context) == "one")
    }

    @Test func evaluatesOverAMutatedTree() throws {
        let document = makeDocument()
        let context = makeContext(at: ["person", "age"], document: document)
        let expression = try XPathExpression(". >= 18 and ../name != ''")
        #expect(try expression.evaluateBoolean(context))
        document.node(at: ["person", "age"])!.text = "12"
        #expect(try !expression.evaluateBoolean(context))
        document.node(at: ["person"])!.append(XPathTreeNode("extra", text: "x"))
        #expect(try XPathExpression("count(/data/person/*)").evaluateNumber(context) == 6)
    }

    @Test func workflowGuardOnACaseDocument() throws {
        let caseDocument = XPathTreeNode("case", attributes: ["id": "17", "state": "capacity_review"], children: [
            XPathTreeNode("client", attributes: ["sex": "w", "age_class": "50plus"]),
            XPathTreeNode("capacity", children: [
                XPathTreeNode("capacity", text: "LT3"), XPathTreeNode("erwerbsfaehig", text: "no"),
            ]),
            XPathTreeNode("contact", attributes: ["count": "7", "last": "2026-11-02"]),
        ])
        let context = XPathContext(node: caseDocument)
        #expect(try !XPathExpression("/case/capacity/erwerbsfaehig = 'yes'").evaluateBoolean(context))
        #expect(try XPathExpression("/case/capacity/erwerbsfaehig = 'no'").evaluateBoolean(context))
        #expect(try XPathExpression("/case/contact/@count >= 5 and /case/@state = 'capacity_review'").evaluateBoolean(context))
        #expect(try XPathExpression("/case/contact/@last > date('2026-10-31')").evaluateBoolean(context))
        // A string is never a date (javarosa): compare with date('…').
        #expect(try !XPathExpression("/case/contact/@last > '2026-10-31'").evaluateBoolean(context))
    }
}

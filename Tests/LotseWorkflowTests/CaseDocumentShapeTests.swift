import LotseWorkflow
import LotseXPath
import Testing

@Suite("Case document shape")
struct CaseDocumentShapeTests {
    let shape = CaseDocumentShape(fields: ["plan": [["goal"], ["contact_interval_days"]],
                                           "profiling": [["qualification"], ["qualification", "school"]]],
                                  repeatable: ["contact"])

    @Test(arguments: [
        ["case"], ["case", "@id"], ["case", "@state"], ["case", "@group"], ["case", "@site"],
        ["case", "client"], ["case", "client", "@sex"], ["case", "client", "@age_class"],
        ["case", "client", "@applicant_type"], ["case", "plan"], ["case", "plan", "contact_interval_days"],
        ["case", "profiling", "qualification", "school"], ["case", "contact"], ["case", "contact", "@count"],
        ["case", "contact", "@last"],
    ])
    func knows(path: [String]) {
        #expect(shape.hasPath(path))
    }

    @Test(arguments: [
        ["data"], ["case", "@name"], ["case", "client", "name"], ["case", "plan", "nothing"], ["case", "plan", "@count"],
        ["case", "contact", "date"], ["case", "school"], ["case", "unknown_form"],
    ])
    func refuses(path: [String]) {
        #expect(!shape.hasPath(path))
    }

    @Test func checksGuardsWithTheXPathChecker() {
        let checker = XPathChecker(schema: shape)
        #expect(checker.check("/case/plan/contact_interval_days > 7 and /case/contact/@count > 2", contextPath: ["case"]) == [])
        #expect(checker.check("instance('x')/a", contextPath: ["case"]).map(\.code) == [.unknownInstance])
        #expect(shape.formIDs == ["plan", "profiling", "contact"])
    }
}

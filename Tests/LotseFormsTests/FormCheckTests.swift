import Testing
@testable import LotseForms

@Suite struct FormCheckTests {
    /// One form with one of each kind of error: all are reported at once, each at its line.
    @Test func everyErrorIsReportedWithItsPlace() {
        let result = FormReader.read(fileAt: Paths.fixtures + "/broken.xml", name: "broken.xml")
        #expect(result.definition == nil)
        let lines = result.diagnostics.map { "\($0.line) \($0.code.rawValue)" }
        #expect(lines == [
            "16 FORM_TYPE",       // unknown type "integr"
            "17 FORM_XPATH",      // constraint does not parse
            "18 FORM_DUPLICATE",  // a second bind for /data/age
            "18 FORM_FUNCTION",   // tody()
            "19 FORM_CYCLE",      // a ↔ b
            "21 FORM_PATH",       // /data/agee
            "30 FORM_INSTANCE",   // itemset over instance('colours')
        ])
        let text = result.diagnostics.map(\.description).joined(separator: "\n")
        #expect(text.contains("broken.xml:16:7: error: unknown type \"integr\"; did you mean \"integer\"? [FORM_TYPE]"))
        #expect(text.contains("broken.xml:18:43: error: relevant=\"tody() > 0\": unknown function 'tody'"))
        #expect(text.contains("calculate/relevant expressions form a cycle: /data/a → /data/b → /data/a"))
        #expect(text.contains("broken.xml:17:75: error: constraint=\". <= today( and 1\": expected ')' but found '1'"))
        #expect(text.contains("broken.xml:21:66: error: required=\"/data/agee != ''\": path /data/agee does not exist"))
        #expect(text.contains("itemset over instance('colours'), but the form has no such instance"))
    }

    @Test func unsupportedControlsAreRefused() {
        let xml = """
            <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml">
            <h:head><h:title>t</h:title><model><instance><data id="t"><f/><g><x/></g></data></instance>
            <bind nodeset="/data/f" type="geopoint"/></model></h:head>
            <h:body><upload ref="/data/f"/><repeat nodeset="/data/g"/></h:body></h:html>
            """
        let result = FormReader.read(bytes: Array(xml.utf8), name: "t.xml")
        #expect(result.diagnostics.map(\.code) == [.unsupported, .unsupported])
    }

    @Test func malformedXMLIsOneDiagnosticPerLibxmlError() {
        let result = FormReader.read(bytes: Array("<h:html>\n<oops>".utf8), name: "bad.xml")
        #expect(result.definition == nil)
        #expect(result.diagnostics.allSatisfy { $0.code == .xml && $0.file == "bad.xml" })
        #expect(!result.diagnostics.isEmpty)
    }
}

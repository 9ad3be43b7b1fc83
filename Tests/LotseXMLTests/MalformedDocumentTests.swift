import LotseXML
import Testing

@Suite("Malformed documents")
struct MalformedDocumentTests {
    func diagnostics(_ text: String, name: String = "broken.xml") -> [XMLDiagnostic] {
        do {
            _ = try XMLDocument.parse(string: text, name: name)
            Issue.record("parsed a malformed document")
            return []
        } catch {
            guard case .malformed(let file, let diagnostics) = error else {
                Issue.record("unexpected error \(error)")
                return []
            }
            #expect(file == name)
            return diagnostics
        }
    }

    @Test func mismatchedTagNamesItsLine() throws {
        let found = diagnostics("<root>\n  <a>\n    <b>\n  </a>\n</root>\n")
        let first = try #require(found.first)
        #expect(first.file == "broken.xml")
        #expect(first.line == 4)
        #expect(first.column > 0)
        #expect(first.level == .fatal)
        #expect(first.domain == .parser)
        #expect(first.message.contains("Opening and ending tag mismatch"))
        #expect(!first.message.hasSuffix("\n"))
        #expect(first.description == "broken.xml:4:\(first.column): error: \(first.message)")
    }

    @Test func unclosedTagAtTheEnd() throws {
        let found = diagnostics("<root>\n  <a>\n    text\n")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.level != .warning })
        #expect(found.contains { $0.message.contains("Premature end of data") })
        #expect(found.allSatisfy { $0.line >= 3 })
    }

    @Test func undefinedEntity() throws {
        let found = diagnostics("<root>\n  <a/>\n  <b>&nbsp;</b>\n</root>")
        let first = try #require(found.first)
        #expect(first.line == 3)
        #expect(first.message.contains("nbsp"))
    }

    @Test func everyErrorIsKept() throws {
        // An undeclared prefix and a bad entity: libxml2 reports both.
        let found = diagnostics("<root>\n<x:a/>\n<b>&bad;</b>\n</root>")
        #expect(found.count >= 2)
        #expect(found.contains { $0.domain == .namespace && $0.line == 2 })
        #expect(found.contains { $0.line == 3 && $0.message.contains("bad") })
    }

    @Test func undeclaredPrefixAloneIsAnError() throws {
        let found = diagnostics("<root>\n  <state l:roles='x'/>\n</root>")
        let first = try #require(found.first)
        #expect(first.domain == .namespace)
        #expect(first.level == .error)
        #expect(first.line == 2)
    }

    @Test func emptyAndRootlessDocuments() {
        #expect(!diagnostics("").isEmpty)
        #expect(!diagnostics("<!-- only a comment -->").isEmpty)
        #expect(!diagnostics("   ").isEmpty)
    }

    @Test func errorPrintsOneDiagnosticPerLine() throws {
        let error = XMLError.malformed(file: "f.xml", diagnostics: [
            XMLDiagnostic(file: "f.xml", line: 3, column: 7, level: .fatal, domain: .parser, code: 76, message: "one"),
            XMLDiagnostic(file: "f.xml", line: 9, column: 0, level: .warning, domain: .parser, code: 1, message: "two"),
        ])
        #expect(error.description == "f.xml:3:7: error: one\nf.xml:9: warning: two")
        #expect(error.file == "f.xml")
    }
}

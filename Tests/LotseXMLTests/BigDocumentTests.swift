import Foundation
import LotseXML
import Testing

/// Line numbers past 65,535 (libxml2 needs XML_PARSE_BIG_LINES, and its own
/// `xmlGetLineNo` is off by one there; LotseXML counts itself).
@Suite("Documents over 70,000 lines")
struct BigDocumentTests {
    static let itemCount = 70_000

    /// Line 1 `<root>`, items on lines 2…70,001, then a multi-line start tag.
    static let text: String = {
        var text = "<root xmlns='urn:big'>\n"
        text.reserveCapacity(itemCount * 24)
        for index in 0..<itemCount {
            text += "  <item n=\"\(index)\"/>\n"
        }
        text += "  <last\n     mark=\"end\">\n    <inner/>\n  </last>\n  <tail/></root>\n"
        return text
    }()

    @Test func linesAtTheEndAreRight() throws {
        let root = try XMLDocument.parse(string: Self.text, name: "big.xml").root
        let items = root.elements(named: "item", namespace: "urn:big")
        #expect(items.count == Self.itemCount)
        #expect(items[0].line == 2)
        #expect(items[65_533].line == 65_535)
        #expect(items[65_534].line == 65_536)
        #expect(items.last?.line == Self.itemCount + 1)
        let last = try #require(root.firstElement(named: "last", namespace: "urn:big"))
        #expect(last.line == 70_002)
        #expect(last.attributes.first?.line == 70_002)
        #expect(last.firstElement(named: "inner", namespace: "urn:big")?.line == 70_004)
        #expect(root.firstElement(named: "tail", namespace: "urn:big")?.line == 70_006)
    }

    @Test func errorsAtTheEndNameTheirLine() throws {
        let broken = Self.text.replacingOccurrences(of: "<inner/>", with: "<inner>")
        do {
            _ = try XMLDocument.parse(string: broken, name: "big-broken.xml")
            Issue.record("parsed a malformed document")
        } catch {
            #expect(error.diagnostics.first?.line == 70_005)
        }
    }

    @Test func validationErrorsAtTheEndNameTheirLine() throws {
        let schema = try RelaxNGSchema(string: """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:big">
              <start>
                <element name="root">
                  <zeroOrMore><element name="item"><attribute name="n"/></element></zeroOrMore>
                  <element name="last"><attribute name="mark"/><element name="inner"><empty/></element></element>
                  <element name="tail"><attribute name="required"/></element>
                </element>
              </start>
            </grammar>
            """, name: "big.rng")
        let document = try XMLDocument.parse(string: Self.text, name: "big.xml")
        let found = schema.validate(document)
        let first = try #require(found.first)
        #expect(first.line == 70_006)
        #expect(first.message.contains("tail"))
    }
}

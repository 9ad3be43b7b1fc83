import Foundation
import LotseXML
import Testing

@Suite("Parsing")
struct ParsingTests {
    static let workflow = """
        <?xml version="1.0" encoding="UTF-8"?>
        <scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:l="urn:lotse:workflow:1"
               version="1.0" name="amiga" l:version="2026.1" initial="active">
          <!-- a comment is dropped -->
          <state id="active" l:requires="capacity">
            <transition event="decide"
                        cond="/case/capacity/erwerbsfaehig = 'yes'"
                        target="done" l:roles="caseworker"/>
          </state>
          <final id="done"><![CDATA[a < b]]> &amp; more</final>
        </scxml>
        """
    static let scxml = "http://www.w3.org/2005/07/scxml"
    static let lotse = "urn:lotse:workflow:1"

    @Test func nestedElementsCarryTheLineOfTheirStartTag() throws {
        let document = try XMLDocument.parse(string: Self.workflow, name: "Workflows/amiga.xml")
        #expect(document.name == "Workflows/amiga.xml")
        let root = document.root
        #expect(root.name == "scxml")
        #expect(root.line == 2)
        let state = try #require(root.firstElement(named: "state", namespace: Self.scxml))
        #expect(state.line == 5)
        // A start tag over three lines: the line of its `<`, not of its `>`.
        let transition = try #require(state.firstElement(named: "transition", namespace: Self.scxml))
        #expect(transition.line == 6)
        #expect(transition.attributes.allSatisfy { $0.line == 6 })
        #expect(root.firstElement(named: "final", namespace: Self.scxml)?.line == 10)
    }

    @Test func namespacedAttributes() throws {
        let root = try XMLDocument.parse(string: Self.workflow, name: "amiga.xml").root
        #expect(root.namespaceURI == Self.scxml)
        #expect(root.prefix == nil)
        #expect(root.attribute("name") == "amiga")
        #expect(root.attribute("version") == "1.0")
        #expect(root.attribute("version", namespace: Self.lotse) == "2026.1")
        let transition = try #require(root.descendantsAndSelf.first { $0.name == "transition" })
        let roles = try #require(transition.attributes.first { $0.name == "roles" })
        #expect(roles.namespaceURI == Self.lotse)
        #expect(roles.prefix == "l")
        #expect(roles.qualifiedName == "l:roles")
        #expect(roles.value == "caseworker")
        // Unprefixed attributes are in no namespace, whatever the default namespace.
        let cond = try #require(transition.attributes.first { $0.name == "cond" })
        #expect(cond.namespaceURI == nil)
        #expect(cond.prefix == nil)
        #expect(transition.attribute("roles") == nil)
    }

    @Test func namespaceDeclarationsAndScope() throws {
        let root = try XMLDocument.parse(string: Self.workflow, name: "amiga.xml").root
        #expect(root.namespaceDeclarations == [
            XMLNamespaceDeclaration(prefix: nil, uri: Self.scxml),
            XMLNamespaceDeclaration(prefix: "l", uri: Self.lotse),
        ])
        let transition = try #require(root.descendantsAndSelf.first { $0.name == "transition" })
        #expect(transition.namespaceDeclarations.isEmpty)
        #expect(transition.namespaceURI(forPrefix: "l") == Self.lotse)
        #expect(transition.namespaceURI(forPrefix: nil) == Self.scxml)
        #expect(transition.namespaceURI(forPrefix: "xml") == xmlNamespaceURI)
        #expect(transition.namespaceURI(forPrefix: "h") == nil)
    }

    @Test func undeclaringTheDefaultNamespace() throws {
        let root = try XMLDocument.parse(string: "<a xmlns='urn:x'><b xmlns=''><c/></b></a>", name: "n.xml").root
        let b = try #require(root.firstElement(named: "b", namespace: nil))
        #expect(b.namespaceURI == nil)
        #expect(b.namespaceURI(forPrefix: nil) == nil)
        #expect(b.firstElement(named: "c", namespace: nil) != nil)
    }

    @Test func textCDATAAndComments() throws {
        let root = try XMLDocument.parse(string: Self.workflow, name: "amiga.xml").root
        let final = try #require(root.firstElement(named: "final", namespace: Self.scxml))
        // CDATA and the text after it are one text node; the entity is replaced.
        #expect(final.children == [.text("a < b & more")])
        #expect(final.text == "a < b & more")
        let mixed = try XMLDocument.parse(string: "<p>one <b>two</b><!-- x --> three<?pi x?></p>", name: "m.xml").root
        #expect(mixed.text == "one  three")
        #expect(mixed.textContent == "one two three")
        #expect(mixed.elements.map(\.name) == ["b"])
        #expect(mixed.children.count == 3)
    }

    @Test func queriesMatchNamespaceExactly() throws {
        let root = try XMLDocument.parse(
            string: "<r xmlns:h='urn:h'><item/><h:item/><item/></r>", name: "q.xml").root
        #expect(root.elements(named: "item", namespace: nil).count == 2)
        #expect(root.elements(named: "item", namespace: "urn:h").count == 1)
        #expect(root.firstElement(named: "item", namespace: "urn:other") == nil)
    }

    @Test func parsesAFileAndNamesItInDiagnostics() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lotse-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.xml").path
        try Self.workflow.write(toFile: good, atomically: true, encoding: .utf8)
        let document = try XMLDocument.parse(fileAt: good)
        #expect(document.name == good)
        #expect(document.root.elements.count == 2)

        let bad = directory.appendingPathComponent("bad.xml").path
        try "<a>\n<b>\n</a>\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let error = #expect(throws: XMLError.self) { try XMLDocument.parse(fileAt: bad) }
        #expect(error?.diagnostics.first?.file == bad)

        let missing = directory.appendingPathComponent("missing.xml").path
        #expect(throws: XMLError.unreadable(file: missing, reason: "No such file or directory")) {
            try XMLDocument.parse(fileAt: missing)
        }
    }

    @Test func detectsTheEncodingOfBytes() throws {
        // "Grüße" in ISO-8859-1, as the declaration says.
        let bytes: [UInt8] = Array("<?xml version='1.0' encoding='ISO-8859-1'?><a>Gr".utf8)
            + [0xFC, 0xDF] + Array("e</a>".utf8)
        let document = try XMLDocument.parse(bytes: bytes, name: "latin1.xml")
        #expect(document.root.text == "Grüße")
    }

    @Test func treesCrossTasks() async throws {
        let documents = try await withThrowingTaskGroup(of: XMLDocument.self) { group in
            for index in 0..<16 {
                group.addTask {
                    try XMLDocument.parse(string: "<n i='\(index)'>\n<m/></n>", name: "task\(index).xml")
                }
            }
            var result: [XMLDocument] = []
            for try await document in group {
                result.append(document)
            }
            return result
        }
        #expect(documents.count == 16)
        #expect(documents.allSatisfy { $0.root.elements.first?.line == 2 })
    }
}

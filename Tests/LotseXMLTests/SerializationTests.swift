import LotseXML
import Testing

@Suite("Serialisation")
struct SerializationTests {
    /// The tree without line numbers, for comparing a re-parsed tree.
    func withoutLines(_ element: XMLElement) -> XMLElement {
        var copy = element
        copy.line = 0
        copy.attributes = element.attributes.map { var attribute = $0; attribute.line = 0; return attribute }
        copy.children = element.children.map { child in
            if case .element(let inner) = child { return .element(withoutLines(inner)) }
            return child
        }
        return copy
    }

    @Test func roundTripKeepsTheTree() throws {
        let text = """
            <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"
                    xmlns:jr="http://openrosa.org/javarosa">
              <h:head>
                <model>
                  <bind nodeset="/data/age" type="int" constraint=". &gt;= 18 and . &lt; 67"
                        jr:constraintMsg="Say &quot;18&quot; &amp; up&#10;please"/>
                  <instance><data id="plan"><age>42</age><note xml:lang="de">a &lt; b &amp; c</note></data></instance>
                </model>
              </h:head>
              <h:body><p>mixed <b>bold</b> text<![CDATA[ <raw> ]]></p></h:body>
            </h:html>
            """
        let original = try XMLDocument.parse(string: text, name: "form.xml").root
        for indent in [0, 2] {
            let written = original.serialized(indent: indent)
            let reparsed = try XMLDocument.parse(string: written, name: "written.xml").root
            if indent == 0 {
                #expect(withoutLines(reparsed) == withoutLines(original))
            }
            // Writing is stable: the written form writes itself again.
            #expect(reparsed.serialized(indent: indent) == written)
            let bind = try #require(reparsed.descendantsAndSelf.first { $0.name == "bind" })
            #expect(bind.attribute("constraint") == ". >= 18 and . < 67")
            #expect(bind.attribute("constraintMsg", namespace: "http://openrosa.org/javarosa")
                == "Say \"18\" & up\nplease")
            let note = try #require(reparsed.descendantsAndSelf.first { $0.name == "note" })
            #expect(note.text == "a < b & c")
            #expect(note.attribute("lang", namespace: xmlNamespaceURI) == "de")
            let paragraph = try #require(reparsed.descendantsAndSelf.first { $0.name == "p" })
            #expect(paragraph.textContent == "mixed bold text <raw> ")
        }
    }

    @Test func prettyPrintsABuiltInstance() {
        let forms = "urn:lotse:forms:1"
        let instance = XMLElement(
            name: "data",
            attributes: [XMLAttribute(name: "id", value: "plan"),
                         XMLAttribute(name: "access", namespaceURI: forms, prefix: "lotse", value: "medical")],
            children: [
                .element(XMLElement(name: "name", children: [.text("Ada & <Bob>")])),
                .element(XMLElement(name: "empty")),
                .element(XMLElement(name: "meta", children: [
                    .text("\n   "),
                    .element(XMLElement(name: "instanceID", children: [.text("uuid:1")])),
                ])),
                .element(XMLElement(name: "x", namespaceURI: "urn:other", attributes: [
                    XMLAttribute(name: "flag", namespaceURI: "urn:flags", value: "\"q\""),
                ])),
            ])
        let expected = """
            <data xmlns:lotse="urn:lotse:forms:1" id="plan" lotse:access="medical">
              <name>Ada &amp; &lt;Bob&gt;</name>
              <empty/>
              <meta>
                <instanceID>uuid:1</instanceID>
              </meta>
              <x xmlns="urn:other" xmlns:ns1="urn:flags" ns1:flag="&quot;q&quot;"/>
            </data>
            """
        #expect(instance.serialized(indent: 2) == expected)
        #expect(instance.serialized().hasPrefix("<data xmlns:lotse=\"urn:lotse:forms:1\" id=\"plan\""))
    }

    @Test func noNamespaceBelowADefaultNamespace() throws {
        let tree = XMLElement(name: "a", namespaceURI: "urn:x", children: [.element(XMLElement(name: "b"))])
        let written = tree.serialized()
        #expect(written == "<a xmlns=\"urn:x\"><b xmlns=\"\"/></a>")
        let reparsed = try XMLDocument.parse(string: written, name: "n.xml").root
        #expect(reparsed.elements.first?.namespaceURI == nil)
    }

    @Test func unrepresentableCharactersBecomeReplacementCharacters() throws {
        let tree = XMLElement(name: "a", attributes: [XMLAttribute(name: "v", value: "x\u{1}y\ttab")],
                              children: [.text("bell\u{7} ok\r\n")])
        let reparsed = try XMLDocument.parse(string: tree.serialized(), name: "c.xml").root
        #expect(reparsed.attribute("v") == "x\u{FFFD}y\ttab")
        #expect(reparsed.text == "bell\u{FFFD} ok\r\n")
    }

    @Test func documentHasADeclaration() throws {
        let document = try XMLDocument.parse(string: "<a><b/></a>", name: "d.xml")
        #expect(document.serialized(indent: 2) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  <b/>\n</a>\n")
    }
}

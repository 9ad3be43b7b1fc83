import Testing
import LotseForms

/// A form's title in the session's language: the itext `form_title` of that translation, else `<h:title>`.
@Suite struct FormTitleTests {
    static func form(englishTitle: Bool) throws -> FormDefinition {
        let title = englishTitle ? "<text id=\"form_title\"><value>Referral</value></text>" : ""
        let xml = """
            <?xml version="1.0"?>
            <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa">
              <h:head>
                <h:title>Zuweisung</h:title>
                <model>
                  <itext>
                    <translation lang="Deutsch (de)" default="true()">
                      <text id="/data/reason:label"><value>Anlass</value></text>
                    </translation>
                    <translation lang="English (en)">
                      \(title)
                      <text id="/data/reason:label"><value>Reason</value></text>
                    </translation>
                  </itext>
                  <instance><data id="titled" version="1"><reason/></data></instance>
                  <bind nodeset="/data/reason" type="string"/>
                </model>
              </h:head>
              <h:body>
                <input ref="/data/reason"><label ref="jr:itext('/data/reason:label')"/></input>
              </h:body>
            </h:html>
            """
        let result = FormReader.read(bytes: Array(xml.utf8), name: "titled.xml")
        return try #require(result.definition, "\(result.diagnostics)")
    }

    @Test func theEnglishTitleComesFromTheTranslation() throws {
        let form = try Self.form(englishTitle: true)
        #expect(form.title(language: "en") == "Referral")
        #expect(form.title(language: "de") == "Zuweisung")
    }

    @Test func withoutATranslatedTitleTheHeadTitleServesEveryLanguage() throws {
        let form = try Self.form(englishTitle: false)
        #expect(form.title(language: "en") == "Zuweisung")
        #expect(form.title(language: "de") == "Zuweisung")
    }
}

import LotseXML

/// The RELAX NG schema (ISO/IEC 19757-2) of Lotse's SCXML subset, and its namespaces.
///
/// The schema checks the structure of the supported elements: which element may
/// hold which, required and allowed attributes (unprefixed and `l:`), the values
/// of closed attributes. Three things pass it on purpose:
/// - attributes in any other namespace (`qt:editorversion`),
/// - elements in any other namespace, with any content (`qt:editorinfo`),
/// - SCXML elements outside the subset (`parallel`, `datamodel`, `send`, …),
///   so that the reader can refuse each one by name with its line
///   (``WorkflowDiagnostic/Code/unsupported``) instead of libxml2's
///   "did not expect element" message.
/// Elements in no namespace match nothing and are reported.
///
/// `StructureCheck` states the same rules element by element for better
/// messages; the reader runs this schema whenever those rules find nothing, so a
/// rule missing there still cannot let a wrong document through.
enum WorkflowSchema {
    /// `http://www.w3.org/2005/07/scxml`.
    static let scxmlNamespace = "http://www.w3.org/2005/07/scxml"
    /// `urn:lotse:workflow:1`, the namespace of Lotse's extension attributes.
    static let lotseNamespace = "urn:lotse:workflow:1"

    /// The elements of the subset (DESIGN §3).
    static let supportedElements: Set<String> = [
        "scxml", "state", "final", "history", "transition", "onentry", "onexit", "log",
    ]

    /// The other elements of SCXML 1.0, refused by name.
    static let unsupportedElements: Set<String> = [
        "parallel", "initial", "datamodel", "data", "assign", "donedata", "content", "param", "script",
        "send", "cancel", "invoke", "finalize", "raise", "if", "elseif", "else", "foreach",
    ]

    /// The compiled schema, made once per process.
    static let compiled: RelaxNGSchema = {
        do {
            return try RelaxNGSchema(string: text, name: "lotse-scxml.rng")
        } catch {
            fatalError("the built-in SCXML subset schema does not compile: \(error)")
        }
    }()

    /// The schema text (RELAX NG XML syntax).
    static let text = """
        <grammar xmlns="http://relaxng.org/ns/structure/1.0"
                 xmlns:l="urn:lotse:workflow:1"
                 datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"
                 ns="http://www.w3.org/2005/07/scxml">
          <start><ref name="scxml"/></start>

          <define name="scxml">
            <element name="scxml">
              <attribute name="version"><value>1.0</value></attribute>
              <optional><attribute name="name"><data type="token"/></attribute></optional>
              <optional><attribute name="initial"><data type="NCName"/></attribute></optional>
              <optional><attribute name="datamodel"><value>xpath</value></attribute></optional>
              <optional><attribute name="binding">
                <choice><value>early</value><value>late</value></choice>
              </attribute></optional>
              <optional><attribute name="l:version"><data type="token"/></attribute></optional>
              <optional><attribute name="l:observations"><ref name="names"/></attribute></optional>
              <ref name="foreign.attributes"/>
              <zeroOrMore>
                <choice>
                  <ref name="state"/>
                  <ref name="final"/>
                  <ref name="foreign.element"/>
                  <ref name="unsupported.element"/>
                </choice>
              </zeroOrMore>
            </element>
          </define>

          <define name="state">
            <element name="state">
              <attribute name="id"><data type="NCName"/></attribute>
              <optional><attribute name="initial"><data type="NCName"/></attribute></optional>
              <optional><attribute name="l:requires"><ref name="names"/></attribute></optional>
              <optional><attribute name="l:records"><ref name="names"/></attribute></optional>
              <optional><attribute name="l:due"><data type="token"/></attribute></optional>
              <optional><attribute name="l:contact-interval"/></optional>
              <ref name="labels"/>
              <ref name="foreign.attributes"/>
              <zeroOrMore>
                <choice>
                  <ref name="onentry"/>
                  <ref name="onexit"/>
                  <ref name="transition"/>
                  <ref name="state"/>
                  <ref name="final"/>
                  <ref name="history"/>
                  <ref name="foreign.element"/>
                  <ref name="unsupported.element"/>
                </choice>
              </zeroOrMore>
            </element>
          </define>

          <define name="final">
            <element name="final">
              <attribute name="id"><data type="NCName"/></attribute>
              <ref name="labels"/>
              <ref name="foreign.attributes"/>
              <zeroOrMore>
                <choice>
                  <ref name="onentry"/>
                  <ref name="onexit"/>
                  <ref name="foreign.element"/>
                  <ref name="unsupported.element"/>
                </choice>
              </zeroOrMore>
            </element>
          </define>

          <define name="history">
            <element name="history">
              <attribute name="id"><data type="NCName"/></attribute>
              <optional><attribute name="type">
                <choice><value>shallow</value><value>deep</value></choice>
              </attribute></optional>
              <ref name="labels"/>
              <ref name="foreign.attributes"/>
              <zeroOrMore>
                <choice>
                  <element name="transition">
                    <attribute name="target"><data type="NCName"/></attribute>
                    <optional><attribute name="type">
                      <choice><value>external</value><value>internal</value></choice>
                    </attribute></optional>
                    <ref name="labels"/>
                    <ref name="foreign.attributes"/>
                    <ref name="executable"/>
                  </element>
                  <ref name="foreign.element"/>
                  <ref name="unsupported.element"/>
                </choice>
              </zeroOrMore>
            </element>
          </define>

          <define name="transition">
            <element name="transition">
              <attribute name="event"><data type="token"><param name="minLength">1</param></data></attribute>
              <optional><attribute name="cond"/></optional>
              <attribute name="target"><data type="NCName"/></attribute>
              <optional><attribute name="type">
                <choice><value>external</value><value>internal</value></choice>
              </attribute></optional>
              <optional><attribute name="l:roles"><ref name="names"/></attribute></optional>
              <optional><attribute name="l:requires"><ref name="names"/></attribute></optional>
              <optional><attribute name="l:consent"><ref name="names"/></attribute></optional>
              <optional><attribute name="l:four-eyes">
                <choice><value>true</value><value>false</value></choice>
              </attribute></optional>
              <ref name="labels"/>
              <ref name="foreign.attributes"/>
              <ref name="executable"/>
            </element>
          </define>

          <define name="onentry">
            <element name="onentry">
              <ref name="foreign.attributes"/>
              <ref name="executable"/>
            </element>
          </define>

          <define name="onexit">
            <element name="onexit">
              <ref name="foreign.attributes"/>
              <ref name="executable"/>
            </element>
          </define>

          <define name="executable">
            <zeroOrMore>
              <choice>
                <element name="log">
                  <optional><attribute name="label"/></optional>
                  <optional><attribute name="expr"/></optional>
                  <ref name="foreign.attributes"/>
                  <zeroOrMore><ref name="foreign.element"/></zeroOrMore>
                </element>
                <ref name="foreign.element"/>
                <ref name="unsupported.element"/>
              </choice>
            </zeroOrMore>
          </define>

          <define name="labels">
            <optional><attribute name="l:label-de"/></optional>
            <optional><attribute name="l:label-en"/></optional>
          </define>

          <define name="names">
            <list><oneOrMore><data type="NCName"/></oneOrMore></list>
          </define>

          <define name="foreign.attributes">
            <zeroOrMore>
              <attribute>
                <anyName>
                  <except>
                    <nsName ns=""/>
                    <nsName ns="http://www.w3.org/2005/07/scxml"/>
                    <nsName ns="urn:lotse:workflow:1"/>
                  </except>
                </anyName>
              </attribute>
            </zeroOrMore>
          </define>

          <define name="foreign.element">
            <element>
              <anyName>
                <except>
                  <nsName ns=""/>
                  <nsName ns="http://www.w3.org/2005/07/scxml"/>
                  <nsName ns="urn:lotse:workflow:1"/>
                </except>
              </anyName>
              <ref name="anything"/>
            </element>
          </define>

          <define name="unsupported.element">
            <element>
              <nsName>
                <except>
                  <name>scxml</name><name>state</name><name>final</name><name>history</name>
                  <name>transition</name><name>onentry</name><name>onexit</name><name>log</name>
                </except>
              </nsName>
              <ref name="anything"/>
            </element>
          </define>

          <define name="anything">
            <zeroOrMore>
              <choice>
                <attribute><anyName/></attribute>
                <text/>
                <element><anyName/><ref name="anything"/></element>
              </choice>
            </zeroOrMore>
          </define>
        </grammar>
        """
}

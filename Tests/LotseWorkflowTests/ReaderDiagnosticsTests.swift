import LotseWorkflow
import LotseXML
import Testing

@Suite("Reader diagnostics")
struct ReaderDiagnosticsTests {
    private func diagnose(fixture: String) throws -> [String] {
        let bytes = Array(try String(contentsOfFile: Paths.fixture(fixture), encoding: .utf8).utf8)
        return TestShapes.reader.diagnose(bytes: bytes, name: fixture).diagnostics.map(\.description)
    }

    private func diagnose(_ text: String) -> [WorkflowDiagnostic] {
        TestShapes.reader.diagnose(bytes: Array(text.utf8), name: "t.scxml").diagnostics
    }

    @Test func reportsEveryKindOfErrorAtOnceWithFileLineAndColumn() throws {
        #expect(try diagnose(fixture: "broken.scxml") == [
            "broken.scxml:5:35: error: l:requires names 'nosuchform', which is not a loaded form [WF_FORM]",
            "broken.scxml:6:36: error: target 'middel' does not exist; did you mean 'middle'? [WF_TARGET]",
            "broken.scxml:7:37: error: cond: unknown function 'frobnicate' [WF_COND]",
            "broken.scxml:8:44: error: cond: path /case/f/nothing does not exist in the document [WF_COND]",
            "broken.scxml:10:29: error: l:due 'four weeks' is not an ISO 8601 duration of years, months, weeks "
                + "and days (e.g. P4W, P12M) [WF_DUE]",
            "broken.scxml:11:5: error: <parallel> is not supported by Lotse's SCXML subset (supported: scxml, "
                + "state, final, history, transition, onentry, onexit, log) [WF_UNSUPPORTED]",
            "broken.scxml:12:66: error: unknown role 'wizard' in l:roles (known: caseworker, medical, supervisor, "
                + "evaluator, admin) [WF_ROLE]",
            "broken.scxml:14:3: error: state 'island' cannot be reached from the initial state 'start' [WF_UNREACHABLE]",
            "broken.scxml:17:14: error: duplicate id 'middle' (first used on line 10) [WF_DUPLICATE_ID]",
            "broken.scxml:21:3: error: <finale> is not an SCXML element [WF_UNSUPPORTED]",
        ])
    }

    @Test func reportsEveryStructureProblemByItself() throws {
        #expect(try diagnose(fixture: "schema-errors.scxml") == [
            "schema-errors.scxml:3:19: error: attribute 'colour' is not allowed on <state> [WF_SCHEMA]",
            "schema-errors.scxml:4:62: error: 'maybe' is not a value of 'l:four-eyes' (allowed: 'false', 'true') [WF_SCHEMA]",
            "schema-errors.scxml:5:14: error: <send> is not supported by Lotse's SCXML subset (supported: scxml, "
                + "state, final, history, transition, onentry, onexit, log) [WF_UNSUPPORTED]",
            "schema-errors.scxml:7:3: error: <transition> is not allowed inside <scxml> (allowed: <final>, <state>) [WF_SCHEMA]",
            "schema-errors.scxml:8:19: error: attribute 'l:unknown' is not a Lotse attribute of <state> [WF_SCHEMA]",
            "schema-errors.scxml:9:5: error: <transition> needs the attribute 'event' [WF_SCHEMA]",
            "schema-errors.scxml:10:27: error: deep history is not supported; use type=\"shallow\" [WF_UNSUPPORTED]",
        ])
    }

    @Test func theRelaxNGSchemaAgreesWithTheStructureRules() throws {
        let schema = try RelaxNGSchema(string: WorkflowReader.relaxNGSchema, name: "lotse-scxml.rng")
        for file in ["schema-errors.scxml"] {
            #expect(!schema.accepts(try XMLDocument.parse(fileAt: Paths.fixture(file))))
        }
        for file in ["qt-editor.scxml", "broken.scxml"] {
            #expect(schema.accepts(try XMLDocument.parse(fileAt: Paths.fixture(file))))
        }
        for file in ["amiga.scxml", "comparison.scxml"] {
            #expect(schema.accepts(try XMLDocument.parse(fileAt: Paths.workflow(file))))
        }
    }

    @Test func ignoresQtCreatorEditorInfo() throws {
        let definition = try TestShapes.reader.read(fileAt: Paths.fixture("qt-editor.scxml"))
        #expect(definition.warnings.isEmpty)
        #expect(definition.states.map(\.id) == ["intake", "done"])
        #expect(definition.state(id: "intake")?.transitions.first?.target == "done")
        #expect(definition.name == "qtmade")
    }

    @Test func malformedXMLIsReportedWithItsLine() {
        let found = diagnose("<scxml xmlns=\"http://www.w3.org/2005/07/scxml\" version=\"1.0\">\n  <state id=\"a\">\n</scxml>")
        #expect(found.first?.code == .xml)
        #expect(found.first?.line == 3)
        #expect(found.allSatisfy { $0.severity == .error })
    }

    @Test func theRootMustBeSCXMLInItsNamespace() {
        let found = diagnose("<scxml version=\"1.0\"><state id=\"a\"/></scxml>")
        #expect(found.map(\.description) == [
            "t.scxml:1:1: error: the root element must be <scxml> in the namespace "
                + "http://www.w3.org/2005/07/scxml [WF_SCHEMA]",
        ])
    }

    @Test func aCondProblemPointsIntoTheAttributeValueAcrossEntities() {
        let text = TestShapes.scxml("""
          <state id="a">
            <transition event="go" cond="/case/f/x = &apos;1&apos; and nope()" target="b" l:roles="caseworker"/>
          </state>
          <final id="b"/>
        """)
        // Line 3: the value starts at column 34, each &apos; takes 6 columns for 1 character.
        #expect(diagnose(text).map(\.description) == ["t.scxml:3:64: error: cond: unknown function 'nope' [WF_COND]"])
    }

    @Test func aStateThatCannotReachAFinalIsReported() {
        let text = TestShapes.scxml("""
          <state id="a">
            <transition event="go" target="loop" l:roles="caseworker"/>
            <transition event="end" target="z" l:roles="caseworker"/>
          </state>
          <state id="loop">
            <transition event="again" target="loop" l:roles="caseworker"/>
          </state>
          <final id="z"/>
        """)
        #expect(diagnose(text).map(\.description) == [
            "t.scxml:6:3: error: no final state can be reached from 'loop' [WF_NO_FINAL]",
        ])
    }

    @Test func recordsMustNameRepeatableFormsAndRolesShouldBeGiven() {
        let text = TestShapes.scxml("""
          <state id="a" l:records="r1 a">
            <transition event="go" target="z"/>
          </state>
          <final id="z"/>
        """)
        #expect(diagnose(text).map(\.description) == [
            "t.scxml:2:31: error: l:records names 'a', which is not a repeatable form [WF_FORM]",
            "t.scxml:3:5: warning: transition has no l:roles, so every role may fire it [WF_ROLE]",
        ])
    }

    @Test func warningsDoNotStopTheReader() throws {
        let definition = try TestShapes.load(TestShapes.scxml("""
          <state id="a"><transition event="go" target="z"/></state>
          <final id="z"/>
        """))
        #expect(definition.warnings.map(\.code) == [.role])
    }

    @Test func historyDefaultsAndInitialStatesMustStayInside() {
        let text = TestShapes.scxml("""
          <state id="a" initial="z">
            <history id="h"><transition target="z"/></history>
            <state id="a1"><transition event="go" target="z" l:roles="caseworker"/></state>
          </state>
          <final id="z"/>
        """, initial: "nowhere")
        #expect(diagnose(text).map(\.description) == [
            "t.scxml:1:114: error: initial state 'nowhere' does not exist [WF_TARGET]",
            "t.scxml:2:26: error: initial state 'z' of 'a' is not one of its descendant states [WF_TARGET]",
            "t.scxml:3:41: error: the default transition of history 'h' must target a state inside 'a' "
                + "that is not a history [WF_TARGET]",
        ])
    }

    @Test func malformedEventDescriptorsAreReported() {
        let text = TestShapes.scxml("""
          <state id="a"><transition event="go..now ok" target="z" l:roles="caseworker"/></state>
          <final id="z"/>
        """)
        #expect(diagnose(text).map(\.code) == [.event])
    }

    @Test func anUnreadableFileIsAnError() {
        #expect(throws: WorkflowError.self) { try TestShapes.reader.read(fileAt: "/nonexistent/x.scxml") }
        do {
            _ = try TestShapes.reader.read(fileAt: "/nonexistent/x.scxml")
        } catch {
            #expect(error.diagnostics.first?.code == .io)
        }
    }

    @Test func anInvalidDefinitionThrowsEveryDiagnostic() {
        do {
            _ = try TestShapes.reader.read(fileAt: Paths.fixture("broken.scxml"))
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 10)
            #expect(error.description.hasPrefix(Paths.fixture("broken.scxml") + ":5:35: error:"))
        }
    }
}

@Suite("Reader robustness")
struct ReaderRobustnessTests {
    @Test(arguments: [
        "<history id=\"h\"/><state id=\"a\"><transition event=\"e\" target=\"h\" l:roles=\"admin\"/></state><final id=\"z\"/>",
        "<state id=\"a\"><history id=\"h\"><transition target=\"h\"/></history></state>",
        "<state id=\"a\" initial=\"a\"><state id=\"b\"/></state><final id=\"z\"/>",
        "<state><state id=\"b\"/></state><final/>",
        "<state id=\"a\"><transition event=\"e\" target=\"a b\" l:roles=\"admin\"/></state><final id=\"a\"/>",
        "<final id=\"z\"/><state id=\"a\"><history id=\"h\"/><transition event=\"e\" target=\"h\"/></state>",
        "<state id=\"a\"><state id=\"a\"><transition event=\"e\" target=\"a\" cond=\"((\"/></state></state>",
        "<parallel id=\"p\"><state id=\"a\"/></parallel><state id=\"b\"><transition event=\"e\" target=\"a\"/></state>",
        "",
    ])
    func oddDocumentsAreDiagnosedWithoutCrashing(body: String) {
        let (definition, diagnostics) = TestShapes.reader.diagnose(bytes: Array(TestShapes.scxml(body).utf8), name: "odd")
        #expect(definition == nil)
        #expect(diagnostics.contains { $0.severity == .error })
    }
}

extension ReaderRobustnessTests {
    @Test func aHistoryNeedsAStateWithChildStates() {
        let text = TestShapes.scxml("""
          <state id="a"><history id="h"/><transition event="e" target="z" l:roles="admin"/></state>
          <final id="z"/>
        """)
        #expect(TestShapes.reader.diagnose(bytes: Array(text.utf8), name: "t").diagnostics.map(\.description)
                == ["t:2:17: error: history 'h' must be the child of a state with child states [WF_SCHEMA]"])
    }
}

import LotseWorkflow
import LotseXPath
import Testing

/// `l:consent`: a transition needs the purposes its case's consent covers; unknown purposes are
/// reported at load time.
@Suite("Consent purposes")
struct ConsentTests {
    static let text = TestShapes.scxml("""
          <state id="start">
            <transition event="assess" target="done" l:consent="team_diagnostics exchange_physician"/>
          </state>
          <final id="done"/>
        """)

    @Test func aTransitionNeedsEveryPurposeItNames() throws {
        let interpreter = WorkflowInterpreter(definition: try TestShapes.load(Self.text))
        var ctx = context()
        ctx.consentedPurposes = ["team_diagnostics"]
        ctx.consentState = .covers(date: "2026-11-03", purposes: ["team_diagnostics"])
        let outcome = interpreter.fire(event: "assess", configuration: Configuration(state: "start"), context: ctx)
        let refusal = try #require(outcome.refusal)
        #expect(refusal.code == "WF_CONSENT_MISSING")
        #expect(refusal.message == "'assess' in state 'start' needs consent for the purpose exchange_physician: "
            + "the consent of 2026-11-03 covers only team_diagnostics")
        ctx.consentedPurposes = ["team_diagnostics", "exchange_physician", "evaluation"]
        #expect(interpreter.fire(event: "assess", configuration: Configuration(state: "start"), context: ctx).move != nil)
        // A revoked consent covers nothing.
        ctx.consentedPurposes = []
        ctx.consentState = .revoked(on: "2026-11-20")
        let revoked = try #require(interpreter.fire(event: "assess", configuration: Configuration(state: "start"),
                                                    context: ctx).refusal)
        #expect(revoked.message.hasSuffix("purposes team_diagnostics, exchange_physician: the consent was revoked on 2026-11-20"))
    }

    @Test func unknownPurposesAreReportedWithTheirPlace() throws {
        var reader = TestShapes.reader
        reader.consentPurposes = ["team_diagnostics", "evaluation"]
        let result = reader.diagnose(bytes: Array(Self.text.utf8), name: "c.scxml")
        let problem = try #require(result.diagnostics.first { $0.code == .consent })
        #expect(problem.description.contains("c.scxml:3:"))
        #expect(problem.description.contains("l:consent names 'exchange_physician', which is not a purpose of the consent form"))
    }
}

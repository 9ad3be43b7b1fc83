import LotseWorkflow
import LotseXPath
import Testing

@Suite("Refusals")
struct RefusalTests {
    static let text = TestShapes.scxml("""
      <state id="review">
        <transition event="decide" cond="/case/f/x = 'yes'" target="signoff" l:roles="caseworker supervisor"/>
        <transition event="decide" cond="/case/f/x = 'no'" target="z" l:roles="caseworker supervisor"/>
        <transition event="escalate" cond="/case/g/z &gt; 3" target="signoff" l:roles="supervisor"/>
        <transition event="broken" cond="date('not a date') &gt; 1" target="z" l:roles="caseworker"/>
      </state>
      <state id="signoff">
        <transition event="confirm" target="z" l:roles="supervisor" l:four-eyes="true" l:requires="c"/>
      </state>
      <final id="z"/>
    """)

    let interpreter: WorkflowInterpreter

    init() throws {
        interpreter = WorkflowInterpreter(definition: try TestShapes.load(Self.text))
    }

    private func refusal(_ event: String, in state: String, _ context: FireContext) throws -> Refusal {
        try #require(interpreter.fire(event: event, configuration: Configuration(state: state), context: context).refusal)
    }

    @Test func noSuchEventListsTheEventsHere() throws {
        let refused = try refusal("fly", in: "review", context())
        #expect(refused.reason == .noSuchEvent(available: ["decide", "escalate", "broken"]))
        #expect(refused.code == "WF_NO_EVENT")
        #expect(refused.message == "no transition for 'fly' in state 'review'; events here: decide, escalate, broken")
    }

    @Test func conditionFalseReportsEveryCandidateWithTheValuesItRead() throws {
        let refused = try refusal("decide", in: "review", context(document: CaseDocuments.make(forms: ["f": ["x": "maybe"]])))
        #expect(refused.code == "WF_COND_FALSE")
        #expect(refused.message == "'decide' cannot be taken in state 'review': no condition holds: "
                + "[/case/f/x = 'yes'] is false (/case/f/x = \"maybe\"); [/case/f/x = 'no'] is false (/case/f/x = \"maybe\")")
        let absent = try refusal("decide", in: "review", context())
        #expect(absent.message.hasSuffix("[/case/f/x = 'no'] is false (/case/f/x absent)"))
    }

    @Test func anEvaluationErrorCountsAsFalseAndIsReported() throws {
        let refused = try refusal("broken", in: "review", context())
        guard case .conditionFalse(let checks) = refused.reason else {
            Issue.record("expected a condition refusal, got \(refused)")
            return
        }
        #expect(checks.count == 1)
        #expect(checks[0].error != nil)
        #expect(refused.message.hasPrefix("'broken' cannot be taken in state 'review': no condition holds: "
                                          + "[date('not a date') > 1] could not be evaluated: "))
    }

    @Test func aTrueConditionWithTheWrongRoleIsARoleRefusal() throws {
        let document = CaseDocuments.make(forms: ["g": ["z": "5"]])
        let refused = try refusal("escalate", in: "review", context(document: document))
        #expect(refused.reason == .roleNotAllowed(role: .caseworker, allowed: [.supervisor]))
        #expect(refused.code == "WF_ROLE_DENIED")
        #expect(refused.message == "role 'caseworker' may not fire 'escalate' in state 'review' (allowed: supervisor)")
    }

    @Test func aRoleNoCandidateAllowsIsARoleRefusalEvenWhenCondsAreFalse() throws {
        let refused = try refusal("decide", in: "review", context(.medical))
        #expect(refused.message == "role 'medical' may not fire 'decide' in state 'review' (allowed: caseworker, supervisor)")
    }

    @Test func fourEyesComesBeforeMissingForms() throws {
        let refused = try refusal("confirm", in: "signoff", context(.supervisor, user: 7, forms: [], enteredBy: 7))
        #expect(refused.reason == .fourEyes(enteredBy: 7))
        #expect(refused.code == "WF_FOUR_EYES")
        #expect(refused.message == "four-eyes rule: 'confirm' in state 'signoff' must be fired by someone other "
                + "than user 7, who fired the transition into this state")
    }

    @Test func missingFormsNameWhoNeedsThem() throws {
        let refused = try refusal("confirm", in: "signoff", context(.supervisor, user: 8, forms: [], enteredBy: 7))
        #expect(refused.reason == .formMissing([MissingForm(form: "c", requiredBy: .transition)]))
        #expect(refused.code == "WF_FORM_MISSING")
        #expect(refused.message == "'confirm' in state 'signoff' needs a current valid submission of: c (for this transition)")

        let leaving = WorkflowInterpreter(definition: try TestShapes.reader.read(fileAt: Paths.fixture("interpreter.scxml")))
        let refusedToLeave = try #require(leaving.fire(event: "go", configuration: Configuration(state: "w1"),
                                                       context: context(forms: [])).refusal)
        #expect(refusedToLeave.message == "'go' in state 'w1' needs a current valid submission of: a (to leave 'w1')")
    }

    @Test func anotherUserPassesTheFourEyesRule() throws {
        let move = interpreter.fire(event: "confirm", configuration: Configuration(state: "signoff"),
                                    context: context(.supervisor, user: 8, forms: ["c"], enteredBy: 7)).move
        #expect(move?.to == "z")
        #expect(move?.closes == true)
        // Unknown entering user (the case was opened in this state): no conflict.
        #expect(interpreter.fire(event: "confirm", configuration: Configuration(state: "signoff"),
                                 context: context(.supervisor, user: 7, forms: ["c"])).move != nil)
    }

    @Test func aClosedCaseRefusesEverything() throws {
        let refused = try refusal("decide", in: "z", context())
        #expect(refused.reason == .closed)
        #expect(refused.message == "the case is closed (state 'z'); no event can be fired")
    }

    @Test func anUnknownStateIsRefused() throws {
        let refused = try refusal("decide", in: "vanished", context())
        #expect(refused.code == "WF_UNKNOWN_STATE")
        #expect(refused.message == "the case is in state 'vanished', which workflow test does not have")
    }
}

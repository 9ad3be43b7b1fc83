import LotseWorkflow
import LotseXPath
import Testing

/// The participant workflow walked as a case would go through it.
@Suite("AmigA workflow")
struct AmigaWalkTests {
    let interpreter: WorkflowInterpreter

    init() throws {
        interpreter = WorkflowInterpreter(definition: try RealForms.reader.read(fileAt: Paths.workflow("amiga.scxml")))
    }

    private struct Case {
        var configuration: Configuration
        var forms: [String: [String: String]] = [:]
        var submitted: Set<String> = []
        var enteredBy: Int? = nil
    }

    @discardableResult
    private func fire(_ event: String, on current: inout Case, role: WorkflowRole = .caseworker, user: Int = 1,
                      sourceLocation: SourceLocation = #_sourceLocation) -> FireOutcome {
        let document = CaseDocuments.make(state: current.configuration.state, forms: current.forms)
        let context = FireContext(role: role, userID: user, caseDocument: document,
                                  submittedForms: current.submitted, enteredBy: current.enteredBy)
        let outcome = interpreter.fire(event: event, configuration: current.configuration, context: context)
        if let move = outcome.move {
            current.configuration = move.configuration
            current.enteredBy = user
        }
        return outcome
    }

    @Test func aParticipantFromReferralToClosure() throws {
        var current = Case(configuration: interpreter.start())
        #expect(current.configuration.state == "referred")
        #expect(fire("request_consent", on: &current).refusal?.code == "WF_FORM_MISSING")
        current.submitted = ["referral", "consent", "profiling", "medical_findings", "medical_statement",
                             "case_conference", "plan", "placement", "follow_up", "closure"]
        fire("request_consent", on: &current)
        current.forms["consent"] = ["given": "yes"]
        fire("consent_given", on: &current)
        fire("order_assessment", on: &current)
        #expect(current.configuration.state == "health_assessment")
        #expect(fire("submit_statement", on: &current).refusal?.code == "WF_ROLE_DENIED")
        fire("submit_statement", on: &current, role: .medical, user: 9)
        current.forms["medical_statement"] = ["capacity": "LT3"]
        let refused = fire("plan_directly", on: &current).refusal
        #expect(refused?.message == "'plan_directly' cannot be taken in state 'case_conference': no condition holds: "
                + "[/case/medical_statement/capacity = 'GE6' or /case/medical_statement/capacity = 'H3_6'] is false "
                + "(/case/medical_statement/capacity = \"LT3\")")
        current.forms["medical_statement"] = ["capacity": "H3_6"]
        let planned = try #require(fire("plan_directly", on: &current).move)
        #expect(planned.values == [GuardValue(path: "/case/medical_statement/capacity", value: "H3_6")])
        fire("agree_plan", on: &current)
        #expect(current.configuration.state == "integration_steps")
        #expect(interpreter.records(in: current.configuration) == ["contact", "step"])
        #expect(interpreter.contactInterval(in: current.configuration)?.expression.source
                == "/case/plan/contact_interval_days")

        let suspended = try #require(fire("suspend", on: &current, role: .medical, user: 9).move)
        #expect(suspended.to == "suspended")
        #expect(current.configuration.history == ["active": "integration_steps"])
        let resumed = try #require(fire("resume", on: &current).move)
        #expect(resumed.entered == ["active", "integration_steps"])

        fire("record_placement", on: &current)
        fire("start_follow_up", on: &current)
        #expect(interpreter.records(in: current.configuration) == ["follow_up"])
        let closed = try #require(fire("complete", on: &current).move)
        #expect(closed.closes)
        #expect(closed.exited == ["follow_up", "active"])
    }

    @Test func theCapacityBranchNeedsFourEyesAndEndsInTransfer() throws {
        var current = Case(configuration: Configuration(state: "capacity_review"))
        current.submitted = ["capacity", "interface", "objection", "transfer"]
        current.forms["capacity"] = ["erwerbsfaehig": "no"]
        let decided = try #require(fire("decide", on: &current, user: 1).move)
        #expect(decided.to == "capacity_signoff")
        #expect(fire("confirm", on: &current, role: .caseworker, user: 2).refusal?.code == "WF_ROLE_DENIED")
        current.enteredBy = 5
        #expect(fire("confirm", on: &current, role: .supervisor, user: 5).refusal?.code == "WF_FOUR_EYES")
        fire("confirm", on: &current, role: .supervisor, user: 6)
        #expect(current.configuration.state == "interface_review")
        current.forms["interface"] = ["objection_received": "yes"]
        fire("objection", on: &current)
        current.forms["objection"] = ["drv_result": "not_erwerbsfaehig"]
        current.submitted.remove("transfer")
        #expect(fire("drv_opinion", on: &current).refusal?.message
                == "'drv_opinion' in state 'objection_pending' needs a current valid submission of: transfer (for this transition)")
        current.submitted.insert("transfer")
        let transferred = try #require(fire("drv_opinion", on: &current).move)
        #expect(transferred.to == "transferred")
        #expect(transferred.closes)
    }

    @Test func suspensionFromAnyWorkingStateAndClosingFromSuspension() throws {
        var current = Case(configuration: Configuration(state: "health_assessment"))
        // Leaving through `active`'s transitions does not need the working state's forms.
        fire("suspend", on: &current)
        #expect(current.configuration.state == "suspended")
        #expect(fire("move_away", on: &current).refusal?.code == "WF_FORM_MISSING")
        current.submitted = ["closure"]
        #expect(fire("move_away", on: &current).move?.closes == true)
    }

    @Test func everyStateAndTransitionHasBothLabels() {
        let definition = interpreter.definition
        for state in definition.states where state.kind != .history {
            #expect(state.labels.de != nil && state.labels.en != nil, "state \(state.id)")
        }
        for transition in definition.transitions where !transition.events.isEmpty {
            #expect(transition.labels.de != nil && transition.labels.en != nil, "transition \(transition.event)")
        }
    }

    @Test func dueTimesAreThoseOfTheDomainModel() {
        let definition = interpreter.definition
        #expect(definition.due(for: "consent_pending")?.description == "P4W")
        #expect(definition.due(for: "health_assessment")?.description == "P8W")
        #expect(definition.due(for: "integration_planning")?.description == "P4W")
        #expect(definition.due(for: "follow_up")?.description == "P12M")
        #expect(definition.due(for: "capacity_review")?.description == "P6W")
    }

    @Test func everyTransitionIntoAFinalRequiresItsForm() {
        for transition in interpreter.definition.transitions {
            if transition.target == "closed" { #expect(transition.requires.contains("closure"), "\(transition.event)") }
            if transition.target == "transferred" { #expect(transition.requires.contains("transfer"), "\(transition.event)") }
        }
    }
}

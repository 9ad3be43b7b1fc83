import LotseWorkflow
import Testing

/// Four-eyes over the whole decision (issue 9): suspend/resume does not reset it, and the author
/// of the form the decision read may not confirm it.
@Suite struct FourEyesTests {
    let interpreter: WorkflowInterpreter = {
        let bytes = Array(try! String(contentsOfFile: Paths.workflow("amiga.scxml"), encoding: .utf8).utf8)
        return WorkflowInterpreter(definition: RealForms.reader.diagnose(bytes: bytes, name: "amiga.scxml").0!)
    }()

    func step(_ event: String, _ from: String, _ to: String, _ user: Int, _ at: Int) -> CaseHistory.Step {
        CaseHistory.Step(event: event, from: from, to: to, userID: user, at: "2026-11-0\(at)")
    }

    @Test func suspendAndResumeKeepTheDecision() {
        let history = CaseHistory(steps: [
            step("refer_to_review", "case_conference", "capacity_review", 1, 1),
            step("decide", "capacity_review", "capacity_signoff", 3, 2),
            step("suspend", "capacity_signoff", "suspended", 3, 3),
            step("resume", "suspended", "capacity_signoff", 1, 4),
        ], submissions: [CaseHistory.Submission(form: "capacity", userID: 4, at: "2026-11-01")])
        let conflicts = interpreter.fourEyesConflicts(state: "capacity_signoff", history: history)
        #expect(conflicts[3] == [.fired(event: "decide"), .fired(event: "suspend")])
        #expect(conflicts[1] == [.fired(event: "resume")])
        #expect(conflicts[4] == [.authored(form: "capacity")])
        #expect(conflicts[5] == nil)
    }

    @Test func aNewDecisionAfterASendBackStartsAfresh() {
        let history = CaseHistory(steps: [
            step("decide", "capacity_review", "capacity_signoff", 3, 1),
            step("reject", "capacity_signoff", "capacity_review", 5, 2),
            step("decide", "capacity_review", "capacity_signoff", 6, 4),
        ], submissions: [
            CaseHistory.Submission(form: "capacity", userID: 4, at: "2026-11-01"),
            CaseHistory.Submission(form: "capacity", userID: 7, at: "2026-11-03"),
        ])
        let conflicts = interpreter.fourEyesConflicts(state: "capacity_signoff", history: history)
        // The first decider and the first assessment's author took no part in this decision.
        #expect(conflicts[3] == nil)
        #expect(conflicts[4] == nil)
        #expect(conflicts[6] == [.fired(event: "decide")])
        #expect(conflicts[7] == [.authored(form: "capacity")])
    }
}

import LotseWorkflow
import LotseXPath
import Testing

/// Context for a test fire.
func context(_ role: WorkflowRole = .caseworker, user: Int = 1, forms: Set<String> = ["a", "b"],
             enteredBy: Int? = nil, document: XPathTreeNode = CaseDocuments.make()) -> FireContext {
    FireContext(role: role, userID: user, caseDocument: document, submittedForms: forms, enteredBy: enteredBy)
}

@Suite("Interpreter")
struct InterpreterTests {
    let interpreter: WorkflowInterpreter

    init() throws {
        interpreter = WorkflowInterpreter(definition: try TestShapes.reader.read(fileAt: Paths.fixture("interpreter.scxml")))
    }

    private func fire(_ event: String, in state: String, history: [String: String] = [:],
                      _ context: FireContext = context()) -> FireOutcome {
        interpreter.fire(event: event, configuration: Configuration(state: state, history: history), context: context)
    }

    @Test func startEntersTheInitialChildOfACompoundState() {
        #expect(interpreter.start() == Configuration(state: "w1"))
    }

    @Test func descendantsComeBeforeAncestors() throws {
        let move = try #require(fire("go", in: "w1").move)
        #expect(move.to == "w2")
        #expect(move.transition.source == "w1")
        #expect(move.exited == ["w1"])
        #expect(move.entered == ["w2"])
        #expect(!move.closes)
    }

    @Test func anAncestorsTransitionAppliesInEveryChild() throws {
        let move = try #require(fire("go", in: "w2").move)
        #expect(move.transition.source == "work")
        #expect(move.to == "done")
        #expect(move.exited == ["w2", "work"])
        #expect(move.entered == ["done"])
        #expect(move.closes)
    }

    @Test func theFirstTransitionInDocumentOrderWhoseCondHoldsIsTaken() throws {
        let one = CaseDocuments.make(forms: ["f": ["x": "1"]])
        let first = try #require(fire("step", in: "w1", context(document: one)).move)
        #expect(first.to == "w2")
        #expect(first.values == [GuardValue(path: "/case/f/x", value: "1")])
        #expect(first.transition.condSource == "/case/f/x = '1'")

        let zero = CaseDocuments.make(forms: ["f": ["x": "0"]])
        let second = try #require(fire("step", in: "w1", context(document: zero)).move)
        #expect(second.to == "w3")
        #expect(second.values == [])
    }

    @Test func enteringACompoundStateEntersItsInitialChild() throws {
        let move = try #require(fire("deeper", in: "w2").move)
        #expect(move.entered == ["nest", "n2"])
        #expect(move.to == "n2")
    }

    @Test func shallowHistoryReturnsToTheExactChild() throws {
        let paused = try #require(fire("pause", in: "w3").move)
        #expect(paused.configuration == Configuration(state: "paused", history: ["work": "w3"]))
        #expect(paused.exited == ["w3", "work"])
        let resumed = try #require(interpreter.fire(event: "resume", configuration: paused.configuration,
                                                    context: context()).move)
        #expect(resumed.entered == ["work", "w3"])
        #expect(resumed.to == "w3")
    }

    @Test func shallowHistoryEntersARememberedCompoundChildByItsDefault() throws {
        let inN1 = Configuration(state: "n1")
        let paused = try #require(interpreter.fire(event: "pause", configuration: inN1, context: context()).move)
        #expect(paused.configuration.history == ["work": "nest"])
        let resumed = try #require(interpreter.fire(event: "resume", configuration: paused.configuration,
                                                    context: context()).move)
        #expect(resumed.entered == ["work", "nest", "n2"])
    }

    @Test func historyNeverVisitedEntersTheParentsInitial() throws {
        let move = try #require(fire("resume", in: "paused").move)
        #expect(move.entered == ["work", "w1"])
        // A memory that does not fit the definition (a stored configuration of another version) is ignored.
        #expect(fire("resume", in: "paused", history: ["work": "gone"]).move?.to == "w1")
    }

    @Test func eventsMatchDescriptorsAtADotBoundary() throws {
        #expect(fire("review.plan", in: "w1").move?.to == "w3")
        #expect(fire("review", in: "w1").move?.to == "w3")
        #expect(fire("reviewing", in: "w1").refusal?.code == "WF_NO_EVENT")
    }

    @Test func aStarDescriptorMatchesAnyEvent() throws {
        #expect(fire("anything.at.all", in: "w2", context(.supervisor)).move?.to == "w1")
        // For a caseworker only the supervisor's `*` matches: a role refusal.
        #expect(fire("anything", in: "w2").refusal?.reason == .roleNotAllowed(role: .caseworker, allowed: [.supervisor]))
    }

    @Test func anInterruptionDoesNotNeedTheWorkingStatesForms() throws {
        // w1 requires form `a` before it is left by its own transitions, not by `pause` on `work`.
        #expect(fire("pause", in: "w1", context(forms: [])).move?.to == "paused")
        #expect(fire("go", in: "w1", context(forms: [])).refusal?.code == "WF_FORM_MISSING")
    }

    @Test func internalAndExternalTransitionsOfACompoundState() throws {
        let inside = try #require(fire("restart", in: "w3").move)
        #expect(inside.exited == ["w3"])
        #expect(inside.entered == ["w1"])
        let external = try #require(fire("reset", in: "w3").move)
        #expect(external.exited == ["w3", "work"])
        #expect(external.entered == ["work", "w1"])
        #expect(external.configuration.history == ["work": "w3"])
    }

    @Test func logsRunInExitTransitionEntryOrder() throws {
        let move = try #require(fire("go", in: "w1").move)
        #expect(move.logs.map(\.label) == ["leaving w1", "going", "in w2"])
        #expect(move.logs[1].expr == "'w1 to w2'")
    }

    @Test func availableEventsFollowCandidateOrderAndRoles() {
        let here = Configuration(state: "w1")
        #expect(interpreter.availableEvents(configuration: here, role: .caseworker)
                == ["go", "step", "pause", "review", "restart", "reset"])
        #expect(interpreter.availableEvents(configuration: here, role: .medical) == ["pause"])
        #expect(interpreter.availableEvents(configuration: Configuration(state: "w2"), role: .supervisor) == [])
        #expect(interpreter.availableEvents(configuration: Configuration(state: "done"), role: nil) == [])
    }

    @Test func enabledEventsAreThoseThatWouldSucceed() {
        let here = Configuration(state: "w3")
        #expect(interpreter.enabledEvents(configuration: here, context: context(forms: [])) ==
                ["go", "pause", "review", "restart", "reset"])
        #expect(interpreter.enabledEvents(configuration: here, context: context()).first == "finish")
    }

    @Test func recordsDueLabelsAndPathsAnswerFromTheDefinition() {
        let definition = interpreter.definition
        #expect(interpreter.records(in: Configuration(state: "w3")) == ["r2", "r1"])
        #expect(interpreter.records(in: Configuration(state: "paused")) == [])
        #expect(interpreter.contactInterval(in: Configuration(state: "n1"))?.expression.source == "/case/f/y")
        #expect(definition.due(for: "w1")?.description == "P2W")
        #expect(definition.due(for: "w2") == nil)
        #expect(definition.label(of: "work", .de) == "Arbeit")
        #expect(definition.label(of: "w1", .en) == "w1")
        #expect(definition.path(to: "n1") == ["work", "nest", "n1"])
        #expect(definition.state(id: "nest")?.kind == .compound)
        #expect(definition.state(id: "work_h")?.kind == .history)
        #expect(definition.version == "1")
        #expect(interpreter.isClosed(Configuration(state: "done")))
        #expect(interpreter.activeStates(Configuration(state: "n2")) == ["n2", "nest", "work"])
    }
}

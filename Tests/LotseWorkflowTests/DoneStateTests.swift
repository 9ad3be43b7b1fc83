import LotseWorkflow
import LotseXPath
import Testing

/// SCXML §3.7.1: entering a compound state's <final> child raises done.state.ID, processed
/// (in document order, from the leaf outwards) before the next external event.
@Suite("done.state events")
struct DoneStateTests {
    static let text = TestShapes.scxml("""
        <state id="p" initial="a">
          <state id="a">
            <transition event="finish" target="pdone"><log label="finishing" expr="/case/f/x"/></transition>
          </state>
          <final id="pdone"><onentry><log label="p finished"/></onentry></final>
          <transition event="done.state.p" cond="/case/f/x = 'skip'" target="skipped"/>
          <transition event="done.state.p" target="q"><log label="after p"/></transition>
        </state>
        <state id="q" initial="q1">
          <state id="q1"><transition event="finish" target="qdone"/></state>
          <final id="qdone"/>
          <transition event="done.state.q" target="outer_done"/>
        </state>
        <state id="skipped"><transition event="finish" target="end"/><transition event="wait" target="stuck"/></state>
        <state id="outer" initial="inner">
          <state id="inner" initial="i1">
            <state id="i1"><transition event="finish" target="idone"/></state>
            <final id="idone"/>
            <transition event="done.state.inner" target="odone"/>
          </state>
          <final id="odone"/>
          <transition event="done.state.outer" target="end"/>
        </state>
        <state id="outer_done"><transition event="again" target="outer"/></state>
        <state id="stuck" initial="s1">
          <state id="s1"><transition event="finish" target="sdone"/></state>
          <final id="sdone"/>
          <transition event="done.state.stuck" cond="/case/f/x = 'never'" target="end"/>
          <transition event="leave" target="end"/>
        </state>
        <final id="end"/>
        """, initial: "p")

    let interpreter: WorkflowInterpreter

    init() throws { interpreter = WorkflowInterpreter(definition: try TestShapes.load(Self.text)) }

    func fire(_ event: String, in state: String, x: String = "1") -> FireOutcome {
        interpreter.fire(event: event, configuration: Configuration(state: state),
                         context: context(document: CaseDocuments.make(forms: ["f": ["x": x]])))
    }

    @Test func enteringTheFinalChildTakesTheDoneTransition() throws {
        let move = try #require(fire("finish", in: "a").move)
        #expect(move.to == "q1")
        #expect(move.internalSteps.map(\.event) == ["done.state.p"])
        #expect(move.internalSteps.first?.from == "pdone")
        #expect(move.entered == ["pdone", "q", "q1"])
        #expect(move.exited == ["a", "pdone", "p"])
        // Logs in SCXML order: the transition's, the final's onentry, then the done transition's.
        #expect(move.logs.map(\.label) == ["finishing", "p finished", "after p"])
    }

    @Test func theFirstDoneTransitionWhoseCondHoldsIsTaken() throws {
        let move = try #require(fire("finish", in: "a", x: "skip").move)
        #expect(move.to == "skipped")
    }

    @Test func nestedCompoundsChainTheirDoneEventsInnermostFirst() throws {
        let move = try #require(fire("finish", in: "i1").move)
        #expect(move.internalSteps.map(\.event) == ["done.state.inner", "done.state.outer"])
        #expect(move.to == "end")
        #expect(move.closes)
    }

    @Test func withoutATransitionTakenTheCaseStaysInTheFinalChild() throws {
        let move = try #require(fire("finish", in: "s1").move)
        #expect(move.to == "sdone")
        #expect(move.internalSteps.isEmpty)
        // The next external event is processed from there.
        #expect(fire("leave", in: "sdone").move?.to == "end")
    }

    @Test func nobodyFiresADoneEvent() throws {
        let refusal = try #require(fire("done.state.p", in: "a").refusal)
        #expect(refusal.code == "WF_NO_EVENT")
        #expect(!interpreter.availableEvents(configuration: Configuration(state: "a"), role: nil).contains { $0.hasPrefix("done.") })
    }

    @Test func logTextEvaluatesItsExpressionOnTheCase() {
        let log = WorkflowLog(label: "x is", expr: "/case/f/x", line: 1)
        #expect(interpreter.text(of: log, context: context(document: CaseDocuments.make(forms: ["f": ["x": "7"]]))) == "x is: 7")
    }
}

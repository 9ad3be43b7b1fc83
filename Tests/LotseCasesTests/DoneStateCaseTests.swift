import Foundation
import Testing
@testable import LotseCases
import LotseStore
import LotseTestSupport

/// done.state.ID through the office: one history row per step, each <log> in the case history
/// and in the transition's audit detail.
@Suite struct DoneStateCaseTests {
    static let workflow = """
        <scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:l="urn:lotse:workflow:1" version="1.0" \
        name="steps" l:version="1" initial="intake">
          <state id="intake" initial="check">
            <state id="check">
              <transition event="checked" target="intake_done" l:roles="caseworker">
                <log label="checked by caseworker"/>
              </transition>
            </state>
            <final id="intake_done"><onentry><log label="intake complete" expr="/case/@state"/></onentry></final>
            <transition event="done.state.intake" target="working"><log label="on to work"/></transition>
          </state>
          <state id="working"><transition event="finish" target="closed" l:roles="caseworker"/></state>
          <final id="closed"/>
        </scxml>
        """

    @Test(arguments: Backend.all) func theDoneTransitionIsTakenAndLogged(backend: Backend) throws {
        let folder = TemporaryDirectory()
        let fm = FileManager.default
        for sub in ["Forms", "Workflows"] {
            try fm.copyItem(atPath: TestLotse.repository + "/" + sub, toPath: folder.file(sub))
        }
        try Self.workflow.write(toFile: folder.file("Workflows/steps.scxml"), atomically: true, encoding: .utf8)
        let lotse = try TestLotse(backend: backend, definitions: folder.path)
        let root = try lotse.initialise()
        try lotse.office.addSite(by: root, code: "bocholt", name: "Bocholt")
        try lotse.office.addUser(by: root, name: "carla", role: .caseworker, sites: ["bocholt"], password: TestLotse.password)
        let carla = try lotse.office.login(name: "carla", password: TestLotse.password)
        let client = try lotse.office.addClient(by: carla, site: "bocholt", sex: "w", birthYear: 1970, applicantType: "SP",
                                                firstName: "Anna", lastName: "Berger")
        let caseID = try lotse.office.openCase(by: carla, clientID: client, workflow: "steps")

        let move = try lotse.office.fire(by: carla, caseID: caseID, event: "checked")
        #expect(move.to == "working")
        #expect(move.internalSteps.map(\.event) == ["done.state.intake"])

        let history = try lotse.store.cases.transitions(caseID: caseID)
        #expect(history.map(\.event) == ["open", "checked", "done.state.intake"])
        #expect(history.map(\.to) == ["check", "intake_done", "working"])
        #expect(history[1].log == "checked by caseworker\nintake complete: check")
        #expect(history[2].log == "on to work")

        let detail = try #require(try lotse.scalar(
            "SELECT detail FROM audit WHERE action = 'transition' ORDER BY seq DESC LIMIT 1")?.string)
        #expect(detail.contains("\"log\":[\"checked by caseworker\",\"intake complete: check\"]"))
        #expect(detail.contains("\"internal\":[{\"event\":\"done.state.intake\""))
        #expect(detail.contains("\"log\":[\"on to work\"]"))
        #expect(try lotse.store.audit.verify().isIntact)
    }
}

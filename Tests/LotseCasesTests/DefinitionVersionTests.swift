import Foundation
import Testing
@_spi(Office) @testable import LotseCases
import LotseStore
import LotseTestSupport

/// Stored definitions (issue 9): changed content needs a new version; a stored version serves
/// its cases when its file is gone.
@Suite struct DefinitionVersionTests {
    /// A copy of the repository's Forms/ and Workflows/ that a test may change.
    static func definitionsCopy() throws -> TemporaryDirectory {
        let copy = TemporaryDirectory()
        for folder in ["Forms", "Workflows"] {
            try FileManager.default.copyItem(atPath: TestLotse.repository + "/" + folder, toPath: copy.file(folder))
        }
        return copy
    }

    static let referral: [(String, String)] = [
        ("date", "2026-11-02"), ("referring_unit", "Team 3"), ("reason", "x"), ("sgb2_since", "2019-04-01"),
        ("lzb", "yes"), ("sex", "w"), ("age_class", "50plus"), ("applicant_type", "SP"),
    ]

    static func setUp(_ folder: TemporaryDirectory, _ backend: Backend) throws -> (TestLotse, Actor, Int) {
        let lotse = try TestLotse(backend: backend, definitions: folder.path)
        let root = try lotse.initialise()
        try lotse.office.addSite(by: root, code: "b", name: "B")
        try lotse.office.addUser(by: root, name: "carla", role: .caseworker, sites: ["b"], password: TestLotse.password)
        let carla = try lotse.office.login(name: "carla", password: TestLotse.password)
        let client = try lotse.office.addClient(by: carla, site: "b", sex: "w", birthYear: 1970, applicantType: "SP",
                                                firstName: nil, lastName: nil)
        let caseID = try lotse.office.openCase(by: carla, clientID: client)
        try lotse.office.submit(by: carla, caseID: caseID, formID: "referral", values: referral)
        return (lotse, carla, caseID)
    }

    static func replace(_ file: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
    }

    @Test(arguments: Backend.all) func aChangedFormUnderTheSameVersionIsRefusedWithBothHashes(backend: Backend) throws {
        let folder = try Self.definitionsCopy()
        let (lotse, carla, caseID) = try Self.setUp(folder, backend)
        let stored = try lotse.scalar("SELECT sha256 FROM definitions WHERE name = 'referral'")?.string
        try Self.replace(folder.file("Forms/referral.xml"), "<h:title>Zuweisung</h:title>", "<h:title>Zuweisung (neu)</h:title>")
        let office = try lotse.secondOffice()
        let submissions = try lotse.scalar("SELECT COUNT(*) FROM submissions")?.int
        var message = ""
        do { try office.submit(by: carla, caseID: caseID, formID: "referral", values: Self.referral) } catch { message = "\(error)" }
        let version = office.definitions.forms["referral"]!.version
        #expect(message.hasPrefix("the form referral version \(version) was changed: "
            + "stored with sha256 \(stored!), its file now has sha256 "))
        #expect(message.hasSuffix("; a changed definition needs a new version (nothing was stored)"))
        #expect(try lotse.scalar("SELECT COUNT(*) FROM submissions")?.int == submissions)
    }

    @Test(arguments: Backend.all) func aChangedWorkflowUnderTheSameVersionIsRefusedForNewCases(backend: Backend) throws {
        let folder = try Self.definitionsCopy()
        let (lotse, carla, _) = try Self.setUp(folder, backend)
        try Self.replace(folder.file("Workflows/amiga.scxml"), "initial=\"active\"", "initial=\"active\" ")
        let office = try lotse.secondOffice()
        let client = try office.addClient(by: carla, site: "b", sex: "m", birthYear: 1980, applicantType: "AP",
                                          firstName: nil, lastName: nil)
        var message = ""
        do { _ = try office.openCase(by: carla, clientID: client) } catch { message = "\(error)" }
        let version = office.definitions.workflows["amiga"]!.version ?? ""
        #expect(message.hasPrefix("the workflow amiga version \(version) was changed: stored with sha256 "))
    }

    @Test(arguments: Backend.all) func aStoredWorkflowServesItsCasesWhenItsFileIsGone(backend: Backend) throws {
        let folder = try Self.definitionsCopy()
        let (lotse, carla, caseID) = try Self.setUp(folder, backend)
        try FileManager.default.removeItem(atPath: folder.file("Workflows/amiga.scxml"))
        let office = try lotse.secondOffice()
        let overview = try office.caseOverview(by: carla, id: caseID, language: "de")
        #expect(overview.workflowFileGone)
        #expect(overview.enabledEvents.contains("request_consent"))
        _ = try office.fire(by: carla, caseID: caseID, event: "request_consent")
        #expect(try office.caseOverview(by: carla, id: caseID, language: "de").record.state == "consent_pending")
    }

    @Test(arguments: Backend.all) func aStoredFormServesItsCasesWhenItsFileIsGone(backend: Backend) throws {
        let folder = try Self.definitionsCopy()
        let (lotse, carla, caseID) = try Self.setUp(folder, backend)
        try FileManager.default.removeItem(atPath: folder.file("Forms/referral.xml"))
        let office = try lotse.secondOffice()
        #expect(office.definitions.formsFromStore == ["referral"])
        #expect(office.definitions.diagnostics.isEmpty, "\(office.definitions.diagnostics)")
        let overview = try office.caseOverview(by: carla, id: caseID, language: "de")
        #expect(overview.formsFromStore == ["referral"])
        #expect(!overview.workflowFileGone)
        // The workflow that needs the form still reads, and the case goes on.
        _ = try office.fire(by: carla, caseID: caseID, event: "request_consent")
        #expect(try office.caseOverview(by: carla, id: caseID, language: "de").record.state == "consent_pending")
    }

    @Test(arguments: Backend.all) func aFormWithoutAFileOrAStoredVersionIsNotInvented(backend: Backend) throws {
        let folder = try Self.definitionsCopy()
        let (lotse, _, _) = try Self.setUp(folder, backend)
        try FileManager.default.removeItem(atPath: folder.file("Forms/plan.xml"))
        let office = try lotse.secondOffice()
        #expect(office.definitions.forms["plan"] == nil)
        #expect(office.definitions.formsFromStore.isEmpty)
    }
}

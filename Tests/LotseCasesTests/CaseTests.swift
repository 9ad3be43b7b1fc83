import Testing
@testable import LotseCases
import LotseStore
import LotseTestSupport

/// On every backend (`Backend.all`): the same domain outcomes on SQLite and PostgreSQL.
@Suite struct CaseTests {
    /// A database with a site, a caseworker and a supervisor, and one AmigA case with its referral.
    func setUp(_ backend: Backend) throws -> (TestLotse, carla: Actor, sven: Actor, caseID: Int) {
        let lotse = try TestLotse(backend: backend)
        let root = try lotse.initialise()
        try lotse.office.addSite(by: root, code: "bocholt", name: "Bocholt")
        try lotse.office.addUser(by: root, name: "carla", role: .caseworker, sites: ["bocholt"], password: TestLotse.password)
        try lotse.office.addUser(by: root, name: "sven", role: .supervisor, sites: ["bocholt"], password: TestLotse.password)
        let carla = try lotse.office.login(name: "carla", password: TestLotse.password)
        let sven = try lotse.office.login(name: "sven", password: TestLotse.password)
        let client = try lotse.office.addClient(by: carla, site: "bocholt", sex: "w", birthYear: 1970, applicantType: "SP",
                                                firstName: "Anna", lastName: "Berger")
        let caseID = try lotse.office.openCase(by: carla, clientID: client)
        try lotse.office.submit(by: carla, caseID: caseID, formID: "referral", values: [
            ("date", "2026-11-02"), ("referring_unit", "Team 3"), ("reason", "x"), ("sgb2_since", "2019-04-01"),
            ("lzb", "yes"), ("sex", "w"), ("age_class", "50plus"), ("applicant_type", "SP"),
        ])
        return (lotse, carla, sven, caseID)
    }

    func count(_ lotse: TestLotse, _ sql: String) throws -> Int {
        try lotse.scalar(sql)?.int ?? -1
    }

    @Test(arguments: Backend.all) func concurrentWriterIsRefusedAndNothingIsLostOrDoubled(backend: Backend) throws {
        let (lotse, carla, sven, caseID) = try setUp(backend)
        let other = try lotse.secondOffice()
        var inner: (any Error)?
        // Carla's office has read the case; before it writes, Sven's office fires the same event.
        lotse.office.beforeWrite = {
            do { try other.fire(by: sven, caseID: caseID, event: "request_consent") } catch { inner = error }
        }
        #expect {
            try lotse.office.fire(by: carla, caseID: caseID, event: "request_consent")
        } throws: { error in
            "\(error)".hasPrefix("case \(caseID) was changed by someone else meanwhile; nothing was changed")
        }
        #expect(inner == nil)
        #expect(try count(lotse, "SELECT COUNT(*) FROM transitions WHERE event = 'request_consent'") == 1)
        #expect(try count(lotse, "SELECT COUNT(*) FROM audit WHERE action = 'transition'") == 1)
        #expect(try lotse.store.cases.case(id: caseID)?.state == "consent_pending")
        #expect(try lotse.store.audit.verify().isIntact)
    }

    @Test(arguments: Backend.all) func concurrentSubmissionIsRefusedToo(backend: Backend) throws {
        let (lotse, carla, sven, caseID) = try setUp(backend)
        let other = try lotse.secondOffice()
        lotse.office.beforeWrite = {
            _ = try? other.submit(by: sven, caseID: caseID, formID: "referral", values: [
                ("date", "2026-11-02"), ("referring_unit", "Team 4"), ("reason", "y"), ("sgb2_since", "2019-04-01"),
                ("lzb", "yes"), ("sex", "w"), ("age_class", "50plus"), ("applicant_type", "SP"),
            ])
        }
        #expect(throws: CasesError.self) {
            try lotse.office.submit(by: carla, caseID: caseID, formID: "referral", values: [("referring_unit", "Team 5")])
        }
        // The first referral and Sven's correction are both kept; Carla's was not stored.
        #expect(try count(lotse, "SELECT COUNT(*) FROM submissions WHERE form = 'referral'") == 2)
    }

    @Test(arguments: Backend.all) func correctionsSupersedeAndBothAreKept(backend: Backend) throws {
        let (lotse, carla, _, caseID) = try setUp(backend)
        let second = try lotse.office.submit(by: carla, caseID: caseID, formID: "referral", values: [("referring_unit", "Team 9")])
        #expect(second.supersedes == 1)
        let all = try lotse.office.viewSubmissions(by: carla, caseID: caseID, formID: "referral", allVersions: true)
        #expect(all.map(\.record.isCurrent) == [false, true])
        // A correction starts from the values it corrects.
        #expect(all[1].values.first { $0.field.name == "reason" }?.value == "x")
        #expect(all[1].values.first { $0.field.name == "referring_unit" }?.value == "Team 9")
        #expect(throws: StoreError.self) {
            try lotse.execute("UPDATE submissions SET instance = 'x' WHERE id = 1")
        }
    }

    @Test(arguments: Backend.all) func overdueByStateAndByContactInterval(backend: Backend) throws {
        let (lotse, carla, _, caseID) = try setUp(backend)
        #expect(try lotse.office.cases(by: carla, state: nil, site: nil, mine: true, overdue: true).isEmpty)
        lotse.clock.advance(days: 15)   // referred is due after P2W
        let overdue = try lotse.office.cases(by: carla, state: nil, site: nil, mine: true, overdue: true)
        #expect(overdue.map(\.record.id) == [caseID])
        #expect(overdue.first?.due?.reason == "state")
        #expect(overdue.first?.due?.date == "2026-12-09")
    }

    @Test(arguments: Backend.all) func medicalRoleSeesNoNamesAndCaseRolesDo(backend: Backend) throws {
        let (lotse, carla, _, _) = try setUp(backend)
        let root = try lotse.office.login(name: "root", password: TestLotse.password)
        try lotse.office.addUser(by: root, name: "mara", role: .medical, sites: ["bocholt"], password: TestLotse.password)
        let mara = try lotse.office.login(name: "mara", password: TestLotse.password)
        #expect(try lotse.office.client(by: carla, id: 1).lastName == "Berger")
        #expect(try lotse.office.client(by: mara, id: 1).lastName == nil)
        #expect(throws: CasesError.self) { try lotse.office.client(by: root, id: 1) }
    }

    @Test(arguments: Backend.all) func caseKeepsItsWorkflowVersion(backend: Backend) throws {
        let (lotse, carla, _, caseID) = try setUp(backend)
        let versions = try lotse.office.workflowVersions(by: carla)
        let amiga = versions.first { $0.name == "amiga" && $0.cases == 1 }
        #expect(amiga?.current == true)
        let stored = try lotse.store.cases.case(id: caseID)!
        #expect(try lotse.store.cases.definition(id: stored.workflowID)?.sha256 == amiga?.sha256)
        #expect(throws: StoreError.self) { try lotse.execute("UPDATE definitions SET name = 'x'") }
    }
}

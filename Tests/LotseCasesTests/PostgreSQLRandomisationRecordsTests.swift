import Foundation
import Testing
@testable import LotseCases
@testable import LotseStore
import LotseTestSupport

/// The randomisation record set writes on PostgreSQL what it writes on SQLite: the same calls on
/// a region and on its copy (as the application role) return the same ids and answers, note the
/// same covered rows, so the audit rows that record them are equal, hash for hash, and both
/// chains verify intact with the same head.
@Suite(.enabled(if: TestPostgreSQL.isAvailable, "no PostgreSQL server (LOTSE_TEST_POSTGRES)"))
struct PostgreSQLRandomisationRecordsTests {
    @Test func theSameWritesGiveTheSameRowsAndTheSameChain() throws {
        let lotse = try TestLotse()
        let root = try lotse.initialise()
        try lotse.office.addSite(by: root, code: "b", name: "Bocholt")
        try lotse.office.addUser(by: root, name: "carla", role: .caseworker, sites: ["b"], password: TestLotse.password)
        let carla = try lotse.office.login(name: "carla", password: TestLotse.password)
        var clients: [Int] = []
        for i in 0..<5 {
            clients.append(try lotse.office.addClient(by: carla, site: "b", sex: ["m", "w"][i % 2], birthYear: 1970 + i,
                                                      applicantType: "SP", firstName: "N\(i)", lastName: nil, eligible: i >= 2))
        }
        let cases = try [clients[0], clients[1]].map { try lotse.office.openCase(by: carla, clientID: $0) }
        let owner = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        let schema = try TestPostgreSQL.scratchSchema(owner)
        try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app")
        _ = try RegionCopy.run(from: lotse.databasePath,
                               to: try #require(ConnectionURI(TestPostgreSQL.ownerURI!.text + "&options=-csearch_path%3D" + schema)))
        let app = try PostgreSQLConnection(try #require(TestPostgreSQL.applicationURI))
        try app.execute("SET search_path TO \(schema)")
        let pg = PostgreSQLRandomisationRecords(connection: app), pgLog = PostgreSQLAuditLog(connection: app)
        let sqlite = lotse.store.randomisation, sqliteLog = lotse.store.audit
        let site = try #require(try lotse.store.directory.site(code: "b")).id
        var step = 0
        /// Runs `body` on both backends, each in a transaction ending with the same audit row.
        func onBoth<T: Equatable>(_ action: String, _ body: (any RandomisationRecordSet) throws -> T) throws -> T {
            step += 1
            let draft = AuditDraft(at: "2026-12-02T10:00:\(String(format: "%02d", step)).000Z", actor: "eva", role: "evaluator",
                                   action: action)
            let (a, rowA) = try lotse.store.transaction { (try body(sqlite), try sqliteLog.append(draft)) }
            let (b, rowB) = try app.transaction { (try body(pg), try pgLog.append(draft)) }
            #expect(a == b, "\(action)")
            #expect(rowA == rowB, "\(action): \(rowA.draft.records ?? "-") vs \(rowB.draft.records ?? "-")")
            return a
        }
        #expect(try pg.unassignedPool(siteID: site).map(\.id) == sqlite.unassignedPool(siteID: site).map(\.id))
        #expect(try pg.unassignedPool(siteID: site).map(\.id) == Array(clients[2...]))
        let setup = try onBoth("randomise.setup") {
            try $0.insertSetup(siteID: site, algorithm: "blocks", ratio: "1:1", strata: "none", blocks: "2", legalBasis: "§ 75",
                               seed: "secret seed", commitment: "c0ffee", userID: 1, at: "2026-12-02T10:00:00.000Z")
        }
        #expect(try pg.setup(site: "b") == sqlite.setup(site: "b") && (try pg.setup(site: "b"))?.seed == "secret seed")
        #expect(try pg.sitesWithApproval() == ["b"])
        let run = try onBoth("randomise") {
            try $0.insertRun(siteID: site, setupID: setup, commitment: "c0ffee", algorithm: "blocks", ratio: "1:1",
                             strata: "none", block: 2, participants: 1, comparison: 1, userID: 1, at: "2026-12-02T10:00:01.000Z")
        }
        for (slot, (client, caseID)) in zip(clients, cases).enumerated() {
            let group: CaseGroup = slot == 0 ? .participant : .comparison
            _ = try onBoth("randomise.assign") {
                try $0.insertAssignment(Assignment(clientID: client, runID: run, group: group, stratum: "all", block: 1,
                                                   position: slot + 1, caseID: caseID, slot: slot + 1), setupID: setup)
                return true
            }
        }
        #expect(try pg.usedSlots(setupID: setup) == ["all": 2] && (try sqlite.usedSlots(setupID: setup)) == ["all": 2])
        #expect(try pg.assignments(client: clients[0]) == .participant && (try pg.assignments(client: clients[4])) == nil)
        #expect(try pg.assignments(site: "b").map(\.assignment) == sqlite.assignments(site: "b").map(\.assignment))
        #expect(try pg.assignments(site: "elsewhere").isEmpty)
        _ = try onBoth("randomise.close") { try $0.close(setupID: setup, userID: 1, at: "2026-12-02T11:00:00.000Z"); return true }
        #expect(try onBoth("randomise.reveal") { try $0.markRevealed(setupID: setup, at: "2026-12-02T12:00:00.000Z") })
        #expect(try !onBoth("randomise.reveal") { try $0.markRevealed(setupID: setup, at: "2026-12-02T13:00:00.000Z") })
        #expect(try pg.setup(site: "b") == sqlite.setup(site: "b") && (try pg.setup(site: "b"))?.revealedAt != nil)
        // A secret: made once, then read back; a stored one removed.
        let key = try app.transaction { try pg.secret(named: "k", at: "t", make: { [1, 2, 0, 255] }) }
        #expect(key == [1, 2, 0, 255])
        #expect(try pg.secret(named: "k", at: "t", make: { Issue.record("made twice"); return [] }) == key)
        #expect(try pg.storedSecret(named: "k") == key && (try pg.storedSecret(named: "other")) == nil)
        try app.transaction { try pg.removeSecret(named: "k") }
        #expect(try pg.storedSecret(named: "k") == nil)
        // Both chains intact, with the same head.
        let onPG = try pgLog.verify(expectedHead: nil, progress: nil)
        #expect(onPG.isIntact, "\(onPG.problems)")
        #expect(onPG == (try sqliteLog.verify()))
        // The application role cannot change an assignment: PostgreSQL itself refuses.
        #expect(throws: PostgreSQLError.self) {
            try app.run("UPDATE assignments SET case_group = 'participant' WHERE client_id = $1", [.int(clients[1])])
        }
    }
}

import Foundation
@testable import LotseCases
import LotseEvaluation
import LotseStore
import LotseTestSupport
import Testing

/// The stored due dates (`case_due`) answer `case list` exactly as computing each case from its
/// snapshot would: on the demo region (cases in every state, with contacts, suspensions and
/// resumptions, closures and reopenings), on later days, after more changes, after an upgrade
/// from schema 7 (nothing stored yet), and scoped to the viewer's sites.
@Suite("Due dates kept for the listings")
struct DueDateTests {
    /// A copy of the shared demo region, opened by an office whose clock starts at `day`.
    final class Region {
        let directory = TemporaryDirectory()
        let store: Store
        let office: Office
        let clock: StepClock

        init(day: String) throws {
            let built = try SharedDemoRegion.shared.get()
            let path = directory.file("region.db")
            FileManager.default.createFile(atPath: path, contents: nil)
            let source = try Store(readingOnly: built.path)
            try source.backup(into: path)
            source.close()
            store = try Store(path: path)
            clock = StepClock(start: ISO8601DateFormatter().date(from: day + "T09:00:00Z")!)
            office = Office(store: store, definitions: DefinitionSet(directory: TestLotse.repository, store: store),
                            clock: clock, hasher: TestLotse.hasher, xpathClock: TestLotse.formClock)
        }

        func login(_ name: String) throws -> Actor { try office.login(name: name, password: SharedDemoRegion.password) }
    }

    /// Every case the listing shows, with its due date, next to the same computed from each case's snapshot.
    static func compare(_ region: Region, _ actor: Actor, overdue: Bool) throws -> (listed: [String], computed: [String]) {
        let listed = try region.office.cases(by: actor, state: nil, site: nil, mine: false, overdue: overdue).map {
            "\($0.record.id) \($0.due.map { "\($0.date) \($0.reason) \($0.overdue)" } ?? "-")"
        }
        var computed: [String] = []
        for record in try region.store.cases.cases() where actor.works(at: record.site) {
            let due = record.closed ? nil : region.office.due(try region.office.snapshot(record.id))
            if overdue && due?.overdue != true { continue }
            computed.append("\(record.id) \(due.map { "\($0.date) \($0.reason) \($0.overdue)" } ?? "-")")
        }
        return (listed, computed)
    }

    @Test func theListingEqualsTheSnapshotsOnEveryDayAndAfterChanges() throws {
        let region = try Region(day: "2026-11-20")
        // The demo's own changes kept every open case's dates, without ever computing all anew.
        let open = try region.store.database.scalar("SELECT COUNT(*) FROM cases WHERE closed = 0")?.int
        #expect(try region.store.database.scalar("SELECT COUNT(*) FROM case_due")?.int == open)
        #expect(try region.store.database.scalar("SELECT COUNT(*) FROM audit WHERE action = 'case.due'")?.int == 0)
        let petra = try region.login("petra.bocholt")
        for days in [0, 10, 40, 120, 400] {
            if days > 0 { region.clock.advance(days: days) }
            for overdue in [false, true] {
                let (listed, computed) = try Self.compare(region, petra, overdue: overdue)
                #expect(listed == computed, "day +\(days), overdue \(overdue)")
                #expect(!listed.isEmpty)
            }
        }
        // More changes: suspend and resume, a contact, a closure and a reopening.
        let anna = try region.login("anna.bocholt")
        let supervisor = petra
        let mine = try region.office.cases(by: anna, state: nil, site: nil, mine: true, overdue: false)
            .filter { !$0.record.closed }
        var changed = 0
        for row in mine.prefix(30) {
            let overview = try region.office.caseOverview(by: anna, id: row.record.id, language: "en")
            if overview.enabledEvents.contains("suspend") {
                try region.office.fire(by: anna, caseID: row.record.id, event: "suspend")
                region.clock.advance(days: 3)
                try region.office.fire(by: anna, caseID: row.record.id, event: "resume")
                changed += 1
            }
            if overview.records.contains("contact") {
                try region.office.submit(by: anna, caseID: row.record.id, formID: "contact", values: [
                    ("date", "2026-11-24"), ("kind", "phone"), ("minutes", "30"), ("topic", "plan"),
                ])
                changed += 1
            }
        }
        #expect(changed > 0)
        for overdue in [false, true] {
            let (listed, computed) = try Self.compare(region, supervisor, overdue: overdue)
            #expect(listed == computed, "after changes, overdue \(overdue)")
        }
    }

    @Test func anUpgradedStoreComputesEveryOpenCaseOnceAndSaysSo() throws {
        let region = try Region(day: "2026-12-01")
        // As after the migration from schema 7: nothing stored, no basis.
        try region.store.database.run("DELETE FROM case_due")
        try region.store.database.run("DELETE FROM case_due_basis")
        let petra = try region.login("petra.bocholt")
        let before = try region.store.audit.count()
        let (listed, computed) = try Self.compare(region, petra, overdue: true)
        #expect(listed == computed)
        let open = try region.store.database.scalar("SELECT COUNT(*) FROM cases WHERE closed = 0")?.int
        #expect(try region.store.database.scalar("SELECT COUNT(*) FROM case_due")?.int == open)
        #expect(try region.store.audit.count() == before + 1) // the computation
        var last: AuditEntry?
        try region.store.audit.query(AuditFilter(action: "case.due")) { last = $0 }
        #expect(last?.draft.actor == "petra.bocholt")
        #expect(last?.draft.detail?.contains("\"cases\":\(open ?? -1)") == true)
        // Once computed, the next listing writes nothing.
        _ = try region.office.cases(by: petra, state: nil, site: nil, mine: false, overdue: true)
        #expect(try region.store.audit.count() == before + 1)
        #expect(try region.store.audit.verify().isIntact)
    }

    @Test func theListingKeepsToTheViewersSitesAndFilters() throws {
        let region = try Region(day: "2026-12-01")
        let petra = try region.login("petra.bocholt")
        let rows = try region.office.cases(by: petra, state: nil, site: nil, mine: false, overdue: false)
        #expect(!rows.isEmpty && rows.allSatisfy { $0.record.site == "bocholt" })
        #expect(throws: CasesError.self) {
            try region.office.cases(by: petra, state: nil, site: "velen", mine: false, overdue: true)
        }
        let anna = try region.login("anna.bocholt")
        let mine = try region.office.cases(by: anna, state: nil, site: nil, mine: true, overdue: true)
        #expect(mine.allSatisfy { $0.record.assignedTo == anna.userID && $0.due?.overdue == true })
        let state = try region.office.cases(by: petra, state: "integration_steps", site: nil, mine: false, overdue: false)
        #expect(state.allSatisfy { $0.record.state == "integration_steps" })
        let client = rows[rows.count / 2].record.clientID
        #expect(try region.office.cases(by: petra, state: nil, site: nil, mine: false, overdue: false, client: client)
                    .map(\.record.id) == rows.filter { $0.record.clientID == client }.map(\.record.id))
    }
}

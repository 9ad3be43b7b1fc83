import Testing
@testable import LotseStore
import LotseTestSupport

/// The stored due dates of open cases (`case_due`) through `CaseRecordSet`: written, replaced
/// and removed, and the listing's filters answered the same on SQLite and on PostgreSQL (as the
/// application role, whose privileges allow exactly this).
@Suite struct CaseDueRecordsTests {
    /// Two sites, two users, four clients and cases (one closed), in SQL both backends read.
    static let seed = [
        "INSERT INTO sites (code, name, created_at) VALUES ('a', 'A', 't'), ('b', 'B', 't')",
        "INSERT INTO users (name, role, password_hash, created_at) VALUES ('carla', 'caseworker', 'x', 't'), ('sven', 'supervisor', 'x', 't')",
        "INSERT INTO clients (site_id, sex, birth_year, applicant_type, created_at, created_by) VALUES "
            + "(1, 'w', 1980, 'EP', 't', 'carla'), (1, 'm', 1970, 'SP', 't', 'carla'), (2, 'w', 1990, 'EP', 't', 'sven'), "
            + "(2, 'm', 1960, 'SP', 't', 'sven')",
        "INSERT INTO definitions (kind, name, version, sha256, content, stored_at) VALUES ('workflow', 'amiga', '1', 'ab', 'x', 't')",
        "INSERT INTO cases (client_id, workflow_id, state, entered_at, opened_at, opened_by, assigned_to, closed) VALUES "
            + "(1, 1, 'profiling', 't', 't', 1, 1, 0), (2, 1, 'integration_steps', 't', 't', 1, 2, 0), "
            + "(3, 1, 'profiling', 't', 't', 2, 1, 0), (4, 1, 'closed', 't', 't', 2, NULL, 1)",
    ]

    /// The same steps on any backend, as lines to compare.
    static func exercise(_ records: some CaseRecordSet) throws -> [String] {
        var lines: [String] = []
        func list(_ name: String, _ filter: CaseFilter) throws {
            lines.append(name + ": " + (try records.casesWithDue(filter).collect().map { row in
                "\(row.record.id)/\(row.record.site)/" + (row.due.map {
                    "\($0.stateDue ?? "-") \($0.contactDue ?? "-") \($0.volatile) \($0.earliest?.reason ?? "-")"
                } ?? "none")
            }.joined(separator: ", ")))
        }
        #expect(try records.dueBasis() == nil)
        try records.setDue(caseID: 1, CaseDue(stateDue: "2026-12-10", contactDue: nil))
        try records.setDue(caseID: 2, CaseDue(stateDue: "2027-05-01", contactDue: "2026-11-30"))
        try records.setDue(caseID: 3, CaseDue(stateDue: "2026-12-20", contactDue: nil))
        try list("all", CaseFilter())
        try records.setDue(caseID: 3, CaseDue(stateDue: "2026-11-20", contactDue: "2026-11-20", volatile: true))
        try list("overdue", CaseFilter(dueBefore: "2026-12-01"))
        try list("overdue at a", CaseFilter(sites: ["a"], dueBefore: "2026-12-01"))
        try list("overdue later", CaseFilter(dueBefore: "2026-12-15"))
        try list("state", CaseFilter(state: "profiling"))
        try list("assigned", CaseFilter(assignedTo: 1, openOnly: true))
        try list("client", CaseFilter(clientID: 2))
        try list("no sites", CaseFilter(sites: []))
        try records.setDue(caseID: 1, nil)
        try list("after removal", CaseFilter(sites: ["a"]))
        lines.append("open: \(try records.openCaseIDs())")
        try records.setDueBasis("one")
        try records.setDueBasis("two")
        lines.append("basis: \(try records.dueBasis() ?? "-")")
        try records.clearDue()
        try list("cleared", CaseFilter(openOnly: true))
        return lines
    }

    static let expected = [
        "all: 1/a/2026-12-10 - false state, 2/a/2027-05-01 2026-11-30 false contact, 3/b/2026-12-20 - false state, 4/b/none",
        "overdue: 2/a/2027-05-01 2026-11-30 false contact, 3/b/2026-11-20 2026-11-20 true state",
        "overdue at a: 2/a/2027-05-01 2026-11-30 false contact",
        "overdue later: 1/a/2026-12-10 - false state, 2/a/2027-05-01 2026-11-30 false contact, 3/b/2026-11-20 2026-11-20 true state",
        "state: 1/a/2026-12-10 - false state, 3/b/2026-11-20 2026-11-20 true state",
        "assigned: 1/a/2026-12-10 - false state, 3/b/2026-11-20 2026-11-20 true state",
        "client: 2/a/2027-05-01 2026-11-30 false contact",
        "no sites: ",
        "after removal: 1/a/none, 2/a/2027-05-01 2026-11-30 false contact",
        "open: [1, 2, 3]",
        "basis: two",
        "cleared: 1/a/none, 2/a/none, 3/b/none",
    ]

    static func check(_ lines: [String]) {
        #expect(lines.count == expected.count)
        for (line, expected) in zip(lines, expected) { #expect(line == expected) }
    }

    @Test func onSQLite() throws {
        let directory = TemporaryDirectory()
        let store = try Store(path: directory.file("lotse.db"))
        for sql in Self.seed { try store.database.execute(sql) }
        Self.check(try Self.exercise(store.cases))
    }

    @Test(.enabled(if: TestPostgreSQL.isAvailable, "no PostgreSQL server (LOTSE_TEST_POSTGRES)"))
    func onPostgreSQLAsTheApplicationRole() throws {
        let owner = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        let schema = try TestPostgreSQL.scratchSchema(owner)
        try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app")
        let app = try PostgreSQLConnection(try #require(TestPostgreSQL.applicationURI))
        try app.execute("SET search_path TO \(schema)")
        for sql in Self.seed { try app.execute(sql) }
        Self.check(try Self.exercise(PostgreSQLCaseRecords(connection: app)))
    }
}

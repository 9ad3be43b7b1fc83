import Testing
@testable import LotseCases
@testable import LotseStore
import LotseTestSupport

/// Changes made behind Lotse's back, with the triggers dropped: `audit verify` names the row
/// in every case (DESIGN §7, issue 9). SQLite only: tampering there means dropping a trigger in
/// the file and editing rows in place; on PostgreSQL the application role cannot (privileges) and
/// the same covered-record checks are the other record set's tests (`PostgreSQLRecordHashTests`).
@Suite struct TamperTests {
    /// A region with two cases (transitions, submissions) and a randomisation run, intact.
    func region() throws -> TestLotse {
        let lotse = try TestLotse()
        let root = try lotse.initialise()
        try lotse.office.addSite(by: root, code: "b", name: "Bocholt")
        try lotse.office.addUser(by: root, name: "carla", role: .caseworker, sites: ["b"], password: TestLotse.password)
        try lotse.office.addUser(by: root, name: "eva", role: .evaluator, sites: [], password: TestLotse.password)
        let carla = try lotse.office.login(name: "carla", password: TestLotse.password)
        let eva = try lotse.office.login(name: "eva", password: TestLotse.password)
        for i in 0..<4 {
            try lotse.office.addClient(by: carla, site: "b", sex: ["m", "w"][i % 2], birthYear: 1970 + i,
                                       applicantType: "SP", firstName: "N\(i)", lastName: nil, eligible: true)
        }
        _ = try lotse.office.setUpRandomisation(by: eva, site: "b", parameters: RandomisationParameters(blocks: [2]))
        _ = try lotse.office.randomise(by: eva, site: "b")
        let participant = try lotse.sqlite.database.scalar(
            "SELECT case_id FROM assignments WHERE case_group = 'participant' ORDER BY case_id LIMIT 1")!.int!
        try lotse.office.submit(by: carla, caseID: participant, formID: "referral", values: [
            ("date", "2026-11-02"), ("referring_unit", "Team 3"), ("reason", "x"), ("sgb2_since", "2019-04-01"),
            ("lzb", "yes"), ("sex", "w"), ("age_class", "50plus"), ("applicant_type", "SP"),
        ])
        try lotse.office.fire(by: carla, caseID: participant, event: "request_consent")
        #expect(try lotse.sqlite.audit.verify().isIntact)
        return lotse
    }

    func tampered(_ sql: String) throws -> AuditVerification {
        let lotse = try region()
        try lotse.sqlite.database.execute("""
            DROP TRIGGER submissions_immutable; DROP TRIGGER submissions_kept; DROP TRIGGER assignments_fixed;
            DROP TRIGGER assignments_kept; DROP TRIGGER assignments_no_replace; DROP TRIGGER audit_no_update;
            DROP TRIGGER audit_no_delete;
            """ + sql)
        let result = try lotse.sqlite.audit.verify()
        // The data tables hashed on a second connection (above) and on this one, after the
        // chain, inside a transaction: the same verdict.
        let inOne = try lotse.sqlite.database.transaction { try lotse.sqlite.audit.verify() }
        #expect(result == inOne)
        return result
    }

    func expectData(_ sql: String, _ kind: String, _ id: Int, _ reason: (DataBreak.Reason) -> Bool,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try tampered(sql)
        #expect(!result.isIntact, sourceLocation: sourceLocation)
        #expect(result.failure == nil, "the chain itself is intact", sourceLocation: sourceLocation)
        let problem = result.dataProblems.first { $0.kind == kind }
        #expect(problem?.id == id, "\(result.dataProblems)", sourceLocation: sourceLocation)
        #expect(problem.map { reason($0.reason) } == true, "\(String(describing: problem))",
                sourceLocation: sourceLocation)
    }

    @Test func deletedTransition() throws {
        try expectData("DELETE FROM transitions WHERE id = (SELECT MAX(id) FROM transitions);", "transition", 5) {
            if case .missing = $0 { true } else { false }
        }
    }

    @Test func addedTransition() throws {
        try expectData("""
            INSERT INTO transitions (case_id, event, from_state, to_state, user_id, at, note)
            VALUES (1, 'decide', 'capacity_review', 'integration_planning', 2, '2026-11-25T09:00:00.000Z', NULL);
            """, "transition", 6) { $0 == .unrecorded }
    }

    @Test func editedSubmission() throws {
        try expectData("UPDATE submissions SET instance = replace(instance, 'Team 3', 'Team 4') WHERE id = 1;",
                       "submission", 1) { if case .changed = $0 { true } else { false } }
    }

    @Test func forgedGroup() throws {
        // The group lives only in the assignment (issue 8): forging it there is named.
        let result = try tampered("UPDATE assignments SET case_group = 'participant' WHERE case_group = 'comparison';")
        #expect(result.dataProblems.count == 1)
        #expect(result.dataProblems.first?.kind == "assignment")
        if case .changed? = result.dataProblems.first?.reason {} else { Issue.record("\(result.dataProblems)") }
    }

    @Test func changedState() throws {
        let result = try tampered("UPDATE cases SET state = 'closed', closed = 1 WHERE id = 3;")
        #expect(result.dataProblems == [DataBreak(kind: "case", table: "cases", id: 3,
                                                  reason: result.dataProblems.first!.reason)])
        if case .changed = result.dataProblems.first?.reason {} else { Issue.record("\(result.dataProblems)") }
    }

    @Test func changedClientUserAndSites() throws {
        try expectData("UPDATE clients SET last_name = 'Other' WHERE id = 2;", "client", 2) {
            if case .changed = $0 { true } else { false }
        }
        try expectData("UPDATE users SET role = 'admin' WHERE name = 'carla';", "user", 2) {
            if case .changed = $0 { true } else { false }
        }
        try expectData("INSERT INTO sites (code, name, created_at) VALUES ('v', 'Velen', 'x');"
                       + "INSERT INTO user_sites VALUES (2, 2);", "user", 2) {
            if case .changed = $0 { true } else { false }
        }
    }

    @Test func truncatedTailIsCaughtByTheDataAndByAWrittenDownHead() throws {
        let lotse = try region()
        let head = try lotse.sqlite.audit.head()!
        try lotse.sqlite.database.execute("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq > \(head.seq - 2);")
        let result = try lotse.sqlite.audit.verify(expectedHead: head)
        #expect(result.failure == nil)
        #expect(result.logProblem == .headMissing(seq: head.seq, last: head.seq - 2))
        // The last fire's transition is no longer recorded by any row.
        #expect(result.dataProblems.contains { $0.kind == "transition" && $0.reason == .unrecorded })
    }

    @Test func rewrittenHeadRowIsCaught() throws {
        let lotse = try region()
        let head = try lotse.sqlite.audit.head()!
        let result = try lotse.sqlite.audit.verify(expectedHead: (head.seq, String(repeating: "a", count: 64)))
        #expect(result.logProblem == .headChanged(seq: head.seq, written: String(repeating: "a", count: 64),
                                                  found: head.hash))
    }

    @Test func wipedAuditTableIsAnErrorNotAFreshChain() throws {
        let lotse = try region()
        try lotse.sqlite.database.execute("DROP TRIGGER audit_no_delete; DELETE FROM audit;")
        let result = try lotse.sqlite.audit.verify()
        #expect(result.rowsChecked == 0)
        if case .empty? = result.logProblem {} else { Issue.record("\(String(describing: result.logProblem))") }
        #expect(result.dataProblems.contains { $0.kind == "case" && $0.reason == .unrecorded })
        // Nothing can be written on top: no new chain over old data.
        #expect {
            try lotse.office.login(name: "carla", password: TestLotse.password)
        } throws: { error in
            "\(error)".contains("the audit log is empty but the database holds")
        }
        #expect(try lotse.sqlite.audit.count() == 0)
    }

    @Test func droppedAuditTableIsNamed() throws {
        let lotse = try region()
        try lotse.sqlite.database.execute("DROP TABLE audit;")
        if case .tableMissing? = try lotse.sqlite.audit.verify().logProblem {} else { Issue.record("not named") }
    }

    /// The simple edits caught before data coverage: each of the eleven stored fields of one row.
    @Test func everyFieldOfAnAuditRowIsCovered() throws {
        let lotse = try region()
        let rows = try lotse.sqlite.audit.count()
        let target = rows - 3
        try lotse.sqlite.database.execute("DROP TRIGGER audit_no_update")
        let edits: [(String, String)] = [
            ("at", "'2020-01-01T00:00:00.000Z'"), ("actor", "'mallory'"), ("role", "'admin'"), ("action", "'login'"),
            ("case_id", "99"), ("event", "'decide'"), ("from_state", "'x'"), ("to_state", "'y'"), ("detail", "'{}'"),
            ("prev_hash", "'\(String(repeating: "0", count: 64))'"), ("hash", "'\(String(repeating: "1", count: 64))'"),
            ("records", "'case 1 \(String(repeating: "2", count: 64))'"),
        ]
        for (column, value) in edits {
            try lotse.sqlite.database.execute("SAVEPOINT edit; UPDATE audit SET \(column) = \(value) WHERE seq = \(target)")
            let result = try lotse.sqlite.audit.verify()
            try lotse.sqlite.database.execute("ROLLBACK TO edit; RELEASE edit")
            #expect(result.failure?.seq == target, "editing \(column): \(String(describing: result.failure))")
        }
        #expect(try lotse.sqlite.audit.verify().isIntact)
    }

    @Test func aDatabaseFromBeforeCoverageIsVouchedForAsFound() throws {
        // Version 3 data (no records), migrated: one `audit.cover` row records every data row.
        let dir = TemporaryDirectory()
        let path = dir.file("old.db")
        do {
            let database = try Database(path: path)
            try Migrator(Array(Schema.migrator.migrations.prefix(3))).migrate(database)
            try database.execute("""
                INSERT INTO sites (code, name, created_at) VALUES ('b', 'B', 't');
                INSERT INTO users (name, role, site_id, password_hash, created_at) VALUES ('carla', 'caseworker', 1, 'x', 't');
                INSERT INTO audit (seq, at, actor, action, prev_hash, hash) VALUES
                  (1, 't', 'root', 'init', '\(AuditEncoding.genesisHash)',
                   '\(AuditEncoding.hash(prevHash: AuditEncoding.genesisHash, seq: 1, AuditDraft(at: "t", actor: "root", action: "init"))!)');
                """)
        }
        let store = try Store(path: path)
        let result = try store.audit.verify()
        #expect(result.isIntact, "\(result)")
        var last: AuditEntry?
        try store.audit.query(AuditFilter(last: 1)) { last = $0 }
        #expect(last?.draft.action == "audit.cover")
        #expect(last?.draft.records?.split(separator: "\n").count == 2)
        #expect(try store.directory.user(named: "carla")?.sites == ["b"])
    }
}

import Foundation
import Testing
@testable import LotseCases
@testable import LotseStore
import LotseTestSupport

/// `audit verify` on PostgreSQL gives SQLite's verdicts: the region of `TamperTests`, copied
/// (`lotse copy`), verifies intact with the same head; then the same change made behind Lotse's
/// back on both (triggers off: SQLite's dropped, PostgreSQL's skipped by the owner with
/// `session_replication_role = replica`) is named the same way on both.
@Suite(.enabled(if: TestPostgreSQL.isAvailable, "no PostgreSQL server (LOTSE_TEST_POSTGRES)"))
struct PostgreSQLTamperTests {
    /// The region on SQLite and its copy on PostgreSQL (the owner's connection on its schema).
    func regions() throws -> (lotse: TestLotse, owner: PostgreSQLConnection) {
        let lotse = try TamperTests().region()
        let owner = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        let schema = try TestPostgreSQL.scratchSchema(owner)
        try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app")
        let uri = try #require(ConnectionURI(TestPostgreSQL.ownerURI!.text + "&options=-csearch_path%3D" + schema))
        let summary = try RegionCopy.run(from: lotse.databasePath, to: uri)
        let log = PostgreSQLAuditLog(connection: owner)
        let intact = try log.verify(expectedHead: nil, progress: nil)
        let onSQLite = try lotse.store.audit.verify()
        #expect(intact.isIntact && intact == onSQLite)
        #expect("\(intact.rowsChecked):\(intact.head!)" == summary.targetHead)
        return (lotse, owner)
    }

    /// Runs `sql` with the triggers off on PostgreSQL.
    static func behindLotsesBack(_ owner: PostgreSQLConnection, _ sql: String) throws {
        try owner.execute("SET session_replication_role = replica; " + sql + "; SET session_replication_role = origin")
    }

    /// The verdicts on both backends after the same change; `pgSQL` where PostgreSQL's SQL differs.
    func verdicts(_ sql: String, pgSQL: String? = nil) throws -> (sqlite: AuditVerification, pg: AuditVerification) {
        let (lotse, owner) = try regions()
        try lotse.sqlite.database.execute("""
            DROP TRIGGER submissions_immutable; DROP TRIGGER submissions_kept; DROP TRIGGER assignments_fixed;
            DROP TRIGGER assignments_kept; DROP TRIGGER assignments_no_replace; DROP TRIGGER audit_no_update;
            DROP TRIGGER audit_no_delete; DROP TRIGGER randomisation_setups_fixed;
            """ + sql)
        try Self.behindLotsesBack(owner, pgSQL ?? sql)
        let log = PostgreSQLAuditLog(connection: owner)
        let pg = try log.verify(expectedHead: nil, progress: nil)
        // Inside a transaction of the caller (its own snapshot): the same verdict.
        let inOne = try owner.transaction { try log.verify(expectedHead: nil, progress: nil) }
        #expect(pg == inOne)
        return (try lotse.store.audit.verify(), pg)
    }

    @Test(arguments: [
        "DELETE FROM transitions WHERE id = (SELECT MAX(id) FROM transitions);",
        """
        INSERT INTO transitions (case_id, event, from_state, to_state, user_id, at, note)
        VALUES (1, 'decide', 'capacity_review', 'integration_planning', 2, '2026-11-25T09:00:00.000Z', NULL);
        """,
        "UPDATE submissions SET instance = replace(instance, 'Team 3', 'Team 4') WHERE id = 1;",
        "UPDATE assignments SET case_group = 'participant' WHERE case_group = 'comparison';",
        "UPDATE cases SET state = 'closed', closed = 1 WHERE id = 3;",
        "UPDATE clients SET last_name = 'Other' WHERE id = 2;",
        "UPDATE users SET role = 'admin' WHERE name = 'carla';",
        "INSERT INTO sites (code, name, created_at) VALUES ('v', 'Velen', 'x'); INSERT INTO user_sites VALUES (2, 2);",
        "UPDATE randomisation_setups SET ratio = '9:1';",
        "DELETE FROM assignments WHERE client_id = 1;",
        "UPDATE audit SET detail = '{}' WHERE seq = 4;",
        "DELETE FROM audit WHERE seq = 5;",
        "UPDATE audit SET records = 'case 1 zz' WHERE seq = (SELECT MAX(seq) FROM audit);",
        "DELETE FROM audit;",
    ])
    func theSameChangeGetsTheSameVerdictOnBoth(_ sql: String) throws {
        let (sqlite, pg) = try verdicts(sql)
        #expect(!pg.isIntact)
        #expect(pg == sqlite, "\(pg.problems) vs \(sqlite.problems)")
    }

    @Test func everyFieldOfAnAuditRowIsCoveredOnPostgreSQL() throws {
        let (lotse, owner) = try regions()
        let log = PostgreSQLAuditLog(connection: owner)
        let target = try log.count() - 3
        let edits: [(String, String)] = [
            ("at", "'2020-01-01T00:00:00.000Z'"), ("actor", "'mallory'"), ("role", "'admin'"), ("action", "'login'"),
            ("case_id", "99"), ("event", "'decide'"), ("from_state", "'x'"), ("to_state", "'y'"), ("detail", "'{}'"),
            ("prev_hash", "'\(String(repeating: "0", count: 64))'"), ("hash", "'\(String(repeating: "1", count: 64))'"),
            ("records", "'case 1 \(String(repeating: "2", count: 64))'"),
            ("hash", "upper(hash)"),
        ]
        for (column, value) in edits {
            try owner.execute("BEGIN; SET LOCAL session_replication_role = replica; "
                + "UPDATE audit SET \(column) = \(value) WHERE seq = \(target)")
            let result = try log.verify(expectedHead: nil, progress: nil)
            try owner.execute("ROLLBACK")
            #expect(result.failure?.seq == target, "editing \(column): \(String(describing: result.failure))")
        }
        #expect(try log.verify(expectedHead: nil, progress: nil).isIntact)
        _ = lotse
    }

    @Test func aWrittenDownHeadIsHeldOnPostgreSQL() throws {
        let (lotse, owner) = try regions()
        let log = PostgreSQLAuditLog(connection: owner)
        let head = try #require(try log.head())
        let rewritten = (head.seq, String(repeating: "a", count: 64))
        #expect(try log.verify(expectedHead: rewritten, progress: nil)
                == (try lotse.sqlite.audit.verify(expectedHead: rewritten)))
        #expect(try log.verify(expectedHead: rewritten, progress: nil).logProblem
                == .headChanged(seq: head.seq, written: rewritten.1, found: head.hash))
        try Self.behindLotsesBack(owner, "DELETE FROM audit WHERE seq > \(head.seq - 2)")
        let cut = try log.verify(expectedHead: head, progress: nil)
        #expect(cut.failure == nil && cut.logProblem == .headMissing(seq: head.seq, last: head.seq - 2))
        #expect(cut.dataProblems.contains { $0.kind == "transition" && $0.reason == .unrecorded })
    }

    @Test func aDroppedAuditTableIsNamedAndCtrlCStopsTheCheck() throws {
        let (_, owner) = try regions()
        let log = PostgreSQLAuditLog(connection: owner)
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try log.verify(expectedHead: nil) { n in
                seen = n
                if n == 3 { throw Stop() }
            }
        }
        #expect(seen == 3 && !owner.inTransaction)
        // The connection is usable afterwards, and verifies intact.
        #expect(try log.verify(expectedHead: nil, progress: nil).isIntact)
        try owner.execute("DROP TABLE audit")
        if case .tableMissing(let rows)? = try log.verify(expectedHead: nil, progress: nil).logProblem {
            #expect(rows > 10)
        } else {
            Issue.record("a dropped audit table is not named")
        }
    }
}

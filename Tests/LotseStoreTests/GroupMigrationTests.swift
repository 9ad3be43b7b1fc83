import Foundation
import Testing
@testable import LotseStore
import LotseTestSupport

/// Schema 4 moves the group out of `cases`: a database of schema 3 keeps every case, and a
/// case's group is then its assignment's (none for a case opened by hand).
@Suite struct GroupMigrationTests {
    @Test func aSchema3DatabaseKeepsItsCasesAndTakesGroupsFromAssignments() throws {
        let dir = TemporaryDirectory()
        let database = try Database(path: dir.file("old.db"))
        try Migrator(Array(Schema.migrator.migrations.prefix(3))).migrate(database)
        try database.execute("""
            INSERT INTO sites (id, code, name, created_at) VALUES (1, 's', 'S', '2026-01-01');
            INSERT INTO users (id, name, role, site_id, password_hash, created_at) VALUES (1, 'eva', 'evaluator', NULL, 'x', '2026-01-01');
            INSERT INTO definitions (id, kind, name, version, sha256, content, stored_at) VALUES (1, 'workflow', 'amiga', '1', 'h', x'00', '2026-01-01');
            INSERT INTO clients (id, site_id, sex, birth_year, applicant_type, created_at, created_by) VALUES
                (1, 1, 'w', 1970, 'SP', '2026-01-01', 'eva'), (2, 1, 'm', 1971, 'SP', '2026-01-01', 'eva');
            INSERT INTO cases (id, client_id, workflow_id, case_group, state, entered_at, opened_at, opened_by) VALUES
                (1, 1, 1, 'comparison', 'referred', '2026-01-01', '2026-01-01', 1),
                (2, 2, 1, 'participant', 'referred', '2026-01-01', '2026-01-01', 1);
            INSERT INTO randomisation_runs (id, site_id, seed, algorithm, ratio, strata, block, participants, comparison, user_id, at)
                VALUES (1, 1, '7', 'permuted-blocks/splitmix64 v1', '1:1', '', 4, 0, 1, 1, '2026-01-01');
            INSERT INTO assignments (client_id, run_id, case_group, stratum, block, position, case_id)
                VALUES (1, 1, 'comparison', 'all', 1, 1, 1);
            """)
        #expect(try Schema.migrator.migrate(database) == Array(4...Schema.migrator.latestVersion))
        let cases = CaseStore(database: database)
        #expect(try cases.case(id: 1)?.group == .comparison)
        // Case 2 claimed to be a participant in a plain column; no assignment backs it.
        #expect(try cases.case(id: 2)?.group == nil)
        #expect(try cases.case(id: 2)?.randomised == false)
        #expect(throws: StoreError.self) { try database.run("UPDATE cases SET case_group = 'participant'") }
    }
}

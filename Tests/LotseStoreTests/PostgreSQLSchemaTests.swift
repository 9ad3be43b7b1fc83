import Testing
@testable import LotseStore
import LotseTestSupport

/// The PostgreSQL schema: migrated once by its owner, append-only by triggers for everyone and
/// by privileges for the application role, which PostgreSQL itself refuses UPDATE and DELETE
/// on the audit log, submissions, transitions and assignments.
@Suite(.enabled(if: TestPostgreSQL.isAvailable, "no PostgreSQL server (LOTSE_TEST_POSTGRES)"))
struct PostgreSQLSchemaTests {
    let owner: PostgreSQLConnection
    let schema: String

    init() throws {
        owner = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        schema = try TestPostgreSQL.scratchSchema(owner)
        try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app")
    }

    /// A connection as the application role on this test's schema.
    func application() throws -> PostgreSQLConnection {
        let app = try PostgreSQLConnection(try #require(TestPostgreSQL.applicationURI))
        try app.execute("SET search_path TO \(schema)")
        return app
    }

    /// One of each append-only row, written as the application role.
    func seed(_ app: PostgreSQLConnection) throws {
        let at = "2026-12-01T10:00:00.000Z"
        try app.run("INSERT INTO sites (code, name, created_at) VALUES ('s', 'Site', $1)", [.text(at)])
        try app.run("INSERT INTO users (name, role, password_hash, created_at) VALUES ('carla', 'caseworker', 'x', $1)", [.text(at)])
        try app.run("INSERT INTO clients (site_id, sex, birth_year, applicant_type, created_at, created_by) VALUES (1, 'w', 1980, 'EP', $1, 'carla')",
                    [.text(at)])
        try app.run("INSERT INTO definitions (kind, name, version, sha256, content, stored_at) VALUES ('workflow', 'w', '1', 'ab', $1, $2)",
                    [.blob([1, 2, 3]), .text(at)])
        try app.run("INSERT INTO cases (client_id, workflow_id, state, entered_at, opened_at, opened_by) VALUES (1, 1, 'a', $1, $1, 1)", [.text(at)])
        try app.run("INSERT INTO transitions (case_id, event, to_state, user_id, at) VALUES (1, 'go', 'b', 1, $1)", [.text(at)])
        try app.run("INSERT INTO submissions (case_id, form, definition_id, entry, instance, user_id, at) VALUES (1, 'f', 1, 1, '<data/>', 1, $1)",
                    [.text(at)])
        try app.run("""
            INSERT INTO audit (seq, at, actor, action, prev_hash, hash) VALUES (1, $1, 'carla', 'init', $2, $3)
            """, [.text(at), .text(AuditEncoding.genesisHash), .text(String(repeating: "a", count: 64))])
        try app.run("""
            INSERT INTO randomisation_runs (site_id, seed, algorithm, ratio, strata, block, participants, comparison, user_id, at)
            VALUES (1, '', 'x', '1:1', '', 4, 1, 0, 1, $1)
            """, [.text(at)])
        try app.run("""
            INSERT INTO assignments (client_id, run_id, case_group, stratum, block, position, case_id) VALUES (1, 1, 'participant', 'all', 1, 1, 1)
            """)
    }

    @Test func theApplicationRoleMayAppendButPostgreSQLRefusesItAnyUpdateOrDelete() throws {
        let app = try application()
        try seed(app)
        for sql in ["UPDATE audit SET actor = 'mallory'", "DELETE FROM audit", "DELETE FROM submissions",
                    "UPDATE submissions SET instance = '<data/>'", "UPDATE transitions SET event = 'x'",
                    "DELETE FROM transitions", "UPDATE assignments SET case_group = 'comparison'", "DELETE FROM assignments",
                    "TRUNCATE audit"] {
            #expect(throws: PostgreSQLError.self, "\(sql)") {
                do { try app.run(sql) } catch let error as PostgreSQLError {
                    #expect(error.state == .insufficientPrivilege, "\(sql): \(error)")
                    throw error
                }
            }
        }
        // What the shell changes it may change.
        #expect(try app.run("UPDATE cases SET state = 'b', version = version + 1 WHERE id = 1 AND version = 1") == 1)
        #expect(try app.scalar("SELECT COUNT(*) FROM audit") == .integer(1))
        #expect(try app.scalar("SELECT COUNT(*) FROM submissions") == .integer(1))
    }

    @Test func triggersRefuseTheOwnerTooAndTheChainMustBeExtended() throws {
        try seed(try application())
        for sql in ["UPDATE audit SET actor = 'mallory'", "DELETE FROM submissions", "TRUNCATE audit CASCADE",
                    "UPDATE assignments SET case_group = 'comparison'"] {
            #expect(throws: PostgreSQLError.self, "\(sql)") {
                do { try owner.run(sql) } catch let error as PostgreSQLError {
                    #expect(error.state == .raiseException, "\(sql): \(error)")
                    throw error
                }
            }
        }
        // A row that does not extend the chain: wrong seq, then wrong previous hash.
        for (seq, prev) in [(3, String(repeating: "a", count: 64)), (2, AuditEncoding.genesisHash)] {
            #expect(throws: PostgreSQLError.self) {
                try owner.run("INSERT INTO audit (seq, at, actor, action, prev_hash, hash) VALUES ($1, 'now', 'x', 'y', $2, 'h')",
                              [.integer(Int64(seq)), .text(prev)])
            }
        }
        try owner.run("INSERT INTO audit (seq, at, actor, action, prev_hash, hash) VALUES (2, 'now', 'x', 'y', $1, 'h')",
                      [.text(String(repeating: "a", count: 64))])
        #expect(try owner.scalar("SELECT COUNT(*) FROM audit") == .integer(2))
    }

    @Test func migratingAgainChangesNothingAndANewerSchemaIsRefused() throws {
        #expect(try PostgreSQLSchema.currentVersion(of: owner) == PostgreSQLSchema.latestVersion)
        #expect(try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app") == [])
        try owner.run("UPDATE schema_version SET version = $1", [.integer(Int64(PostgreSQLSchema.latestVersion + 1))])
        #expect(throws: PostgreSQLSchemaError.newerSchema(found: PostgreSQLSchema.latestVersion + 1,
                                                          known: PostgreSQLSchema.latestVersion)) {
            try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app")
        }
    }

    @Test func theSchemaHasTheSameTablesAndColumnsAsSQLite() throws {
        let directory = TemporaryDirectory()
        let sqlite = try Store(path: directory.file("lotse.db"))
        let sqliteTables = try sqlite.database.query("""
            SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """).map { "\($0[0].string!).\($0[1].string!)" }
        let postgresTables = try owner.query("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name <> 'schema_version'
            """).map { "\($0[0].string!).\($0[1].string!)" }
        #expect(Set(sqliteTables) == Set(postgresTables))
        #expect(Set(PostgreSQLSchema.appendOnlyTables + PostgreSQLSchema.changeableTables)
                == Set(sqliteTables.map { String($0.split(separator: ".")[0]) }))
    }
}

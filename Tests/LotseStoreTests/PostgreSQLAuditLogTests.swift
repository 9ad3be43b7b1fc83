import Foundation
import Synchronization
import Testing
@testable import LotseStore
import LotseTestSupport

/// The audit log on PostgreSQL: the same hashes as on SQLite for the same rows, and many
/// writers at once never fork the chain (the advisory lock), their serialisation failures
/// retried unseen.
@Suite(.enabled(if: TestPostgreSQL.isAvailable, "no PostgreSQL server (LOTSE_TEST_POSTGRES)"))
struct PostgreSQLAuditLogTests {
    let owner: PostgreSQLConnection
    let schema: String

    init() throws {
        owner = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        schema = try TestPostgreSQL.scratchSchema(owner)
        try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app")
    }

    /// A connection as the application role on this test's schema.
    static func application(_ schema: String) throws -> PostgreSQLConnection {
        let app = try PostgreSQLConnection(try #require(TestPostgreSQL.applicationURI))
        try app.execute("SET search_path TO \(schema)")
        return app
    }

    static func draft(_ i: Int, writer: Int = 0) -> AuditDraft {
        AuditDraft(at: String(format: "2026-12-01T10:%02d:%02d.%03dZ", i / 60 % 60, i % 60, writer), actor: "carla",
                   role: i % 3 == 0 ? nil : "caseworker", action: "transition", caseID: i % 4 == 0 ? nil : i,
                   event: "suspend", fromState: "profiling", toState: "suspended",
                   detail: "{\"writer\":\(writer),\"n\":\(i),\"text\":\"Ärztlicher Dienst ✓\"}")
    }

    @Test func theSameRowsGiveTheSameHashesAsOnSQLite() throws {
        let directory = TemporaryDirectory()
        let sqlite = try Store(path: directory.file("lotse.db"))
        let drafts = (1...40).map { Self.draft($0) }
        let onSQLite = try sqlite.transaction { try drafts.map { try sqlite.audit.append($0) } }
        let app = try Self.application(schema)
        let log = PostgreSQLAuditLog(connection: app)
        let onPostgreSQL = try app.transaction { try drafts.map { try log.append($0) } }
        #expect(onPostgreSQL == onSQLite)
        #expect(try log.head()! == (try sqlite.audit.head()!))
        #expect(try log.verifyChain(page: 7) == (40, nil))
    }

    @Test func eightConcurrentWritersNeverForkTheChain() throws {
        let writers = 8, perWriter = 25
        let failures = Mutex<[String]>([])
        let schema = self.schema
        // The chain starts on the empty database (as `init` starts it), then everyone appends.
        try owner.transaction { try PostgreSQLAuditLog(connection: owner).append(Self.draft(0, writer: 99)) }
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                let app = try Self.application(schema)
                let log = PostgreSQLAuditLog(connection: app)
                for i in 1...perWriter {
                    // Each append is its own transaction with a data change, as a command is.
                    try app.transaction {
                        try app.run("INSERT INTO sites (code, name, created_at) VALUES ($1, 'Site', 'now')",
                                    [.text("w\(writer)-\(i)")])
                        try log.append(Self.draft(i, writer: writer))
                    }
                }
            } catch {
                failures.withLock { $0.append("writer \(writer): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let log = PostgreSQLAuditLog(connection: owner)
        #expect(try owner.scalar("SELECT COUNT(*) FROM audit") == .integer(Int64(writers * perWriter + 1)))
        #expect(try owner.scalar("SELECT COUNT(*) FROM sites") == .integer(Int64(writers * perWriter)))
        #expect(try log.head()?.seq == writers * perWriter + 1)
        #expect(try log.verifyChain(page: 50) == (writers * perWriter + 1, nil))
        // Every writer's rows are all there, in its own order.
        for writer in 0..<writers {
            let mine = try owner.query("SELECT detail FROM audit WHERE detail LIKE $1 ORDER BY seq", [.text("{\"writer\":\(writer),%")])
            #expect(mine.map { $0[0].string ?? "" } == (1...perWriter).map { Self.draft($0, writer: writer).detail! })
        }
    }

    @Test func aChangedRowIsNamedByVerifyAndAWipedLogOverDataStartsNoNewChain() throws {
        let log = PostgreSQLAuditLog(connection: owner)
        try owner.transaction { for i in 1...5 { try log.append(Self.draft(i)) } }
        // Only the owner, with the triggers switched off, can change a row: verify names it.
        try owner.execute("ALTER TABLE audit DISABLE TRIGGER USER; UPDATE audit SET actor = 'mallory' WHERE seq = 3")
        #expect(try log.verifyChain() == (2, 3))
        try owner.execute("TRUNCATE audit; ALTER TABLE audit ENABLE TRIGGER USER")
        try owner.run("INSERT INTO sites (code, name, created_at) VALUES ('s', 'Site', 'now')")
        let refused = #expect(throws: AuditError.self) {
            try owner.transaction { try log.append(Self.draft(1)) }
        }
        guard case .missingLog(dataRows: 1)? = refused else { Issue.record("\(String(describing: refused))"); return }
    }
}

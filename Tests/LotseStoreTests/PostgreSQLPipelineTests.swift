import Foundation
import Synchronization
import Testing
@testable import LotseStore
import LotseTestSupport

/// The write path in few round trips: audit rows recorded in a transaction are chained at its
/// commit (reads of the log inside it see them first), deferred writes travel with the next round
/// trip and abort the transaction when they fail, conflicts raised there are retried as ever,
/// and many writers holding the lock only at commit never fork the chain.
@Suite(.enabled(if: TestPostgreSQL.isAvailable, "no PostgreSQL server (LOTSE_TEST_POSTGRES)"))
struct PostgreSQLPipelineTests {
    let owner: PostgreSQLConnection
    let schema: String

    init() throws {
        owner = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        schema = try TestPostgreSQL.scratchSchema(owner)
        try PostgreSQLSchema.migrate(owner, applicationRole: "lotse_app")
    }

    @Test func recordedRowsAreChainedAtCommitAndReadsInsideSeeThemFirst() throws {
        let app = try PostgreSQLAuditLogTests.application(schema)
        let log = PostgreSQLAuditLog(connection: app)
        try app.transaction {
            for i in 1...3 { try log.record(PostgreSQLAuditLogTests.draft(i)) }
            // Not yet inserted: another session sees nothing.
            #expect(try owner.scalar("SELECT COUNT(*) FROM audit") == .integer(0))
            #expect(try log.head()?.seq == 3)
            for i in 4...5 { try log.record(PostgreSQLAuditLogTests.draft(i)) }
        }
        #expect(try owner.scalar("SELECT COUNT(*) FROM audit") == .integer(5))
        #expect(try log.verifyChain(page: 2) == (5, nil))
        let details = try owner.query("SELECT detail FROM audit ORDER BY seq").map { $0[0].string ?? "" }
        #expect(details == (1...5).map { PostgreSQLAuditLogTests.draft($0).detail! })
        // A transaction that throws records nothing.
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try app.transaction {
                try log.record(PostgreSQLAuditLogTests.draft(6))
                throw Stop()
            }
        }
        #expect(try log.head()?.seq == 5)
    }

    @Test func aDeferredWriteThatFailsAbortsTheTransactionAndNothingIsStored() throws {
        let app = try PostgreSQLAuditLogTests.application(schema)
        let log = PostgreSQLAuditLog(connection: app)
        let records = PostgreSQLDirectoryRecords(connection: app)
        let outcome = Result {
            try app.transaction {
                _ = try records.insertSite(code: "h1", name: "Hannover", at: "2026-12-01T10:00:00.000Z")
                try app.runLater("INSERT INTO sites (code, name, created_at, no_such_column) VALUES ($1, $2, $3, 1)",
                                 [.text("h2"), .text("Hameln"), .text("2026-12-01T10:00:00.000Z")])
                try log.record(PostgreSQLAuditLogTests.draft(1))
            }
        }
        guard case let .failure(error) = outcome else {
            Issue.record("a failed deferred write was committed")
            return
        }
        #expect("\(error)".contains("no_such_column"))
        #expect(!app.inTransaction)
        #expect(try owner.scalar("SELECT COUNT(*) FROM sites") == .integer(0))
        #expect(try owner.scalar("SELECT COUNT(*) FROM audit") == .integer(0))
    }

    @Test func aConflictRaisedByADeferredWriteIsRetried() throws {
        let app = try PostgreSQLAuditLogTests.application(schema)
        let log = PostgreSQLAuditLog(connection: app)
        let records = PostgreSQLDirectoryRecords(connection: app)
        var attempts = 0
        try app.transaction {
            attempts += 1
            _ = try records.insertSite(code: "s\(attempts)", name: "Site", at: "2026-12-01T10:00:00.000Z")
            if attempts < 3 {
                try app.runLater("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$", [])
            }
            try log.record(PostgreSQLAuditLogTests.draft(attempts))
        }
        #expect(attempts == 3)
        #expect(try owner.query("SELECT code FROM sites").map { $0[0] } == [.text("s3")])
        let verification = try PostgreSQLAuditLog(connection: owner).verify(expectedHead: nil, progress: nil)
        #expect(verification.isIntact && verification.rowsChecked == 1)
    }

    @Test func writersThatLockOnlyAtCommitNeverForkTheChainAndEveryRowIsCovered() throws {
        let writers = 8, perWriter = 20
        let failures = Mutex<[String]>([])
        let schema = self.schema
        try owner.transaction { try PostgreSQLAuditLog(connection: owner).append(PostgreSQLAuditLogTests.draft(0, writer: 99)) }
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                let app = try PostgreSQLAuditLogTests.application(schema)
                let log = PostgreSQLAuditLog(connection: app)
                let records = PostgreSQLDirectoryRecords(connection: app)
                for i in 1...perWriter {
                    try app.transaction {
                        _ = try records.insertSite(code: "w\(writer)-\(i)", name: "Site", at: "2026-12-01T10:00:00.000Z")
                        try log.record(PostgreSQLAuditLogTests.draft(i, writer: writer))
                    }
                }
            } catch {
                failures.withLock { $0.append("writer \(writer): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let verification = try PostgreSQLAuditLog(connection: owner).verify(expectedHead: nil, progress: nil)
        #expect(verification.isIntact)
        #expect(verification.rowsChecked == writers * perWriter + 1)
        #expect(try owner.scalar("SELECT COUNT(*) FROM sites") == .integer(Int64(writers * perWriter)))
    }
}

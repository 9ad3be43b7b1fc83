import Testing
@testable import LotseStore
import LotseTestSupport

/// The libpq connection: typed values both ways, prepared statements, transactions that roll back
/// on a throw, SQLSTATEs, retries of serialisation failures, and URIs shown without passwords.
@Suite(.enabled(if: TestPostgreSQL.isAvailable, "no PostgreSQL server (LOTSE_TEST_POSTGRES)"))
struct PostgreSQLConnectionTests {
    let connection: PostgreSQLConnection
    let schema: String

    init() throws {
        connection = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        schema = try TestPostgreSQL.scratchSchema(connection)
        try connection.execute("CREATE TABLE t (id BIGSERIAL PRIMARY KEY, name TEXT, n BIGINT, x DOUBLE PRECISION, b BYTEA, f BOOLEAN)")
    }

    @Test func valuesRoundTripWithTheirTypes() throws {
        let bytes: [UInt8] = [0, 1, 0xFE, 0xFF, 0x5C, 0x78]
        try connection.run("INSERT INTO t (name, n, x, b, f) VALUES ($1, $2, $3, $4, $5)",
                           [.text("Ärztlicher Dienst \"ÄD\" ' ; DROP TABLE t"), .integer(-9_007_199_254_740_993),
                            .real(0.1), .blob(bytes), .integer(1)])
        try connection.run("INSERT INTO t (name) VALUES ($1)", [.null])
        let rows = try connection.query("SELECT id, name, n, x, b, f FROM t ORDER BY id")
        #expect(rows.count == 2)
        #expect(rows[0]["id"] == .integer(1))
        #expect(rows[0]["name"] == .text("Ärztlicher Dienst \"ÄD\" ' ; DROP TABLE t"))
        #expect(rows[0]["n"] == .integer(-9_007_199_254_740_993))
        #expect(rows[0]["x"] == .real(0.1))
        #expect(rows[0]["b"] == .blob(bytes))
        #expect(rows[0]["f"] == .integer(1))
        #expect(rows[1]["name"] == .null && rows[1]["n"] == .null)
        #expect(try connection.scalar("SELECT count(*) FROM t") == .integer(2))
    }

    @Test func aThrowRollsBackTheTransaction() throws {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try connection.transaction {
                try connection.run("INSERT INTO t (name) VALUES ($1)", [.text("gone")])
                try connection.transaction { throw Stop() }   // nested: joins, then the outer rolls back
            }
        }
        #expect(try connection.scalar("SELECT count(*) FROM t") == .integer(0))
        #expect(!connection.inTransaction)
    }

    @Test func serverErrorsCarryTheirStateAndStatement() throws {
        try connection.execute("CREATE UNIQUE INDEX t_name ON t(name)")
        try connection.run("INSERT INTO t (name) VALUES ($1)", [.text("once")])
        let outcome = Result { () throws(PostgreSQLError) -> Int in
            try connection.run("INSERT INTO t (name) VALUES ($1)", [.text("once")])
        }
        guard case let .failure(error) = outcome else {
            Issue.record("a duplicate was accepted")
            return
        }
        #expect(error.state == .uniqueViolation)
        #expect(error.description.contains("INSERT INTO t (name)"))
        #expect(!error.description.contains("once"))   // bound values are never shown
    }

    @Test func serialisationFailuresAreRetried() throws {
        var attempts = 0
        let result = try connection.transaction {
            attempts += 1
            try connection.run("INSERT INTO t (name) VALUES ($1)", [.text("attempt \(attempts)")])
            if attempts < 3 {
                try connection.execute("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$")
            }
            return attempts
        }
        #expect(result == 3)
        #expect(try connection.query("SELECT name FROM t").map { $0["name"] } == [.text("attempt 3")])
    }
}

/// Connection URIs: told apart from file paths, shown without passwords.
@Suite struct ConnectionURITests {
    @Test func recognisesPostgreSQLURIsOnly() {
        #expect(ConnectionURI("postgresql://lotse@db/lotse") != nil)
        #expect(ConnectionURI("postgres://db/lotse") != nil)
        #expect(ConnectionURI("lotse.db") == nil)
        #expect(ConnectionURI("/var/lib/lotse/postgresql://x") == nil)
    }

    @Test func passwordsAreRedacted() {
        #expect(ConnectionURI("postgresql://lotse:s3cret@db.example:5432/lotse?sslmode=verify-full")!.redacted
                == "postgresql://lotse:***@db.example:5432/lotse?sslmode=verify-full")
        #expect(ConnectionURI("postgresql://db/lotse?user=lotse&password=s3cret&sslmode=require")!.redacted
                == "postgresql://db/lotse?user=lotse&password=***&sslmode=require")
        #expect(ConnectionURI("postgresql://lotse@/lotse?host=/run/pg")!.redacted == "postgresql://lotse@/lotse?host=/run/pg")
    }

    @Test func aRefusedConnectionNamesTheTargetWithoutThePassword() {
        do {
            _ = try PostgreSQLConnection(ConnectionURI("postgresql://nobody:s3cret@/none?host=/nonexistent-socket-dir")!)
            Issue.record("connected to nothing")
        } catch {
            #expect(error.description.contains("postgresql://nobody:***@/none"))
            #expect(!error.description.contains("s3cret"))
        }
    }
}

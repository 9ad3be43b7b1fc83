import Testing
@testable import LotseStore
import LotseTestSupport

/// The connection's bulk paths: `COPY FROM STDIN` keeps every value exactly (tabs, newlines,
/// backslashes, NULL against empty text, bytes), refuses U+0000 with nothing written, and a
/// streamed query stopped midway leaves the connection usable, inside a transaction or not.
@Suite(.enabled(if: TestPostgreSQL.isAvailable, "no PostgreSQL server (LOTSE_TEST_POSTGRES)"))
struct PostgreSQLStreamingTests {
    let connection: PostgreSQLConnection

    init() throws {
        connection = try PostgreSQLConnection(TestPostgreSQL.ownerURI!)
        _ = try TestPostgreSQL.scratchSchema(connection)
        try connection.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, s TEXT, b BYTEA, r DOUBLE PRECISION)")
    }

    static let values: [[SQLValue]] = [
        [.integer(1), .text("tab\there\nnew line\r\\N back\\slash \\. Ärger ✓"), .blob([0, 1, 0x5C, 0xFF]), .real(2.5)],
        [.integer(2), .text(""), .blob([]), .null],
        [.integer(3), .null, .null, .real(-1e-3)],
    ]

    @Test func copyKeepsEveryValueExactly() throws {
        let copied = try connection.transaction {
            try connection.copyIn(table: "t", columns: ["id", "s", "b", "r"]) { emit in
                for row in Self.values { try emit(row) }
            }
        }
        #expect(copied == 3)
        #expect(try connection.query("SELECT id, s, b, r FROM t ORDER BY id").map(\.values) == Self.values)
    }

    @Test func aNulCharacterIsRefusedAndNothingIsWritten() throws {
        #expect(throws: CopyFailure.nulCharacter(table: "t")) {
            try connection.transaction {
                try connection.copyIn(table: "t", columns: ["id", "s", "b", "r"]) { emit in
                    try emit(Self.values[0])
                    try emit([.integer(9), .text("a\u{0}b"), .null, .null])
                }
            }
        }
        #expect(try connection.scalar("SELECT COUNT(*) FROM t") == .integer(0))
        #expect(!connection.inTransaction)
    }

    @Test func aStreamStoppedMidwayLeavesTheConnectionUsable() throws {
        struct Stop: Error {}
        try connection.execute("INSERT INTO t (id) SELECT generate_series(1, 50000)")
        for inTransaction in [false, true] {
            if inTransaction { try connection.execute("BEGIN") }
            var seen = 0
            #expect(throws: Stop.self) {
                try connection.stream("SELECT id FROM t ORDER BY id") { row in
                    seen += 1
                    #expect(row[0].int == seen)
                    if seen == 10 { throw Stop() }
                }
            }
            #expect(seen == 10)
            #expect(try connection.scalar("SELECT COUNT(*) FROM t") == .integer(50000))
            if inTransaction { try connection.execute("COMMIT") }
        }
        var all = 0
        try connection.stream("SELECT id FROM t WHERE id > $1", [.integer(49990)]) { _ in all += 1 }
        #expect(all == 10)
        #expect(throws: PostgreSQLError.self) { try connection.stream("SELECT nope FROM t") { _ in } }
        #expect(try connection.scalar("SELECT 1") == .integer(1))
    }
}

import Foundation
@_spi(Office) import LotseCases
import LotseStore

/// `lotse-bench --only postgresql --db postgresql://OWNER@…`: the write paths of DESIGN §9 on
/// PostgreSQL next to the same on SQLite, a raw libpq loop doing the same inserts (the floor),
/// and 1, 2, 4, 8 concurrent writers. Each measurement gets its own schema (created, migrated
/// and dropped here), so the database named in the URI keeps nothing.
enum PostgreSQLBenchmark {
    static func run(owner: ConnectionURI, directory: String, definitions: String, quick: Bool,
                    record: (String, String, String) -> Void) throws {
        let fires = quick ? 300 : 2_000
        var trips = 0.0
        let pgDurable = try withSchema(owner) { uri in
            let store = try PostgreSQLStore(uri: uri)
            let (office, carla, ids) = try Benchmarks.prepared(store: store, definitions: definitions, cases: 1)
            let before = store.connection.roundTrips
            let rate = Double(fires) / (try Benchmarks.seconds {
                for i in 0..<fires { try office.fire(by: carla, caseID: ids[0], event: i % 2 == 0 ? "suspend" : "resume") }
            })
            trips = Double(store.connection.roundTrips - before) / Double(fires)
            return rate
        }
        let sqliteDurable = try Benchmarks.durableFires(directory: directory, definitions: definitions, count: fires)
        let floor = try withSchema(owner) { uri in try rawInserts(uri, count: fires) }
        record("PostgreSQL: durable fire through LotseCases (own transaction each)", String(format: "%.0f /s", pgDurable),
               String(format: "SQLite %.0f /s, %.1f round trips each", sqliteDurable, trips))
        record("  raw libpq: same rows, lock, head read, one commit each", String(format: "%.0f /s", floor),
               String(format: "ratio raw / Lotse %.2f×", floor / pgDurable))

        let cases = quick ? 100 : 1_000
        let batch = try withSchema(owner) { uri in
            let store = try PostgreSQLStore(uri: uri)
            let (office, carla, ids) = try Benchmarks.prepared(store: store, definitions: definitions, cases: cases)
            let before = store.connection.roundTrips
            let rate = Double(cases * 12) / (try Benchmarks.seconds {
                for id in ids {
                    try office.inOneTransaction {
                        for i in 0..<12 { try office.fire(by: carla, caseID: id, event: i % 2 == 0 ? "suspend" : "resume") }
                    }
                }
            })
            trips = Double(store.connection.roundTrips - before) / Double(cases * 12)
            return rate
        }
        let sqliteBatch = try Benchmarks.batchTransitions(directory: directory, definitions: definitions,
                                                          cases: cases, perCase: 12)
        record("PostgreSQL: batch transitions (one transaction per case, 12 each)", String(format: "%.0f /s", batch),
               String(format: "SQLite %.0f /s, %.1f round trips each", sqliteBatch, trips))

        let submissions = quick ? 300 : 2_000
        let pgSubmissions = try withSchema(owner) { uri in
            let store = try PostgreSQLStore(uri: uri)
            let (office, carla, ids) = try Benchmarks.prepared(store: store, definitions: definitions, cases: submissions)
            let before = store.connection.roundTrips
            let rate = Double(submissions) / (try Benchmarks.seconds {
                try office.inOneTransaction {
                    for id in ids { try office.submit(by: carla, caseID: id, formID: "profiling", values: Benchmarks.profiling) }
                }
            })
            trips = Double(store.connection.roundTrips - before) / Double(submissions)
            return rate
        }
        let sqliteSubmissions = try Benchmarks.batchSubmissions(directory: directory, definitions: definitions,
                                                                count: submissions, corrections: false)
        record("PostgreSQL: form submissions validated and stored (batch)", String(format: "%.0f /s", pgSubmissions),
               String(format: "SQLite %.0f /s, %.1f round trips each", sqliteSubmissions, trips))

        for writers in [1, 2, 4, 8] {
            let perWriter = quick ? 100 : 500
            let rate = try withSchema(owner) { uri in
                try concurrentFires(uri, definitions: definitions, writers: writers, perWriter: perWriter)
            }
            record("PostgreSQL: \(writers) concurrent writer\(writers == 1 ? "" : "s"), durable fires on own cases",
                   String(format: "%.0f /s", rate.perSecond), rate.intact ? "chain intact" : "CHAIN BROKEN")
        }
    }

    /// Runs `body` with the URI of a new schema migrated like a region's, dropped afterwards.
    static func withSchema<T>(_ owner: ConnectionURI, _ body: (ConnectionURI) throws -> T) throws -> T {
        let admin = try PostgreSQLConnection(owner)
        let schema = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        try admin.execute("CREATE SCHEMA \(schema); SET search_path TO \(schema)")
        defer { try? admin.execute("DROP SCHEMA \(schema) CASCADE") }
        _ = try PostgreSQLSchema.migrate(admin, applicationRole: nil)
        let separator = owner.text.contains("?") ? "&" : "?"
        guard let uri = ConnectionURI(owner.text + separator + "options=-csearch_path%3D" + schema) else {
            preconditionFailure("a PostgreSQL URI stays one with a parameter added")
        }
        return try body(uri)
    }

    /// The floor: the statements one durable fire needs, by hand on libpq: the append lock, the
    /// head read, the case row moved, the audit row inserted (its chain hash computed), one commit.
    static func rawInserts(_ uri: ConnectionURI, count: Int) throws -> Double {
        let connection = try PostgreSQLConnection(uri)
        try connection.execute("""
            CREATE TABLE raw_cases (id INTEGER PRIMARY KEY, state TEXT, version INTEGER);
            CREATE TABLE raw_audit (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT,
              action TEXT NOT NULL, case_id INTEGER, event TEXT, from_state TEXT, to_state TEXT, detail TEXT,
              prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
            INSERT INTO raw_cases VALUES (1, 'profiling', 1);
            """)
        let detail = #"{"transition":"active -> suspended","cond":null,"values":{},"workflow":"amiga 2026.1","sha256":"cf9b61d41145d8e98254fe17b8cda04644d044193a73b5b99ef1feaec6bb2b78","note":null}"#
        return Double(count) / (try Benchmarks.seconds {
            for i in 0..<count {
                try connection.transaction {
                    try connection.execute("SELECT pg_advisory_xact_lock(\(PostgreSQLAuditLog.appendLock))")
                    let last = try connection.query("SELECT seq, hash FROM raw_audit ORDER BY seq DESC LIMIT 1").first
                    let previous = last?[1].string ?? AuditEncoding.genesisHash
                    let draft = AuditDraft(at: Timestamp.string(Date()), actor: "carla", role: "caseworker",
                                           action: "transition", caseID: 1, event: "suspend", fromState: "profiling",
                                           toState: "suspended", detail: detail)
                    let hash = AuditEncoding.hash(prevHash: previous, seq: i + 1, draft)!
                    _ = try connection.run("UPDATE raw_cases SET state = $1, version = version + 1 WHERE id = 1 AND version = $2",
                                           [.text(i % 2 == 0 ? "suspended" : "profiling"), .int(i + 1)])
                    _ = try connection.run("""
                        INSERT INTO raw_audit VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                        """, [.int(i + 1), .text(draft.at), .text("carla"), .text("caseworker"), .text("transition"),
                              .int(1), .text("suspend"), .text("profiling"), .text("suspended"), .text(detail),
                              .text(previous), .text(hash)])
                }
            }
        })
    }

    /// `writers` threads, each with its own connection and office (as separate shells would have),
    /// each firing `perWriter` durable transitions on its own case. - Returns: fires per second
    /// over all writers, and whether the chain is intact afterwards.
    static func concurrentFires(_ uri: ConnectionURI, definitions: String, writers: Int, perWriter: Int) throws
        -> (perSecond: Double, intact: Bool) {
        // One case per writer, opened beforehand.
        let (_, _, ids) = try Benchmarks.prepared(store: try PostgreSQLStore(uri: uri), definitions: definitions,
                                                  cases: writers)
        let failures = Failures()
        let time = Benchmarks.seconds {
            DispatchQueue.concurrentPerform(iterations: writers) { writer in
                do {
                    let store = try PostgreSQLStore(uri: uri)
                    let office = Office(store: store, definitions: DefinitionSet(directory: definitions, store: store),
                                        hasher: PasswordHasher(rounds: 210_000))
                    let carla = try office.login(name: "carla", password: "bench password")
                    for i in 0..<perWriter {
                        try office.fire(by: carla, caseID: ids[writer], event: i % 2 == 0 ? "suspend" : "resume")
                    }
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        if let first = failures.first { throw BenchError.writerFailed(first) }
        let check = try PostgreSQLStore(uri: uri)
        let verification = try check.audit.verify(expectedHead: nil, progress: nil)
        return (Double(writers * perWriter) / time, verification.isIntact)
    }

    /// Errors of concurrent writers, collected across threads.
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [String] = []
        func add(_ message: String) { lock.withLock { messages.append(message) } }
        var first: String? { lock.withLock { messages.first } }
    }

    enum BenchError: Error, CustomStringConvertible {
        case writerFailed(String)
        var description: String {
            switch self {
            case let .writerFailed(message): return "a concurrent writer failed: \(message)"
            }
        }
    }
}

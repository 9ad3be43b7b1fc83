import Foundation
import LotseStore

/// `lotse-bench --only copy --db postgresql://OWNER@… --copy-db PATH`: `lotse copy` of the SQLite
/// store at PATH (a demo region: `lotse demo --clients N`) into a schema of its own (created,
/// migrated and dropped here), then `audit verify` afresh on PostgreSQL next to the same on SQLite.
enum CopyBenchmark {
    static func run(owner: ConnectionURI, source: String, record: (String, String, String) -> Void) throws {
        let connection = try PostgreSQLConnection(owner)
        let schema = "bench_copy_" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        try connection.execute("CREATE SCHEMA \(schema); SET search_path TO \(schema)")
        defer { try? connection.execute("DROP SCHEMA \(schema) CASCADE") }
        try PostgreSQLSchema.migrate(connection, applicationRole: nil)
        let separator = owner.text.contains("?") ? "&" : "?"
        guard let target = ConnectionURI(owner.text + separator + "options=-csearch_path%3D" + schema) else { return }
        var summary: RegionCopy.Summary?
        let copy = try Benchmarks.seconds { summary = try RegionCopy.run(from: source, to: target) }
        let rows = summary?.tables.reduce(0) { $0 + $1.rows } ?? 0
        record("lotse copy: \(rows) rows (source verified, COPY, target verified, one transaction)",
               String(format: "%.2f s", copy), String(format: "%.0f rows/s", Double(rows) / copy))
        let log = PostgreSQLAuditLog(connection: try PostgreSQLConnection(target))
        var intact = false
        let pg = try Benchmarks.seconds { intact = try log.verify(expectedHead: nil, progress: nil).isIntact }
        let store = try Store(readingOnly: source)
        defer { store.close() }
        let sqlite = try Benchmarks.seconds { _ = try store.audit.verify() }
        record("  audit verify on PostgreSQL (chain and data, one snapshot)", String(format: "%.2f s", pg),
               String(format: "SQLite %.2f s", sqlite) + (intact ? "" : " NOT INTACT"))
    }
}

import Foundation

/// `lotse copy --from FILE --to URI`: a project's SQLite database copied to a region's
/// PostgreSQL database, everything verbatim (`TableCopy`), the audit log with its ids, so the
/// chain and every record hash stay the same.
///
/// The source is read in one read transaction: its `audit verify` must pass, and the rows
/// copied are the ones verified. The target must be migrated to this Lotse's schema and empty;
/// it is written in one transaction as the schema's owner (setting the identity sequences
/// past the copied ids needs UPDATE on them, which the application role lacks), and that
/// transaction commits only when `audit verify` passes on the target too, within it, and
/// the target's head is the source's. Anything else rolls back: the target is as it was.
public enum RegionCopy {
    /// What a copy did.
    public struct Summary: Sendable, Equatable {
        /// Rows per table, in copy order.
        public var tables: [Table]
        /// The source's audit head and the target's, equal.
        public var sourceHead: String
        public var targetHead: String
        /// Audit rows the target's verification checked.
        public var rowsVerified: Int

        public struct Table: Sendable, Equatable {
            public var name: String
            public var rows: Int
        }
    }

    /// Copies the SQLite database at `source` to the PostgreSQL database `target` (the owner's
    /// URI). - Parameter progress: told the rows copied so far, then the audit rows verified;
    /// what it throws stops the copy (nothing stays on the target) and is rethrown.
    public static func run(from source: String, to target: ConnectionURI, progress: WorkProgress? = nil) throws -> Summary {
        guard FileManager.default.fileExists(atPath: source) else { throw RegionCopyError.noSource(source) }
        let found = try Database.schemaVersion(ofFileAt: source) ?? 0
        guard found == Schema.migrator.latestVersion else {
            throw RegionCopyError.sourceVersion(path: source, found: found, known: Schema.migrator.latestVersion)
        }
        let store = try Store(readingOnly: source)
        defer { store.close() }
        let connection = try PostgreSQLConnection(target)
        let version = try PostgreSQLSchema.currentVersion(of: connection)
        guard version == PostgreSQLSchema.latestVersion else {
            throw RegionCopyError.targetNotMigrated(target: target.redacted, found: version, known: PostgreSQLSchema.latestVersion)
        }
        // Setting the sequences needs the owner: said before anything is read.
        let role = try connection.scalar("SELECT current_user")?.string ?? ""
        guard try connection.scalar("""
            SELECT pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables
            WHERE schemaname = current_schema() AND tablename = 'audit'
            """) == .integer(1) else {
            throw RegionCopyError.notOwner(target: target.redacted, role: role)
        }
        // One read transaction on the source: the rows verified are the rows copied.
        try store.database.execute("BEGIN")
        defer { try? store.database.execute("COMMIT") }
        let verified = try store.audit.verify()
        guard verified.isIntact else { throw RegionCopyError.sourceBroken(verified.problems) }
        guard let sourceHead = try store.audit.head() else { throw RegionCopyError.emptySource(source) }
        let summary = try connection.transaction(retries: 0) {
            // No one appends meanwhile (the lock of every audit append), and the target is empty.
            try connection.execute("SELECT pg_advisory_xact_lock(\(PostgreSQLAuditLog.appendLock))")
            for (table, _) in TableCopy.tables {
                if try connection.scalar("SELECT EXISTS (SELECT 1 FROM \(table))") == .integer(1) {
                    throw RegionCopyError.targetNotEmpty(target: target.redacted, table: table)
                }
            }
            let counts = try TableCopy.copy(from: store.database, to: connection, progress: progress)
            try setSequences(connection)
            let log = PostgreSQLAuditLog(connection: connection)
            let check = try log.verify(expectedHead: sourceHead, progress: progress)
            guard check.isIntact else { throw RegionCopyError.targetBroken(check.problems) }
            guard let targetHead = try log.head(), targetHead == sourceHead else {
                throw RegionCopyError.headsDiffer(source: "\(sourceHead.seq):\(sourceHead.hash)",
                                                  target: try log.head().map { "\($0.seq):\($0.hash)" })
            }
            return Summary(tables: counts.map { Summary.Table(name: $0.table, rows: $0.rows) },
                           sourceHead: "\(sourceHead.seq):\(sourceHead.hash)",
                           targetHead: "\(targetHead.seq):\(targetHead.hash)", rowsVerified: check.rowsChecked)
        }
        // Statistics for the planner at once (autovacuum would gather them only later): without
        // them a listing's keyset page is planned for the wrong row counts (measured on the 60k
        // region: `case list --overdue`'s first page 139 ms before, 2.7 ms after).
        try connection.execute("ANALYZE")
        return summary
    }

    /// Sets each identity column's sequence past the largest id copied, so the next row the
    /// shell inserts gets a new id.
    static func setSequences(_ connection: PostgreSQLConnection) throws {
        for (table, key) in TableCopy.tables where key == "id" {
            try connection.execute("""
                SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE((SELECT MAX(id) FROM \(table)), 0) + 1, false)
                """)
        }
    }

    /// Writes the whole PostgreSQL database to a new SQLite file at `path` (migrated to this
    /// Lotse's schema, then filled table by table), all read in one REPEATABLE READ snapshot:
    /// `PostgreSQLStore.backup(into:)`. The caller checks the file (`Store(readingOnly:)`).
    static func backup(_ connection: PostgreSQLConnection, into path: String) throws(StoreError) {
        do {
            let began = !connection.inTransaction
            if began { try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") }
            defer { if began { try? connection.execute("COMMIT") } }
            let copy = try Store(path: path)
            defer { copy.close() }
            try copy.database.transaction {
                _ = try TableCopy.copy(from: connection, to: copy.database, progress: nil)
            }
            // As SQLite's own backup leaves its copy: one complete file, no write-ahead log.
            try copy.database.execute("PRAGMA journal_mode=DELETE")
        } catch let error as StoreError {
            throw error
        } catch let error as PostgreSQLError {
            throw .postgreSQL(error)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }
}

/// Why `lotse copy` refused or failed. The target was not changed.
public enum RegionCopyError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSource(String)
    case sourceVersion(path: String, found: Int, known: Int)
    case emptySource(String)
    case sourceBroken([String])
    case targetNotMigrated(target: String, found: Int, known: Int)
    case notOwner(target: String, role: String)
    case targetNotEmpty(target: String, table: String)
    case targetBroken([String])
    case headsDiffer(source: String, target: String?)

    public var description: String {
        switch self {
        case let .noSource(path):
            return "there is no database \(path) to copy (nothing was changed)"
        case let .sourceVersion(path, found, known):
            return "\(path) has schema version \(found), this Lotse writes version \(known): "
                + (found < known ? "bring it up to date first (`lotse migrate --db \(path)`)" : "use the newer Lotse that wrote it")
                + " (nothing was changed)"
        case let .emptySource(path):
            return "\(path) has no audit log: there is no project to copy (nothing was changed)"
        case let .sourceBroken(problems):
            return "the source does not pass `audit verify`, so it is not copied (nothing was changed): "
                + problems.joined(separator: "; ")
        case let .targetNotMigrated(target, found, known):
            return "\(target) has schema version \(found), not \(known): run `lotse migrate --db \(target)` as its owner first "
                + "(nothing was changed)"
        case let .notOwner(target, role):
            return "\(target): role \(role) does not own the schema; copy as its owner (the copy sets the id sequences, "
                + "which the application role may not) (nothing was changed)"
        case let .targetNotEmpty(target, table):
            return "\(target) is not empty (table \(table) has rows): a project is copied only into an empty database "
                + "(nothing was changed)"
        case let .targetBroken(problems):
            return "the copy does not pass `audit verify` on the target, so it was rolled back (nothing was changed): "
                + problems.joined(separator: "; ")
        case let .headsDiffer(source, target):
            return "the copy ends with audit row \(target ?? "none"), the source with \(source): rolled back (nothing was changed)"
        }
    }
}

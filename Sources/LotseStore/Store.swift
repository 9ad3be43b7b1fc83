import CSQLite
/// The Lotse store: one SQLite database, migrated to the current schema, with its
/// record sets and audit log.
public final class Store {
    /// The connection.
    public let database: Database
    /// The audit log.
    public let audit: AuditLog
    /// Users and sites.
    public let directory: DirectoryRecords
    /// Definitions, clients, cases, transitions, submissions.
    public let cases: CaseStore
    /// The randomisation pool, runs and assignments; project secrets.
    public let randomisation: RandomisationStore
    /// The evaluation's ordered scans and the caseload.
    public let evaluation: EvaluationQueries

    /// Opens (creating if needed) and migrates the database at `path`.
    /// - Throws: `StoreError.newerSchema` when a newer Lotse wrote it; nothing is changed then.
    public init(path: String) throws {
        // Check the version before the connection switches the journal mode, so that a
        // database of a newer Lotse stays byte for byte as it was.
        if let found = try Database.schemaVersion(ofFileAt: path), found > Schema.migrator.latestVersion {
            throw StoreError.newerSchema(path: path, found: found, known: Schema.migrator.latestVersion)
        }
        database = try Database(path: path)
        try Schema.migrator.migrate(database)
        audit = AuditLog(database: database)
        directory = DirectoryRecords(database: database)
        cases = CaseStore(database: database)
        randomisation = RandomisationStore(database: database)
        evaluation = EvaluationQueries(database: database)
    }

    /// Opens an existing database only for reading, without migrating it (to check a backup).
    public init(readingOnly path: String) throws {
        database = try Database(path: path, readOnly: true)
        audit = AuditLog(database: database)
        directory = DirectoryRecords(database: database)
        cases = CaseStore(database: database)
        randomisation = RandomisationStore(database: database)
        evaluation = EvaluationQueries(database: database)
    }

    /// The database file and its companions (`-wal`, `-shm`, `-journal`), which no output may overwrite.
    public var files: [String] {
        [database.path, database.path + "-wal", database.path + "-shm", database.path + "-journal"]
    }

    /// A safe output file (see `OutputFile`) that never overwrites `files` or `alsoProtecting`;
    /// output for standard output or a device is staged beside the database.
    public func output(_ target: OutputTarget, alsoProtecting extra: [String] = []) throws(OutputError) -> OutputFile {
        try OutputFile(target, protecting: files + extra, scratchFolder: FilePaths.folder(of: database.path))
    }

    /// The database file.
    public var path: String { database.path }

    /// The pseudonym key file beside the database file (`PATH.key`).
    public var defaultKeyFile: String? { database.path + ".key" }

    /// Whether a transaction is open (`begin()`, or inside `transaction`).
    public var inTransaction: Bool { database.inTransaction }

    /// Writes a consistent snapshot of the whole database to a new file at `path` (SQLite's
    /// online backup API).
    public func backup(into path: String) throws(StoreError) { try database.backup(into: path) }

    /// SQLite's `PRAGMA integrity_check` answer: `ok`, or the problems found.
    public func integrityCheck() throws(StoreError) -> String {
        try database.scalar("PRAGMA integrity_check")?.string ?? "no answer"
    }

    /// Closes the connection (see `Database.close`).
    public func close() { database.close() }

    /// Runs `body` as one transaction (see `Database.transaction`).
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try database.transaction(body)
    }

    /// Opens a transaction that every change joins until `commit()` or `rollback()`.
    public func begin() throws(StoreError) { try database.begin() }
    /// Commits what `begin()` opened.
    public func commit() throws(StoreError) { try database.commit() }
    /// Undoes everything since `begin()`.
    public func rollback() throws(StoreError) { try database.rollback() }
}

@available(*, unavailable)
extension Store: Sendable {}

extension Store {
    /// The version of the SQLite library Lotse runs with (`3.40.1`), for `lotse --version`.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}

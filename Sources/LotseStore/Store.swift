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

    /// Opens (creating if needed) and migrates the database at `path`.
    /// - Throws: `StoreError.newerSchema` when a newer Lotse wrote it; nothing is changed then.
    public init(path: String) throws {
        database = try Database(path: path)
        try Schema.migrator.migrate(database)
        audit = AuditLog(database: database)
        directory = DirectoryRecords(database: database)
        cases = CaseStore(database: database)
        randomisation = RandomisationStore(database: database)
    }

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

/// A Lotse store on PostgreSQL (a region's database, DESIGN §6): one libpq connection, connected
/// as the application role, its schema migrated by the owner beforehand (`lotse migrate`), with the
/// same record sets as the SQLite `Store` behind the same protocols (`RecordStore`).
public final class PostgreSQLStore {
    /// The connection.
    public let connection: PostgreSQLConnection
    /// The audit log.
    public let audit: PostgreSQLAuditLog
    /// Users and sites.
    public let directory: PostgreSQLDirectoryRecords
    /// Definitions, clients, cases, transitions, submissions.
    public let cases: PostgreSQLCaseRecords
    /// The randomisation pool, runs and assignments; project secrets.
    public let randomisation: PostgreSQLRandomisationRecords
    /// The evaluation's ordered scans and the caseload.
    public let evaluation: PostgreSQLEvaluationRecords

    /// Connects to the database at `uri` (whose schema `lotse migrate` created) and checks its
    /// schema version. The application role cannot change the schema, so the store never migrates
    /// on open as the SQLite store does: the owner runs `lotse migrate` first.
    /// - Throws: `StoreError.postgreSQL` when the server cannot be reached; `StoreError.cannotOpen`
    ///   (naming `lotse migrate`) when the schema is missing or older than this Lotse; `StoreError.newerSchema` when a newer
    ///   Lotse migrated it (nothing is changed).
    public init(uri: ConnectionURI) throws {
        do { connection = try PostgreSQLConnection(uri) } catch { throw StoreError.postgreSQL(error) }
        let found: Int
        do { found = try PostgreSQLSchema.currentVersion(of: connection) } catch { throw StoreError.postgreSQL(error) }
        if found > PostgreSQLSchema.latestVersion {
            throw StoreError.newerSchema(path: uri.redacted, found: found, known: PostgreSQLSchema.latestVersion)
        }
        if found < PostgreSQLSchema.latestVersion {
            throw StoreError.cannotOpen(path: uri.redacted, reason: found == 0
                ? "it holds no Lotse schema: its owner creates it with `lotse migrate --db OWNER_URI` (nothing was changed)"
                : "its schema has version \(found), this Lotse needs \(PostgreSQLSchema.latestVersion): its owner updates "
                    + "it with `lotse migrate --db OWNER_URI` (nothing was changed)")
        }
        audit = PostgreSQLAuditLog(connection: connection)
        directory = PostgreSQLDirectoryRecords(connection: connection)
        cases = PostgreSQLCaseRecords(connection: connection)
        randomisation = PostgreSQLRandomisationRecords(connection: connection)
        evaluation = PostgreSQLEvaluationRecords(connection: connection)
    }

    /// The connection URI without its password.
    public var path: String { connection.target }

    /// None: a server has no folder for the pseudonym key file to lie in; it is named with
    /// `--key-file` or `LOTSE_KEY_FILE` (and never stored in the database).
    public var defaultKeyFile: String? { nil }

    /// Whether a transaction is open.
    public var inTransaction: Bool { connection.inTransaction }

    /// Runs `body` as one transaction (see `PostgreSQLConnection.transaction`).
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }

    /// Opens a transaction that every change joins until `commit()` or `rollback()`.
    public func begin() throws(StoreError) { try connection.begin() }

    /// Commits what `begin()` opened.
    public func commit() throws(StoreError) { try connection.commit() }

    /// Undoes everything since `begin()`.
    public func rollback() throws(StoreError) { try connection.rollback() }

    /// A safe output file (see `OutputFile`) that never overwrites `extra` (the pseudonym key
    /// file). There is no database file to protect (the connection target stands in its place,
    /// so that `extra` is named as what it is); output for standard output or a device is staged
    /// in the folder of the first of `extra` (the key file's), else the working directory.
    public func output(_ target: OutputTarget, alsoProtecting extra: [String]) throws(OutputError) -> OutputFile {
        try OutputFile(target, protecting: [path] + extra, scratchFolder: extra.first.map(FilePaths.folder(of:)) ?? ".")
    }

    public func backup(into path: String) throws(StoreError) {
        // Every table, read in one snapshot, into a new SQLite file of this Lotse's schema.
        try RegionCopy.backup(connection, into: path)
    }

    /// Closes the connection.
    public func close() { connection.close() }
}

extension PostgreSQLStore: RecordStore {}

@available(*, unavailable)
extension PostgreSQLStore: Sendable {}

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

    /// Connects to the database at `uri` (whose schema `lotse migrate` created).
    public init(uri: ConnectionURI) throws {
        connection = try PostgreSQLConnection(uri)
        audit = PostgreSQLAuditLog(connection: connection)
        directory = PostgreSQLDirectoryRecords(connection: connection)
        cases = PostgreSQLCaseRecords(connection: connection)
        randomisation = PostgreSQLRandomisationRecords(connection: connection)
        evaluation = PostgreSQLEvaluationRecords(connection: connection)
    }

    /// The connection URI without its password.
    public var path: String { connection.target }

    /// Whether a transaction is open.
    public var inTransaction: Bool { connection.inTransaction }

    /// Runs `body` as one transaction (see `PostgreSQLConnection.transaction`).
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }

    public func begin() throws(StoreError) {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func commit() throws(StoreError) {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func rollback() throws(StoreError) {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func output(_ target: OutputTarget, alsoProtecting extra: [String]) throws(OutputError) -> OutputFile {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    public func backup(into path: String) throws(StoreError) {
        // Every table, read in one snapshot, into a new SQLite file of this Lotse's schema.
        try RegionCopy.backup(connection, into: path)
    }

    /// Closes the connection.
    public func close() {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }
}

extension PostgreSQLStore: RecordStore {}

@available(*, unavailable)
extension PostgreSQLStore: Sendable {}

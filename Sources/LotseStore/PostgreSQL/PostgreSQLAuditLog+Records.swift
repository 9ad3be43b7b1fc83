/// The audit log's reading side on PostgreSQL: single rows, the indexes for "did you mean", the
/// filtered stream and `audit verify` (the chain, a written-down head, and the covered data tables
/// against the record hashes the chain holds, as `AuditLog.verify` does on SQLite).
extension PostgreSQLAuditLog: AuditRecordSet {
    /// The hash of row `seq`, or nil when there is no such row.
    public func hash(at seq: Int) throws -> String? {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    /// Every action that occurs in the log, in order.
    public func actions() throws -> [String] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    /// Every actor name that occurs in the log, in order.
    public func actors() throws -> [String] {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    /// The number of rows.
    public func count() throws -> Int {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    /// Streams the rows that match `filter`, oldest first.
    public func query(_ filter: AuditFilter, _ body: (AuditEntry) throws -> Void) throws {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }

    /// See `AuditRecordSet.verify`.
    public func verify(expectedHead: (seq: Int, hash: String)?, progress: WorkProgress?) throws -> AuditVerification {
        fatalError("PostgreSQL: \(#function) is not built yet")
    }
}

/// The audit log on PostgreSQL: the same rows, the same canonical encoding and so the same
/// hashes as on SQLite (`AuditEncoding` encodes values, never storage). SQLite has one writer
/// at a time; PostgreSQL has many, so an append first takes a transaction-level advisory lock
/// (`pg_advisory_xact_lock`): concurrent writers queue there, each reads the head only once it
/// holds the lock (READ COMMITTED: the next statement sees what the last holder committed), and
/// the chain never forks. The lock is released by the commit or rollback of the transaction
/// that carries the change and its row.
public struct PostgreSQLAuditLog {
    let connection: PostgreSQLConnection

    /// The advisory lock key of audit appends ("lotse-audit").
    public static let appendLock: Int64 = 0x6c6f_7473_6561_7564

    /// The log on `connection` (its schema migrated by `PostgreSQLSchema`).
    public init(connection: PostgreSQLConnection) { self.connection = connection }

    /// Appends a row inside the caller's transaction (`PostgreSQLConnection.transaction`), so
    /// that the row and the change it records commit together, recording the content hash of
    /// each of the covered rows `written` in this transaction (as `records`; read back here, so
    /// the row vouches for what is stored).
    /// - Throws: `AuditError.missingLog` when the log is empty but data tables hold rows (a new
    ///   chain is never started over data); `AuditError.corruptHead` when the last hash is not hex.
    @discardableResult
    public func append(_ draft: AuditDraft, recording written: [RecordRef]) throws -> AuditEntry {
        precondition(connection.inTransaction, "audit rows are written in the transaction of their change")
        var draft = draft
        var records: [(RecordRef, Digest32)] = []
        var seen = Set<RecordRef>()
        for ref in connection.pendingRecords + written where seen.insert(ref).inserted {
            // A row written and then removed in the same transaction leaves nothing to record.
            if let hash = try CoveredRecords.hash(ref, in: connection) { records.append((ref, hash)) }
        }
        connection.clearPending()
        if !records.isEmpty { draft.records = CoveredRecords.text(records) }
        try connection.execute("SELECT pg_advisory_xact_lock(\(Self.appendLock))")
        let last = try connection.query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").first
        let seq = (last?[0].int ?? 0) + 1
        let prevHash = last?[1].string ?? AuditEncoding.genesisHash
        if last == nil {
            let rows = try CoveredRecords.kinds.reduce(0) {
                $0 + (try connection.scalar("SELECT COUNT(*) FROM \($1.table)")?.int ?? 0)
            }
            // Only a new database starts a chain: every data row there must be one this row records.
            let recorded = draft.records.map { $0.split(separator: "\n").count } ?? 0
            if rows > recorded { throw AuditError.missingLog(dataRows: rows) }
        }
        guard let hash = AuditEncoding.hash(prevHash: prevHash, seq: seq, draft) else {
            throw AuditError.corruptHead(seq: seq - 1)
        }
        try connection.run("""
            INSERT INTO audit (seq, at, actor, role, action, case_id, event, from_state, to_state, detail, prev_hash, hash,
                               records)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """, [.int(seq), .text(draft.at), .text(draft.actor), .text(draft.role), .text(draft.action),
                  .int(draft.caseID), .text(draft.event), .text(draft.fromState), .text(draft.toState),
                  .text(draft.detail), .text(prevHash), .text(hash), .text(draft.records)])
        return AuditEntry(seq: seq, draft: draft, prevHash: prevHash, hash: hash)
    }

    /// Appends a row recording every covered data row the record sets wrote in this transaction
    /// since the previous audit row (`PostgreSQLConnection.wrote`).
    @discardableResult
    public func append(_ draft: AuditDraft) throws -> AuditEntry {
        try append(draft, recording: [])
    }

    /// The last row's sequence number and hash, nil for an empty log.
    public func head() throws(PostgreSQLError) -> (seq: Int, hash: String)? {
        guard let row = try connection.query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").first,
              let seq = row[0].int, let hash = row[1].string else { return nil }
        return (seq, hash)
    }

    /// Recomputes the chain in pages of `page` rows: every `seq` the next number, every
    /// `prev_hash` the previous row's hash, every hash the one its fields give.
    /// - Returns: the rows checked and the first row that does not match (nil: intact).
    public func verifyChain(page: Int = 10_000) throws(PostgreSQLError) -> (rows: Int, firstBreak: Int?) {
        var expected = (seq: 1, prevHash: AuditEncoding.genesisHash)
        var rows = 0
        while true {
            let batch = try connection.query("""
                SELECT seq, at, actor, role, action, case_id, event, from_state, to_state, detail, prev_hash, hash, records
                FROM audit WHERE seq >= $1 ORDER BY seq LIMIT $2
                """, [.int(expected.seq), .int(page)])
            if batch.isEmpty { return (rows, nil) }
            for row in batch {
                let draft = AuditDraft(at: row[1].string ?? "", actor: row[2].string ?? "", role: row[3].string,
                                       action: row[4].string ?? "", caseID: row[5].int, event: row[6].string,
                                       fromState: row[7].string, toState: row[8].string, detail: row[9].string,
                                       records: row[12].string)
                let seq = row[0].int ?? 0
                guard seq == expected.seq, row[10].string == expected.prevHash,
                      let hash = row[11].string, AuditEncoding.hash(prevHash: expected.prevHash, seq: seq, draft) == hash
                else { return (rows, seq) }
                rows += 1
                expected = (seq + 1, hash)
            }
        }
    }
}

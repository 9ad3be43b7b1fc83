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

    /// Records `draft` as an audit row of the caller's transaction (`PostgreSQLConnection.transaction`),
    /// with the content hash of each covered row the record sets wrote since the previous row
    /// (`records`: from the values the writing statement returned, else read back here, so the
    /// row vouches for what is stored). The row is chained when the transaction commits
    /// (``flush(commit:)``): the append lock is then held only for the head read, the inserts
    /// and the commit, two round trips, while concurrent writers do their other work.
    public func record(_ draft: AuditDraft) throws {
        precondition(connection.inTransaction, "audit rows are written in the transaction of their change")
        var draft = draft
        draft.records = try coveredRecords(recording: [])
        connection.pendingAudit.append(draft)
    }

    /// Appends a row at once, inside the caller's transaction, after the rows recorded before it
    /// (for a caller that needs its `seq` and `hash`), recording the covered rows as ``record(_:)``
    /// does, and those `written` as well.
    /// - Throws: `AuditError.missingLog` when the log is empty but data tables hold rows (a new
    ///   chain is never started over data); `AuditError.corruptHead` when the last hash is not hex.
    @discardableResult
    public func append(_ draft: AuditDraft, recording written: [RecordRef]) throws -> AuditEntry {
        precondition(connection.inTransaction, "audit rows are written in the transaction of their change")
        var draft = draft
        draft.records = try coveredRecords(recording: written)
        connection.pendingAudit.append(draft)
        guard let entry = try flush(commit: false).last else { preconditionFailure("a row was pending") }
        return entry
    }

    /// Appends a row recording every covered data row the record sets wrote in this transaction
    /// since the previous audit row (`PostgreSQLConnection.wrote`).
    @discardableResult
    public func append(_ draft: AuditDraft) throws -> AuditEntry {
        try append(draft, recording: [])
    }

    /// The `records` text for the covered rows written since the last audit row and `written`.
    private func coveredRecords(recording written: [RecordRef]) throws -> String? {
        var records: [(RecordRef, Digest32)] = []
        var seen = Set<RecordRef>()
        for ref in connection.pendingRecords + written where seen.insert(ref).inserted {
            if let known = connection.knownHashes[ref] {
                records.append((ref, known))
            } else if let hash = try CoveredRecords.hash(ref, in: connection) {
                // A row written and then removed in the same transaction leaves nothing to record.
                records.append((ref, hash))
            }
        }
        connection.clearPending()
        connection.knownHashes = [:]
        return CoveredRecords.text(records)
    }

    /// Chains the transaction's pending rows onto the log and inserts them: the append lock and
    /// the head read in one round trip (each statement its own snapshot, so the head is read only
    /// once the lock is held: concurrent writers queue there and the chain never forks), then
    /// the inserts, with the `COMMIT` when `commit` (which releases the lock), in a second one.
    /// - Returns: the rows appended.
    @discardableResult
    func flush(commit: Bool) throws -> [AuditEntry] {
        let drafts = connection.pendingAudit
        guard !drafts.isEmpty else {
            if commit { try connection.pipeline([.init("COMMIT")]) }
            return []
        }
        let answers = try connection.pipelineRows([
            .init("SELECT pg_advisory_xact_lock($1)", [.integer(Self.appendLock)]),
            .init("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"),
        ])
        let last = answers[1].first
        var seq = last?[0].int ?? 0
        var prevHash = last?[1].string ?? AuditEncoding.genesisHash
        if last == nil {
            let rows = try CoveredRecords.kinds.reduce(0) {
                $0 + (try connection.scalar("SELECT COUNT(*) FROM \($1.table)")?.int ?? 0)
            }
            // Only a new database starts a chain: every data row there must be one these rows record.
            let recorded = drafts.reduce(0) { $0 + ($1.records.map { $0.split(separator: "\n").count } ?? 0) }
            if rows > recorded { throw AuditError.missingLog(dataRows: rows) }
        }
        var entries: [AuditEntry] = []
        var steps: [PostgreSQLConnection.PipelineStep] = []
        for draft in drafts {
            seq += 1
            guard let hash = AuditEncoding.hash(prevHash: prevHash, seq: seq, draft) else {
                throw AuditError.corruptHead(seq: seq - 1)
            }
            steps.append(.init("""
                INSERT INTO audit (seq, at, actor, role, action, case_id, event, from_state, to_state, detail, prev_hash,
                                   hash, records)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                """, [.int(seq), .text(draft.at), .text(draft.actor), .text(draft.role), .text(draft.action),
                      .int(draft.caseID), .text(draft.event), .text(draft.fromState), .text(draft.toState),
                      .text(draft.detail), .text(prevHash), .text(hash), .text(draft.records)]))
            entries.append(AuditEntry(seq: seq, draft: draft, prevHash: prevHash, hash: hash))
            prevHash = hash
        }
        if commit { steps.append(.init("COMMIT")) }
        try connection.pipeline(steps)
        connection.pendingAudit = []
        return entries
    }

    /// Chains the pending rows first, so that a read of the log inside the transaction sees them.
    func settle() throws {
        if !connection.pendingAudit.isEmpty { try flush(commit: false) }
    }

    /// The last row's sequence number and hash, nil for an empty log.
    public func head() throws -> (seq: Int, hash: String)? {
        try settle()
        guard let row = try connection.query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").first,
              let seq = row[0].int, let hash = row[1].string else { return nil }
        return (seq, hash)
    }

    /// Recomputes the chain in pages of `page` rows: every `seq` the next number, every
    /// `prev_hash` the previous row's hash, every hash the one its fields give.
    /// - Returns: the rows checked and the first row that does not match (nil: intact).
    public func verifyChain(page: Int = 10_000) throws -> (rows: Int, firstBreak: Int?) {
        try settle()
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

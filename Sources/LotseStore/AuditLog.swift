/// The hash-chained, append-only audit log (DESIGN §7).
///
/// Rows are only ever appended, inside the caller's transaction, so that a change and the
/// row recording it commit or roll back together. Triggers refuse UPDATE, DELETE and any
/// INSERT that does not extend the chain.
public struct AuditLog {
    let database: Database
    /// The chain's head as last written in the current transaction (we hold the write lock,
    /// so nobody else can have appended since): saves reading it back in batch work.
    private let cachedHead = HeadCache()

    final class HeadCache {
        var transaction = -1
        var seq = 0
        var hash = ""
    }

    /// The log of a database.
    public init(database: Database) { self.database = database }

    /// Appends a row. Must be called inside a transaction (`Database.transaction`), so that
    /// the row and the change it records are one unit. The row records (`records`) the content
    /// hash of every covered data row written in this transaction since the previous audit row.
    /// - Returns: the stored entry with its sequence number and hash.
    /// - Throws: `AuditError.missingLog` when the log is empty but the database holds data
    ///   (the log was wiped: a new chain is never started then).
    @discardableResult
    public func append(_ draft: AuditDraft) throws -> AuditEntry {
        precondition(database.inTransaction, "audit rows are written in the transaction of their change")
        let seq: Int, prevHash: String
        if cachedHead.transaction == database.transactionNumber {
            (seq, prevHash) = (cachedHead.seq + 1, cachedHead.hash)
        } else {
            let last = try database.query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").first
            (seq, prevHash) = ((last?[0].int ?? 0) + 1, last?[1].string ?? AuditEncoding.genesisHash)
            if last == nil {
                // Only a new database starts a chain: every data row there must be one this row records.
                let rows = try Self.dataRowCount(database)
                if rows > database.pendingRecords.count { throw AuditError.missingLog(dataRows: rows) }
            }
        }
        var draft = draft
        var records: [(RecordRef, Digest32)] = []
        for ref in database.pendingRecords {
            // A row written and then removed in the same transaction leaves nothing to record.
            if let hash = try CoveredRecords.hash(ref, in: database) { records.append((ref, hash)) }
        }
        database.pendingRecords = []
        draft.records = CoveredRecords.text(records)
        guard let hash = AuditEncoding.hash(prevHash: prevHash, seq: seq, draft) else {
            throw AuditError.corruptHead(seq: seq - 1)
        }
        try database.run("""
            INSERT INTO audit (seq, at, actor, role, action, case_id, event, from_state, to_state, detail, prev_hash, hash,
                               records)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.int(seq), .text(draft.at), .text(draft.actor), .text(draft.role), .text(draft.action),
                  .int(draft.caseID), .text(draft.event), .text(draft.fromState), .text(draft.toState),
                  .text(draft.detail), .text(prevHash), .text(hash), .text(draft.records)])
        (cachedHead.transaction, cachedHead.seq, cachedHead.hash) = (database.transactionNumber, seq, hash)
        return AuditEntry(seq: seq, draft: draft, prevHash: prevHash, hash: hash)
    }

    /// The number of rows in the covered data tables.
    static func dataRowCount(_ database: Database) throws -> Int {
        try CoveredRecords.kinds.reduce(0) {
            guard try CoveredRecords.exists($1, in: database) else { return $0 }
            return $0 + (try database.scalar("SELECT COUNT(*) FROM \($1.table)")?.int ?? 0)
        }
    }

    /// Appends a row recording every covered data row as it is now: written once, when a
    /// database from before data coverage is migrated, so that its existing data is vouched for.
    func recordBaseline(at: String) throws {
        for kind in CoveredRecords.kinds where try CoveredRecords.exists(kind, in: database) {
            try database.forEach(kind.select + " ORDER BY r.\(kind.key)") { row in
                database.wrote(kind.name, row[0].int ?? 0)
            }
        }
        try append(AuditDraft(at: at, actor: "lotse", action: "audit.cover",
                              detail: "{\"reason\":\"data written before this version of Lotse, as found\"}"))
    }

    /// The last row's sequence number and hash, or nil for an empty log.
    public func head() throws -> (seq: Int, hash: String)? {
        guard let row = try database.query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").first,
              let seq = row[0].int, let hash = row[1].string else { return nil }
        return (seq, hash)
    }

    /// The hash of row `seq`, or nil when there is no such row.
    public func hash(at seq: Int) throws -> String? {
        try database.scalar("SELECT hash FROM audit WHERE seq = ?", [.int(seq)])?.string
    }

    /// Every action that occurs in the log, in order (from its index; for "did you mean").
    public func actions() throws -> [String] {
        try database.query("SELECT DISTINCT action FROM audit ORDER BY action").compactMap { $0[0].string }
    }

    /// Every actor name that occurs in the log, in order (from its index).
    public func actors() throws -> [String] {
        try database.query("SELECT DISTINCT actor FROM audit ORDER BY actor").compactMap { $0[0].string }
    }

    /// The number of rows.
    public func count() throws -> Int {
        try database.scalar("SELECT COUNT(*) FROM audit")?.int ?? 0
    }

    /// Streams the rows that match `filter`, oldest first.
    public func query(_ filter: AuditFilter, _ body: (AuditEntry) throws -> Void) throws {
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        if let caseID = filter.caseID { clauses.append("case_id = ?"); arguments.append(.int(caseID)) }
        if let actor = filter.actor { clauses.append("actor = ?"); arguments.append(.text(actor)) }
        if let since = filter.since { clauses.append("at >= ?"); arguments.append(.text(since)) }
        if let until = filter.until { clauses.append("at < ?"); arguments.append(.text(until)) }
        if let sites = filter.sites {
            let list = sites.isEmpty ? "NULL" : Array(repeating: "?", count: sites.count).joined(separator: ", ")
            // `+`: the site's cases check rows the other filters (and the seq order) chose; driving the
            // query from them would read every row of every case of the site.
            clauses.append("""
                (+case_id IN (SELECT k.id FROM cases k JOIN clients c ON c.id = k.client_id JOIN sites s ON s.id = c.site_id \
                WHERE s.code IN (\(list))) OR (case_id IS NULL AND +actor IN (SELECT u.name FROM users u \
                WHERE EXISTS (SELECT 1 FROM user_sites us WHERE us.user_id = u.id) AND NOT EXISTS (SELECT 1 FROM user_sites us \
                JOIN sites s ON s.id = us.site_id WHERE us.user_id = u.id AND s.code NOT IN (\(list))))))
                """)
            arguments += (sites + sites).map { SQLValue.text($0) }
        }
        // One arm without an action filter; with one, two arms merged by seq: the action itself
        // (read from the action index in seq order, since SQLite's index holds the row id) and
        // its dot-separated refinements, those from `ACTION.` up to `ACTION/` ('/' follows '.').
        // One condition with OR would make SQLite sort every matching row before the first.
        var arms: [(condition: [String], arguments: [SQLValue])] = [(clauses, arguments)]
        if let action = filter.action {
            arms = [(["action = ?"] + clauses, [.text(action)] + arguments),
                    (["action >= ?", "action < ?"] + clauses, [.text(action + "."), .text(action + "/")] + arguments)]
        }
        var sql = ""
        var bound: [SQLValue] = []
        for arm in arms {
            var select = "SELECT \(Self.columns) FROM audit"
            if !arm.condition.isEmpty { select += " WHERE " + arm.condition.joined(separator: " AND ") }
            bound += arm.arguments
            if let limit = filter.last {
                // Each arm's last rows, then the last of them.
                select = "SELECT * FROM (\(select) ORDER BY seq DESC LIMIT ?)"
                bound.append(.int(limit))
            }
            sql += sql.isEmpty ? select : " UNION ALL " + select
        }
        if let limit = filter.last {
            sql = "SELECT * FROM (\(sql) ORDER BY seq DESC LIMIT ?) ORDER BY seq"
            bound.append(.int(limit))
        } else {
            sql += " ORDER BY seq"
        }
        try database.forEach(sql, bound) { try body(Self.entry($0)) }
    }

    static let columns = "seq, at, actor, role, action, case_id, event, from_state, to_state, detail, prev_hash, hash, records"

    static func entry(_ row: Row) -> AuditEntry {
        AuditEntry(
            seq: row[0].int ?? 0,
            draft: AuditDraft(at: row[1].string ?? "", actor: row[2].string ?? "", role: row[3].string,
                              action: row[4].string ?? "", caseID: row[5].int, event: row[6].string,
                              fromState: row[7].string, toState: row[8].string, detail: row[9].string,
                              records: row[12].string),
            prevHash: row[10].string ?? "", hash: row[11].string ?? "")
    }
}

/// Which audit rows to show. All given conditions must hold.
public struct AuditFilter: Sendable, Equatable {
    public var caseID: Int?
    public var actor: String?
    /// An action or a prefix at a dot boundary (`login` matches `login.failed`).
    public var action: String?
    /// Inclusive lower bound on `at` (ISO 8601 text compares in time order).
    public var since: String?
    /// Exclusive upper bound on `at`.
    public var until: String?
    /// Only the last N matching rows.
    public var last: Int?
    /// Only rows of these sites (codes): those of their cases, and those without a case written
    /// by staff who work only at these sites. nil for every row.
    public var sites: [String]?

    public init(caseID: Int? = nil, actor: String? = nil, action: String? = nil,
                since: String? = nil, until: String? = nil, last: Int? = nil) {
        self.caseID = caseID
        self.actor = actor
        self.action = action
        self.since = since
        self.until = until
        self.last = last
    }
}

/// Errors writing the audit log.
public enum AuditError: Error, Sendable, CustomStringConvertible {
    /// The last row's hash is not valid hex, so no row can be chained to it.
    case corruptHead(seq: Int)
    /// The log is empty although the database holds data: it was wiped, and a new chain is
    /// never started over existing data.
    case missingLog(dataRows: Int)

    public var description: String {
        switch self {
        case let .corruptHead(seq):
            return "audit row \(seq) has a malformed hash; run `audit verify` (nothing was written)"
        case let .missingLog(rows):
            return "the audit log is empty but the database holds \(rows) data rows: the log was removed; "
                + "restore the database from a backup (nothing was written)"
        }
    }
}

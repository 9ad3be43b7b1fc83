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
    /// the row and the change it records are one unit.
    /// - Returns: the stored entry with its sequence number and hash.
    @discardableResult
    public func append(_ draft: AuditDraft) throws -> AuditEntry {
        precondition(database.inTransaction, "audit rows are written in the transaction of their change")
        let seq: Int, prevHash: String
        if cachedHead.transaction == database.transactionNumber {
            (seq, prevHash) = (cachedHead.seq + 1, cachedHead.hash)
        } else {
            let last = try database.query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").first
            (seq, prevHash) = ((last?[0].int ?? 0) + 1, last?[1].string ?? AuditEncoding.genesisHash)
        }
        guard let hash = AuditEncoding.hash(prevHash: prevHash, seq: seq, draft) else {
            throw AuditError.corruptHead(seq: seq - 1)
        }
        try database.run("""
            INSERT INTO audit (seq, at, actor, role, action, case_id, event, from_state, to_state, detail, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.int(seq), .text(draft.at), .text(draft.actor), .text(draft.role), .text(draft.action),
                  .int(draft.caseID), .text(draft.event), .text(draft.fromState), .text(draft.toState),
                  .text(draft.detail), .text(prevHash), .text(hash)])
        (cachedHead.transaction, cachedHead.seq, cachedHead.hash) = (database.transactionNumber, seq, hash)
        return AuditEntry(seq: seq, draft: draft, prevHash: prevHash, hash: hash)
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

    /// Recomputes the whole chain, streaming, and stops at the first row that does not match.
    /// - Parameter progress: called every 10,000 rows with the number checked so far.
    public func verify(progress: ((Int) -> Void)? = nil) throws -> AuditVerification {
        var expectedSeq = 1
        var previous = AuditEncoding.genesisHash
        var failure: AuditBreak?
        do {
            try database.forEach("SELECT \(Self.columns) FROM audit ORDER BY seq") { row in
                let entry = Self.entry(row)
                if entry.seq != expectedSeq {
                    throw AuditBreak(seq: expectedSeq, reason: .missing(found: entry.seq))
                }
                if entry.prevHash != previous {
                    throw AuditBreak(seq: entry.seq, reason: .brokenLink(stored: entry.prevHash, expected: previous))
                }
                let computed = AuditEncoding.hash(prevHash: entry.prevHash, seq: entry.seq, entry.draft) ?? ""
                if computed != entry.hash {
                    throw AuditBreak(seq: entry.seq, reason: .hashMismatch(stored: entry.hash, computed: computed))
                }
                previous = entry.hash
                expectedSeq += 1
                if expectedSeq % 10_000 == 0 { progress?(expectedSeq) }
            }
        } catch let broken as AuditBreak {
            failure = broken
        }
        return AuditVerification(rowsChecked: expectedSeq - 1, head: expectedSeq > 1 ? previous : nil, failure: failure)
    }

    /// Streams the rows that match `filter`, oldest first.
    public func query(_ filter: AuditFilter, _ body: (AuditEntry) throws -> Void) throws {
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        if let caseID = filter.caseID { clauses.append("case_id = ?"); arguments.append(.int(caseID)) }
        if let actor = filter.actor { clauses.append("actor = ?"); arguments.append(.text(actor)) }
        if let action = filter.action {
            // An action filter matches the action itself and its dot-separated refinements.
            clauses.append("(action = ? OR substr(action, 1, ?) = ?)")
            arguments += [.text(action), .int(action.utf8.count + 1), .text(action + ".")]
        }
        if let since = filter.since { clauses.append("at >= ?"); arguments.append(.text(since)) }
        if let until = filter.until { clauses.append("at < ?"); arguments.append(.text(until)) }
        var sql = "SELECT \(Self.columns) FROM audit"
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        if let limit = filter.last {
            sql = "SELECT * FROM (\(sql) ORDER BY seq DESC LIMIT ?) ORDER BY seq"
            arguments.append(.int(limit))
        } else {
            sql += " ORDER BY seq"
        }
        try database.forEach(sql, arguments) { try body(Self.entry($0)) }
    }

    static let columns = "seq, at, actor, role, action, case_id, event, from_state, to_state, detail, prev_hash, hash"

    static func entry(_ row: Row) -> AuditEntry {
        AuditEntry(
            seq: row[0].int ?? 0,
            draft: AuditDraft(at: row[1].string ?? "", actor: row[2].string ?? "", role: row[3].string,
                              action: row[4].string ?? "", caseID: row[5].int, event: row[6].string,
                              fromState: row[7].string, toState: row[8].string, detail: row[9].string),
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

/// The result of `AuditLog.verify`.
public struct AuditVerification: Sendable, Equatable {
    /// Rows whose hash matched before the first failure (all rows when intact).
    public var rowsChecked: Int
    /// The hash of the last good row.
    public var head: String?
    /// The first row that does not match, nil when the chain is intact.
    public var failure: AuditBreak?

    /// True when every row matched.
    public var isIntact: Bool { failure == nil }
}

/// Where and how the chain is broken.
public struct AuditBreak: Error, Sendable, Equatable, CustomStringConvertible {
    /// The first bad row.
    public var seq: Int
    public var reason: Reason

    public enum Reason: Sendable, Equatable {
        /// The row's stored hash differs from the recomputed one: its content was changed.
        case hashMismatch(stored: String, computed: String)
        /// The row's `prev_hash` is not the previous row's hash.
        case brokenLink(stored: String, expected: String)
        /// The row with this sequence number is missing (deleted); the next one found instead.
        case missing(found: Int)
    }

    public var description: String {
        switch reason {
        case let .hashMismatch(stored, computed):
            return "its stored hash \(stored.prefix(16))… does not match the recomputed \(computed.prefix(16))…: "
                + "the row was changed after it was written"
        case let .brokenLink(stored, expected):
            return "its prev_hash \(stored.prefix(16))… is not the hash of row \(seq - 1) (\(expected.prefix(16))…): "
                + "a row was inserted or replaced"
        case let .missing(found):
            return "the row is missing (the next one is \(found)): rows were deleted"
        }
    }
}

/// Errors writing the audit log.
public enum AuditError: Error, Sendable, CustomStringConvertible {
    /// The last row's hash is not valid hex, so no row can be chained to it.
    case corruptHead(seq: Int)

    public var description: String {
        switch self {
        case let .corruptHead(seq):
            return "audit row \(seq) has a malformed hash; run `audit verify` (nothing was written)"
        }
    }
}

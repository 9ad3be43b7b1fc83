import Crypto

/// The audit log's reading side on PostgreSQL: single rows, the indexes for "did you mean", the
/// filtered stream and `audit verify` (the chain, a written-down head, and the covered data tables
/// against the record hashes the chain holds, as `AuditLog.verify` does on SQLite, with the same
/// verdicts). Text is ordered and compared byte by byte (`COLLATE "C"`), as SQLite does.
extension PostgreSQLAuditLog: AuditRecordSet {
    /// The hash of row `seq`, or nil when there is no such row.
    public func hash(at seq: Int) throws -> String? {
        try settle()
        return try connection.scalar("SELECT hash FROM audit WHERE seq = $1", [.int(seq)])?.string
    }

    /// Every action that occurs in the log, in order.
    public func actions() throws -> [String] {
        try connection.query("SELECT DISTINCT action COLLATE \"C\" FROM audit ORDER BY 1").compactMap { $0[0].string }
    }

    /// Every actor name that occurs in the log, in order.
    public func actors() throws -> [String] {
        try connection.query("SELECT DISTINCT actor COLLATE \"C\" FROM audit ORDER BY 1").compactMap { $0[0].string }
    }

    /// The number of rows.
    public func count() throws -> Int {
        try settle()
        return try connection.scalar("SELECT COUNT(*) FROM audit")?.int ?? 0
    }

    /// Streams the rows that match `filter`, oldest first, in pages of `seq` (so `body` may use
    /// the store meanwhile), with the conditions of `AuditLog.query`.
    public func query(_ filter: AuditFilter, _ body: (AuditEntry) throws -> Void) throws {
        try settle()
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        func parameter(_ value: SQLValue) -> String {
            arguments.append(value)
            return "$\(arguments.count)"
        }
        if let caseID = filter.caseID { clauses.append("case_id = \(parameter(.int(caseID)))") }
        if let actor = filter.actor { clauses.append("actor = \(parameter(.text(actor)))") }
        if let since = filter.since { clauses.append("at >= \(parameter(.text(since))) COLLATE \"C\"") }
        if let until = filter.until { clauses.append("at < \(parameter(.text(until))) COLLATE \"C\"") }
        if let sites = filter.sites {
            // The same condition as on SQLite, an empty list included (`IN (NULL)`).
            func list() -> String { sites.isEmpty ? "NULL" : sites.map { parameter(.text($0)) }.joined(separator: ", ") }
            let inCases = list(), inUsers = list()
            clauses.append("""
                (case_id IN (SELECT k.id FROM cases k JOIN clients c ON c.id = k.client_id JOIN sites s ON s.id = c.site_id \
                WHERE s.code IN (\(inCases))) OR (case_id IS NULL AND actor IN (SELECT u.name FROM users u \
                WHERE EXISTS (SELECT 1 FROM user_sites us WHERE us.user_id = u.id) AND NOT EXISTS (SELECT 1 FROM user_sites us \
                JOIN sites s ON s.id = us.site_id WHERE us.user_id = u.id AND s.code NOT IN (\(inUsers))))))
                """)
        }
        // One arm without an action filter; with one, two arms merged by seq, as on SQLite: the
        // action itself and its dot-separated refinements (from `ACTION.` up to `ACTION/`, in
        // byte order), each read from the index on (action in byte order, seq), migration 5.
        let rest = clauses.isEmpty ? "TRUE" : clauses.joined(separator: " AND ")
        var arms = [rest]
        if let action = filter.action {
            let exact = parameter(.text(action)), from = parameter(.text(action + ".")), to = parameter(.text(action + "/"))
            arms = ["action COLLATE \"C\" = \(exact) AND \(rest)",
                    "action COLLATE \"C\" >= \(from) AND action COLLATE \"C\" < \(to) AND \(rest)"]
        }
        /// The arms' rows in seq order (each arm limited and ordered by seq, then merged).
        func merged(_ columns: String, _ extra: String, order: String, limit: String) -> String {
            let selects = arms.map { "(SELECT \(columns) FROM audit WHERE \($0)\(extra) ORDER BY seq \(order) LIMIT \(limit))" }
            return selects.count == 1 ? selects[0] : selects.joined(separator: " UNION ALL ") + " ORDER BY seq \(order) LIMIT \(limit)"
        }
        let page = 1000
        if let limit = filter.last, limit <= page {
            // A short tail in one query (the site condition is then evaluated once, not twice).
            let sql = "SELECT * FROM (\(merged(AuditLog.columns, "", order: "DESC", limit: parameter(.int(limit))))) AS tail ORDER BY seq"
            for row in try connection.query(sql, arguments) { try body(AuditLog.entry(row)) }
            return
        }
        var after = 0
        if let limit = filter.last {
            // The first of the last `limit` matching rows.
            let first = try connection.scalar(
                "SELECT MIN(seq) FROM (\(merged("seq", "", order: "DESC", limit: parameter(.int(limit))))) AS tail",
                arguments)?.int
            arguments.removeLast()
            guard let first else { return }
            after = first - 1
        }
        let seqParameter = parameter(.int(after))
        let sql = merged(AuditLog.columns, " AND seq > \(seqParameter)", order: "", limit: "\(page)")
        while true {
            let rows = try connection.query(sql, arguments)
            for row in rows { try body(AuditLog.entry(row)) }
            guard rows.count == page, let last = rows.last?[0].int else { return }
            arguments[arguments.count - 1] = .int(last)
        }
    }

    /// See `AuditRecordSet.verify`: the verdicts of `AuditLog.verify`, read in one snapshot (a
    /// REPEATABLE READ, read-only transaction, unless the caller's transaction is open: then
    /// in that one, its own writes included). The audit rows and each covered table are streamed.
    public func verify(expectedHead: (seq: Int, hash: String)?, progress: WorkProgress?) throws -> AuditVerification {
        try settle()
        let began = !connection.inTransaction
        if began { try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") }
        defer { if began { try? connection.execute("COMMIT") } }
        guard try connection.scalar("SELECT to_regclass('audit') IS NOT NULL") == .integer(1) else {
            return AuditVerification(rowsChecked: 0, head: nil, failure: nil, dataProblems: [],
                                     logProblem: .tableMissing(dataRows: try dataRowCount()))
        }
        var expectedSeq = 1
        var failure: AuditBreak?
        var logProblem: AuditVerification.LogProblem?
        var recorded = [RecordedHashes](repeating: RecordedHashes(), count: CoveredRecords.kinds.count)
        var previous = Digest32.zero  // the genesis `prev_hash`: 32 zero bytes
        var previousBytes = [UInt8](repeating: 0, count: 32)
        do {
            try connection.stream("SELECT \(AuditLog.columns) FROM audit ORDER BY seq") { row in
                let seq = row[0].int ?? 0
                if seq != expectedSeq { throw AuditBreak(seq: expectedSeq, reason: .missing(found: seq)) }
                // Stored hashes are compared as values, parsed as lowercase hex only.
                guard let storedPrevious = Self.digest(row[10].string), storedPrevious == previous else {
                    throw AuditBreak(seq: seq, reason: .brokenLink(stored: row[10].string ?? "", expected: previous.hex))
                }
                let entry = AuditLog.entry(row)
                var hasher = SHA256()
                hasher.update(data: previousBytes)
                hasher.update(data: AuditEncoding.encode(seq: seq, entry.draft))
                let digest = hasher.finalize()
                let computed = Digest32(digest: digest)
                guard let stored = Self.digest(row[11].string), stored == computed else {
                    throw AuditBreak(seq: seq, reason: .hashMismatch(stored: row[11].string ?? "", computed: computed.hex))
                }
                if let records = entry.draft.records {
                    let wellFormed = CoveredRecords.parse(records) { kind, id, hash in
                        recorded[kind].set(id, hash, seq: seq)
                    }
                    if !wellFormed { throw AuditBreak(seq: seq, reason: .malformedRecords) }
                }
                if let expectedHead, expectedHead.seq == seq, expectedHead.hash != computed.hex {
                    logProblem = .headChanged(seq: seq, written: expectedHead.hash, found: computed.hex)
                }
                previous = computed
                previousBytes = Array(digest)
                expectedSeq += 1
                try progress?(expectedSeq - 1)
            }
        } catch let broken as AuditBreak {
            failure = broken
        }
        let rows = expectedSeq - 1
        if failure == nil, logProblem == nil, let expectedHead, expectedHead.seq > rows {
            logProblem = .headMissing(seq: expectedHead.seq, last: rows)
        }
        var problems: [DataBreak] = []
        if failure == nil {
            // The data are checked only against an intact chain: a broken one vouches for nothing.
            for (index, kind) in CoveredRecords.kinds.enumerated() {
                try progress?(rows)
                if let problem = try compare(kind, against: &recorded[index]) { problems.append(problem) }
            }
            if rows == 0, logProblem == nil {
                let dataRows = try dataRowCount()
                if dataRows > 0 { logProblem = .empty(dataRows: dataRows) }
            }
        }
        return AuditVerification(rowsChecked: rows, head: rows > 0 ? previous.hex : nil, failure: failure,
                                 dataProblems: problems, logProblem: logProblem)
    }

    /// The first row of `kind` (by id) that differs from, or is missing from, what the chain
    /// recorded (as `AuditLog`'s comparison: the smallest id of the three reasons).
    private func compare(_ kind: RecordKind, against remaining: inout RecordedHashes) throws -> DataBreak? {
        var first: DataBreak?
        func note(_ problem: DataBreak) {
            if first == nil || problem.id < first!.id { first = problem }
        }
        try connection.stream(kind.postgreSQLSelect + " ORDER BY r.\(kind.key)") { row in
            let id = row[0].int ?? 0
            guard let entry = remaining.remove(id) else {
                note(DataBreak(kind: kind.name, table: kind.table, id: id, reason: .unrecorded))
                return
            }
            if first == nil, kind.hash(row.values) != entry.hash {
                note(DataBreak(kind: kind.name, table: kind.table, id: id, reason: .changed(seq: entry.seq)))
            }
        }
        if let (id, entry) = remaining.first() {
            note(DataBreak(kind: kind.name, table: kind.table, id: id, reason: .missing(seq: entry.seq)))
        }
        return first
    }

    /// The number of rows in the covered data tables (those that exist).
    func dataRowCount() throws -> Int {
        try CoveredRecords.kinds.reduce(0) { total, kind in
            guard try connection.scalar("SELECT to_regclass($1) IS NOT NULL", [.text(kind.table)]) == .integer(1) else {
                return total
            }
            return total + (try connection.scalar("SELECT COUNT(*) FROM \(kind.table)")?.int ?? 0)
        }
    }

    /// A stored hash as a value: exactly 64 lowercase hex digits, else nil.
    private static func digest(_ text: String?) -> Digest32? {
        guard var text else { return nil }
        return text.withUTF8 { Digest32(hex: $0, lowercaseOnly: true) }
    }
}

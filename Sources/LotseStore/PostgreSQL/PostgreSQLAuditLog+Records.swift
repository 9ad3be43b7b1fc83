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
    ///
    /// For a site-scoped viewer the first rows come from a window of candidates whose cases are
    /// looked up one by one (see `PostgreSQLAuditQuery`): the first screen without collecting
    /// every case of the sites first. Later pages, and a window too sparse to fill the request,
    /// go on with the collected form; both give the same rows.
    public func query(_ filter: AuditFilter, _ body: (AuditEntry) throws -> Void) throws {
        try settle()
        let page = 1000
        if let limit = filter.last, limit <= page {
            if filter.sites != nil, try lookedUpTail(filter, limit: limit, body) { return }
            // A short tail in one query (the site condition is then evaluated once, not twice).
            var query = PostgreSQLAuditQuery(filter, siteCheck: .collected)
            let sql = "SELECT * FROM (\(query.merged(AuditLog.columns, order: "DESC", limit: query.parameter(.int(limit))))) AS tail "
                + "ORDER BY seq"
            for row in try connection.query(sql, query.arguments) { try body(AuditLog.entry(row)) }
            return
        }
        var after = 0
        if let limit = filter.last {
            // The first of the last `limit` matching rows.
            var query = PostgreSQLAuditQuery(filter, siteCheck: .collected)
            let first = try connection.scalar(
                "SELECT MIN(seq) FROM (\(query.merged("seq", order: "DESC", limit: query.parameter(.int(limit))))) AS tail",
                query.arguments)?.int
            guard let first else { return }
            after = first - 1
        } else if filter.sites != nil {
            guard let next = try lookedUpHead(filter, body) else { return }
            after = next
        }
        var query = PostgreSQLAuditQuery(filter, siteCheck: .collected)
        let seqParameter = query.parameter(.int(after))
        let sql = query.merged(AuditLog.columns, " AND seq > \(seqParameter)", order: "", limit: "\(page)")
        while true {
            let rows = try connection.query(sql, query.arguments)
            for row in rows { try body(AuditLog.entry(row)) }
            guard rows.count == page, let last = rows.last?[0].int else { return }
            query.set(seqParameter, .int(last))
        }
    }

    /// Candidates in the window that opens a site-scoped listing: enough for a screen at the
    /// density of a viewer's own rows, few enough to look each one's case up in a few ms.
    static let lookUpWindow = 500
    /// Rows of the first page of a site-scoped listing (two screens).
    static let lookUpPage = 100

    /// The first rows of a site-scoped listing (no `--last`), looked up in the window of the
    /// first candidates: handed to `body`, then the seq after which the listing goes on, or nil
    /// when it is complete.
    private func lookedUpHead(_ filter: AuditFilter, _ body: (AuditEntry) throws -> Void) throws -> Int? {
        var query = PostgreSQLAuditQuery(filter, siteCheck: .lookedUp)
        let window = query.parameter(.int(Self.lookUpWindow))
        let sql = query.lookedUp(order: "", window: window, limit: query.parameter(.int(Self.lookUpPage)))
        let rows = try connection.query(sql, query.arguments)
        for row in rows { try body(AuditLog.entry(row)) }
        if rows.count == Self.lookUpPage { return rows.last?[0].int }
        // The window ran out first: the listing goes on after it, unless it held every candidate.
        var extent = PostgreSQLAuditQuery.candidates(filter)
        let row = try connection.query(extent.windowExtent(order: "", window: extent.parameter(.int(Self.lookUpWindow))),
                                       extent.arguments).first
        guard let count = row?[0].int, count == Self.lookUpWindow, let end = row?[1].int else { return nil }
        return end
    }

    /// The tail of `limit` rows of a site-scoped listing, when the window of the last candidates
    /// holds it (`limit` rows pass, or the window held every candidate): then handed to `body`
    /// and true; else nothing is handed on and false.
    private func lookedUpTail(_ filter: AuditFilter, limit: Int, _ body: (AuditEntry) throws -> Void) throws -> Bool {
        let window = max(Self.lookUpWindow, 2 * limit)
        var query = PostgreSQLAuditQuery(filter, siteCheck: .lookedUp)
        let sql = query.lookedUp(order: "DESC", window: query.parameter(.int(window)), limit: query.parameter(.int(limit)))
        let rows = try connection.query(sql, query.arguments)
        if rows.count < limit {
            var extent = PostgreSQLAuditQuery.candidates(filter)
            let count = try connection.scalar(extent.windowExtent(order: "DESC", window: extent.parameter(.int(window))),
                                              extent.arguments)?.int ?? 0
            guard count < window else { return false }
        }
        for row in rows.reversed() { try body(AuditLog.entry(row)) }
        return true
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

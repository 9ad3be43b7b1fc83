/// `audit verify`: the chain against itself, a written-down head against the chain, and the
/// covered data tables against the record hashes the chain holds (DESIGN §7).
extension AuditLog {
    /// Recomputes the whole chain, streaming, and stops at the first row that does not match;
    /// then, when the chain is intact, checks every covered data row against the last hash an
    /// audit row recorded for it.
    /// - Parameters:
    ///   - expectedHead: a `seq` and `hash` written down earlier: the log must still hold that row.
    ///   - progress: called after each row checked (audit rows, then data rows) with the number
    ///     checked so far; what it throws stops the check and is rethrown.
    public func verify(expectedHead: (seq: Int, hash: String)? = nil,
                       progress: WorkProgress? = nil) throws -> AuditVerification {
        guard try database.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit'")?.int == 1
        else {
            return AuditVerification(rowsChecked: 0, head: nil, failure: nil, dataProblems: [],
                                     logProblem: .tableMissing(dataRows: try Self.dataRowCount(database)))
        }
        var expectedSeq = 1
        var previous = AuditEncoding.genesisHash
        var failure: AuditBreak?
        var logProblem: AuditVerification.LogProblem?
        // Per kind: record id → (last recorded hash, the audit row that recorded it).
        var recorded = [[Int: (hash: Digest32, seq: Int)]](repeating: [:], count: CoveredRecords.kinds.count)
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
                if let text = entry.draft.records {
                    let wellFormed = CoveredRecords.parse(text) { kind, id, hash in
                        recorded[kind][id] = (hash, entry.seq)
                    }
                    if !wellFormed { throw AuditBreak(seq: entry.seq, reason: .malformedRecords) }
                }
                if let expectedHead, expectedHead.seq == entry.seq, expectedHead.hash != entry.hash {
                    logProblem = .headChanged(seq: entry.seq, written: expectedHead.hash, found: entry.hash)
                }
                previous = entry.hash
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
            var checked = rows
            for (index, kind) in CoveredRecords.kinds.enumerated() {
                if let problem = try check(kind, against: &recorded[index], checked: &checked, progress: progress) {
                    problems.append(problem)
                }
            }
            if rows == 0, logProblem == nil {
                let dataRows = try Self.dataRowCount(database)
                if dataRows > 0 { logProblem = .empty(dataRows: dataRows) }
            }
        }
        return AuditVerification(rowsChecked: rows, head: rows > 0 ? previous : nil, failure: failure,
                                 dataProblems: problems, logProblem: logProblem)
    }

    /// The first row of `kind` (by id) that differs from, or is missing from, what the chain recorded.
    /// - Parameter remaining: the recorded hashes by id; emptied of every row found.
    private func check(_ kind: RecordKind, against remaining: inout [Int: (hash: Digest32, seq: Int)],
                       checked: inout Int, progress: WorkProgress?) throws -> DataBreak? {
        var first: DataBreak?
        func note(_ problem: DataBreak) {
            if first == nil || problem.id < first!.id { first = problem }
        }
        try database.forEach(kind.select + " ORDER BY r.\(kind.key)") { row in
            checked += 1
            try progress?(checked)
            let id = row[0].int ?? 0
            guard let entry = remaining.removeValue(forKey: id) else {
                note(DataBreak(kind: kind.name, table: kind.table, id: id, reason: .unrecorded))
                return
            }
            if first == nil, kind.hash(row.values) != entry.hash {
                note(DataBreak(kind: kind.name, table: kind.table, id: id, reason: .changed(seq: entry.seq)))
            }
        }
        if let (id, entry) = remaining.min(by: { $0.key < $1.key }) {
            note(DataBreak(kind: kind.name, table: kind.table, id: id, reason: .missing(seq: entry.seq)))
        }
        return first
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
    /// For each data table, its first row that does not match the chain (changed, missing, or
    /// never recorded). Checked only when the chain is intact.
    public var dataProblems: [DataBreak]
    /// The log as a whole: removed, emptied, or no longer holding a head written down earlier.
    public var logProblem: LogProblem?

    public enum LogProblem: Sendable, Equatable, CustomStringConvertible {
        case tableMissing(dataRows: Int)
        case empty(dataRows: Int)
        /// The written-down head's row is no longer in the log (its tail was cut off).
        case headMissing(seq: Int, last: Int)
        /// The row of the written-down head now has another hash (the log was rewritten).
        case headChanged(seq: Int, written: String, found: String)

        public var description: String {
            switch self {
            case let .tableMissing(rows):
                return "the audit table is missing although the database holds \(rows) data rows: it was removed"
            case let .empty(rows):
                return "the audit log is empty although the database holds \(rows) data rows: it was wiped"
            case let .headMissing(seq, last):
                return "the written-down head row \(seq) is not in the log (it ends at row \(last)): its tail was cut off"
            case let .headChanged(seq, written, found):
                return "row \(seq) has hash \(found.prefix(16))…, not the written-down \(written.prefix(16))…: "
                    + "the log was rewritten"
            }
        }
    }

    public init(rowsChecked: Int, head: String?, failure: AuditBreak?, dataProblems: [DataBreak] = [],
                logProblem: LogProblem? = nil) {
        self.rowsChecked = rowsChecked
        self.head = head
        self.failure = failure
        self.dataProblems = dataProblems
        self.logProblem = logProblem
    }

    /// True when every row matched, every data row matched the chain, and the log is whole.
    public var isIntact: Bool { failure == nil && dataProblems.isEmpty && logProblem == nil }

    /// Every problem found, one sentence each: the broken row, the log as a whole, the data rows.
    public var problems: [String] {
        var lines: [String] = []
        if let failure { lines.append("the audit log is broken at row \(failure.seq): \(failure)") }
        if let logProblem { lines.append(logProblem.description) }
        return lines + dataProblems.map(\.description)
    }
}

/// A data row that does not match the audit chain.
public struct DataBreak: Error, Sendable, Equatable, CustomStringConvertible {
    /// The covered kind (`transition`) and its table (`transitions`).
    public var kind: String
    public var table: String
    /// The row's key.
    public var id: Int
    public var reason: Reason

    public enum Reason: Sendable, Equatable {
        /// The row's content differs from what audit row `seq` recorded.
        case changed(seq: Int)
        /// Audit row `seq` recorded the row, but it is gone.
        case missing(seq: Int)
        /// The row is in the table but no audit row recorded it.
        case unrecorded
    }

    public var description: String {
        switch reason {
        case let .changed(seq):
            return "\(table): \(kind) \(id) differs from what audit row \(seq) recorded: it was changed outside Lotse"
        case let .missing(seq):
            return "\(table): \(kind) \(id), recorded by audit row \(seq), is missing: it was deleted"
        case .unrecorded:
            return "\(table): \(kind) \(id) is not recorded in the audit log: it was added outside Lotse "
                + "(or its audit rows were removed)"
        }
    }
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
        /// The row's `records` field is not `KIND ID HASH` lines of covered kinds.
        case malformedRecords
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
        case .malformedRecords:
            return "its records field is malformed"
        }
    }
}

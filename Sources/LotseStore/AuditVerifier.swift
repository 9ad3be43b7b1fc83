import Crypto

/// `audit verify`: the chain against itself, a written-down head against the chain, and the
/// covered data tables against the record hashes the chain holds (DESIGN §7).
extension AuditLog {
    /// Recomputes the whole chain, streaming, and stops at the first row that does not match;
    /// then, when the chain is intact, checks every covered data row against the last hash an
    /// audit row recorded for it.
    /// - Parameters:
    ///   - expectedHead: a `seq` and `hash` written down earlier: the log must still hold that row.
    ///   - progress: called after each audit row with the number checked so far, and again before
    ///     each covered table is compared; what it throws stops the check and is rethrown.
    public func verify(expectedHead: (seq: Int, hash: String)? = nil,
                       progress: WorkProgress? = nil) throws -> AuditVerification {
        guard try database.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit'")?.int == 1
        else {
            return AuditVerification(rowsChecked: 0, head: nil, failure: nil, dataProblems: [],
                                     logProblem: .tableMissing(dataRows: try Self.dataRowCount(database)))
        }
        // One read transaction: the chain and the data are checked in one state of the database.
        let began = !database.inTransaction
        if began { try database.execute("BEGIN") }
        defer { if began { try? database.execute("COMMIT") } }
        let lastSeq = try database.scalar("SELECT COALESCE(MAX(seq), 0) FROM audit")?.int ?? 0
        // Inside a caller's transaction this connection may see writes no other one sees yet:
        // then the tables are read here, after the chain.
        let tables = began ? DataTableHashes.start(path: database.path, lastSeq: lastSeq) : nil
        var expectedSeq = 1
        var failure: AuditBreak?
        var logProblem: AuditVerification.LogProblem?
        // Per kind: record id → (last recorded hash, the audit row that recorded it).
        var recorded = [RecordedHashes](repeating: RecordedHashes(), count: CoveredRecords.kinds.count)
        // Each row is read in place and encoded straight from SQLite's buffers (`RawRow`): for a
        // million rows, building strings cost more than the hashing. The encoding is the one
        // `AuditEncoding.encode` gives the row's `AuditDraft` (`AuditRowEncodingTests` hold them equal).
        var previous = Digest32.zero  // the genesis `prev_hash`: 32 zero bytes
        var previousBytes = [UInt8](repeating: 0, count: 32)
        var encoding: [UInt8] = []
        encoding.reserveCapacity(4096)
        do {
            try database.forEachRaw("SELECT \(Self.columns) FROM audit ORDER BY seq") { row in
                let seq = row.int(0)
                if seq != expectedSeq {
                    throw AuditBreak(seq: expectedSeq, reason: .missing(found: seq))
                }
                // Stored hashes are compared as values, parsed as lowercase hex only: equal
                // values mean equal texts.
                guard let storedPrevious = row.text(10).flatMap({ Digest32(hex: $0, lowercaseOnly: true) }),
                      storedPrevious == previous else {
                    throw AuditBreak(seq: seq, reason: .brokenLink(stored: Self.string(row.text(10)), expected: previous.hex))
                }
                encoding.removeAll(keepingCapacity: true)
                Self.appendRawFields(row, seq: seq, to: &encoding)
                var hasher = SHA256()
                hasher.update(data: previousBytes)
                hasher.update(data: encoding)
                let digest = hasher.finalize()
                let computed = Digest32(digest: digest)
                guard let stored = row.text(11).flatMap({ Digest32(hex: $0, lowercaseOnly: true) }), stored == computed else {
                    throw AuditBreak(seq: seq, reason: .hashMismatch(stored: Self.string(row.text(11)), computed: computed.hex))
                }
                if let records = row.text(12) {
                    let wellFormed = CoveredRecords.parse(bytes: records) { kind, id, hash in
                        recorded[kind].set(id, hash, seq: seq)
                    }
                    if !wellFormed { throw AuditBreak(seq: seq, reason: .malformedRecords) }
                }
                if let expectedHead, expectedHead.seq == seq, expectedHead.hash != computed.hex {
                    logProblem = .headChanged(seq: seq, written: expectedHead.hash, found: computed.hex)
                }
                previous = computed
                digest.withUnsafeBytes { raw in for k in 0..<32 { previousBytes[k] = raw[k] } }
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
        // A second connection that failed (it could not open, or was busy) changes nothing: the
        // tables are then read here.
        let hashed = (try? tables?.join()) ?? nil
        if failure == nil {
            // The data are checked only against an intact chain: a broken one vouches for nothing.
            for (index, kind) in CoveredRecords.kinds.enumerated() {
                try progress?(rows)
                let problem: DataBreak?
                if let hashed {
                    problem = Self.compare(kind, against: &recorded[index]) { each in
                        for row in hashed[index] { each(row.id, row.hash) }
                    }
                } else {
                    var scratch: [UInt8] = []
                    let exists = try CoveredRecords.exists(kind, in: database)
                    problem = try Self.compare(kind, against: &recorded[index]) { each in
                        guard exists else { return }
                        try database.forEachRaw(kind.select + " ORDER BY r.\(kind.key)") { row in
                            each(row.int(0), kind.hash(raw: row, scratch: &scratch))
                        }
                    }
                }
                if let problem { problems.append(problem) }
            }
            if rows == 0, logProblem == nil {
                let dataRows = try Self.dataRowCount(database)
                if dataRows > 0 { logProblem = .empty(dataRows: dataRows) }
            }
        }
        return AuditVerification(rowsChecked: rows, head: rows > 0 ? previous.hex : nil,
                                 failure: failure,
                                 dataProblems: problems, logProblem: logProblem)
    }

    /// The first row of `kind` (by id) that differs from, or is missing from, what the chain recorded.
    /// - Parameters:
    ///   - remaining: the recorded hashes by id; emptied of every row found.
    ///   - rows: hands each row of the table, by ascending id, with its record hash to `each`.
    private static func compare(_ kind: RecordKind, against remaining: inout RecordedHashes,
                                rows: (_ each: (Int, Digest32) -> Void) throws -> Void) rethrows -> DataBreak? {
        var first: DataBreak?
        func note(_ problem: DataBreak) {
            if first == nil || problem.id < first!.id { first = problem }
        }
        try rows { id, hash in
            guard let entry = remaining.remove(id) else {
                note(DataBreak(kind: kind.name, table: kind.table, id: id, reason: .unrecorded))
                return
            }
            if first == nil, hash != entry.hash {
                note(DataBreak(kind: kind.name, table: kind.table, id: id, reason: .changed(seq: entry.seq)))
            }
        }
        if let (id, entry) = remaining.first() {
            note(DataBreak(kind: kind.name, table: kind.table, id: id, reason: .missing(seq: entry.seq)))
        }
        return first
    }
}

extension AuditLog {
    /// The row's fields as `AuditEncoding.encode(seq:_:)` encodes `entry(row).draft`: `at`,
    /// `actor` and `action` (never NULL in a draft) as empty text when NULL, `records` left out
    /// when NULL.
    static func appendRawFields(_ row: RawRow, seq: Int, to bytes: inout [UInt8]) {
        AuditEncoding.appendField(String(seq), to: &bytes)
        func required(_ column: Int32) {
            switch row.storage(column) {
            case .null, .blob: AuditEncoding.appendField("", to: &bytes)
            default: row.appendField(column, to: &bytes)
            }
        }
        required(1)
        required(2)
        row.appendField(3, to: &bytes)
        required(4)
        // case_id: an integer, or NULL.
        switch row.storage(5) {
        case .integer: row.appendField(5, to: &bytes)
        case .text: AuditEncoding.appendField(SQLValue.text(Self.string(row.text(5))).int.map(String.init), to: &bytes)
        case .real:
            let value = row.double(5)
            AuditEncoding.appendField(value.isFinite && abs(value) < 9e18 ? String(Int(value)) : nil, to: &bytes)
        case .null, .blob: bytes.append(0)
        }
        for column: Int32 in 6...9 { row.appendField(column, to: &bytes) }
        if row.storage(12) != .null, row.storage(12) != .blob { row.appendField(12, to: &bytes) }
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>?) -> String {
        bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
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

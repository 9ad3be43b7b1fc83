import Crypto

/// A data row the audit chain vouches for: its kind (`case`, `transition`, ...) and id.
public struct RecordRef: Sendable, Hashable, CustomStringConvertible {
    public var kind: String
    public var id: Int

    public init(_ kind: String, _ id: Int) {
        self.kind = kind
        self.id = id
    }

    public var description: String { "\(kind) \(id)" }
}

/// One kind of covered record: the table it lives in and the canonical content encoding of
/// its rows (ARCHITECTURE.md, "Data covered by the chain").
///
/// The encoding of a row is the audit field encoding (`AuditEncoding`) of
/// `kind, id, column₁, …, columnₙ` in the listed order: NULL as `0x00`, any other value as
/// `0x01`, a 4-byte big-endian length and its UTF-8 text (integers in decimal). A column
/// marked `digest` contributes the lowercase hex SHA-256 of its UTF-8 text instead of the
/// text itself. The record hash is SHA-256 of that encoding, lowercase hex. Nothing depends on
/// SQLite's storage, so another backend computes the same hashes from the same values.
public struct RecordKind: Sendable {
    /// The name used in audit rows (`case`, `transition`).
    public let name: String
    /// The table holding the rows.
    public let table: String
    /// The key column (an integer).
    public let key: String
    /// The content columns (SQL expressions over the table aliased `r`), in encoding order.
    public let columns: [String]
    /// Indices into `columns` whose value is replaced by its SHA-256 (long content).
    public let digested: Set<Int>
    /// The same columns in PostgreSQL's dialect (where SQLite's differs: `group_concat`).
    public let postgreSQLColumns: [String]
    /// The kind's name as an encoded field (the first field of every record encoding).
    let nameField: [UInt8]

    init(_ name: String, table: String, key: String = "id", columns: [String], digested: Set<Int> = [],
         postgreSQL: [Int: String] = [:]) {
        self.name = name
        self.table = table
        self.key = key
        self.columns = columns
        self.digested = digested
        self.postgreSQLColumns = columns.enumerated().map { postgreSQL[$0.offset] ?? $0.element }
        var field: [UInt8] = []
        AuditEncoding.appendField(name, to: &field)
        self.nameField = field
        self.select = "SELECT r.\(key), " + columns.joined(separator: ", ") + " FROM \(table) r"
        self.postgreSQLSelect = "SELECT r.\(key), " + postgreSQLColumns.joined(separator: ", ") + " FROM \(table) r"
        self.selectOne = select + " WHERE r.\(key) = ?"
        self.postgreSQLSelectOne = postgreSQLSelect + " WHERE r.\(key) = $1"
    }

    /// `SELECT key, columns FROM table r` (made once: every audit row of a write reads its rows with it).
    let select: String

    /// `select` in PostgreSQL's dialect.
    let postgreSQLSelect: String
    /// `select` of one row by key (`?`), and the same in PostgreSQL's dialect (`$1`).
    let selectOne: String, postgreSQLSelectOne: String

    /// The record hash of the row `select` reads, in place (what `hash(_:)` computes from its
    /// values; `audit verify` reads whole tables this way). `scratch` is reused between rows.
    func hash(raw row: RawRow, scratch bytes: inout [UInt8]) -> Digest32 {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: nameField)
        row.appendField(0, to: &bytes)
        for index in 0..<columns.count {
            let column = Int32(index + 1)
            guard digested.contains(index) else {
                row.appendField(column, to: &bytes)
                continue
            }
            var digest: SHA256.Digest
            switch row.storage(column) {
            case .integer, .text:
                digest = SHA256.hash(data: UnsafeRawBufferPointer(row.text(column) ?? UnsafeBufferPointer(start: nil, count: 0)))
            case .real:
                digest = SHA256.hash(data: Array(row.realText(column).utf8))
            case .null, .blob:
                bytes.append(0)
                continue
            }
            var hex: [UInt8] = []
            Hex.append(digest, to: &hex)
            hex.withUnsafeBufferPointer { AuditEncoding.appendField(bytes: $0, to: &bytes) }
        }
        return Digest32(digest: SHA256.hash(data: bytes))
    }


    /// The record hash of a row as selected by `select` (key first).
    func hash(_ values: [SQLValue]) -> Digest32 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        AuditEncoding.appendField(name, to: &bytes)
        AuditEncoding.appendField(values[0].string, to: &bytes)
        for (index, value) in values.dropFirst().enumerated() {
            if digested.contains(index), let text = value.string {
                AuditEncoding.appendField(Hex.encode(SHA256.hash(data: Array(text.utf8))), to: &bytes)
            } else {
                AuditEncoding.appendField(value.string, to: &bytes)
            }
        }
        return Digest32(SHA256.hash(data: bytes))
    }
}

/// The kinds of data rows whose content every audit row that writes them records, and which
/// `audit verify` checks against the chain. One list: covering a new table is one entry here.
public enum CoveredRecords {
    public static let kinds: [RecordKind] = [
        RecordKind("site", table: "sites", columns: ["r.code", "r.name", "r.created_at"]),
        RecordKind("user", table: "users", columns: [
            "r.name", "r.role", "r.password_hash", "r.disabled", "r.created_at", "r.must_change_password",
            // The user's sites: their codes, sorted, comma-separated (NULL for none).
            "(SELECT group_concat(code, ',') FROM (SELECT s.code FROM user_sites us JOIN sites s ON s.id = us.site_id "
                + "WHERE us.user_id = r.id ORDER BY s.code))",
        ], postgreSQL: [6: "(SELECT string_agg(s.code, ',' ORDER BY s.code) FROM user_sites us JOIN sites s "
                            + "ON s.id = us.site_id WHERE us.user_id = r.id)"]),
        RecordKind("client", table: "clients", columns: [
            "r.site_id", "r.sex", "r.birth_year", "r.applicant_type", "r.first_name", "r.last_name", "r.eligible",
            "r.created_at", "r.created_by",
        ]),
        RecordKind("case", table: "cases", columns: [
            "r.client_id", "r.workflow_id", "r.state", "r.history", "r.entered_at", "r.entered_by",
            "r.assigned_to", "r.closed", "r.opened_at", "r.opened_by", "r.version",
        ]),
        RecordKind("transition", table: "transitions", columns: [
            "r.case_id", "r.event", "r.from_state", "r.to_state", "r.user_id", "r.at", "r.note", "r.log",
        ]),
        RecordKind("submission", table: "submissions", columns: [
            "r.case_id", "r.form", "r.definition_id", "r.entry", "r.supersedes", "r.instance", "r.user_id", "r.at",
        ], digested: [5]),
        RecordKind("values", table: "submission_values", key: "submission_id", columns: [
            "r.case_id", "r.form", "r.entry", "r.at", "r.fields",
        ]),
        RecordKind("run", table: "randomisation_runs", columns: [
            "r.site_id", "r.seed", "r.algorithm", "r.ratio", "r.strata", "r.block", "r.participants", "r.comparison",
            "r.user_id", "r.at", "r.setup_id",
        ]),
        RecordKind("assignment", table: "assignments", key: "client_id", columns: [
            "r.run_id", "r.case_group", "r.stratum", "r.block", "r.position", "r.case_id", "r.setup_id", "r.slot",
        ]),
        RecordKind("setup", table: "randomisation_setups", columns: [
            // Not the sealed seed itself: a hash of it in the log would let a low-entropy seed be guessed;
            // the commitment binds it.
            "r.site_id", "r.algorithm", "r.ratio", "r.strata", "r.blocks", "r.legal_basis", "r.commitment",
            "r.user_id", "r.at",
        ]),
        RecordKind("closure", table: "randomisation_closures", key: "setup_id", columns: [
            "r.user_id", "r.at", "r.revealed_at",
        ]),
    ]

    /// Whether the kind's table exists: a database of an older schema (a backup checked without
    /// migrating it, or a migration before the one that made the table) lacks the newer ones.
    /// A missing table reads as empty: rows the chain recorded there are reported missing.
    static func exists(_ kind: RecordKind, in database: Database) throws(StoreError) -> Bool {
        try database.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(kind.table)])?.int == 1
    }

    static let byName: [String: RecordKind] = Dictionary(uniqueKeysWithValues: kinds.map { ($0.name, $0) })

    /// The record hash of one stored row, nil when there is no such row.
    static func hash(_ ref: RecordRef, in database: Database) throws -> Digest32? {
        guard let kind = byName[ref.kind] else { preconditionFailure("not a covered kind: \(ref.kind)") }
        guard let row = try database.query(kind.selectOne, [.int(ref.id)]).first else {
            return nil
        }
        return kind.hash(row.values)
    }

    /// The record hash of one stored row on PostgreSQL, nil when there is no such row: the same
    /// values give the same hash as on SQLite.
    static func hash(_ ref: RecordRef, in connection: PostgreSQLConnection) throws(PostgreSQLError) -> Digest32? {
        guard let kind = byName[ref.kind] else { preconditionFailure("not a covered kind: \(ref.kind)") }
        guard let row = try connection.query(kind.postgreSQLSelectOne, [.int(ref.id)]).first else {
            return nil
        }
        return kind.hash(row.values)
    }

    /// ` RETURNING r.key, columns…` in PostgreSQL's dialect, for an INSERT or UPDATE of the
    /// kind's table aliased `r`: the statement hands back the stored row, so its record hash
    /// (``hash(_:returned:)``) needs no read back.
    static func returning(_ name: String) -> String {
        guard let kind = byName[name] else { preconditionFailure("not a covered kind: \(name)") }
        return " RETURNING r.\(kind.key), " + kind.postgreSQLColumns.joined(separator: ", ")
    }

    /// The record hash of a row as `returning` hands it back (the same values `postgreSQLSelect`
    /// reads, so the same hash as a read back and as on SQLite).
    static func hash(_ name: String, returned values: [SQLValue]) -> Digest32 {
        guard let kind = byName[name] else { preconditionFailure("not a covered kind: \(name)") }
        return kind.hash(values)
    }

    /// The `records` text of an audit row: one line `KIND ID HASH` per record, in the order given.
    static func text(_ records: [(RecordRef, Digest32)]) -> String? {
        guard !records.isEmpty else { return nil }
        return records.map { "\($0.0.kind) \($0.0.id) \($0.1.hex)" }.joined(separator: "\n")
    }

    /// The kinds' names as bytes, for parsing.
    private static let nameBytes: [[UInt8]] = kinds.map { Array($0.name.utf8) }

    /// The index of the kind named by `buffer[start..<end]`.
    private static func kindIndex(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = 0
        while index < nameBytes.count {
            let name = nameBytes[index]
            if name.count == end - start && name[0] == buffer[start] {
                var k = 1
                while k < name.count && name[k] == buffer[start + k] { k += 1 }
                if k == name.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// Parses a `records` text, calling `body` with each record's kind (its index in `kinds`),
    /// id and hash. - Returns: false when the text is malformed (or names no covered kind).
    /// Works on the UTF-8 bytes: `audit verify` parses a million of these.
    static func parse(_ text: String, _ body: (_ kind: Int, _ id: Int, _ hash: Digest32) -> Void) -> Bool {
        var text = text
        return text.withUTF8 { parse(bytes: $0, body) }
    }

    /// Parses a `records` text from its UTF-8 bytes (see `parse(_:_:)`).
    static func parse(bytes buffer: UnsafeBufferPointer<UInt8>,
                      _ body: (_ kind: Int, _ id: Int, _ hash: Digest32) -> Void) -> Bool {
        let n = buffer.count
        var i = 0
        while i < n {
            let start = i
            while i < n && buffer[i] != 0x20 { i += 1 }
            guard i < n, let kind = kindIndex(buffer, from: start, to: i) else { return false }
            i += 1
            var id = 0
            let digits = i
            while i < n, buffer[i] >= 0x30, buffer[i] <= 0x39, i - digits < 18 {
                id = id * 10 + Int(buffer[i] - 0x30)
                i += 1
            }
            guard i > digits, i < n, buffer[i] == 0x20 else { return false }
            i += 1
            guard i + 64 <= n, let hash = Digest32(hex: UnsafeBufferPointer(rebasing: buffer[i..<(i + 64)])) else {
                return false
            }
            i += 64
            if i < n {
                guard buffer[i] == 0x0A, i + 1 < n else { return false }
                i += 1
            }
            body(kind, id, hash)
        }
        return true
    }
}

/// A SHA-256 value held without allocation (record hashes of a whole table fit in memory).
public struct Digest32: Hashable, Sendable {
    var a: UInt64, b: UInt64, c: UInt64, d: UInt64

    /// All zero bits (an empty slot, never a real hash).
    static let zero = Digest32(a: 0, b: 0, c: 0, d: 0)

    private init(a: UInt64, b: UInt64, c: UInt64, d: UInt64) {
        (self.a, self.b, self.c, self.d) = (a, b, c, d)
    }

    /// From a SHA-256 digest, without an intermediate array.
    init(digest: SHA256.Digest) {
        (a, b, c, d) = digest.withUnsafeBytes { raw in
            func word(_ at: Int) -> UInt64 {
                var w: UInt64 = 0
                for k in 0..<8 { w = w << 8 | UInt64(raw[at + k]) }
                return w
            }
            return (word(0), word(8), word(16), word(24))
        }
    }

    init<D: Sequence>(_ digest: D) where D.Element == UInt8 {
        var words: [UInt64] = [0, 0, 0, 0]
        for (i, byte) in digest.enumerated() where i < 32 { words[i / 8] = words[i / 8] << 8 | UInt64(byte) }
        (a, b, c, d) = (words[0], words[1], words[2], words[3])
    }

    /// From 64 hex digits (either case); nil for anything else.
    init?(hex: UnsafeBufferPointer<UInt8>) {
        self.init(hex: hex, lowercaseOnly: false)
    }

    /// From exactly 64 hex digits; with `lowercaseOnly`, only as `hex` writes them (so that
    /// equal values mean equal texts, as the chain compares its stored hashes).
    init?(hex: UnsafeBufferPointer<UInt8>, lowercaseOnly: Bool) {
        guard hex.count == 64, let base = hex.baseAddress else { return nil }
        let fold: UInt8 = lowercaseOnly ? 0 : 0x20
        var invalid: UInt8 = 0
        @inline(__always) func word(_ start: Int) -> UInt64 {
            var word: UInt64 = 0
            for k in start..<(start + 16) {
                let c = base[k]
                let digit = c &- 48
                let letter = (c | fold) &- 97
                let nibble: UInt8 = digit < 10 ? digit : (letter < 6 ? letter &+ 10 : 0xFF)
                invalid |= nibble & 0xF0
                word = word << 4 | UInt64(nibble & 0x0F)
            }
            return word
        }
        (a, b, c, d) = (word(0), word(16), word(32), word(48))
        if invalid != 0 { return nil }
    }

    /// Lowercase hex.
    public var hex: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for word in [a, b, c, d] { for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8((word >> UInt64(shift)) & 0xFF)) } }
        return Hex.encode(bytes)
    }
}
